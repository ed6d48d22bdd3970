//! Claim frames: what a statement measures or asserts, with the value it gives.
//!
//! A figure (an amount, a share, a count, a date, a year, a duration) is framed by the head
//! nouns near it (`frame_heads` in `compare.yaml`: "offer", "cost", "jobs"…) or, for dates
//! and years, by the verbs whose time is a claim (`time_verbs`, `event_verbs`: "founded",
//! "ends"…). Two statements that give different values of one kind beside the same head
//! speak of the same thing and disagree, even when their other words barely overlap
//! ("the offer is worth 9%" vs "in reality a 3.5% rise"). A frame key (kind and head) is
//! a blocking key: statements are only compared within one.
//!
//! Values are compared as numbers with the precision they are written in: `£10.5m` and
//! `£10,500,000` agree, and so do `96.7%` and "almost 97%" (the one rounded), while
//! `97.6%` and `97%` do not.
//!
//! Besides figures, a statement may rebut what another says (`rebuttal_phrases`: "not
//! true", "misleading") or lay blame (`blame_phrases`); and it may be a heading, a
//! dateline or a "Published …" line, which never takes part in a dispute.

use super::index::{WordMap, WordSet};
use crate::comparison::{EntityKind, Statement};
use crate::lexicon::Lexicon;
use crate::reading::topics::stem;

/// How many words on each side of a figure may name what it measures.
pub const WINDOW: usize = 5;
/// How many words on each side of a rebuttal or blame cue may name what it is about.
pub const CUE_WINDOW: usize = 6;

/// What kind of value a frame holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ValueKind {
    /// An amount of money (in the currency's units).
    Money,
    /// A share (as a fraction: 9% is 0.09).
    Percent,
    /// A number of things ("10,000 jobs").
    Count,
    /// A year on its own ("in 2013").
    Year,
    /// A calendar date or month.
    Date,
    /// A length of time (in days).
    Duration,
    /// An amount of money per unit of time ("£1m a day"): compared only with other rates.
    Rate,
}

impl ValueKind {
    /// A short name for keys and reasons.
    pub fn as_str(self) -> &'static str {
        match self {
            ValueKind::Money => "amount",
            ValueKind::Percent => "share",
            ValueKind::Count => "number",
            ValueKind::Year => "year",
            ValueKind::Date => "date",
            ValueKind::Duration => "length",
            ValueKind::Rate => "rate",
        }
    }
}

/// A value a statement gives, with what it measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// The kind of value.
    pub kind: ValueKind,
    /// The number (money units, a fraction, a count, a year or days); 0 for dates.
    pub number: f64,
    /// Half the written precision's step, on the scale of `number`: two values closer than
    /// the larger of their two `slack`s agree (one is the other rounded).
    pub slack: f64,
    /// The normalised date (`2019-10-08`, `--04`), for dates.
    pub date: String,
    /// The value as written.
    pub written: String,
    /// Frame keys: stems of the heads near the value, sorted and unique.
    pub keys: Vec<String>,
}

impl Value {
    /// Whether two values of one kind can both be right: equal, or one the other rounded
    /// (numbers), or dates whose given parts are equal.
    pub fn agrees(&self, other: &Value) -> bool {
        if self.kind != other.kind {
            return false;
        }
        match self.kind {
            ValueKind::Date => super::dispute::dates_agree(&self.date, &other.date),
            _ => {
                let tol = self.slack.max(other.slack).max(1e-9 * self.number.abs());
                (self.number - other.number).abs() <= tol
            }
        }
    }
}

/// The frame vocabulary, compiled once per run.
#[derive(Debug, Clone, Default)]
pub struct FrameVocab {
    heads: WordSet<String>,
    time: WordSet<String>,
    rebuttal: Phrases,
    blame: Phrases,
    contest: Phrases,
    rate: WordSet<String>,
    numbers: WordMap<String, f64>,
    stop: WordSet<String>,
    fold: WordMap<String, String>,
}

impl FrameVocab {
    /// Compiles the frame words of a lexicon.
    pub fn new(lex: &Lexicon) -> FrameVocab {
        let c = &lex.compare;
        let seq =
            |p: &String| -> Vec<String> { words(p).map(|(_, _, w)| w.to_lowercase()).collect() };
        let mut time: WordSet<String> = c.time_verbs.iter().map(|w| stem(w)).collect();
        time.extend(
            c.event_verbs
                .iter()
                .filter(|v| !v.contains(' '))
                .map(|w| stem(w)),
        );
        let mut rebuttal: Vec<Vec<String>> = c.rebuttal_phrases.iter().map(seq).collect();
        rebuttal.sort();
        let mut blame: Vec<Vec<String>> = c.blame_phrases.iter().map(seq).collect();
        blame.sort();
        // a reporting verb whose stance contests (denies, accuses) contests too
        let mut contest: Vec<Vec<String>> = c.contest_phrases.iter().map(seq).collect();
        contest.extend(
            lex.reading
                .stances
                .iter()
                .filter(|(_, stance)| matches!(stance.as_str(), "denies" | "accuses"))
                .map(|(verb, _)| seq(verb)),
        );
        contest.sort();
        contest.dedup();
        FrameVocab {
            heads: c.frame_heads.iter().map(|w| stem(w)).collect(),
            time,
            rebuttal: Phrases::new(rebuttal),
            blame: Phrases::new(blame),
            contest: Phrases::new(contest),
            rate: c.rate_words.iter().cloned().collect(),
            numbers: c
                .number_words
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            stop: c.stop_words.iter().cloned().collect(),
            fold: c
                .frame_synonyms
                .iter()
                .map(|(w, h)| (stem(w), stem(h)))
                .collect(),
        }
    }
}

/// Phrases (lower-case word sequences) looked up by their first word: a statement's words
/// are each looked up once, not compared with every phrase.
#[derive(Debug, Clone, Default)]
struct Phrases {
    by_first: WordMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    fn new(phrases: Vec<Vec<String>>) -> Phrases {
        let mut by_first: WordMap<String, Vec<Vec<String>>> = WordMap::default();
        for p in phrases.into_iter().filter(|p| !p.is_empty()) {
            by_first.entry(p[0].clone()).or_default().push(p);
        }
        Phrases { by_first }
    }

    /// Where the phrases start in `lower`, one entry per match, ascending.
    fn at(&self, lower: &[String]) -> Vec<usize> {
        let mut out = Vec::new();
        for (i, w) in lower.iter().enumerate() {
            let Some(seqs) = self.by_first.get(w) else {
                continue;
            };
            for seq in seqs {
                if lower.len() - i >= seq.len() && lower[i..i + seq.len()] == seq[..] {
                    out.push(i);
                }
            }
        }
        out
    }
}

/// What the frame reader found in one statement.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frames {
    /// Values with their frame keys (only values that have a key).
    pub values: Vec<Value>,
    /// Dates and years the statement gives, whatever they frame: values measured at
    /// different times are not compared.
    pub when: Vec<Value>,
    /// Stems of the frame heads anywhere in the statement, sorted and unique.
    pub heads: Vec<String>,
    /// Stems of the frame heads near a rebuttal or blame cue: what is rebutted or blamed.
    pub cue_heads: Vec<String>,
    /// Whether the statement rebuts something ("not true", "misleading").
    pub rebuts: bool,
    /// Whether the statement lays blame ("blamed", "responsibility").
    pub blames: bool,
    /// Whether it contests another party's account: a rebuttal, blame, a reporting verb
    /// of the `denies` or `accuses` stance, or a contest phrase ("insisted", "hit back").
    pub contests: bool,
    /// Stems of the words near a contest cue (the cue itself left out): what is contested.
    pub contested: Vec<String>,
    /// Whether it is a heading, dateline or publication line: never part of a dispute.
    pub heading: bool,
    /// How many words it has.
    pub words: usize,
}

/// Words of a text with their byte spans: runs of letters and digits, keeping inner
/// `.`, `,`, `'` and `-` between two of them ("10,000", "96.7", "six-month", "isn't").
fn words(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    if text.is_ascii() {
        words_ascii(text).into_iter()
    } else {
        words_chars(text).into_iter()
    }
}

/// [`words`], character by character.
fn words_chars(text: &str) -> Vec<(usize, usize, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            let inner = matches!(c, '.' | ',' | '\'' | '’' | '-')
                && j + 1 < chars.len()
                && chars[j + 1].1.is_alphanumeric()
                && (c != ','
                    || (chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit()))
                && (c != '.' || chars[j - 1].1.is_ascii_digit());
            if c.is_alphanumeric() || inner {
                j += 1;
            } else {
                break;
            }
        }
        let end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        out.push((start, end, &text[start..end]));
        i = j;
    }
    out
}

/// [`words`] of an ASCII text, byte by byte (the same rules, no characters decoded).
fn words_ascii(text: &str) -> Vec<(usize, usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 5 + 1);
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < b.len() {
            let c = b[j];
            let inner = matches!(c, b'.' | b',' | b'\'' | b'-')
                && j + 1 < b.len()
                && b[j + 1].is_ascii_alphanumeric()
                && (c != b',' || (b[j - 1].is_ascii_digit() && b[j + 1].is_ascii_digit()))
                && (c != b'.' || b[j - 1].is_ascii_digit());
            if c.is_ascii_alphanumeric() || inner {
                j += 1;
            } else {
                break;
            }
        }
        out.push((start, j, &text[start..j]));
        i = j;
    }
    out
}

/// The first number written in a text ("£10.5m" → 10.5) and its decimals.
fn written_number(text: &str) -> Option<(f64, i32)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let digits = rest[..end].trim_end_matches(['.', ',']).replace(',', "");
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len() as i32);
    digits.parse().ok().map(|n| (n, decimals))
}

/// Half the step of the precision a value is written in, on the value's scale.
pub fn slack_of(number: f64, written: &str) -> f64 {
    match written_number(written) {
        Some((n, d)) if n > 0.0 => 0.5 * number / n * 10f64.powi(-d),
        _ => 0.0,
    }
}

/// An ISO duration (`P3M`, `PT48H`, `P2Y6M`) in days.
fn duration_days(v: &str) -> Option<f64> {
    let rest = v.strip_prefix('P')?;
    let (mut days, mut num, mut time) = (0.0, String::new(), false);
    for c in rest.chars() {
        match c {
            'T' => time = true,
            '0'..='9' | '.' => num.push(c),
            _ => {
                let n: f64 = num.parse().ok()?;
                num.clear();
                days += n * match (c, time) {
                    ('Y', _) => 365.0,
                    ('M', false) => 30.0,
                    ('W', _) => 7.0,
                    ('D', _) => 1.0,
                    ('H', _) => 1.0 / 24.0,
                    ('M', true) => 1.0 / 1440.0,
                    _ => 0.0,
                };
            }
        }
    }
    Some(days)
}

const MONTHS: [&str; 23] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
];

const TIME_UNITS: [&str; 14] = [
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute",
    "minutes", "decade", "decades",
];

/// Reads the frames of one claim statement.
pub fn frames(st: &Statement, vocab: &FrameVocab) -> Frames {
    let text = st.text.as_str();
    let toks: Vec<(usize, usize, &str)> = words(text).collect();
    let lower: Vec<String> = toks.iter().map(|t| t.2.to_lowercase()).collect();
    // each word's stems (a hyphenated word's, then its parts'), all in one list:
    // `stems(k)` is word k's
    let mut all_stems: Vec<String> = Vec::with_capacity(lower.len());
    let mut stem_starts: Vec<usize> = Vec::with_capacity(lower.len() + 1);
    for w in &lower {
        stem_starts.push(all_stems.len());
        all_stems.push(stem(w));
        if w.contains('-') {
            all_stems.extend(w.split('-').filter(|p| !p.is_empty()).map(stem));
        }
    }
    stem_starts.push(all_stems.len());
    let stems = |k: usize| -> &[String] { &all_stems[stem_starts[k]..stem_starts[k + 1]] };
    let mut used = vec![false; toks.len()];
    let token_range = |start: usize, end: usize| -> (usize, usize) {
        let a = toks.iter().position(|t| t.1 > start).unwrap_or(toks.len());
        let b = toks.iter().position(|t| t.0 >= end).unwrap_or(toks.len());
        (a, b.max(a))
    };
    // raw values: (kind, number, slack, date, written, token range)
    let mut raw: Vec<(ValueKind, f64, f64, String, String, usize, usize)> = Vec::new();
    let mut from = 0;
    for e in &st.entities {
        let at = text[from..]
            .find(&e.text)
            .map(|p| p + from)
            .or_else(|| text.find(&e.text));
        let Some(at) = at else { continue };
        from = at + e.text.len();
        let (a, b) = token_range(at, at + e.text.len());
        let w = e.text.trim().to_string();
        let kind = match e.kind {
            EntityKind::Money => {
                let n: f64 = e
                    .value
                    .split_whitespace()
                    .last()
                    .and_then(|x| x.parse().ok())
                    .unwrap_or(0.0);
                let unit = |i: usize| lower.get(i).map(String::as_str).unwrap_or("");
                let kind = if vocab.rate.contains(unit(b)) && TIME_UNITS.contains(&unit(b + 1)) {
                    ValueKind::Rate
                } else {
                    ValueKind::Money
                };
                Some((kind, n, slack_of(n, &w), String::new()))
            }
            EntityKind::Percent => {
                let n: f64 = e.value.parse().unwrap_or(0.0);
                Some((ValueKind::Percent, n, slack_of(n, &w), String::new()))
            }
            EntityKind::Date
                if e.value.len() == 4 && e.value.bytes().all(|c| c.is_ascii_digit()) =>
            {
                let n: f64 = e.value.parse().unwrap_or(0.0);
                Some((ValueKind::Year, n, 0.0, e.value.clone()))
            }
            EntityKind::Date => Some((ValueKind::Date, 0.0, 0.0, e.value.clone())),
            EntityKind::Duration => {
                let first = w.split_whitespace().next().unwrap_or("").to_lowercase();
                let before = a.checked_sub(1).map(|i| lower[i].as_str()).unwrap_or("");
                let rate =
                    vocab.rate.contains(&first) || vocab.rate.contains(before) || first == "one";
                match duration_days(&e.value) {
                    Some(d) if !rate && d > 0.0 => {
                        Some((ValueKind::Duration, d, 0.0, String::new()))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        for u in used.iter_mut().take(b).skip(a) {
            *u = true;
        }
        if let Some((k, n, s, d)) = kind {
            raw.push((k, n, s, d, w, a, b));
        }
    }
    // counts and shares the entities leave out ("10,000 jobs", "nine per cent", "9pc")
    for i in 0..toks.len() {
        if used[i] {
            continue;
        }
        let w = lower[i].as_str();
        let before = text[..toks[i].0].chars().next_back();
        if matches!(before, Some('£' | '$' | '€' | '¥')) {
            continue;
        }
        let after = text[toks[i].1..].chars().next();
        let next = lower.get(i + 1).map(String::as_str).unwrap_or("");
        let (number, digits) = if let Some(n) = vocab.numbers.get(w) {
            (*n, false)
        } else if let Some(p) = w.strip_suffix("pc").filter(|p| p.parse::<f64>().is_ok()) {
            let n: f64 = p.parse().unwrap_or(0.0);
            raw.push((
                ValueKind::Percent,
                n / 100.0,
                slack_of(n / 100.0, p),
                String::new(),
                toks[i].2.to_string(),
                i,
                i + 1,
            ));
            continue;
        } else if w
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            match w.replace(',', "").parse::<f64>() {
                Ok(n) => (n, true),
                Err(_) => continue,
            }
        } else {
            continue;
        };
        if after == Some('%') {
            continue;
        }
        if next == "per" && lower.get(i + 2).is_some_and(|x| x == "cent") || next == "percent" {
            let written = text[toks[i].0..toks[(i + 2).min(toks.len() - 1)].1].to_string();
            raw.push((
                ValueKind::Percent,
                number / 100.0,
                if digits {
                    slack_of(number / 100.0, w)
                } else {
                    0.0
                },
                String::new(),
                written,
                i,
                (i + 3).min(toks.len()),
            ));
            continue;
        }
        let year_like =
            digits && w.len() == 4 && !w.contains(',') && (1800.0..2200.0).contains(&number);
        if year_like || TIME_UNITS.contains(&next) || number < 2.0 || (!digits && next == "of") {
            continue;
        }
        // "six in ten", "one-off", days of a month ("26 and 31 August") are left out
        let month_near =
            (i + 1..(i + 4).min(toks.len())).any(|k| MONTHS.contains(&lower[k].as_str()));
        // small numbers written as words are rarely counts of what is at stake
        if next == "in" || w.contains('-') || month_near || (!digits && number < 10.0) {
            continue;
        }
        let scale = match next {
            "million" | "m" => 1e6,
            "billion" | "bn" => 1e9,
            "thousand" => 1e3,
            _ => 1.0,
        };
        raw.push((
            ValueKind::Count,
            number * scale,
            if digits {
                slack_of(number * scale, w)
            } else {
                0.0
            },
            String::new(),
            toks[i].2.to_string(),
            i,
            i + 1,
        ));
    }
    let heading = is_heading(text, &lower, &st.entities);
    let mut values = Vec::new();
    let mut when = Vec::new();
    let timed_kind = |k: ValueKind| matches!(k, ValueKind::Date | ValueKind::Year);
    // how far a word is from a value; a head word frames the nearest value(s) only
    let distance = |k: usize, a: usize, b: usize| -> usize {
        if k < a {
            a - k
        } else if k >= b {
            k + 1 - b
        } else {
            0
        }
    };
    let reach = |kind: ValueKind, a: usize, b: usize| -> (usize, usize) {
        let back = if kind == ValueKind::Count { 2 } else { WINDOW };
        (a.saturating_sub(back), (b + WINDOW).min(toks.len()))
    };
    let nearest = |k: usize, timed: bool| -> usize {
        raw.iter()
            .filter(|r| timed_kind(r.0) == timed)
            .filter(|r| {
                let (lo, hi) = reach(r.0, r.5, r.6);
                k >= lo && k < hi
            })
            .map(|r| distance(k, r.5, r.6))
            .min()
            .unwrap_or(usize::MAX)
    };
    for (kind, number, slack, date, written, a, b) in raw.iter().cloned() {
        let (lo, hi) = reach(kind, a, b);
        let timed = timed_kind(kind);
        let mut keys: Vec<String> = Vec::new();
        for (k, low) in lower.iter().enumerate().take(hi).skip(lo) {
            if k >= a && k < b && !low.contains('-') {
                continue;
            }
            if distance(k, a, b) > nearest(k, timed) {
                continue;
            }
            for s in stems(k) {
                let hit = if timed {
                    vocab.time.contains(s)
                } else {
                    vocab.heads.contains(s)
                };
                if hit {
                    keys.push(vocab.fold.get(s).unwrap_or(s).clone());
                }
            }
        }
        // "a six-year partnership", "a £2m deal": the noun a figure qualifies frames it
        if keys.is_empty()
            && !timed
            && a < b
            && lower[b - 1].contains('-')
            && let Some(k) = (b < lower.len()).then(|| stems(b)).and_then(|s| s.first())
            && !vocab.stop.contains(&lower[b])
            && lower[b].chars().all(char::is_alphabetic)
        {
            keys.push(k.clone());
        }
        keys.sort();
        keys.dedup();
        let v = Value {
            kind,
            number,
            slack,
            date,
            written,
            keys,
        };
        if timed {
            when.push(v.clone());
        }
        if !(v.keys.is_empty() || (heading && timed)) {
            values.push(v);
        }
    }
    let mut heads: Vec<String> = all_stems
        .iter()
        .filter(|s| vocab.heads.contains(*s))
        .cloned()
        .collect();
    heads.sort();
    heads.dedup();
    // where the cues stand
    let at = |p: &Phrases| p.at(&lower);
    let (rebut_at, blame_at) = if heading {
        (Vec::new(), Vec::new())
    } else {
        (at(&vocab.rebuttal), at(&vocab.blame))
    };
    let mut cue_heads: Vec<String> = Vec::new();
    for &c in rebut_at.iter().chain(&blame_at) {
        for k in c.saturating_sub(CUE_WINDOW)..(c + CUE_WINDOW + 1).min(toks.len()) {
            cue_heads.extend(
                stems(k)
                    .iter()
                    .filter(|s| vocab.heads.contains(*s))
                    .cloned(),
            );
        }
    }
    cue_heads.sort();
    cue_heads.dedup();
    let contest_at = if heading {
        Vec::new()
    } else {
        at(&vocab.contest)
    };
    let contests = !(rebut_at.is_empty() && blame_at.is_empty() && contest_at.is_empty());
    let mut contested: Vec<String> = Vec::new();
    for &c in rebut_at.iter().chain(&blame_at).chain(&contest_at) {
        let lo = c.saturating_sub(CUE_WINDOW);
        let hi = (c + CUE_WINDOW + 1).min(toks.len());
        for i in (lo..hi).filter(|&i| i != c) {
            if !vocab.stop.contains(&lower[i]) {
                contested.extend(stems(i).iter().cloned());
            }
        }
    }
    contested.sort();
    contested.dedup();
    Frames {
        values,
        when,
        heads,
        cue_heads,
        rebuts: !rebut_at.is_empty(),
        blames: !blame_at.is_empty(),
        contests,
        contested,
        heading,
        words: toks.len(),
    }
}

/// Whether a statement is a heading, a dateline or a publication line rather than a
/// claim: "Published 3 May 2021", "Press release", "Printweek, 22 September 2022",
/// "Thursday 1 December 2022: the picket lines", "© 2021 …".
pub fn is_heading(text: &str, lower: &[String], entities: &[crate::comparison::Entity]) -> bool {
    let first = lower.first().map(String::as_str).unwrap_or("");
    let t = text.trim();
    if t.starts_with('©')
        || matches!(
            first,
            "published" | "updated" | "copyright" | "posted" | "photo" | "image"
        )
        || (first == "press" && lower.get(1).is_some_and(|w| w == "release"))
    {
        return true;
    }
    let ends = t.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', '…']);
    let dated = entities.iter().any(|e| e.kind == EntityKind::Date);
    !ends && dated && lower.len() <= 10
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comparison::{Entity, StatementKind};

    /// The byte-by-byte reading of ASCII text finds the words the character reading does.
    #[test]
    fn ascii_words_are_the_words() {
        for text in [
            "It costs £10.5m -- no, 10,000.50 a year; six-month deal isn't 3.5% (or 3,5).",
            "A,B 1,a a.1 1.a 1..2 end. -start 'quoted' x-",
            "",
            "   ",
            "2020/21: 96.7 per cent, up from 9,9",
        ] {
            let ascii = text.replace('£', "L");
            assert_eq!(words_ascii(&ascii), words_chars(&ascii), "{ascii}");
        }
    }

    fn st(text: &str, entities: &[(EntityKind, &str, &str)]) -> Statement {
        Statement {
            id: "s".into(),
            document: "d".into(),
            paragraph: 0,
            span: [0, text.len()],
            text: text.into(),
            kind: StatementKind::Narrative,
            speaker: None,
            claimant: None,
            counter_claimant: None,
            answers: None,
            topics: vec![],
            entities: entities
                .iter()
                .map(|(k, t, v)| Entity {
                    kind: *k,
                    text: t.to_string(),
                    value: v.to_string(),
                })
                .collect(),
        }
    }

    fn vocab() -> FrameVocab {
        FrameVocab::new(&Lexicon::bundled())
    }

    #[test]
    fn a_share_is_framed_by_the_offer_it_measures() {
        let f = frames(
            &st(
                "The council says its offer to staff is worth 4.5% this year.",
                &[(EntityKind::Percent, "4.5%", "0.045")],
            ),
            &vocab(),
        );
        assert_eq!(f.values.len(), 1);
        assert!(f.values[0].keys.contains(&stem("offer")));
    }

    #[test]
    fn counts_and_written_shares_are_read() {
        let f = frames(
            &st(
                "The hospital will cut 1,200 jobs and nurses were offered nine per cent.",
                &[],
            ),
            &vocab(),
        );
        let kinds: Vec<ValueKind> = f.values.iter().map(|v| v.kind).collect();
        assert!(kinds.contains(&ValueKind::Count));
        assert!(kinds.contains(&ValueKind::Percent));
        let count = f
            .values
            .iter()
            .find(|v| v.kind == ValueKind::Count)
            .unwrap();
        assert_eq!(count.number, 1200.0);
    }

    #[test]
    fn a_rounded_figure_agrees_and_a_different_one_does_not() {
        let v = |n: f64, w: &str| Value {
            kind: ValueKind::Money,
            number: n,
            slack: slack_of(n, w),
            date: String::new(),
            written: w.into(),
            keys: vec![],
        };
        assert!(v(10_500_000.0, "£10.5m").agrees(&v(10_500_000.0, "£10,500,000")));
        assert!(v(10_770_000.0, "£10.77m").agrees(&v(11_000_000.0, "£11m")));
        assert!(!v(10_770_000.0, "£10.77m").agrees(&v(10_500_000.0, "£10.5m")));
        let p = |n: f64, w: &str| Value {
            kind: ValueKind::Percent,
            slack: slack_of(n, w),
            ..v(n, w)
        };
        assert!(p(0.967, "96.7%").agrees(&p(0.97, "97%")));
        assert!(!p(0.976, "97.6%").agrees(&p(0.97, "97%")));
    }

    #[test]
    fn a_rate_is_not_a_length() {
        let f = frames(
            &st(
                "The club says the striker's wages cost £200,000 a week.",
                &[
                    (EntityKind::Money, "£200,000", "GBP 200000"),
                    (EntityKind::Duration, "a week", "P1W"),
                ],
            ),
            &vocab(),
        );
        assert!(f.values.iter().all(|v| v.kind != ValueKind::Duration));
    }

    #[test]
    fn datelines_and_publication_lines_are_headings() {
        let v = vocab();
        let f = frames(
            &st(
                "Thursday 4 March 2021: the budget vote",
                &[(EntityKind::Date, "4 March 2021", "2021-03-04")],
            ),
            &v,
        );
        assert!(f.heading);
        let f = frames(&st("Published 4 March 2021", &[]), &v);
        assert!(f.heading);
        let f = frames(&st("The firm denied the report was accurate.", &[]), &v);
        assert!(!f.heading && f.rebuts);
    }
}
