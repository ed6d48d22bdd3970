//! What the compare stage reads off one statement: its normalised text, the terms it is
//! indexed by, the polarity it takes, the credit it gives and whether it denies something.

use super::index::{WordHasher, WordMap, WordSet};
use crate::comparison::{EntityKind, Side, Statement};
use crate::lexicon::Lexicon;
use crate::reading::topics::stem;
use crate::sides::side_id;

/// The compare vocabulary, compiled once per run (stems and word sequences).
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    /// Lower-case words left out of the index.
    stop: WordSet<String>,
    /// Stem → the stem of the synonym list's head.
    synonyms: WordMap<String, String>,
    /// Polarity phrases as stem sequences: (polarity index, positive?, stems, as written).
    poles: Vec<(usize, bool, Vec<String>, String)>,
    /// Credit verb phrases as lower-case word sequences, longest first.
    credit: Vec<Vec<String>>,
    /// Denial phrases and verbs as lower-case word sequences.
    denial: Vec<Vec<String>>,
    /// First stem of a polarity phrase → the phrases (indices in `poles`, ascending): a
    /// statement tries only the phrases whose first word it holds.
    pole_first: WordMap<String, Vec<usize>>,
    /// First word of a credit phrase → its indices in `credit`, ascending.
    credit_first: WordMap<String, Vec<usize>>,
    /// First word of a denial phrase → its indices in `denial`, ascending.
    denial_first: WordMap<String, Vec<usize>>,
    /// Lower-case organisation name → side id.
    organisations: WordMap<String, String>,
    /// The side ids.
    side_ids: WordSet<String>,
    /// Event verbs as stems (synonyms folded).
    events: WordSet<String>,
    /// Schedule words, lower case ("due", "set").
    schedule: WordSet<String>,
}

impl Vocab {
    /// Compiles the compare vocabulary of a lexicon for a corpus with these sides.
    pub fn new(lex: &Lexicon, sides: &[Side]) -> Vocab {
        let c = &lex.compare;
        let stems = |phrase: &str| -> Vec<String> { split_words(phrase).map(stem).collect() };
        let seq = |phrase: &str| -> Vec<String> {
            split_words(phrase).map(|w| w.to_lowercase()).collect()
        };
        let mut synonyms = WordMap::default();
        for (word, head) in &c.synonyms {
            synonyms.insert(stem(word), stem(head));
        }
        let mut poles = Vec::new();
        for (i, p) in c.polarity.iter().enumerate() {
            for (positive, list) in [(true, &p.positive), (false, &p.negative)] {
                for phrase in list {
                    let s = stems(phrase);
                    if !s.is_empty() {
                        poles.push((i, positive, s, phrase.clone()));
                    }
                }
            }
        }
        // longest first, so "not sustainable" is found before "sustainable"
        poles.sort_by(|a, b| b.2.len().cmp(&a.2.len()).then(a.3.cmp(&b.3)));
        let credit: Vec<Vec<String>> = c.credit_verbs.iter().map(|v| seq(v)).collect();
        let mut denial: Vec<Vec<String>> = c.denial_phrases.iter().map(|v| seq(v)).collect();
        let mut verbs: Vec<&String> = lex.reading.denial_verbs.iter().collect();
        verbs.sort();
        denial.extend(verbs.into_iter().map(|v| vec![v.clone()]));
        let mut organisations = WordMap::default();
        for side in sides {
            for org in &side.organisations {
                organisations.insert(org.to_lowercase(), side.id.clone());
            }
            organisations.insert(side.name.to_lowercase(), side.id.clone());
        }
        let fold = |w: &str| {
            let s = stem(w);
            synonyms.get(&s).cloned().unwrap_or(s)
        };
        let events = c
            .event_verbs
            .iter()
            .filter(|v| !v.contains(' '))
            .map(|v| fold(v))
            .collect();
        Vocab {
            pole_first: first_words(poles.iter().map(|p| &p.2)),
            credit_first: first_words(credit.iter()),
            denial_first: first_words(denial.iter()),
            events,
            schedule: c.schedule_words.iter().cloned().collect(),
            stop: c.stop_words.iter().cloned().collect(),
            synonyms,
            poles,
            credit,
            denial,
            organisations,
            side_ids: sides.iter().map(|s| s.id.clone()).collect(),
        }
    }

    /// The side an organisation named in a text speaks for, if it is one of the sides.
    pub fn side_of(&self, organisation: &str, lex: &Lexicon) -> Option<String> {
        if let Some(s) = self.organisations.get(&organisation.to_lowercase()) {
            return Some(s.clone());
        }
        let id = side_id(&lex.party_name(organisation));
        self.side_ids.contains(&id).then_some(id)
    }
}

/// Word sequences by their first word: first word → the sequences' places in the list,
/// ascending.
fn first_words<'a>(seqs: impl Iterator<Item = &'a Vec<String>>) -> WordMap<String, Vec<usize>> {
    let mut map: WordMap<String, Vec<usize>> = WordMap::default();
    for (i, seq) in seqs.enumerate() {
        if let Some(w) = seq.first() {
            map.entry(w.clone()).or_default().push(i);
        }
    }
    map
}

/// The sequences (`seq(k)` the k-th; `first` indexes them by first word) that stand in
/// `words`, as `(sequence, position)`, ascending: each sequence where it stands, in the
/// order of the list.
fn found<'a>(
    words: &[String],
    seq: impl Fn(usize) -> &'a [String],
    first: &WordMap<String, Vec<usize>>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        for &k in first.get(w.as_str()).map_or(&[][..], Vec::as_slice) {
            let s = seq(k);
            if words.get(i..i + s.len()) == Some(s) {
                out.push((k, i));
            }
        }
    }
    out.sort_unstable();
    out
}

/// One end of a polarity pair found in a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pole {
    /// Index of the polarity pair in the lexicon.
    pub polarity: usize,
    /// Which reading.
    pub positive: bool,
    /// The words as written in the statement.
    pub text: String,
}

/// Credit taken for an outcome: "A has ensured …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// The side of the organisation that is the verb's subject, when one is named.
    pub agent: Option<String>,
    /// The words from the agent (or the verb) to the end of the verb, as written.
    pub phrase: String,
    /// Index terms of what is credited: the words right after the verb, up to a
    /// preposition or the end of the clause (empty for a passive verb).
    pub object: Vec<String>,
}

/// What the compare stage knows of one claim statement.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// A hash of the normalised text: verbatim copies share it.
    pub key: u64,
    /// Index terms: stems of content words (synonyms folded) and acronyms, with repeats.
    pub terms: Vec<String>,
    /// Polarity pairs the statement takes a side in.
    pub poles: Vec<Pole>,
    /// Credit the statement gives, if any.
    pub credit: Option<Credit>,
    /// Whether the statement rejects a claim (a denial verb or phrase).
    pub denies: bool,
    /// Figure and date values: `(kind, value, as written)`, deduplicated by value.
    pub figures: Vec<(EntityKind, String, String)>,
    /// Sides of the organisations the statement names.
    pub actors: Vec<String>,
    /// Events the statement speaks of, as `verb|word` stem keys ("end|allianc"): the event
    /// verb with each content word of what it acts on (or of what is scheduled to undergo it).
    pub events: Vec<String>,
    /// The same events as written, lower case ("end … alliance"), in the order of `events`.
    pub event_words: Vec<String>,
    /// For a quotation, its words as [`super::diff::word_keys`] hashes them, for finding the
    /// words two speakers share; empty for other statements.
    pub quote_words: Vec<u64>,
    /// Every run of [`super::dispute::QUOTE_RUN`] words of `quote_words`, hashed, sorted and
    /// distinct: two quotes that share none cannot share a run that long, and are not
    /// diffed.
    pub quote_runs: Vec<u64>,
}

/// The hashes of every run of `n` consecutive keys, sorted and distinct.
fn run_hashes(keys: &[u64], n: usize) -> Vec<u64> {
    use std::hash::Hasher;
    let mut out: Vec<u64> = keys
        .windows(n.max(1))
        .map(|run| {
            let mut h = WordHasher::default();
            run.iter().for_each(|k| h.write_u64(*k));
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Features {
    /// Whether the two quotes may share a run of [`super::dispute::QUOTE_RUN`] words (a
    /// shared run hash; two runs hashed alike only cost a diff).
    pub fn may_share_run(&self, other: &Features) -> bool {
        let (a, b) = (&self.quote_runs, &other.quote_runs);
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    /// Whether the statement gives a time: a date or a duration.
    pub fn timed(&self) -> bool {
        self.figures
            .iter()
            .any(|(k, _, _)| matches!(k, EntityKind::Date | EntityKind::Duration))
    }

    /// Whether two statements speak of the same event (a shared event key).
    pub fn same_event(&self, other: &Features) -> Option<&str> {
        self.events
            .iter()
            .position(|e| other.events.contains(e))
            .map(|i| self.event_words[i].as_str())
    }
}

/// Lower case, quotes folded, dashes made plain, whitespace collapsed, end punctuation
/// dropped: two texts that differ only in typography normalise alike.
pub fn normalise(text: &str) -> String {
    if text.is_ascii() {
        return normalise_ascii(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '‘' | '’' | '‛' | '′' | '`' => '\'',
            '“' | '”' | '„' | '″' => '"',
            '–' | '—' | '‑' | '‒' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    let trimmed = out.trim_end_matches(['.', '!', '?', ',', ';', ':']);
    trimmed.to_string()
}

/// [`normalise`] of an ASCII text, byte by byte (no case tables, no character decoding).
fn normalise_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for b in text.bytes() {
        // the ASCII characters `char::is_whitespace` takes
        if matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(char::from(if b == b'`' {
            b'\''
        } else {
            b.to_ascii_lowercase()
        }));
    }
    let kept = out.trim_end_matches(['.', '!', '?', ',', ';', ':']).len();
    out.truncate(kept);
    out
}

/// The words of a text: alphanumeric runs (apostrophes and inner hyphens kept).
fn split_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Reads the features of one claim statement.
pub fn features(st: &Statement, vocab: &Vocab, lex: &Lexicon) -> Features {
    let text = &st.text;
    let key = xxhash_rust::xxh3::xxh3_64(normalise(text).as_bytes());
    // words with their byte offsets, lower case and stems
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for piece in
        text.split_inclusive(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
    {
        // the word's offset in the piece is what the trim took off its start (no substring
        // search)
        let start = piece.trim_start_matches(|c: char| !c.is_alphanumeric());
        let w = start.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !w.is_empty() {
            words.push((pos + piece.len() - start.len(), w));
        }
        pos += piece.len();
    }
    let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
    let stems: Vec<String> = words.iter().map(|(_, w)| stem(w)).collect();

    let mut terms = Vec::new();
    for (((_, raw), low), word_stem) in words.iter().zip(&lower).zip(&stems) {
        let acronym = raw.len() >= 2
            && raw.len() <= 5
            && raw.chars().all(|c| c.is_ascii_uppercase())
            && raw.chars().count() == raw.len();
        if acronym {
            terms.push((*raw).to_string());
            continue;
        }
        for part in low.split('-').filter(|p| !p.is_empty()) {
            if part.len() < 2
                || vocab.stop.contains(part)
                || part.chars().any(|c| c.is_ascii_digit())
            {
                continue;
            }
            // a word already in lower case and whole was stemmed above
            let s = if part == *raw {
                word_stem.clone()
            } else {
                stem(part)
            };
            if s.is_empty() {
                continue;
            }
            terms.push(vocab.synonyms.get(&s).cloned().unwrap_or(s));
        }
    }

    // polarity: longest phrases first; a word takes part in one phrase only
    let mut used = vec![false; stems.len()];
    let mut poles: Vec<Pole> = Vec::new();
    let pole_stems = |k: usize| vocab.poles[k].2.as_slice();
    for (k, i) in found(&stems, pole_stems, &vocab.pole_first) {
        let (polarity, positive, seq, _) = &vocab.poles[k];
        let n = seq.len();
        if used[i..i + n].iter().any(|u| *u) {
            continue;
        }
        used[i..i + n].iter_mut().for_each(|u| *u = true);
        let start = words[i].0;
        let end = words[i + n - 1].0 + words[i + n - 1].1.len();
        let pole = Pole {
            polarity: *polarity,
            positive: *positive,
            text: text[start..end].to_string(),
        };
        if !poles
            .iter()
            .any(|p| p.polarity == pole.polarity && p.positive == pole.positive)
        {
            poles.push(pole);
        }
    }

    let denies = !found(&lower, |k| &vocab.denial[k], &vocab.denial_first).is_empty();

    // the credit whose agent is named, else the first found: each credit phrase where it
    // first stands
    let mut credit_at = found(&lower, |k| &vocab.credit[k], &vocab.credit_first);
    credit_at.dedup_by_key(|(k, _)| *k);
    let credits: Vec<Credit> = credit_at
        .into_iter()
        .map(|(k, i)| {
            let seq = &vocab.credit[k];
            let verb_start = words[i].0;
            let last = i + seq.len() - 1;
            let verb_end = words[last].0 + words[last].1.len();
            if lower.get(last + 1).is_some_and(|w| w == "by") {
                // passive: "delivered by A"; the agent follows
                return passive_credit(st, vocab, lex, verb_start, verb_end);
            }
            let mut c = credit_of(st, vocab, lex, &words, &lower, i, verb_start, verb_end);
            c.object = object_terms(text, &words, &lower, &stems, last, vocab);
            c
        })
        .collect();
    let credit = credits
        .iter()
        .find(|c| c.agent.is_some())
        .or(credits.first())
        .cloned();

    let mut figures: Vec<(EntityKind, String, String)> = Vec::new();
    let mut actors: Vec<String> = Vec::new();
    for e in &st.entities {
        match e.kind {
            EntityKind::Organisation => {
                if let Some(side) = vocab.side_of(&e.value, lex)
                    && !actors.contains(&side)
                {
                    actors.push(side);
                }
            }
            EntityKind::Person => {}
            kind => {
                if !figures.iter().any(|(k, v, _)| *k == kind && *v == e.value) {
                    figures.push((kind, e.value.clone(), e.text.clone()));
                }
            }
        }
    }
    actors.sort();
    let (events, event_words) = event_keys(text, &words, &lower, &stems, vocab)
        .into_iter()
        .unzip();
    let quote_words = if st.kind == crate::comparison::StatementKind::Quote {
        super::diff::word_keys(text)
    } else {
        Vec::new()
    };
    let quote_runs = run_hashes(&quote_words, super::dispute::QUOTE_RUN);

    Features {
        key,
        terms,
        poles,
        credit,
        denies,
        figures,
        actors,
        events,
        event_words,
        quote_words,
        quote_runs,
    }
}

/// The agent of a passive credit verb ("delivered by A"): the organisation right after.
fn passive_credit(
    st: &Statement,
    vocab: &Vocab,
    lex: &Lexicon,
    verb_start: usize,
    verb_end: usize,
) -> Credit {
    let text = &st.text;
    let after = &text[verb_end..];
    let found = st
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organisation)
        .filter_map(|e| {
            let off = after.find(e.text.as_str())?;
            (off <= 8).then_some((off, e))
        })
        .min_by_key(|(off, _)| *off);
    match found.and_then(|(off, e)| Some((off, e, vocab.side_of(&e.value, lex)?))) {
        Some((off, e, side)) => Credit {
            agent: Some(side),
            phrase: text[verb_start..verb_end + off + e.text.len()].to_string(),
            object: Vec::new(),
        },
        None => Credit {
            agent: None,
            phrase: text[verb_start..verb_end].to_string(),
            object: Vec::new(),
        },
    }
}

/// The fewest object terms two credits must share to be credits for the same thing.
pub const SHARED_OBJECT: usize = 2;

/// Whether two texts credit different named sides with providing the same thing: their
/// credit verbs' objects share at least [`SHARED_OBJECT`] terms ("A will deliver forensic
/// services" vs "B is providing forensic services").
pub fn competing_provision(a: &Features, b: &Features) -> bool {
    let (Some(ca), Some(cb)) = (&a.credit, &b.credit) else {
        return false;
    };
    let (Some(ga), Some(gb)) = (&ca.agent, &cb.agent) else {
        return false;
    };
    ga != gb
        && ca
            .object
            .iter()
            .filter(|t| cb.object.binary_search(t).is_ok())
            .count()
            >= SHARED_OBJECT
}

/// Words that end the object of a credit verb ("deliver IT services for A").
const OBJECT_ENDS: &[&str] = &[
    "for", "to", "from", "with", "on", "at", "by", "in", "into", "until", "since", "after",
    "before", "while", "which", "that", "who", "as", "through", "across", "under", "over",
];

/// The most words read as the object of a credit verb.
const OBJECT_WORDS: usize = 8;

/// The index terms of the words after a credit verb ending at word `last`: up to a word of
/// [`OBJECT_ENDS`], the end of the clause or [`OBJECT_WORDS`] words.
fn object_terms(
    text: &str,
    words: &[(usize, &str)],
    lower: &[String],
    stems: &[String],
    last: usize,
    vocab: &Vocab,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev_end = words[last].0 + words[last].1.len();
    for k in last + 1..words.len().min(last + 1 + OBJECT_WORDS) {
        let (off, raw) = words[k];
        if text[prev_end..off].contains(['.', ';', ':', '?', '!'])
            || OBJECT_ENDS.contains(&lower[k].as_str())
        {
            break;
        }
        prev_end = off + raw.len();
        let acronym = (2..=5).contains(&raw.len()) && raw.chars().all(|c| c.is_ascii_uppercase());
        if acronym {
            out.push(raw.to_string());
            continue;
        }
        let low = lower[k].as_str();
        if low.len() < 2 || vocab.stop.contains(low) || low.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let s = &stems[k];
        if !s.is_empty() {
            out.push(vocab.synonyms.get(s).cloned().unwrap_or_else(|| s.clone()));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The most content words taken as what an event verb acts on.
const EVENT_WORDS: usize = 3;

/// Words that only say when, not what: never part of an event key.
const TIME_WORDS: &[&str] = &[
    "year",
    "month",
    "week",
    "day",
    "time",
    "period",
    "date",
    "today",
    "yesterday",
    "tomorrow",
    "decad",
    "quarter",
    "season",
    "deadlin",
    "timefram",
    "timescal",
];

/// Event keys of a statement, each with its words as written: for each event verb (a word whose stem, synonyms folded, is in
/// the vocabulary), `verb|word` for up to [`EVENT_WORDS`] content words right after it (what
/// it acts on: "to end the partnership"), and for the content word before a scheduled verb
/// ("the partnership was due to end") or right before the verb ("the partnership ended").
fn event_keys(
    text: &str,
    words: &[(usize, &str)],
    lower: &[String],
    stems: &[String],
    vocab: &Vocab,
) -> Vec<(String, String)> {
    if vocab.events.is_empty() {
        return Vec::new();
    }
    let fold = |k: usize| -> &str {
        let s = stems[k].as_str();
        vocab.synonyms.get(s).map_or(s, String::as_str)
    };
    let content = |k: usize| -> bool {
        let low = lower[k].as_str();
        low.len() >= 3
            && !vocab.stop.contains(low)
            && !low.chars().any(|c| c.is_ascii_digit())
            && !TIME_WORDS.contains(&stems[k].as_str())
            && !vocab.events.contains(fold(k))
    };
    // a clause break between two words (punctuation other than an apostrophe or hyphen)
    let broken = |a: usize, b: usize| {
        let end = words[a].0 + words[a].1.len();
        text[end..words[b].0].contains(['.', ',', ';', ':', '?', '!', '(', ')', '–', '—'])
    };
    let mut keys = Vec::new();
    for i in 0..words.len() {
        let verb = fold(i);
        if !vocab.events.contains(verb) {
            continue;
        }
        let mut taken = 0;
        for k in i + 1..words.len() {
            if broken(k - 1, k) || OBJECT_ENDS.contains(&lower[k].as_str()) {
                break;
            }
            if content(k) {
                keys.push((
                    format!("{verb}|{}", fold(k)),
                    format!("{} … {}", lower[i], lower[k]),
                ));
                taken += 1;
                if taken == EVENT_WORDS {
                    break;
                }
            }
        }
        // what is scheduled to undergo it: "X (is|was) due to VERB", or "X VERB(s|ed)"
        let mut j = i;
        if j >= 2 && lower[j - 1] == "to" && vocab.schedule.contains(lower[j - 2].as_str()) {
            j -= 2;
            while j > 0
                && matches!(
                    lower[j - 1].as_str(),
                    "is" | "was" | "are" | "were" | "be" | "been" | "now" | "still" | "not"
                )
            {
                j -= 1;
            }
        }
        if j > 0 && !broken(j - 1, j) && content(j - 1) {
            keys.push((
                format!("{verb}|{}", fold(j - 1)),
                format!("{} … {}", lower[j - 1], lower[i]),
            ));
        }
    }
    keys.sort();
    keys.dedup_by(|a, b| a.0 == b.0);
    keys
}

/// Prepositions after which an organisation is the object, not the subject, of what follows.
const OBJECT_MARKERS: &[&str] = &[
    "with", "from", "of", "to", "between", "on", "at", "in", "against", "by", "into", "and",
];

/// The most words allowed between an agent and its credit verb.
const AGENT_GAP: usize = 12;

/// The agent of a credit verb at word `verb`: the nearest organisation before it, in the
/// same sentence part, that is not the object of a preposition.
#[allow(clippy::too_many_arguments)]
fn credit_of(
    st: &Statement,
    vocab: &Vocab,
    lex: &Lexicon,
    words: &[(usize, &str)],
    lower: &[String],
    verb: usize,
    verb_start: usize,
    verb_end: usize,
) -> Credit {
    let text = &st.text;
    let mut best: Option<(usize, String)> = None; // (byte start, side)
    for e in st
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organisation)
    {
        let Some(side) = vocab.side_of(&e.value, lex) else {
            continue;
        };
        let mut from = 0;
        while let Some(off) = text[from..].find(e.text.as_str()) {
            let start = from + off;
            from = start + e.text.len().max(1);
            let end = start + e.text.len();
            if end > verb_start {
                break;
            }
            let between = &text[end..verb_start];
            if between.contains(['.', ';', ':', '?', '!']) {
                continue;
            }
            let first = words.iter().position(|(o, _)| *o >= start).unwrap_or(verb);
            let last = words.iter().position(|(o, _)| *o >= end).unwrap_or(verb);
            if verb.saturating_sub(last) > AGENT_GAP {
                continue;
            }
            if first > 0 && OBJECT_MARKERS.contains(&lower[first - 1].as_str()) {
                continue;
            }
            if best.as_ref().is_none_or(|(b, _)| start > *b) {
                best = Some((start, side.clone()));
            }
        }
    }
    // "what we are doing is making sure …": a speaker's own "we" or "I" is their party
    if best.is_none()
        && let Some(party) = &st.claimant
    {
        let from = verb.saturating_sub(AGENT_GAP);
        let clause = (from..verb)
            .rev()
            .take_while(|&k| !text[words[k].0..verb_start].contains(['.', ';', '?', '!']))
            .find(|&k| matches!(lower[k].as_str(), "we" | "i"));
        if let Some(k) = clause {
            best = Some((words[k].0, party.clone()));
        }
    }
    match best {
        Some((start, side)) => Credit {
            agent: Some(side),
            phrase: text[start..verb_end].to_string(),
            object: Vec::new(),
        },
        None => Credit {
            agent: None,
            phrase: text[verb_start..verb_end].to_string(),
            object: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_folds_typography() {
        assert_eq!(
            normalise("  The “club’s”   plan –  agreed. "),
            normalise("the \"club's\" plan - agreed")
        );
        // the same on the ASCII path, vertical tab and backtick included
        assert_eq!(
            normalise("  The `club's`\x0b  plan -\t agreed. "),
            normalise("the 'club’s’ plan – agreed")
        );
    }

    /// Quotes that share a run of six words may share a run; quotes that share five in a
    /// row, or the same words in another order, are not diffed.
    #[test]
    fn quotes_are_diffed_only_when_they_may_share_a_run() {
        let of = |text: &str| Features {
            quote_runs: run_hashes(
                &super::super::diff::word_keys(text),
                super::super::dispute::QUOTE_RUN,
            ),
            ..Features::default()
        };
        let a = of("We will keep the ferry running every single day of the winter");
        let six = of("They said: keep the ferry running every single day, whatever it costs");
        let five = of("Keep the ferry running every week, they said");
        let shuffled = of("day single every running ferry the keep will we");
        assert!(a.may_share_run(&six) && six.may_share_run(&a));
        assert!(!a.may_share_run(&five));
        assert!(!a.may_share_run(&shuffled));
        assert!(!of("Too short").may_share_run(&of("Too short")));
    }
}
