//! Actors: organisations, parties and people named in a text, and the party each speaks for.
//!
//! Organisations are runs of capitalised words that hold an organisation word of
//! `actors.yaml` ("Northshire Fire and Rescue Service"). People are names after a title or
//! a role ("Chief Executive Jane Doe", "Mr Doe") or before a role ("Jane Doe, leader of
//! Riverton Council,"). A person's party comes from the role ("… for Riverton", "Riverton's
//! …", an organisation in it). Parties already known in the corpus are also found bare
//! ("Riverton said …").

use std::collections::BTreeMap;

use crate::lexicon::Lexicon;
use crate::sides::side_id;

/// Words that join capitalised words into one name ("Bank of England").
const CONNECTORS: &[&str] = &["and", "of", "for", "the", "&", "on", "in"];

/// A word of a text with its byte range and the punctuation around it.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// Byte range of the bare word in the text (possessive `'s` excluded).
    pub start: usize,
    /// End of the bare word.
    pub end: usize,
    /// The bare word.
    pub text: &'a str,
    /// Starts with an upper-case letter (or is an acronym).
    pub cap: bool,
    /// Ended in `'s` / `’s`.
    pub possessive: bool,
    /// Opening punctuation (a quote mark or bracket) stood before it.
    pub break_before: bool,
    /// Clause punctuation (`,` `.` `:` `;` a quote mark or bracket) stood after it.
    pub break_after: bool,
    /// The punctuation right after the word (`,`, `:`, …), if any.
    pub after: Option<char>,
    /// Inside round brackets.
    pub paren: bool,
    /// The word in lower case: borrowed from the text when it has no capital letter, so
    /// that most words cost no allocation.
    pub lower: std::borrow::Cow<'a, str>,
}

impl Tok<'_> {
    /// The word in lower case (made once, when the text is tokenized).
    pub fn lower(&self) -> &str {
        &self.lower
    }
}

/// The pieces `text.split_inclusive(char::is_whitespace)` makes (each up to and with a
/// whitespace character, then the rest), found byte by byte where the text is ASCII instead
/// of decoding every character.
fn whitespace_pieces(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let (mut from, mut i) = (0, 0);
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            let (space, len) = if b.is_ascii() {
                // `char::is_whitespace` of an ASCII character
                (matches!(b, b' ' | b'\t'..=b'\r'), 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            };
            i += len;
            if space {
                let piece = &text[from..i];
                from = i;
                return Some(piece);
            }
        }
        (from < bytes.len()).then(|| {
            let piece = &text[from..];
            from = bytes.len();
            piece
        })
    })
}

/// The words of a text.
pub fn tokens(text: &str) -> Vec<Tok<'_>> {
    // about one word in six bytes
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut depth = 0i32;
    let mut pos = 0;
    for raw in whitespace_pieces(text) {
        let start_raw = pos;
        pos += raw.len();
        let raw_trim = raw.trim_end();
        if raw_trim.is_empty() {
            continue;
        }
        let opens = raw_trim.starts_with('(');
        if opens {
            depth += 1;
        }
        // an ASCII piece (most) is trimmed byte by byte, without decoding characters
        let ascii = raw_trim.is_ascii();
        let lead = if ascii {
            (raw_trim.bytes())
                .position(|b| b.is_ascii_alphanumeric() || b == b'$')
                .unwrap_or(raw_trim.len())
        } else {
            raw_trim.len()
                - raw_trim
                    .trim_start_matches(|c: char| {
                        !c.is_alphanumeric() && c != '£' && c != '$' && c != '€'
                    })
                    .len()
        };
        let core = &raw_trim[lead..];
        let core_trim = if ascii {
            let end = (core.bytes())
                .rposition(|b| b.is_ascii_alphanumeric())
                .map_or(0, |i| i + 1);
            &core[..end]
        } else {
            core.trim_end_matches(|c: char| !c.is_alphanumeric())
        };
        let tail = &core[core_trim.len()..];
        let (word, possessive) = match core_trim
            .strip_suffix("'s")
            .or_else(|| core_trim.strip_suffix("’s"))
        {
            Some(w) if !w.is_empty() => (w, true),
            _ => (
                core_trim,
                tail.starts_with(['\'', '’']) && core_trim.ends_with('s'),
            ),
        };
        let inside = depth > 0;
        if raw_trim.ends_with(')') || tail.contains(')') {
            depth = (depth - 1).max(0);
        }
        let (word, lead) = if raw_trim == "&" {
            ("&", 0)
        } else {
            (word, lead)
        };
        if word.is_empty() {
            continue;
        }
        let start = start_raw + lead;
        let after = tail.chars().find(|c| !matches!(c, '\'' | '’'));
        out.push(Tok {
            start,
            end: start + word.len(),
            text: word,
            cap: word.chars().next().is_some_and(char::is_uppercase),
            possessive,
            break_before: lead > 0 && raw_trim[..lead].contains(['"', '“', '‘', '(', '[', '\'']),
            break_after: tail
                .contains([',', '.', ':', ';', '"', '”', ')', ']', '?', '!', '–', '—']),
            after,
            paren: inside || opens,
            lower: if word
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                std::borrow::Cow::Borrowed(word)
            } else if word.is_ascii() {
                std::borrow::Cow::Owned(word.to_ascii_lowercase())
            } else {
                std::borrow::Cow::Owned(word.to_lowercase())
            },
        });
    }
    out
}

/// What a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// An organisation ("Riverton City Council").
    Organisation,
    /// A party named bare ("Riverton").
    Party,
    /// A person.
    Person,
}

/// An actor named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// What it names.
    pub kind: MentionKind,
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The canonical name: an organisation's name, a person's full name.
    pub name: String,
    /// The party it speaks for, when known.
    pub party: Option<String>,
    /// A person's role as written ("Chief Executive"), if any.
    pub role: Option<String>,
    /// The name was rewritten from the text's word order ("Riverton Mayor" → "Mayor of
    /// Riverton").
    pub rewritten: bool,
}

/// What the corpus has taught about actors: organisations, parties and people.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Organisation name → party.
    pub organisations: BTreeMap<String, String>,
    /// Organisations whose name was rewritten from the text's word order.
    pub rewritten: BTreeMap<String, bool>,
    /// Party key (side id) → display name.
    pub parties: BTreeMap<String, String>,
    /// Person's full name → party, when a role says.
    pub people: BTreeMap<String, Option<String>>,
    /// The people each document names in full (document id → name, party).
    pub doc_people: crate::text::WordMap<String, Vec<(String, Option<String>)>>,
    /// Lower-case party names by their word count, for bare mentions.
    party_words: crate::text::WordMap<String, String>,
    max_party_words: usize,
    /// How often the texts name each party (side id), for "the union" when the document
    /// itself does not say which.
    pub counts: crate::text::WordMap<String, usize>,
    /// The class of each party (side id → `union`, `company`, …), for "the union".
    pub classes: crate::text::WordMap<String, String>,
    /// For each class, the party of that class the texts name most.
    pub class_best: crate::text::WordMap<String, String>,
    /// The entries of `roles` by each word of their role.
    pub role_index: crate::text::WordMap<String, Vec<usize>>,
    /// People with a role, as learned: (role in lower case, full name, party).
    pub roles: Vec<(String, String, Option<String>)>,
    /// Other names of parties (acronyms the text defines, organisations found by their
    /// context), lower case → party.
    aliases: crate::text::WordMap<String, String>,
    /// Full names of `people` by their last word (the text after the last space), each
    /// list in name order: surname look-ups without a scan of everyone.
    surnames: crate::text::WordMap<String, Vec<String>>,
    /// Side ids of parties written two ways → the side id they stand for
    /// ([`Known::merge_variants`]).
    pub variants: BTreeMap<String, String>,
}

impl Known {
    /// Records an organisation and its party.
    pub fn add_organisation(&mut self, name: &str, party: &str, rewritten: bool) {
        self.organisations
            .entry(name.to_string())
            .or_insert_with(|| party.to_string());
        let r = self.rewritten.entry(name.to_string()).or_insert(rewritten);
        *r = *r && rewritten;
        self.add_party(party);
    }

    /// Records a party name.
    pub fn add_party(&mut self, party: &str) {
        let key = side_id(party);
        self.parties.entry(key).or_insert_with(|| party.to_string());
        let lower = party.to_lowercase();
        let n = lower.split_whitespace().count();
        self.max_party_words = self.max_party_words.max(n);
        self.party_words
            .entry(lower)
            .or_insert_with(|| party.to_string());
    }

    /// Records a person, keeping a party once one is known.
    pub fn add_person(&mut self, name: &str, party: Option<&str>) {
        let mut added = false;
        let e = self.people.entry(name.to_string()).or_insert_with(|| {
            added = true;
            None
        });
        if e.is_none() {
            *e = party.map(str::to_string);
        }
        if added && let Some((_, last)) = name.rsplit_once(' ') {
            let list = self.surnames.entry(last.to_string()).or_default();
            if let Err(at) = list.binary_search_by(|n| n.as_str().cmp(name)) {
                list.insert(at, name.to_string());
            }
        }
    }

    /// The display name of a party as first recorded.
    pub fn party(&self, party: &str) -> String {
        self.parties
            .get(&side_id(party))
            .cloned()
            .unwrap_or_else(|| party.to_string())
    }

    /// Makes parties whose names differ only in spelling one party ("The Guardian" and
    /// "Guardian", "Acme Group" and "Acme", "Communications Workers Union" and
    /// "Communication Workers Union"): each variant's key then names the party the texts
    /// name most. Returns variant side id → the side id it now stands for.
    pub fn merge_variants(&mut self) -> BTreeMap<String, String> {
        fn norm(id: &str) -> String {
            let mut words: Vec<&str> = id.split('-').filter(|w| !w.is_empty()).collect();
            if words.len() > 1 && words[0] == "the" {
                words.remove(0);
            }
            while words.len() > 1
                && words.last().is_some_and(|w| {
                    matches!(*w, "group" | "plc" | "ltd" | "limited" | "inc" | "holdings")
                })
            {
                words.pop();
            }
            words
                .iter()
                .map(|w| match w.strip_suffix('s') {
                    Some(stem) if w.len() > 3 && !stem.ends_with('s') => stem,
                    _ => w,
                })
                .collect::<Vec<_>>()
                .join("-")
        }
        let mut by_norm: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for key in self.parties.keys() {
            by_norm.entry(norm(key)).or_default().push(key.clone());
        }
        let mut merged = BTreeMap::new();
        for keys in by_norm.into_values().filter(|k| k.len() > 1) {
            let count = |k: &String| self.counts.get(k).copied().unwrap_or(0);
            let Some(main) = keys
                .iter()
                .max_by(|a, b| {
                    count(a)
                        .cmp(&count(b))
                        .then(b.len().cmp(&a.len()))
                        .then(b.cmp(a))
                })
                .cloned()
            else {
                continue;
            };
            let name = self.parties[&main].clone();
            for k in keys.into_iter().filter(|k| *k != main) {
                let n = self.counts.remove(&k).unwrap_or(0);
                *self.counts.entry(main.clone()).or_default() += n;
                self.parties.insert(k.clone(), name.clone());
                merged.insert(k, main.clone());
            }
        }
        merged
    }

    /// Records another name of a party ("BMA" for "British Medical Association").
    pub fn add_alias(&mut self, alias: &str, party: &str) {
        self.add_party(party);
        let lower = alias.to_lowercase();
        self.max_party_words = self.max_party_words.max(lower.split_whitespace().count());
        self.aliases
            .entry(lower)
            .or_insert_with(|| self.parties[&side_id(party)].clone());
        self.organisations
            .entry(alias.to_string())
            .or_insert_with(|| party.to_string());
    }

    /// A bare party name (or alias) made of exactly these words, if known.
    fn bare_party(&self, words: &[&str]) -> Option<String> {
        let lower = words.join(" ").to_lowercase();
        self.party_words
            .get(&lower)
            .or_else(|| self.aliases.get(&lower))
            .cloned()
    }

    /// The party a name already stands for (a party's name or an alias), if any.
    pub fn party_named(&self, name: &str) -> Option<String> {
        self.bare_party(&name.split_whitespace().collect::<Vec<_>>())
    }

    /// Whether a name is a known person's full name or surname.
    pub fn is_person_name(&self, name: &str) -> bool {
        self.people.contains_key(name) || (!name.contains(' ') && self.surnames.contains_key(name))
    }

    /// The full names of known people with this surname.
    pub fn by_surname(&self, surname: &str) -> Vec<&str> {
        if !surname.contains(' ') {
            // a name ends with " surname" exactly when its text after the last space is it
            return self
                .surnames
                .get(surname)
                .map(|names| names.iter().map(String::as_str).collect())
                .unwrap_or_default();
        }
        self.people
            .keys()
            .filter(|n| {
                n.len() > surname.len()
                    && n.ends_with(surname)
                    && n[..n.len() - surname.len()].ends_with(' ')
            })
            .map(String::as_str)
            .collect()
    }
}

/// How a word of a capitalised run serves.
fn is_org_word(t: &Tok, lex: &Lexicon) -> bool {
    lex.is_organisation_word(t.text)
}

fn is_role_word(t: &Tok, lex: &Lexicon) -> bool {
    let l = t.lower();
    lex.reading.role_words.contains(l) || lex.reading.titles.contains(l)
}

fn is_name_word(t: &Tok, lex: &Lexicon) -> bool {
    let l = t.lower();
    t.cap
        && t.text.chars().any(char::is_lowercase)
        && !lex.is_organisation_word(t.text)
        && !lex.reading.role_words.contains(l)
        && !lex.reading.titles.contains(l)
        && !lex.reading.function_words.contains(l)
        && !lex.reading.affiliations.contains(l)
}

/// The longest run of capitalised words read as one: no name is longer, and the work on a
/// run grows faster than its length (a text of nothing but "Alpha and Beta and …" would
/// otherwise take hours).
const MAX_RUN_WORDS: usize = 24;

/// Runs of capitalised words (with connectors inside), as token index ranges, each at most
/// [`MAX_RUN_WORDS`] long.
fn runs(toks: &[Tok]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < toks.len()
            && end - start < MAX_RUN_WORDS
            && !toks[end - 1].break_after
            && !toks[end].break_before
        {
            let t = &toks[end];
            let connector_then_cap = CONNECTORS.contains(&t.text)
                && (toks.get(end + 1).is_some_and(|n| n.cap)
                    || (toks
                        .get(end + 1)
                        .is_some_and(|n| n.text == "the" && !t.break_after)
                        && toks.get(end + 2).is_some_and(|n| n.cap)));
            if t.cap || connector_then_cap {
                end += 1;
            } else {
                break;
            }
        }
        while end > start + 1 && CONNECTORS.contains(&toks[end - 1].text) {
            end -= 1;
        }
        out.push(start..end);
        i = end;
    }
    out
}

/// A person's parts as found in a run: name tokens and role tokens.
struct PersonParts {
    name: std::ops::Range<usize>,
    role: std::ops::Range<usize>,
    /// "of Riverton" after the name ("Commissioner Jo Bloggs of Riverton"): part of the role.
    tail: std::ops::Range<usize>,
}

/// Splits a run at "and" joining two organisations ("Acme Ltd and Riverton Council"), but
/// not inside an office phrase ("Police and Crime Commissioner") or a complement ("Bank of
/// Rivers and Lakes").
fn split_and(
    toks: &[Tok],
    run: std::ops::Range<usize>,
    lex: &Lexicon,
    known: &Known,
) -> Vec<std::ops::Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = run.start;
    for k in run.clone() {
        if !(toks[k].text == "and" || toks[k].text == "&") || k == start || k + 1 >= run.end {
            continue;
        }
        let before = &toks[start..k];
        let after = &toks[k + 1..run.end];
        let protected = lex.actors.office_phrases.iter().any(|office| {
            office.contains(" and ") && {
                let words: Vec<&str> = office.split_whitespace().collect();
                (0..words.len()).any(|w| {
                    words[w] == "and"
                        && w <= k - start
                        && k + (words.len() - w) <= run.end
                        && words
                            .iter()
                            .enumerate()
                            .all(|(j, word)| toks[k - w + j].lower().trim_end_matches(',') == *word)
                })
            }
        });
        if protected {
            continue;
        }
        let complement = before.iter().any(|t| t.text == "of" || t.text == "for");
        let before_org = before.last().is_some_and(|t| is_org_word(t, lex));
        let before_party = known
            .bare_party(&before.iter().map(|t| t.text).collect::<Vec<_>>())
            .is_some();
        let after_org = after.iter().any(|t| is_org_word(t, lex))
            || known
                .bare_party(&after.iter().map(|t| t.text).collect::<Vec<_>>())
                .is_some();
        if !complement && (before_org || before_party) && after_org {
            pieces.push(start..k);
            start = k + 1;
        }
    }
    pieces.push(start..run.end);
    pieces
}

/// Finds a person in a run piece: name words after the last role, title or organisation
/// word; the words before are the role.
fn person_in(toks: &[Tok], piece: std::ops::Range<usize>, lex: &Lexicon) -> Option<PersonParts> {
    let last_role = piece
        .clone()
        .rev()
        .find(|&k| is_role_word(&toks[k], lex) || is_org_word(&toks[k], lex))?;
    // "Commissioner Jo Bloggs of Riverton": the name stops at "of"/"for", the rest is role
    let cut = (last_role + 1..piece.end)
        .find(|&k| matches!(toks[k].text, "of" | "for"))
        .filter(|&k| k + 1 < piece.end && k > last_role + 1)
        .unwrap_or(piece.end);
    let name = last_role + 1..cut;
    let count = name.len();
    if count == 0 || count > 4 || !name.clone().all(|k| is_name_word(&toks[k], lex)) {
        return None;
    }
    let role_has_title_or_role = (piece.start..=last_role).any(|k| is_role_word(&toks[k], lex));
    if !role_has_title_or_role {
        return None; // "Acme Group Holdings": words after an organisation word are its name
    }
    Some(PersonParts {
        name,
        role: piece.start..last_role + 1,
        tail: cut..piece.end,
    })
}

fn join(toks: &[Tok], range: std::ops::Range<usize>) -> String {
    range
        .map(|k| {
            if toks[k].possessive && k + 1 < toks.len() {
                format!("{}'s", toks[k].text)
            } else {
                toks[k].text.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The canonical name of an organisation written as these tokens, and whether it was
/// rewritten: "Riverton Mayor" → "Mayor of Riverton" when the office has a "… of" form;
/// "Riverton's Police Commissioner" → "Police Commissioner for Riverton".
fn organisation_name(toks: &[Tok], range: std::ops::Range<usize>, lex: &Lexicon) -> (String, bool) {
    let owned: Vec<String> = range
        .clone()
        .filter(|&k| !lex.reading.affiliations.contains(toks[k].lower()))
        .map(|k| {
            if toks[k].possessive && k + 1 < range.end {
                format!("{}'s", toks[k].text)
            } else {
                toks[k].text.to_string()
            }
        })
        .collect();
    let words: Vec<&str> = owned.iter().map(String::as_str).collect();
    let offices = &lex.actors.office_phrases;
    let with_link = |base: &str| -> Option<&'static str> {
        let base = base.to_lowercase();
        if offices
            .iter()
            .any(|o| o.strip_suffix(" for") == Some(base.as_str()))
        {
            Some("for")
        } else if offices
            .iter()
            .any(|o| o.strip_suffix(" of") == Some(base.as_str()))
        {
            Some("of")
        } else {
            None
        }
    };
    // place the party after the office when the office has that form
    for split in 1..words.len() {
        let (party, office) = (words[..split].join(" "), words[split..].join(" "));
        if let Some(link) = with_link(&office) {
            return (format!("{office} {link} {party}"), true);
        }
    }
    (words.join(" "), false)
}

/// The party a role speaks for ("Chief Executive of Riverton Council" → "Riverton Council",
/// "Riverton's mayor" → "Riverton", "Riverton PCC" → "Riverton"), if it names one.
pub fn role_party(role: &str, lex: &Lexicon, known: &Known) -> Option<String> {
    let toks = tokens(role);
    if let Some(t) = toks.first()
        && t.possessive
    {
        let upto = toks.iter().position(|t| t.possessive).unwrap_or(0);
        return Some(known.party(&join(&toks, 0..upto + 1).replace("'s", "")));
    }
    for (k, t) in toks.iter().enumerate() {
        if (t.text == "for" || t.text == "of") && toks.get(k + 1).is_some() {
            let rest: Vec<&Tok> = toks[k + 1..]
                .iter()
                .skip_while(|t| t.text == "the")
                .take_while(|t| t.cap || CONNECTORS.contains(&t.text))
                .collect();
            if let Some(first) = rest.first()
                && first.cap
            {
                let name = rest.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
                let name = name
                    .trim_end_matches(" and")
                    .trim_end_matches(" of")
                    .to_string();
                return Some(known.party(&lex.party_name(&name)));
            }
        }
    }
    for m in mentions(role, lex, known) {
        if m.kind != MentionKind::Person
            && let Some(p) = m.party
        {
            return Some(p);
        }
    }
    let stripped = lex.party_name(role);
    let words = tokens(&stripped);
    let all_names = !words.is_empty()
        && words.iter().all(|t| {
            t.cap && !is_role_word(t, lex) && !lex.reading.affiliations.contains(t.lower())
        });
    if stripped != role.trim() && all_names {
        return Some(known.party(&stripped));
    }
    None
}

/// The actors named in a text, in order.
pub fn mentions(text: &str, lex: &Lexicon, known: &Known) -> Vec<Mention> {
    mentions_prepared(&prepare(text, lex), lex, known)
}

/// What [`mentions`] reads of a text before it needs the folder's names: its words and its
/// capitalised runs, each with its openers dropped and the news outlet it names whole.
/// Made apart so that the first pass can read the next paragraphs on another core while
/// it learns from this one.
pub struct Prepared<'a> {
    toks: Vec<Tok<'a>>,
    runs: Vec<(std::ops::Range<usize>, Option<&'a crate::lexicon::Outlet>)>,
}

impl<'a> Prepared<'a> {
    /// The text's words ([`tokens`]).
    pub fn tokens(&self) -> &[Tok<'a>] {
        &self.toks
    }
}

/// A text's [`Prepared`] reading.
pub fn prepare<'a>(text: &'a str, lex: &'a Lexicon) -> Prepared<'a> {
    let toks = tokens(text);
    let mut prepared = Vec::new();
    for run in runs(&toks) {
        let mut start = run.start;
        // drop sentence openers ("Under", "The") unless they lead a possessive ("Her Majesty's")
        while start < run.end
            && (lex.reading.function_words.contains(toks[start].lower())
                || lex.reading.calendar_words.contains(toks[start].lower()))
            && !toks.get(start + 1).is_some_and(|t| t.possessive)
        {
            start += 1;
        }
        if start >= run.end {
            continue;
        }
        let whole = join(&toks, start..run.end);
        let outlet = lex
            .outlet_by_key(&crate::lexicon::outlet_key(&whole))
            .filter(|o| o.name == whole || o.name.strip_prefix("The ") == Some(whole.as_str()));
        prepared.push((start..run.end, outlet));
    }
    Prepared {
        toks,
        runs: prepared,
    }
}

/// [`mentions`] of a [`Prepared`] text.
pub fn mentions_prepared(prepared: &Prepared<'_>, lex: &Lexicon, known: &Known) -> Vec<Mention> {
    let toks = &prepared.toks;
    let mut out = Vec::new();
    for (run, outlet) in &prepared.runs {
        if let Some(outlet) = outlet {
            out.push(Mention {
                kind: MentionKind::Organisation,
                start: toks[run.start].start,
                end: toks[run.end - 1].end,
                name: outlet.name.clone(),
                party: Some(known.party(&outlet.name)),
                role: None,
                rewritten: false,
            });
            continue;
        }
        for piece in split_and(toks, run.clone(), lex, known) {
            piece_mentions(toks, piece, lex, known, &mut out);
        }
    }
    person_role_pairs(toks, lex, known, &mut out);
    role_then_name(toks, lex, known, &mut out);
    out.sort_by_key(|m| (m.start, m.end));
    out
}

fn piece_mentions(
    toks: &[Tok],
    piece: std::ops::Range<usize>,
    lex: &Lexicon,
    known: &Known,
    out: &mut Vec<Mention>,
) {
    let person = person_in(toks, piece.clone(), lex);
    let org_scope = person.as_ref().map_or(piece.clone(), |p| p.role.clone());
    let org_words: Vec<usize> = org_scope
        .clone()
        .filter(|&k| is_org_word(&toks[k], lex))
        .collect();
    if let Some(&last) = org_words.last() {
        // an organisation: from the first capitalised non-role word (or the whole scope when
        // it is all office words) to its last organisation word, with a "for/of X" tail
        let mut end = last + 1;
        if person.is_none()
            && end < piece.end
            && (toks[end].text == "for" || toks[end].text == "of")
        {
            end = piece.end;
        }
        let mut begin = org_scope.start;
        // a possessive opener names the party: "Riverton's Mayor" → its own party mention
        let possessive = (begin..end)
            .position(|k| toks[k].possessive)
            .map(|p| begin + p);
        let mut party_hint = None;
        if let Some(p) = possessive
            && p + 1 < end
            && (begin..=p)
                .all(|k| toks[k].cap && !lex.reading.function_words.contains(toks[k].lower()))
        {
            let owner = join(toks, begin..p + 1).replace("'s", "");
            party_hint = Some(known.party(&owner));
            out.push(Mention {
                kind: MentionKind::Party,
                start: toks[begin].start,
                end: toks[p].end,
                name: known.party(&owner),
                party: Some(known.party(&owner)),
                role: None,
                rewritten: false,
            });
            begin = p + 1;
        }
        // leading role words that are not part of an organisation ("Chief Executive")
        while begin < last && is_role_word(&toks[begin], lex) && !is_org_word(&toks[begin], lex) {
            begin += 1;
        }
        let plain = join(toks, begin..end).to_lowercase();
        let generic = lex.actors.office_phrases.contains(&plain)
            || (begin..end).all(|k| {
                is_org_word(&toks[k], lex)
                    || is_role_word(&toks[k], lex)
                    || CONNECTORS.contains(&toks[k].text)
                    || lex.reading.function_words.contains(toks[k].lower())
                    || lex.reading.affiliations.contains(toks[k].lower())
            });
        if generic && party_hint.is_none() {
            // "the Council", "Police and Crime Commissioner": an office, not a named party
            if let Some(p) = person {
                push_person(toks, p, lex, known, out);
            }
            return;
        }
        let (mut name, mut rewritten) = organisation_name(toks, begin..end, lex);
        let mut party = lex.party_name(&name);
        if let Some(owner) = &party_hint
            && (party == name || side_id(&party) == side_id(&name))
        {
            // "Riverton's Police and Crime Commissioner": the office of the owner
            let office = name.clone();
            let office_lower = office.to_lowercase();
            let link = if lex
                .actors
                .office_phrases
                .iter()
                .any(|o| o.strip_suffix(" for") == Some(office_lower.as_str()))
            {
                "for"
            } else {
                "of"
            };
            let stripped = lex.party_name(&format!("{office} {link} {owner}"));
            if side_id(&stripped) == side_id(owner) {
                name = format!("{office} {link} {owner}");
            } else {
                name = format!("{owner} {office}");
            }
            rewritten = true;
            party = owner.clone();
        }
        out.push(Mention {
            kind: MentionKind::Organisation,
            start: toks[begin].start,
            end: toks[end - 1].end,
            name,
            party: Some(known.party(&party)),
            role: None,
            rewritten,
        });
    } else if person.is_none() {
        bare_mentions(toks, piece.clone(), known, out);
    }
    if let Some(p) = person {
        push_person(toks, p, lex, known, out);
    }
}

/// Whether a role is one held in the past ("former chief executive", "who was the union's
/// leader", "the then minister"): its holder speaks for themselves.
fn past_role(role: &str, lex: &Lexicon) -> bool {
    role.split(|c: char| !c.is_alphanumeric())
        .any(|w| lex.reading.past_markers.contains(&w.to_lowercase()))
}

/// A capitalised title of a one-person office with no body named ("Home Secretary",
/// "Prime Minister"): the party it speaks for is the office itself.
fn office_title(role: &str, lex: &Lexicon) -> Option<String> {
    let words: Vec<&str> = role.split_whitespace().collect();
    let last = words.last()?.to_lowercase();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let qualified = words.len() >= 2
        && !words[..words.len() - 1]
            .iter()
            .any(|w| lex.reading.role_words.contains(&w.to_lowercase()));
    (capitalised && qualified && lex.reading.office_titles.contains(&last)).then(|| words.join(" "))
}

/// The party of a person with a role: their own name for a past role, else the party the
/// role names, an office title, or the person's known party.
fn party_of_role(role: &str, full: &str, lex: &Lexicon, known: &Known) -> Option<String> {
    if past_role(role, lex) {
        return Some(full.to_string());
    }
    role_party(role, lex, known)
        .or_else(|| known.people.get(full).cloned().flatten())
        .or_else(|| office_title(role, lex))
}

fn push_person(toks: &[Tok], p: PersonParts, lex: &Lexicon, known: &Known, out: &mut Vec<Mention>) {
    {
        let mut role = join(toks, p.role.clone());
        if !p.tail.is_empty() {
            role = format!("{role} {}", join(toks, p.tail.clone()));
        }
        let written = join(toks, p.name.clone());
        let full = full_name(&written, known);
        let party = party_of_role(&role, &full, lex, known);
        out.push(Mention {
            kind: MentionKind::Person,
            start: toks[p.name.start].start,
            end: toks[p.name.end - 1].end,
            name: full,
            party,
            role: Some(role),
            rewritten: false,
        });
    }
}

/// Known parties and people named bare inside a run, longest first.
fn bare_mentions(
    toks: &[Tok],
    piece: std::ops::Range<usize>,
    known: &Known,
    out: &mut Vec<Mention>,
) {
    let mut k = piece.start;
    while k < piece.end {
        let mut matched = false;
        let longest = known.max_party_words.max(4).min(piece.end - k);
        for n in (1..=longest).rev() {
            let words: Vec<&str> = (k..k + n).map(|j| toks[j].text).collect();
            if let Some(party) = known.bare_party(&words) {
                out.push(Mention {
                    kind: MentionKind::Party,
                    start: toks[k].start,
                    end: toks[k + n - 1].end,
                    name: party.clone(),
                    party: Some(party),
                    role: None,
                    rewritten: false,
                });
                k += n;
                matched = true;
                break;
            }
            let name = words.join(" ");
            if n >= 2
                && let Some(party) = known.people.get(&name)
            {
                out.push(Mention {
                    kind: MentionKind::Person,
                    start: toks[k].start,
                    end: toks[k + n - 1].end,
                    name,
                    party: party.clone(),
                    role: None,
                    rewritten: false,
                });
                k += n;
                matched = true;
                break;
            }
        }
        if !matched {
            k += 1;
        }
    }
}

/// "Jane Doe, chief executive of Acme," — a name run followed by a comma and a role.
fn person_role_pairs(toks: &[Tok], lex: &Lexicon, known: &Known, out: &mut Vec<Mention>) {
    for run in runs(toks) {
        // leading titles stay out of the name ("Councillor Jo Bloggs, chair of …,")
        let titles = run
            .clone()
            .take_while(|&k| lex.reading.titles.contains(toks[k].lower()))
            .count();
        let run = run.start + titles..run.end;
        let n = run.len();
        let Some(last) = run.clone().last().map(|k| &toks[k]) else {
            continue;
        };
        if !(2..=4).contains(&n)
            || last.after != Some(',')
            || !run.clone().all(|k| is_name_word(&toks[k], lex))
        {
            continue;
        }
        let at = toks[run.start].start;
        let existing = out.iter().position(|m| m.start <= at && at < m.end);
        // a person already found bare ("Jane Doe", known from elsewhere) gets the role given
        // here; anything else found there stays
        // (or one whose role so far names no party: "Councillor Jo Bloggs, chair of the panel,")
        let bare_person = existing.is_some_and(|i| {
            out[i].kind == MentionKind::Person && (out[i].party.is_none() || out[i].role.is_none())
        });
        if existing.is_some() && !bare_person {
            continue;
        }
        // "Jo Roe, who was the union's leader and …": the role of a relative clause runs to
        // its first "and", "who" or comma
        let relative = toks.get(run.end).is_some_and(|t| t.lower() == "who")
            && toks
                .get(run.end + 1)
                .is_some_and(|t| matches!(t.lower(), "was" | "is" | "had" | "has"));
        // the role runs to the next comma (or to a speech verb)
        let role_toks: Vec<usize> = if relative {
            (run.end..toks.len())
                .take_while(|&k| {
                    k < run.end + 2
                        || (!matches!(toks[k].text, "and" | "who")
                            && toks[k - 1].after != Some(','))
                })
                .take(10)
                .collect()
        } else {
            (run.end..toks.len())
                .take_while(|&k| k == run.end || toks[k - 1].after != Some(','))
                .take(12)
                .collect()
        };
        let has_role = role_toks
            .iter()
            .any(|&k| is_role_word(&toks[k], lex) || is_org_word(&toks[k], lex));
        let ends_with_comma = role_toks
            .last()
            .is_some_and(|&k| toks[k].after == Some(','));
        if !has_role || !(ends_with_comma || relative) {
            continue;
        }
        let (Some(&first), Some(&end)) = (role_toks.first(), role_toks.last()) else {
            continue;
        };
        let role = join(toks, first..end + 1);
        let name = join(toks, run.clone());
        if let Some(i) = existing {
            out.remove(i);
        }
        out.push(Mention {
            kind: MentionKind::Person,
            start: toks[run.start].start,
            end: last.end,
            party: party_of_role(&role, &name, lex, known),
            name,
            role: Some(role),
            rewritten: false,
        });
    }
}

/// "council leader Amy Hart", "the club's chief executive Dan Cho": a role in lower case
/// right before a name.
fn role_then_name(toks: &[Tok], lex: &Lexicon, known: &Known, out: &mut Vec<Mention>) {
    for k in 0..toks.len() {
        let t = &toks[k];
        if t.cap || !lex.reading.role_words.contains(t.lower()) || t.break_after {
            continue;
        }
        let mut end = k + 1;
        while end < toks.len() && end - k <= 4 && is_name_word(&toks[end], lex) {
            end += 1;
            if toks[end - 1].break_after {
                break;
            }
        }
        let n = end - (k + 1);
        if n == 0 || n > 4 {
            continue;
        }
        let name_start = toks[k + 1].start;
        let existing = out.iter().position(|m| {
            m.start <= name_start && name_start < m.end && m.kind == MentionKind::Person
        });
        if existing.is_some_and(|i| out[i].role.is_some()) {
            continue;
        }
        // the role reaches back over role words, capitalised words and connectors
        let mut begin = k;
        while begin > 0 {
            let p = &toks[begin - 1];
            let lower = p.lower();
            // "police and crime commissioner": the words of an office phrase join too
            let office_word = lex
                .actors
                .office_phrases
                .iter()
                .any(|o| o.split_whitespace().any(|w| w == lower));
            let joins = p.cap
                || lex.reading.role_words.contains(lower)
                || lex.reading.party_nouns.contains_key(lower)
                || office_word
                || CONNECTORS.contains(&p.text);
            if !joins || p.break_after || toks[begin].break_before {
                break;
            }
            begin -= 1;
        }
        while begin < k && CONNECTORS.contains(&toks[begin].text) {
            begin += 1;
        }
        // "former chief executive Jo Roe": a past marker joins the role
        if begin > 0 && lex.reading.past_markers.contains(toks[begin - 1].lower()) {
            begin -= 1;
        }
        let role = join(toks, begin..k + 1);
        let written = join(toks, k + 1..end);
        let full = full_name(&written, known);
        let party = party_of_role(&role, &full, lex, known);
        if let Some(i) = existing {
            out.remove(i);
        }
        out.push(Mention {
            kind: MentionKind::Person,
            start: name_start,
            end: toks[end - 1].end,
            name: full,
            party,
            role: Some(role),
            rewritten: false,
        });
    }
}

/// A surname (or "Mr Surname") expanded to the one known full name that ends with it.
pub fn full_name(written: &str, known: &Known) -> String {
    if written.split_whitespace().count() == 1 {
        let hits = known.by_surname(written);
        if hits.len() == 1 {
            return hits[0].to_string();
        }
    }
    written.to_string()
}

/// A speaker named in an attribution ("Jane Doe, leader of the council", "Mr Doe",
/// "Chief Executive Jane Doe", "a Riverton Council spokesperson").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The full name, or the organisation's words for an unnamed spokesperson.
    pub name: String,
    /// The party, when the role or the corpus says.
    pub party: Option<String>,
    /// Whether a role was given (even one naming no party: "Chief Constable").
    pub has_role: bool,
    /// Whether the speaker is a person (not an organisation speaking as such).
    pub person: bool,
}

/// Reads who speaks from the words of an attribution (without the speech verb).
pub fn speaker(who: &str, lex: &Lexicon, known: &Known, local: &Known) -> Option<Speaker> {
    let who = who
        .trim()
        .trim_matches(|c: char| c == ',' || c == ':' || c.is_whitespace());
    if who.is_empty() {
        return None;
    }
    let toks = tokens(who);
    // "Jane Doe, leader of Riverton Council"
    if let Some((name, role)) = who.split_once(',') {
        let name_toks = tokens(name);
        if (1..=4).contains(&name_toks.len()) && name_toks.iter().all(|t| is_name_word(t, lex)) {
            return Some(named_with_role(&name_toks, role, lex, known, local));
        }
    }
    // "Acme's operations director, Jo Bloggs"
    if let Some((role, name)) = who.trim_end_matches(',').rsplit_once(',') {
        let name_toks = tokens(name);
        let role_toks = tokens(role);
        if (2..=4).contains(&name_toks.len())
            && name_toks.iter().all(|t| is_name_word(t, lex))
            && role_toks.iter().any(|t| is_role_word(t, lex))
        {
            return Some(named_with_role(&name_toks, role, lex, known, local));
        }
    }
    let ms = mentions(who, lex, known);
    if let Some(p) = ms.iter().rev().find(|m| m.kind == MentionKind::Person) {
        let written = &p.name;
        let full = resolve_name(written, local, known);
        let role = p.role.clone().unwrap_or_default();
        let role_words: Vec<&str> = role
            .split_whitespace()
            .filter(|w| !lex.reading.titles.contains(&w.to_lowercase()))
            .collect();
        let party = p
            .party
            .clone()
            .or_else(|| person_party(&full, local, known));
        return Some(Speaker {
            name: full,
            party,
            has_role: !role_words.is_empty(),
            person: true,
        });
    }
    // a bare name: "Jane Doe", "Doe"
    if (1..=4).contains(&toks.len()) && toks.iter().all(|t| is_name_word(t, lex)) {
        let written = toks.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
        let full = resolve_name(&written, local, known);
        let party = person_party(&full, local, known);
        return Some(Speaker {
            name: full,
            party,
            has_role: false,
            person: true,
        });
    }
    // an organisation or its spokesperson: "a Riverton Council spokesperson", "the club"
    if let Some(m) = ms.iter().find(|m| m.kind != MentionKind::Person) {
        return Some(Speaker {
            name: m.name.clone(),
            party: m.party.clone(),
            has_role: true,
            person: false,
        });
    }
    None
}

/// A person named by `name_toks` in an apposition with `role` ("Jane Doe, leader of
/// Riverton Council"; "Acme's director, Jo Bloggs").
fn named_with_role(
    name_toks: &[Tok],
    role: &str,
    lex: &Lexicon,
    known: &Known,
    local: &Known,
) -> Speaker {
    let written = name_toks
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ");
    let full = resolve_name(&written, local, known);
    let party = role_party(role.trim(), lex, known).or_else(|| person_party(&full, local, known));
    Speaker {
        name: full,
        party,
        has_role: true,
        person: true,
    }
}

fn resolve_name(written: &str, local: &Known, known: &Known) -> String {
    let local_full = full_name(written, local);
    if local_full != written {
        return local_full;
    }
    full_name(written, known)
}

fn person_party(full: &str, local: &Known, known: &Known) -> Option<String> {
    local
        .people
        .get(full)
        .cloned()
        .flatten()
        .or_else(|| known.people.get(full).cloned().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_pieces_are_split_inclusive_on_whitespace() {
        for text in [
            "",
            " ",
            "Jo Doe said:\t\"We won.\"\r\n",
            "a\u{a0}b\u{2003}c\u{85}d\u{b}e\u{c}f\u{1c}g  ",
            "Café—Nord’s  chief\n\nexecutive",
            "trailing",
        ] {
            let ours: Vec<&str> = whitespace_pieces(text).collect();
            let std: Vec<&str> = text.split_inclusive(char::is_whitespace).collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    fn names(text: &str, known: &Known) -> Vec<(MentionKind, String, Option<String>)> {
        mentions(text, &Lexicon::bundled(), known)
            .into_iter()
            .map(|m| (m.kind, m.name, m.party))
            .collect()
    }

    #[test]
    fn organisations_people_and_parties() {
        let known = Known::default();
        let got = names(
            "Under the deal Riverton City Council and Acme Ltd will share depots.",
            &known,
        );
        assert_eq!(
            got,
            vec![
                (
                    MentionKind::Organisation,
                    "Riverton City Council".into(),
                    Some("Riverton City Council".into())
                ),
                (
                    MentionKind::Organisation,
                    "Acme Ltd".into(),
                    Some("Acme".into())
                ),
            ]
        );
        let got = names(
            "Northshire Police and Crime Commissioner Jo Bloggs agreed.",
            &known,
        );
        assert_eq!(
            got,
            vec![
                (
                    MentionKind::Organisation,
                    "Police and Crime Commissioner for Northshire".into(),
                    Some("Northshire".into())
                ),
                (
                    MentionKind::Person,
                    "Jo Bloggs".into(),
                    Some("Northshire".into())
                ),
            ]
        );
        let got = names("Chief Executive Ann Lee spoke.", &known);
        assert_eq!(got, vec![(MentionKind::Person, "Ann Lee".into(), None)]);
    }

    #[test]
    fn possessive_offices_and_roles_after_a_comma() {
        let known = Known::default();
        let got = names(
            "Southvale's Police and Crime Commissioner (PCC) said no.",
            &known,
        );
        assert!(
            got.contains(&(
                MentionKind::Organisation,
                "Police and Crime Commissioner for Southvale".into(),
                Some("Southvale".into())
            )),
            "{got:?}"
        );
        let got = names("Tom Reed, chief executive of Harbour Trust, said:", &known);
        assert!(
            got.contains(&(
                MentionKind::Person,
                "Tom Reed".into(),
                Some("Harbour Trust".into())
            )),
            "{got:?}"
        );
    }

    #[test]
    fn parties_written_two_ways_are_one() {
        let mut known = Known::default();
        for (name, n) in [
            ("Dockworkers Union", 5),
            ("Dockworker Union", 1),
            ("The Harbour Times", 1),
            ("Harbour Times", 3),
            ("Acme Group", 2),
            ("Acme", 1),
            ("Acme Mobile", 4),
        ] {
            known.add_party(name);
            known.counts.insert(side_id(name), n);
        }
        let merged = known.merge_variants();
        assert_eq!(
            merged.get("dockworker-union").map(String::as_str),
            Some("dockworkers-union")
        );
        assert_eq!(
            merged.get("the-harbour-times").map(String::as_str),
            Some("harbour-times")
        );
        assert_eq!(merged.get("acme").map(String::as_str), Some("acme-group"));
        assert_eq!(known.party("The Harbour Times"), "Harbour Times");
        assert_eq!(known.counts.get("dockworkers-union"), Some(&6));
        // a different name stays apart
        assert!(!merged.contains_key("acme-mobile"));
        assert_eq!(known.party("Acme Mobile"), "Acme Mobile");
    }

    #[test]
    fn bare_parties_once_known() {
        let mut known = Known::default();
        known.add_organisation("Eastwick Police", "Eastwick", false);
        let got = names(
            "The Eastwick and Lowmoor forces met; Eastwick said no.",
            &known,
        );
        assert_eq!(
            got.iter().filter(|m| m.1 == "Eastwick").count(),
            2,
            "{got:?}"
        );
    }

    #[test]
    fn speakers() {
        let lex = Lexicon::bundled();
        let mut local = Known::default();
        local.add_person("Ann Lee", Some("Acme"));
        let known = Known::default();
        let s = speaker("Ms Lee", &lex, &known, &local).map(|s| s.name);
        assert_eq!(s.as_deref(), Some("Ann Lee"));
        let s = speaker("Dan Cho, Riverton FC manager", &lex, &known, &local);
        assert_eq!(s.and_then(|s| s.party).as_deref(), Some("Riverton FC"));
        let s = speaker("Chief Constable Ray Oduya", &lex, &known, &local);
        assert_eq!(
            s.as_ref()
                .map(|s| (s.name.as_str(), s.has_role, s.party.clone())),
            Some(("Ray Oduya", true, None))
        );
        let s = speaker("A Riverton Council spokesperson", &lex, &known, &local);
        assert_eq!(
            s.map(|s| (s.name, s.person)),
            Some(("Riverton Council".into(), false))
        );
    }
}
