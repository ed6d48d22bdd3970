//! Who speaks each quotation: the attribution clause before or after it, a pronoun's
//! latest person, a continuation of the quotation before, and the side a speaker speaks for.

use std::collections::{BTreeSet, HashMap};

use super::actors::{self, Mention, MentionKind, Speaker};
use super::document::DocState;
use super::quotes;
use crate::lexicon::Lexicon;
use crate::sides::side_id;
use quotes::QuoteSeg;

/// The words naming who speaks in an attribution clause (`Jane Doe said:` → `Jane Doe`,
/// `, said Jane Doe.` → `Jane Doe`).
fn who_of(clause: &str, lex: &Lexicon) -> Option<String> {
    let clean = clause
        .trim()
        .trim_matches(|c: char| matches!(c, ',' | ':' | '.' | ';') || c.is_whitespace());
    let words: Vec<&str> = clean.split_whitespace().collect();
    let verb_at = words.iter().position(|w| {
        lex.reading.speech_verbs.contains(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase(),
        )
    })?;
    let skip = |w: &&str| {
        matches!(
            w.to_lowercase().as_str(),
            "has" | "had" | "have" | "also" | "then" | "later"
        )
    };
    let before: Vec<&str> = words[..verb_at]
        .iter()
        .copied()
        .filter(|w| !skip(w))
        .collect();
    let who = if before.is_empty() {
        // "said Jane Doe, leader of the council"
        words[verb_at + 1..].join(" ")
    } else {
        let joined = before.join(" ");
        // "Speaking to the BBC, a spokesperson", "In a statement, the club": the opening
        // phrase is not the speaker
        match joined.split_once(',') {
            Some((opening, rest))
                if !rest.trim().trim_matches(',').is_empty()
                    && opening.split_whitespace().next().is_some_and(|w| {
                        let w = w.to_lowercase();
                        lex.reading.attribution_openers.contains(&w) || w.ends_with("ing")
                    }) =>
            {
                rest.to_string()
            }
            // "In their statement the pair": the opening phrase runs to its statement noun
            _ if before
                .first()
                .is_some_and(|w| lex.reading.attribution_openers.contains(&w.to_lowercase())) =>
            {
                match before
                    .iter()
                    .position(|w| lex.reading.organisation_cues.contains(&w.to_lowercase()))
                {
                    Some(k) if k + 1 < before.len() => before[k + 1..].join(" "),
                    _ => joined,
                }
            }
            _ => joined,
        }
    };
    let who = who
        .trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string();
    (!who.is_empty()).then_some(who)
}

/// The speaker of each quotation chain: named by its lead or trail, else the speaker of the
/// quotation in the paragraph just before (a continuation), or a pronoun's last speaker.
pub(super) fn chain_speakers(
    st: &DocState,
    segs: &[QuoteSeg],
    paragraphs: &[crate::corpus::Paragraph],
) -> HashMap<usize, Option<Speaker>> {
    let body = &st.doc.body;
    let mut out: HashMap<usize, Option<Speaker>> = HashMap::new();
    let mut last: Option<(Speaker, usize, usize)> = None; // speaker, paragraph and offset of the quote
    let mut local = st.local.clone();
    // the segments of each chain, chains in order of their first segment: one pass, so a
    // body of a million quote marks is not a million scans
    let mut by_chain: HashMap<usize, Vec<&QuoteSeg>> = HashMap::new();
    let mut order: Vec<usize> = Vec::new();
    for s in segs {
        let members = by_chain.entry(s.chain).or_default();
        if members.is_empty() {
            order.push(s.chain);
        }
        members.push(s);
    }
    let full: BTreeSet<usize> = segs.iter().filter(|s| s.full).map(|s| s.chain).collect();
    order.retain(|c| full.contains(c));
    for chain in order {
        let members = by_chain.remove(&chain).unwrap_or_default();
        let mut found: Option<Speaker> = None;
        for s in &members {
            for clause in [s.lead.clone(), s.trail.clone()].into_iter().flatten() {
                if found.is_some() {
                    break;
                }
                let Some(who) = who_of(&body[clause.clone()], st.lex) else {
                    continue;
                };
                let lower = who.to_lowercase();
                if st.lex.reading.person_pronouns.contains(&lower) {
                    // the latest person: the last quote's speaker or a person named since
                    // the latest person who is a sentence's subject, else the latest named
                    // (not a person named inside the quotation itself: "“Doe has misread
                    // it,” he said" is not Doe's)
                    let quoted = |m: &Mention| {
                        members
                            .iter()
                            .any(|q| q.content.start <= m.start && m.end <= q.content.end)
                    };
                    let candidates = || {
                        st.named.iter().rev().filter(|m| {
                            m.kind == MentionKind::Person
                                && m.end <= clause.start
                                && !quoted(m)
                                && last.as_ref().is_none_or(|(_, _, at)| m.start > *at)
                        })
                    };
                    let named = candidates()
                        .find(|m| st.opens_sentence(m))
                        .or_else(|| candidates().next());
                    found =
                        match named {
                            Some(m) => {
                                let name = actors::full_name(&m.name, &local);
                                let party =
                                    m.party.clone().or_else(|| {
                                        local.people.get(&name).cloned().flatten().or_else(|| {
                                            st.known.people.get(&name).cloned().flatten()
                                        })
                                    });
                                Some(Speaker {
                                    name,
                                    party,
                                    has_role: m.role.is_some(),
                                    person: true,
                                })
                            }
                            None => last.as_ref().map(|(s, _, _)| s.clone()),
                        };
                } else {
                    found = actors::speaker(&who, st.lex, st.known, &local);
                    // "Mr Doe and Ms Roe said": two people who speak as one; the first names it
                    if let Some((one, _)) = who.split_once(" and ")
                        && found.as_ref().is_none_or(|f| !f.person)
                        && let Some(first) = actors::speaker(one, st.lex, st.known, &local)
                        && first.person
                    {
                        found = Some(first);
                    }
                }
                if found.is_none() {
                    // "the spokesperson said", "the union said", "a union source said"
                    let words: Vec<String> = lower
                        .split_whitespace()
                        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
                        .filter(|w| {
                            !matches!(w.as_str(), "the" | "a" | "an" | "its" | "their" | "")
                        })
                        .collect();
                    if let Some((party, person)) = st.resolve_phrase(&words, clause.start)
                        && (party.is_some() || person.is_some())
                    {
                        found = Some(Speaker {
                            name: person
                                .clone()
                                .unwrap_or_else(|| party.clone().unwrap_or_default()),
                            party,
                            has_role: true,
                            person: person.is_some(),
                        });
                    }
                }
            }
        }
        let first = members[0];
        if found.is_none()
            && let Some((s, para, _)) = &last
            && *para == first.paragraph
        {
            // `"…," Doe said. "…"`: the next quote of the paragraph is still Doe's
            found = Some(s.clone());
        }
        if found.is_none() {
            let starts_paragraph = paragraphs
                .get(first.paragraph)
                .is_some_and(|p| p.span.start == first.open);
            if starts_paragraph && let Some((s, para, _)) = &last {
                // a continuation quote after the speaker's own quote
                if *para + 1 == first.paragraph || members.iter().any(|m| m.paragraph == *para) {
                    found = Some(s.clone());
                }
            }
        }
        if let Some(s) = &mut found
            && s.person
            && s.party.is_none()
        {
            s.party = st.people.get(&s.name).cloned().flatten();
        }
        if let Some(s) = &found {
            if s.person && s.name.contains(' ') {
                local.add_person(&s.name, s.party.as_deref());
            }
            let end_para = members.last().map_or(first.paragraph, |m| m.paragraph);
            let at = members.last().map_or(first.open, |m| m.open);
            last = Some((s.clone(), end_para, at));
        }
        out.insert(chain, found);
    }
    out
}

/// Whether a publisher is a known news outlet (by name or host label).
pub(super) fn is_outlet(publisher: &str, lex: &Lexicon) -> bool {
    lex.outlet_by_key(&crate::lexicon::outlet_key(publisher))
        .is_some_and(|o| side_id(&o.name) == side_id(publisher))
}

/// The side a speaker speaks for: the party their role or the corpus names; a person
/// whose role names no party ("Chief Constable") in a release of a non-outlet publisher is
/// taken to speak for the publisher.
pub(super) fn speaker_party(s: &Speaker, st: &DocState) -> Option<String> {
    if let Some(p) = &s.party {
        return Some(side_id(&st.known.party(p)));
    }
    let outlet = st
        .publisher
        .as_deref()
        .is_some_and(|p| is_outlet(p, st.lex));
    if s.person && s.has_role && !outlet {
        return st.publisher.as_deref().map(side_id);
    }
    None
}
