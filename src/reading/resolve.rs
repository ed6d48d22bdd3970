//! What a common noun phrase, a document noun or a rebuttal stands for in a document:
//! "the union", "the spokesperson", "the pair", "the statement says", "Doe has misread".

use std::collections::BTreeSet;

use super::actors::{self, Mention, MentionKind};
use super::document::DocState;
use super::learn::party_class;
use super::reported;
use super::speakers::is_outlet;
use crate::sides::side_id;

impl<'a> DocState<'a> {
    /// The party (and person) a common noun phrase at body offset `pos` stands for: a role
    /// ("the spokesperson", "the chief executive") → the latest actor of the document given
    /// it, else a person of the folder given it; a party noun ("the union", "company
    /// bosses") → the latest party of that class the document names, its publisher, or the
    /// party of that class the folder names most.
    pub(super) fn resolve_phrase(
        &self,
        words: &[String],
        pos: usize,
    ) -> Option<(Option<String>, Option<String>)> {
        let r = &self.lex.reading;
        let roles: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| {
                (r.role_words.contains(*w) || r.organisation_cues.contains(*w))
                    && !r.party_nouns.contains_key(*w)
            })
            .collect();
        let body = &self.doc.body;
        if !roles.is_empty() {
            let has_role = |role: &str| {
                let role = role.to_lowercase();
                let parts: Vec<&str> = role.split(|c: char| !c.is_alphanumeric()).collect();
                roles.iter().all(|w| parts.contains(w))
            };
            let wanted = roles.join(" ");
            // characters enough for "{wanted} for the" even where lower-casing doubles them
            let reach = 2 * (wanted.chars().count() + " for the".len());
            for m in self.named.iter().rev().filter(|m| m.end <= pos) {
                if m.kind == MentionKind::Person {
                    if m.role.as_deref().is_some_and(has_role) {
                        return Some((m.party.clone(), Some(m.name.clone())));
                    }
                    continue;
                }
                if m.party.is_none() {
                    continue;
                }
                let after = body[m.end..]
                    .trim_start_matches(['\'', '’', 's'])
                    .trim_start();
                // only as many characters as the phrases compared need are lower-cased (each
                // at most two from one), not the rest of the document
                let after = head_chars(after, reach).to_lowercase();
                let before = tail_chars(body[..m.start].trim_end(), reach).to_lowercase();
                if after.starts_with(&wanted)
                    || before.ends_with(&format!("{wanted} for"))
                    || before.ends_with(&format!("{wanted} for the"))
                {
                    return Some((m.party.clone(), None));
                }
            }
            // the folder's people with a role holding the first role word, then all of them
            let listed = self
                .known
                .role_index
                .get(roles[0])
                .map_or(&[][..], Vec::as_slice);
            let people: Vec<&(String, String, Option<String>)> = (listed.iter())
                .map(|&i| &self.known.roles[i])
                .filter(|(role, _, _)| has_role(role))
                .take(2)
                .collect();
            if let [(_, name, party)] = people.as_slice() {
                return Some((party.clone(), Some(name.clone())));
            }
        }
        // "the forces said", "both unions insist": several parties of one class speak as one;
        // when the document has named two of them, the sentence is nobody's in particular
        let class = words.iter().find_map(|w| {
            let singular = [w.strip_suffix("ies").map(|s| format!("{s}y"))]
                .into_iter()
                .flatten()
                .chain(
                    [w.strip_suffix('s').map(str::to_string)]
                        .into_iter()
                        .flatten(),
                );
            r.party_nouns
                .get(w)
                .or_else(|| singular.filter_map(|s| r.party_nouns.get(&s)).next())
        });
        let joint = words.iter().any(|w| r.joint_nouns.contains(w))
            || (roles.is_empty() && words.iter().any(|w| matches!(w.as_str(), "both" | "two")));
        if joint && let Some(class) = class {
            let named: BTreeSet<String> = (self.named.iter())
                .filter(|m| m.end <= pos)
                .filter_map(|m| m.party.as_deref())
                .filter(|p| self.class_of(p) == *class)
                .map(side_id)
                .collect();
            if named.len() >= 2 {
                return Some((None, None));
            }
        }
        // "the pair", "the two", "both men": the latest person who is a sentence's subject
        if words
            .iter()
            .any(|w| matches!(w.as_str(), "pair" | "duo" | "two" | "both"))
        {
            let people = || {
                (self.named.iter().rev()).filter(|m| m.kind == MentionKind::Person && m.end <= pos)
            };
            if let Some(m) = people()
                .find(|m| self.opens_sentence(m))
                .or_else(|| people().next())
            {
                // the pair is the people of that sentence: the first of them whose party is
                // known names it ("X's commissioner Jo Roe and Deputy Chief Kim Lee")
                let same_sentence = |n: &&Mention| {
                    let (a, b) = if n.start < m.start {
                        (n.end, m.start)
                    } else {
                        (m.end, n.start)
                    };
                    a <= b && !body[a..b].contains(['.', '!', '?', '\n'])
                };
                let pair: Vec<&Mention> = (self.named.iter())
                    .filter(|n| n.kind == MentionKind::Person && n.end <= pos)
                    .filter(same_sentence)
                    .collect();
                let first = pair
                    .iter()
                    .find(|n| n.party.is_some())
                    .copied()
                    .unwrap_or(m);
                let party = first.party.clone().or_else(|| m.party.clone());
                return Some((party, Some(first.name.clone())));
            }
        }
        if let Some(author) = words
            .iter()
            .find(|w| r.document_nouns.contains(*w))
            .and_then(|noun| self.author_of(noun, pos))
        {
            return Some(author);
        }
        let Some(class) = words.iter().find_map(|w| r.party_nouns.get(w)) else {
            // "the statement says", "the letter said" in a party's own text: the party's
            if words.iter().any(|w| r.organisation_cues.contains(w)) && self.is_party_release() {
                return Some((self.publisher.clone(), None));
            }
            return None;
        };
        self.resolve_class(class, pos).map(|p| (Some(p), None))
    }

    /// The one other party a quoted or reported rebuttal names ("Doe has misread the
    /// issue", "the union's figures are false and misleading"): a rebuttal phrase or denial
    /// verb, and exactly one party (or person of known party) other than the claimant.
    pub(super) fn rebutted(
        &self,
        text: &str,
        ms: &[Mention],
        claimant: Option<&str>,
    ) -> Option<String> {
        let claimant = claimant?;
        // the other parties first: most statements name none, and then no phrase is looked for
        let others: BTreeSet<String> = ms
            .iter()
            .filter_map(|m| match (&m.party, m.kind) {
                (Some(p), _) => Some(p.clone()),
                (None, MentionKind::Person) => self.people.get(&m.name).cloned().flatten(),
                _ => None,
            })
            .map(|p| side_id(&self.known.party(&p)))
            .filter(|id| id != claimant)
            .collect();
        if others.len() != 1 {
            return None;
        }
        let lower = text.to_lowercase();
        let has = |phrase: &str| word_hits(&lower, phrase).next().is_some();
        let rebuts = (self.lex.compare.denial_phrases.iter()).any(|p| has(p))
            || (self.lex.reading.denial_verbs.iter()).any(|v| has(v));
        rebuts.then(|| others.into_iter().next()).flatten()
    }

    /// Who issued the text a document noun ("statement", "letter") at body offset `pos`
    /// speaks of: the party reported in the first earlier sentence that speaks of such a
    /// text ("In a letter, the union told …"); failing that, the first person of known
    /// party, else the first party, named in such a sentence ("The statement, released by
    /// Jo Roe, …").
    pub(super) fn author_of(
        &self,
        noun: &str,
        pos: usize,
    ) -> Option<(Option<String>, Option<String>)> {
        if self.in_author.get() {
            return None;
        }
        let body = &self.doc.body;
        // the first few sentences that speak of such a text: where it is introduced
        let sentences: Vec<std::ops::Range<usize>> = word_hits(&self.lower[..pos], noun)
            .take(4)
            .map(|i| {
                let start = body[..i].rfind(['.', '!', '?', '\n']).map_or(0, |k| k + 1);
                let stop = body[i..]
                    .find(['.', '!', '?', '\n'])
                    .map_or(body.len(), |k| i + k);
                start..stop
            })
            .collect();
        self.in_author.set(true);
        let reported = sentences.iter().find_map(|r| {
            let text = &body[r.clone()];
            let (prepared, ms) = self.actors_of(text);
            let before = self.named_before(r.start);
            let at = r.start;
            let resolve = |words: &[String], p: usize| self.resolve_phrase(words, at + p);
            reported::report_tokens(prepared.tokens(), &ms, before, self.lex, &resolve)
                .filter(|rep| rep.claimant.is_some())
                .map(|rep| (rep.claimant, rep.speaker))
        });
        self.in_author.set(false);
        if reported.is_some() {
            return reported;
        }
        for r in &sentences {
            let in_sentence = || {
                (self.named.iter())
                    .filter(|m| m.start >= r.start && m.end <= r.end && m.party.is_some())
            };
            if let Some(m) = in_sentence().find(|m| m.kind == MentionKind::Person) {
                return Some((m.party.clone(), Some(m.name.clone())));
            }
            if let Some(m) = in_sentence().next() {
                return Some((m.party.clone(), None));
            }
        }
        None
    }

    /// The party of a class (`union`, `company`) meant at body offset `pos`: the latest of
    /// that class the document names before it, its publisher, or the folder's most named.
    pub(super) fn resolve_class(&self, class: &str, pos: usize) -> Option<String> {
        let fits = |party: &str| self.class_of(party) == class;
        // the latest sentence subject of that class (a person counts for their party), then
        // any latest mention of it
        if let Some(m) = self.named.iter().rev().find(|m| {
            m.end <= pos && m.party.as_deref().is_some_and(fits) && self.opens_sentence(m)
        }) {
            return m.party.clone();
        }
        if let Some(m) = self.named.iter().rev().find(|m| {
            m.end <= pos && m.kind != MentionKind::Person && m.party.as_deref().is_some_and(fits)
        }) {
            return m.party.clone();
        }
        if let Some(p) = self.publisher.as_deref().filter(|p| fits(p)) {
            return Some(p.to_string());
        }
        self.known.class_best.get(class).cloned()
    }

    /// Whether the document is a party's own text (a release, a letter, a circular): its
    /// publisher is no known outlet and is a party the folder's texts name.
    pub(super) fn is_party_release(&self) -> bool {
        let Some(p) = self.publisher.as_deref() else {
            return false;
        };
        let id = side_id(p);
        let outlet = is_outlet(p, self.lex);
        !outlet && self.known.counts.get(&id).is_some_and(|n| *n > 0)
    }

    /// Whether a mention is its sentence's subject: only capitalised words, role words and
    /// possessives ("Riverton's chief constable") stand between it and the sentence start.
    pub(super) fn opens_sentence(&self, m: &Mention) -> bool {
        let before = &self.doc.body[..m.start];
        // after the mark that ends the previous sentence (curly quotes are three bytes)
        let start = before
            .rfind(['.', '!', '?', '\n', '"', '“', '”'])
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let words: Vec<&str> = before[start..].split_whitespace().collect();
        words.len() <= 5
            && words.iter().all(|w| {
                let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
                let lower = bare.to_lowercase();
                bare.chars().next().is_some_and(char::is_uppercase)
                    || self.lex.reading.role_words.contains(&lower)
                    || w.ends_with("'s")
                    || w.ends_with("’s")
                    || lower == "the"
            })
    }

    /// Gives the people the document names with a role that names their party only by a
    /// common noun ("the club's chair", "the union's general secretary") that party, and
    /// remembers every named person's party for their later mentions ("Doe said").
    pub(super) fn settle_people(&mut self) {
        for i in 0..self.named.len() {
            let m = &self.named[i];
            if m.kind != MentionKind::Person || m.party.is_some() {
                continue;
            }
            let Some(role) = m.role.as_deref() else {
                continue;
            };
            let role = role.to_lowercase();
            let class = role
                .split(|c: char| !c.is_alphanumeric())
                .find_map(|w| self.lex.reading.party_nouns.get(w).cloned());
            if let Some(class) = class {
                let party = self.resolve_class(&class, m.start);
                self.named[i].party = party;
            }
        }
        for m in &self.named {
            if m.kind == MentionKind::Person && m.party.is_some() {
                self.local.add_person(&m.name, m.party.as_deref());
                self.people
                    .entry(m.name.clone())
                    .or_insert_with(|| m.party.clone());
            }
        }
    }

    /// The actors a piece of this document names ([`actors::mentions`], people's parties
    /// filled in by [`DocState::with_people`]), with its words for the report that follows.
    pub(super) fn actors_of<'t>(&self, text: &'t str) -> (actors::Prepared<'t>, Vec<Mention>)
    where
        'a: 't,
    {
        let prepared = actors::prepare(text, self.lex);
        let ms = self.with_people(actors::mentions_prepared(&prepared, self.lex, self.known));
        (prepared, ms)
    }

    /// The actors the document names before byte `at` (a prefix of them all).
    pub(super) fn named_before(&self, at: usize) -> &[Mention] {
        &self.named[..self.named.iter().take_while(|m| m.end <= at).count()]
    }

    /// Fills in the party of people in `ms` whose party this document has given.
    pub(super) fn with_people(&self, mut ms: Vec<Mention>) -> Vec<Mention> {
        for m in &mut ms {
            if m.kind == MentionKind::Person && m.party.is_none() {
                m.party = self.people.get(&m.name).cloned().flatten();
            }
        }
        ms
    }

    /// The class of a party (`union`, `police`, `company`, …), as the first pass settled it.
    pub(super) fn class_of(&self, party: &str) -> String {
        self.known
            .classes
            .get(&side_id(party))
            .cloned()
            .unwrap_or_else(|| party_class(&self.known.party(party), &[], self.lex))
    }
}

/// Where a lower-case phrase stands in a lower-case text as whole words (not inside a
/// longer word: "letter" is not in "letters").
fn word_hits<'a>(lower: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    lower.match_indices(phrase).filter_map(move |(i, _)| {
        let whole = boundary(lower[..i].chars().next_back())
            && boundary(lower[i + phrase.len()..].chars().next());
        whole.then_some(i)
    })
}

/// The first `n` characters of `text` (all of it when shorter).
fn head_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(i, _)| &text[..i])
}

/// The last `n` characters of `text` (all of it when shorter).
fn tail_chars(text: &str, n: usize) -> &str {
    match n.checked_sub(1) {
        Some(k) => (text.char_indices().rev().nth(k)).map_or(text, |(i, _)| &text[i..]),
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::{head_chars, tail_chars};

    #[test]
    fn heads_and_tails_count_characters_not_bytes() {
        assert_eq!(head_chars("Café Nord said", 4), "Café");
        assert_eq!(head_chars("abc", 10), "abc");
        assert_eq!(tail_chars("the Mayor’s office", 9), "’s office");
        assert_eq!(tail_chars("abc", 10), "abc");
        assert_eq!(tail_chars("abc", 0), "");
    }
}
