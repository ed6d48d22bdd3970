//! Figures and dates with normalised values: money (`£10.5m` → `GBP 10500000`), percentages
//! (`31 per cent` → `0.31`), dates (`October 2018` → `2018-10`, `28/02/2020` →
//! `2020-02-28`, `April 8` → `2020-04-08` in a document of 2020, else `--04-08`) and
//! durations (`six more months` → `P6M`).

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::comparison::{Entity, EntityKind};

const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

const NUMBER_WORDS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("eighteen", 18),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("hundred", 100),
];

struct Patterns {
    money: Regex,
    money_words: Regex,
    percent: Regex,
    numeric_date: Regex,
    iso_date: Regex,
    day_month: Regex,
    month_day: Regex,
    month_year: Regex,
    bare_month: Regex,
    year: Regex,
    duration: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let numbers = NUMBER_WORDS.iter().map(|(w, _)| *w).collect::<Vec<_>>().join("|");
        let sources = [
            r"(?i)(?P<cur>[£$€]|\b(?:gbp|usd|eur)\s?)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?P<mult>bn|billion|m|million|mn|k|thousand|tn|trillion)\b)?".to_string(),
            r"(?i)\b(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?P<mult>billion|million|thousand))?\s(?P<cur>pounds|dollars|euros)\b".to_string(),
            r"(?i)\b(?P<num>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)".to_string(),
            r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b".to_string(),
            r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b".to_string(),
            format!(r"(?i)\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m>{MONTHS})\b\.?(?:,?\s(?P<y>\d{{4}})\b)?"),
            format!(r"(?i)\b(?P<m>{MONTHS})\.?\s(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s(?P<y>\d{{4}})\b)?"),
            format!(r"(?i)\b(?P<m>{MONTHS})\.?,?\s(?P<y>\d{{4}})\b"),
            format!(r"(?i)\b(?:in|by|from|until|till|since|before|after|during|of|last|next|this|early|late|mid-?|end of|start of)\s(?P<m>{MONTHS})\b"),
            r"(?i)\b(?:in|since|from|by|until|till|before|after|during|of)\s(?P<y>(?:19|20)\d{2})\b".to_string(),
            format!(r"(?i)\b(?P<n>\d+(?:\.\d+)?|{numbers})[\s-](?:(?:more|further|additional|extra|financial|calendar|full|whole|long)\s)?(?P<u>years?|months?|weeks?|days?|hours?)\b"),
        ];
        // compiled on all cores: together they take tens of milliseconds on one
        let compiled: Vec<Regex> = crate::lexicon::map_on_threads(&sources, |s| {
            Regex::new(s).unwrap_or_else(|e| panic!("entity pattern {s}: {e}"))
        });
        // the fields take the patterns in the order of `sources` (a struct's fields are
        // evaluated in the order written)
        let mut compiled = compiled.into_iter();
        let mut next = || compiled.next().unwrap_or_else(|| unreachable!("eleven patterns"));
        Patterns {
            money: next(),
            money_words: next(),
            percent: next(),
            numeric_date: next(),
            iso_date: next(),
            day_month: next(),
            month_day: next(),
            month_year: next(),
            bare_month: next(),
            year: next(),
            duration: next(),
        }
    })
}

/// The month number of an English month name or abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let key = n.get(..3)?;
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

/// `digits` (with an optional decimal point) times 10^`shift` (shift may be negative), as a
/// plain decimal string without float rounding.
fn shift_decimal(digits: &str, shift: i32) -> Option<String> {
    let clean: String = digits.chars().filter(|c| *c != ',').collect();
    let (int, frac) = clean.split_once('.').unwrap_or((&clean, ""));
    if !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let all = format!("{int}{frac}");
    let point = int.len() as i32 + shift; // position of the decimal point in `all`
    let (mut whole, mut fraction) = if point <= 0 {
        (
            "0".to_string(),
            format!("{}{}", "0".repeat((-point) as usize), all),
        )
    } else if point as usize >= all.len() {
        (
            format!("{}{}", all, "0".repeat(point as usize - all.len())),
            String::new(),
        )
    } else {
        (
            all[..point as usize].to_string(),
            all[point as usize..].to_string(),
        )
    };
    whole = whole.trim_start_matches('0').to_string();
    if whole.is_empty() {
        whole = "0".to_string();
    }
    while fraction.ends_with('0') {
        fraction.pop();
    }
    Some(if fraction.is_empty() {
        whole
    } else {
        format!("{whole}.{fraction}")
    })
}

fn currency_code(cur: &str) -> &'static str {
    match cur.trim().to_lowercase().as_str() {
        "£" | "gbp" | "pounds" => "GBP",
        "$" | "usd" | "dollars" => "USD",
        _ => "EUR",
    }
}

fn multiplier(mult: Option<&str>) -> i32 {
    match mult.map(str::to_lowercase).as_deref() {
        Some("k" | "thousand") => 3,
        Some("m" | "mn" | "million") => 6,
        Some("bn" | "billion") => 9,
        Some("tn" | "trillion") => 12,
        _ => 0,
    }
}

/// A word or sign a figure pattern needs: a pattern whose cue is absent from a text cannot
/// match it and is not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Currency,
    CurrencyWord,
    Percent,
    Slash,
    Dash,
    Month,
    Unit,
}

/// How many kinds of [`Cue`] there are.
const CUE_KINDS: usize = 7;

/// Each cue as written (ASCII letters in either case; the patterns' Unicode case folding
/// finds nothing more in English text: only the Kelvin sign and the long s fold to ASCII
/// letters).
const CUES: &[(&str, Cue)] = &[
    ("£", Cue::Currency),
    ("$", Cue::Currency),
    ("€", Cue::Currency),
    ("gbp", Cue::Currency),
    ("usd", Cue::Currency),
    ("eur", Cue::Currency),
    ("pounds", Cue::CurrencyWord),
    ("dollars", Cue::CurrencyWord),
    ("euros", Cue::CurrencyWord),
    ("%", Cue::Percent),
    ("per", Cue::Percent),
    ("/", Cue::Slash),
    ("-", Cue::Dash),
    ("jan", Cue::Month),
    ("feb", Cue::Month),
    ("mar", Cue::Month),
    ("apr", Cue::Month),
    ("may", Cue::Month),
    ("jun", Cue::Month),
    ("jul", Cue::Month),
    ("aug", Cue::Month),
    ("sep", Cue::Month),
    ("oct", Cue::Month),
    ("nov", Cue::Month),
    ("dec", Cue::Month),
    ("year", Cue::Unit),
    ("month", Cue::Unit),
    ("week", Cue::Unit),
    ("day", Cue::Unit),
    ("hour", Cue::Unit),
];

/// The cues a text holds, found in one pass of an automaton (every cue when it cannot be
/// built).
fn cues(text: &str) -> [bool; CUE_KINDS] {
    static AUTOMATON: OnceLock<Option<aho_corasick::AhoCorasick>> = OnceLock::new();
    let automaton = AUTOMATON.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(CUES.iter().map(|(cue, _)| cue))
            .ok()
    });
    let Some(automaton) = automaton else {
        return [true; CUE_KINDS];
    };
    let mut present = [false; CUE_KINDS];
    for m in automaton.find_overlapping_iter(text) {
        present[CUES[m.pattern().as_usize()].1 as usize] = true;
    }
    present
}

/// All figures and dates in a statement's text, in text order. `year` is the document's
/// publication year, used to place day-and-month dates without a year.
pub fn figures(text: &str, year: Option<i32>) -> Vec<Entity> {
    let p = patterns();
    // the patterns of figures and dated days need a digit: skip them on texts without one
    let numeric = if text.bytes().any(|b| b.is_ascii_digit()) {
        text
    } else {
        ""
    };
    let present = cues(text);
    // a pattern's matches in the text (in `numeric` when it needs a digit); none, the
    // pattern not run at all (even a search of nothing makes its captures), when its cue
    // is absent or that text empty
    let caps = |re: &'static Regex, cue: Option<Cue>, needs_digit: bool| {
        let text = if needs_digit { numeric } else { text };
        (!text.is_empty() && cue.is_none_or(|c| present[c as usize]))
            .then(|| re.captures_iter(text))
            .into_iter()
            .flatten()
    };
    let mut found: Vec<(usize, usize, EntityKind, String)> = Vec::new();
    // the spans taken so far (start → end, disjoint): an overlap check in log time, so a
    // text of a million figures is not a million scans
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut add = |start: usize, end: usize, kind: EntityKind, value: String| {
        let before = taken.range(..end).next_back();
        if before.is_none_or(|(_, e)| *e <= start) {
            taken.insert(start, end);
            found.push((start, end, kind, value));
        }
    };
    for c in caps(&p.money, Some(Cue::Currency), true).chain(caps(
        &p.money_words,
        Some(Cue::CurrencyWord),
        true,
    )) {
        let (Some(all), Some(cur), Some(num)) = (c.get(0), c.name("cur"), c.name("num")) else {
            continue;
        };
        let mult = c.name("mult").map(|m| m.as_str());
        if let Some(v) = shift_decimal(num.as_str(), multiplier(mult)) {
            add(
                all.start(),
                all.end(),
                EntityKind::Money,
                format!("{} {v}", currency_code(cur.as_str())),
            );
        }
    }
    for c in caps(&p.percent, Some(Cue::Percent), true) {
        let (Some(all), Some(num)) = (c.get(0), c.name("num")) else {
            continue;
        };
        if let Some(v) = shift_decimal(num.as_str(), -2) {
            add(all.start(), all.end(), EntityKind::Percent, v);
        }
    }
    let ymd = |y: i32, m: u32, d: u32| {
        NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
    };
    let num = |c: &regex::Captures, n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    for c in caps(&p.numeric_date, Some(Cue::Slash), true) {
        let (Some(all), Some(a), Some(b), Some(y)) =
            (c.get(0), num(&c, "a"), num(&c, "b"), num(&c, "y"))
        else {
            continue;
        };
        // day first, as British and most non-US writing has it; month first when only that is valid
        if let Some(v) = ymd(y as i32, b, a).or_else(|| ymd(y as i32, a, b)) {
            add(all.start(), all.end(), EntityKind::Date, v);
        }
    }
    for c in caps(&p.iso_date, Some(Cue::Dash), true) {
        let (Some(all), Some(y), Some(m), Some(d)) =
            (c.get(0), num(&c, "y"), num(&c, "m"), num(&c, "d"))
        else {
            continue;
        };
        if let Some(v) = ymd(y as i32, m, d) {
            add(all.start(), all.end(), EntityKind::Date, v);
        }
    }
    for re in [&p.day_month, &p.month_day] {
        for c in caps(re, Some(Cue::Month), true) {
            let (Some(all), Some(m), Some(d)) = (c.get(0), c.name("m"), num(&c, "d")) else {
                continue;
            };
            let Some(m) = month_number(m.as_str()) else {
                continue;
            };
            let value = match num(&c, "y").map(|y| y as i32).or(year) {
                Some(y) => ymd(y, m, d),
                None => NaiveDate::from_ymd_opt(2000, m, d).map(|_| format!("--{m:02}-{d:02}")),
            };
            if let Some(v) = value {
                add(all.start(), all.end(), EntityKind::Date, v);
            }
        }
    }
    for c in caps(&p.month_year, Some(Cue::Month), true) {
        let (Some(all), Some(m), Some(y)) = (c.get(0), c.name("m"), num(&c, "y")) else {
            continue;
        };
        if let Some(m) = month_number(m.as_str()) {
            add(
                all.start(),
                all.end(),
                EntityKind::Date,
                format!("{y:04}-{m:02}"),
            );
        }
    }
    for c in caps(&p.bare_month, Some(Cue::Month), false) {
        let Some(m) = c.name("m") else { continue };
        // "may" is a month only when capitalised
        if m.as_str().eq_ignore_ascii_case("may") && !m.as_str().starts_with('M') {
            continue;
        }
        if let Some(n) = month_number(m.as_str()) {
            add(m.start(), m.end(), EntityKind::Date, format!("--{n:02}"));
        }
    }
    for c in caps(&p.year, None, true) {
        let Some(y) = c.name("y") else { continue };
        add(y.start(), y.end(), EntityKind::Date, y.as_str().to_string());
    }
    for c in caps(&p.duration, Some(Cue::Unit), false) {
        let (Some(all), Some(n), Some(u)) = (c.get(0), c.name("n"), c.name("u")) else {
            continue;
        };
        let lower = n.as_str().to_lowercase();
        let count = NUMBER_WORDS
            .iter()
            .find(|(w, _)| *w == lower)
            .map(|(_, v)| v.to_string())
            .unwrap_or(lower);
        let unit = u.as_str().to_lowercase();
        let value = match unit.trim_end_matches('s') {
            "year" => format!("P{count}Y"),
            "month" => format!("P{count}M"),
            "week" => format!("P{count}W"),
            "day" => format!("P{count}D"),
            _ => format!("PT{count}H"),
        };
        add(all.start(), all.end(), EntityKind::Duration, value);
    }
    found.sort_by_key(|(s, e, _, _)| (*s, *e));
    found
        .into_iter()
        .map(|(s, e, kind, value)| Entity {
            kind,
            text: text[s..e].to_string(),
            value,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, year: Option<i32>) -> Vec<(EntityKind, String, String)> {
        figures(text, year)
            .into_iter()
            .map(|e| (e.kind, e.text, e.value))
            .collect()
    }

    fn has(text: &str, year: Option<i32>, kind: EntityKind, written: &str, value: &str) {
        let v = values(text, year);
        assert!(
            v.contains(&(kind, written.to_string(), value.to_string())),
            "{text}: {v:?}"
        );
    }

    /// The cues that decide which patterns run are found in any case, and a figure needing
    /// a cue is not found without it.
    #[test]
    fn cues_in_any_case() {
        has(
            "a bill of 40 EUROS",
            None,
            EntityKind::Money,
            "40 EUROS",
            "EUR 40",
        );
        has(
            "up 5 PER CENT",
            None,
            EntityKind::Percent,
            "5 PER CENT",
            "0.05",
        );
        has(
            "on 3 SEPT 2021",
            None,
            EntityKind::Date,
            "3 SEPT 2021",
            "2021-09-03",
        );
        has(
            "for TWO YEARS",
            None,
            EntityKind::Duration,
            "TWO YEARS",
            "P2Y",
        );
        has(
            "on 03/04/2021",
            None,
            EntityKind::Date,
            "03/04/2021",
            "2021-04-03",
        );
        assert!(values("40 apples and 3 pears, 5 of 9", None).is_empty());
        // each cue found in its own kind, and no other
        let kinds = |text: &str| {
            let present = cues(text);
            [
                Cue::Currency,
                Cue::CurrencyWord,
                Cue::Percent,
                Cue::Slash,
                Cue::Dash,
                Cue::Month,
                Cue::Unit,
            ]
            .into_iter()
            .filter(|c| present[*c as usize])
            .collect::<Vec<_>>()
        };
        assert_eq!(kinds("EUROS"), [Cue::Currency, Cue::CurrencyWord]);
        assert_eq!(kinds("5 PER cent in Sept"), [Cue::Percent, Cue::Month]);
        assert_eq!(
            kinds("£5 a/b x-y Days"),
            [Cue::Currency, Cue::Slash, Cue::Dash, Cue::Unit]
        );
        assert_eq!(kinds("nothing at all here"), []);
    }

    #[test]
    fn money() {
        has(
            "a £10.5m stadium",
            None,
            EntityKind::Money,
            "£10.5m",
            "GBP 10500000",
        );
        has(
            "costs of £300 million",
            None,
            EntityKind::Money,
            "£300 million",
            "GBP 300000000",
        );
        has(
            "a $2bn bid",
            None,
            EntityKind::Money,
            "$2bn",
            "USD 2000000000",
        );
        has(
            "paid €1,250 each",
            None,
            EntityKind::Money,
            "€1,250",
            "EUR 1250",
        );
        has(
            "about 40 million pounds",
            None,
            EntityKind::Money,
            "40 million pounds",
            "GBP 40000000",
        );
    }

    #[test]
    fn percentages() {
        has("turnout of 80%", None, EntityKind::Percent, "80%", "0.8");
        has(
            "31 per cent of fans",
            None,
            EntityKind::Percent,
            "31 per cent",
            "0.31",
        );
        has("up 3.5%", None, EntityKind::Percent, "3.5%", "0.035");
    }

    #[test]
    fn dates() {
        has(
            "since October 2018",
            None,
            EntityKind::Date,
            "October 2018",
            "2018-10",
        );
        has(
            "by April 8 the ward",
            Some(2021),
            EntityKind::Date,
            "April 8",
            "2021-04-08",
        );
        has(
            "by April 8 the ward",
            None,
            EntityKind::Date,
            "April 8",
            "--04-08",
        );
        has(
            "on 28/02/2020 at",
            None,
            EntityKind::Date,
            "28/02/2020",
            "2020-02-28",
        );
        has(
            "on 3 March 2019",
            None,
            EntityKind::Date,
            "3 March 2019",
            "2019-03-03",
        );
        has(
            "due to end in September",
            None,
            EntityKind::Date,
            "September",
            "--09",
        );
        has(
            "in place since 2012.",
            None,
            EntityKind::Date,
            "2012",
            "2012",
        );
        assert!(values("you may go", None).is_empty());
    }

    #[test]
    fn durations() {
        has(
            "for 18 months",
            None,
            EntityKind::Duration,
            "18 months",
            "P18M",
        );
        has(
            "an 18 month deal",
            None,
            EntityKind::Duration,
            "18 month",
            "P18M",
        );
        has(
            "for six more months",
            None,
            EntityKind::Duration,
            "six more months",
            "P6M",
        );
        has(
            "three years since",
            None,
            EntityKind::Duration,
            "three years",
            "P3Y",
        );
        has(
            "over two financial years",
            None,
            EntityKind::Duration,
            "two financial years",
            "P2Y",
        );
    }
}
