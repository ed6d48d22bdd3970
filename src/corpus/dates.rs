//! Publication dates as press material writes them, parsed with chrono: full dates, dates
//! with a time of day, and the partial dates bylines give (`October 2018`, `2021`).

use std::cmp::Ordering;

use chrono::format::{Item, Parsed, StrftimeItems};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A publication date: a day with or without a time of day, or only a month or a year when
/// that is all the document says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Published {
    /// A calendar day.
    Date(NaiveDate),
    /// A day and a time (local to the publisher, zone dropped).
    DateTime(NaiveDateTime),
    /// A month of a year (`October 2018`), written `2018-10`.
    Month {
        /// The year.
        year: i32,
        /// The month, 1–12.
        month: u32,
    },
    /// A year alone (`2021`).
    Year(i32),
}

impl Published {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`; `YYYY-MM` for a month and `YYYY` for a year.
    pub fn to_iso(self) -> String {
        match self {
            Published::Date(d) => d.format("%Y-%m-%d").to_string(),
            Published::DateTime(dt) => dt.format("%Y-%m-%dT%H:%M:%S").to_string(),
            Published::Month { year, month } => format!("{year:04}-{month:02}"),
            Published::Year(year) => format!("{year:04}"),
        }
    }

    /// The calendar day; the first day of the month or year for a partial date.
    pub fn date(self) -> NaiveDate {
        match self {
            Published::Date(d) => d,
            Published::DateTime(dt) => dt.date(),
            Published::Month { year, month } => {
                NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
            }
            Published::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
        }
    }

    /// Whether only a month or a year is known.
    pub fn is_partial(self) -> bool {
        matches!(self, Published::Month { .. } | Published::Year(_))
    }

    /// `finer` when it is a more precise date inside this one (`2018-10-11` inside
    /// `October 2018`), else `None`.
    pub fn refined_by(self, finer: Published) -> Option<Published> {
        let d = finer.date();
        let inside = match self {
            Published::Year(y) => d.year() == y,
            Published::Month { year, month } => d.year() == year && d.month() == month,
            _ => false,
        };
        (inside && finer.precision() > self.precision()).then_some(finer)
    }

    /// 0 for a year, 1 a month, 2 a day, 3 a day and time.
    fn precision(self) -> u8 {
        match self {
            Published::Year(_) => 0,
            Published::Month { .. } => 1,
            Published::Date(_) => 2,
            Published::DateTime(_) => 3,
        }
    }

    /// Sorts as the ISO forms do: by year, month, day and time, a partial date before the
    /// full dates inside it.
    fn sort_key(self) -> (i32, u32, u32, Option<chrono::NaiveTime>) {
        match self {
            Published::Date(d) => (d.year(), d.month(), d.day(), None),
            Published::DateTime(dt) => (dt.year(), dt.month(), dt.day(), Some(dt.time())),
            Published::Month { year, month } => (year, month, 0, None),
            Published::Year(year) => (year, 0, 0, None),
        }
    }
}

impl PartialOrd for Published {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Published {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

/// With an offset: 2020-03-30T18:07:00+0100 and 2020-03-30T18:07:00.000Z variants chrono's
/// RFC 3339 reader refuses.
const OFFSET_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S%.f%z",
    "%Y-%m-%dT%H:%M%z",
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M %z",
];

/// Month first (US), tried only when day first was impossible.
const MONTH_FIRST_FORMATS: &[&str] = &["%m/%d/%Y", "%m/%d/%Y %H:%M"];

const DATETIME_FORMATS: &[&str] = &[
    "%H:%M %d/%m/%Y",
    "%H:%M:%S %d/%m/%Y",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%d %B %Y %H:%M",
    "%d %B %Y, %H:%M",
    "%A %d %B %Y %H:%M",
    "%A %d %B %Y, %H:%M",
    "%A, %d %B %Y, %H:%M",
    "%H:%M, %d %B %Y",
    "%H:%M %d %B %Y",
    "%H:%M, %A %d %B %Y",
    "%H:%M, %A, %d %B %Y",
    "%B %d, %Y %H:%M",
    "%B %d, %Y, %H:%M",
    "%B %d, %Y %I:%M %p",
    "%B %d, %Y, %I:%M %p",
    "%B %d, %Y at %I:%M %p",
    "%A, %B %d, %Y %I:%M %p",
    "%d %B %Y %I:%M %p",
    "%d %B %Y, %I:%M %p",
    "%A %d %B %Y %I:%M %p",
    "%I:%M %p, %d %B %Y",
    "%I:%M %p %B %d, %Y",
];

const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
    "%d %B %Y",
    "%d %B, %Y",
    "%A %d %B %Y",
    "%A, %d %B %Y",
    "%A %d %B, %Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%A, %B %d, %Y",
    "%A %B %d, %Y",
    "%Y%m%d",
];

/// Years a publication date may fall in; a four-digit number outside them is not a year.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// Parses a publication date in the forms press material uses: `08:57 28/02/2020`,
/// ISO 8601 / RFC 3339 (`2020-02-28`, `2020-02-28T08:57:00Z`), RFC 2822,
/// `28 February 2020`, `28th Feb 2020`, `February 28, 2020`, `Dec. 1, 2022`,
/// `12 July 2024 at 10:30 BST`, `30/03/2020` (day first, as British and European releases
/// write it; month first only when the day-first reading is impossible), and the partial
/// dates of bylines: `October 2018`, `Oct. 2018`, `2018-10` (a [`Published::Month`]) and
/// `2021` (a [`Published::Year`]).
pub fn parse_published(raw: &str) -> Option<Published> {
    // every form holds a year in ASCII digits (chrono reads no other): a line without a
    // digit is no date, whatever its words
    if !raw.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let text = clean(raw);
    if text.is_empty() {
        return None;
    }
    let likely = |p: &Published| YEARS.contains(&p.date().year());
    // chrono's `%Y` takes any number of digits: `2018-10` reads as 20 October 0018
    full(&text)
        .filter(likely)
        .or_else(|| partial(&text).filter(likely))
}

/// A day, with or without a time.
fn full(text: &str) -> Option<Published> {
    let text = text.to_string();
    if let Ok(dt) = DateTime::parse_from_rfc3339(&text) {
        return Some(Published::DateTime(dt.naive_local()));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(&text) {
        return Some(Published::DateTime(dt.naive_local()));
    }
    let f = formats();
    // each as chrono's `parse_from_str` reads it, with the format's items parsed once
    let read = |items: &[Item<'static>]| {
        let mut parsed = Parsed::new();
        chrono::format::parse(&mut parsed, &text, items.iter()).map(|()| parsed)
    };
    for items in &f.offset {
        if let Ok(dt) = read(items).and_then(|p| p.to_datetime()) {
            return Some(Published::DateTime(dt.naive_local()));
        }
    }
    for items in &f.datetime {
        if let Ok(dt) = read(items).and_then(|p| p.to_naive_datetime_with_offset(0)) {
            return Some(Published::DateTime(dt));
        }
    }
    // month first (US) only when day first was impossible: 03/30/2020
    for items in f.date.iter().chain(&f.month_first) {
        if let Ok(d) = read(items).and_then(|p| p.to_naive_date()) {
            return Some(Published::Date(d));
        }
    }
    None
}

/// The formats [`full`] tries, in order, each parsed into chrono's items once.
struct Formats {
    offset: Vec<Vec<Item<'static>>>,
    datetime: Vec<Vec<Item<'static>>>,
    date: Vec<Vec<Item<'static>>>,
    month_first: Vec<Vec<Item<'static>>>,
}

fn formats() -> &'static Formats {
    static FORMATS: std::sync::OnceLock<Formats> = std::sync::OnceLock::new();
    FORMATS.get_or_init(|| {
        let items = |list: &[&'static str]| -> Vec<Vec<Item<'static>>> {
            // every format is valid (a test checks): none is dropped
            (list.iter())
                .filter_map(|f| StrftimeItems::new(f).parse().ok())
                .collect()
        };
        Formats {
            offset: items(OFFSET_FORMATS),
            datetime: items(DATETIME_FORMATS),
            date: items(DATE_FORMATS),
            month_first: items(MONTH_FIRST_FORMATS),
        }
    })
}

/// A month or a year alone: `October 2018`, `2018-10`, `2018/10`, `2021`.
fn partial(text: &str) -> Option<Published> {
    let month = |d: NaiveDate| Published::Month {
        year: d.year(),
        month: d.month(),
    };
    let numeric = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if text.len() == 4 && numeric(text) {
        let year: i32 = text.parse().ok()?;
        return YEARS.contains(&year).then_some(Published::Year(year));
    }
    if let Some((y, m)) = text.split_once(['-', '/'])
        && y.len() == 4
        && (1..=2).contains(&m.len())
        && numeric(y)
        && numeric(m)
    {
        let d = NaiveDate::parse_from_str(&format!("{y}-{m}-01"), "%Y-%m-%d").ok()?;
        return YEARS.contains(&d.year()).then(|| month(d));
    }
    // "October 2018", "October, 2018": only a month name, then a year
    let (name, year) = text.rsplit_once(' ')?;
    let name = name.trim_end_matches(',');
    if name.contains(' ') || name.chars().any(|c| !c.is_ascii_alphabetic()) || !numeric(year) {
        return None;
    }
    let d = NaiveDate::parse_from_str(&format!("1 {name} {year}"), "%d %B %Y").ok()?;
    YEARS.contains(&d.year()).then(|| month(d))
}

/// The date a file name starts with, as names like `2019-10-04_outlet_story.txt`,
/// `2019-02-story.md` and `2021_story.txt` write it: a day, a month or a year, followed by
/// `_` or `-`. Only the last part of a path counts.
pub fn from_file_name(path: &str) -> Option<Published> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let bytes = name.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    let dash = |i: usize| bytes.get(i) == Some(&b'-');
    let ends = |i: usize| matches!(bytes.get(i), Some(b'_' | b'-'));
    let prefix = if digits(0..4) && dash(4) && digits(5..7) && dash(7) && digits(8..10) && ends(10)
    {
        &name[..10]
    } else if digits(0..4) && dash(4) && digits(5..7) && ends(7) {
        &name[..7]
    } else if digits(0..4) && ends(4) {
        &name[..4]
    } else {
        return None;
    };
    parse_published(prefix)
}

/// Time zone names chrono cannot read, dropped (the time is kept as the publisher's local
/// time).
const ZONES: &[&str] = &[
    "GMT", "BST", "UTC", "CET", "CEST", "EST", "EDT", "ET", "PST", "PDT", "PT", "CST", "CDT", "CT",
    "MST", "MDT", "MT", "IST", "AEST", "AEDT", "UK", "(UTC)", "(GMT)", "(BST)",
];

/// Trims, collapses whitespace and drops ordinal suffixes (`28th` → `28`), the full stop of
/// an abbreviated month (`Dec.`), `at` before a time, and zone names ([`ZONES`]) chrono
/// cannot read; `Sept` becomes `Sep`, `14.30` becomes `14:30` and `3:45pm` `3:45 pm`.
fn clean(raw: &str) -> String {
    let words: Vec<String> = raw
        .trim()
        .trim_end_matches('.')
        .split_whitespace()
        .filter(|w| !ZONES.contains(&w.trim_end_matches(',')) && !matches!(*w, "at" | "@"))
        .map(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[digits.len()..];
            let is_ordinal = !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && matches!(suffix, "st" | "nd" | "rd" | "th");
            if is_ordinal {
                return digits.to_string();
            }
            // "14.30" is a time the British way; "14.30," keeps its comma
            let bare_time = w.trim_end_matches(',');
            if let Some((h, m)) = bare_time.split_once('.')
                && (1..=2).contains(&h.len())
                && m.len() == 2
                && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
            {
                return format!("{h}:{m}{}", &w[bare_time.len()..]);
            }
            // "3:45pm" → "3:45 pm" for `%p`
            if let Some(t) = w.strip_suffix("pm").or_else(|| w.strip_suffix("am"))
                && t.contains(':')
                && t.chars().all(|c| c.is_ascii_digit() || c == ':')
            {
                return format!("{t} {}", &w[t.len()..]);
            }
            let bare = w.trim_end_matches('.');
            let abbreviation = bare.len() >= 3
                && bare.len() < w.len()
                && bare.chars().all(|c| c.is_ascii_alphabetic());
            let w = if abbreviation { bare } else { w };
            let w = w
                .strip_suffix(".,")
                .map_or(w.to_string(), |b| format!("{b},"));
            match w.as_str() {
                "Sept" => "Sep".to_string(),
                "Sept," => "Sep,".to_string(),
                _ => w,
            }
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_is_parsed_into_items() {
        let f = formats();
        assert_eq!(f.offset.len(), OFFSET_FORMATS.len());
        assert_eq!(f.datetime.len(), DATETIME_FORMATS.len());
        assert_eq!(f.date.len(), DATE_FORMATS.len());
        assert_eq!(f.month_first.len(), MONTH_FIRST_FORMATS.len());
    }

    fn iso(s: &str) -> Option<String> {
        parse_published(s).map(Published::to_iso)
    }

    #[test]
    fn press_release_forms() {
        assert_eq!(
            iso("08:57 28/02/2020").as_deref(),
            Some("2020-02-28T08:57:00")
        );
        assert_eq!(iso("2020-02-28").as_deref(), Some("2020-02-28"));
        assert_eq!(iso("28 February 2020").as_deref(), Some("2020-02-28"));
        assert_eq!(iso("28th Feb 2020").as_deref(), Some("2020-02-28"));
        assert_eq!(iso("30/03/2020").as_deref(), Some("2020-03-30"));
        assert_eq!(iso("February 28, 2020").as_deref(), Some("2020-02-28"));
        assert_eq!(
            iso("Friday, 28 February 2020").as_deref(),
            Some("2020-02-28")
        );
    }

    #[test]
    fn news_site_forms() {
        assert_eq!(iso("Dec. 1, 2022").as_deref(), Some("2022-12-01"));
        assert_eq!(iso("1 Sept 2022").as_deref(), Some("2022-09-01"));
        assert_eq!(iso("Tuesday 4 July 2023").as_deref(), Some("2023-07-04"));
        assert_eq!(
            iso("12 July 2024 at 10:30 BST").as_deref(),
            Some("2024-07-12T10:30:00")
        );
        assert_eq!(
            iso("16:45, Fri, 14 Oct 2022").as_deref(),
            Some("2022-10-14T16:45:00")
        );
        assert_eq!(
            iso("2022-10-14T16:45:00+0100").as_deref(),
            Some("2022-10-14T16:45:00")
        );
    }

    #[test]
    fn times_written_in_other_ways() {
        assert_eq!(
            iso("Tue 2 May 2023 14.30 BST").as_deref(),
            Some("2023-05-02T14:30:00")
        );
        assert_eq!(
            iso("May 2, 2023 3:45 PM PT").as_deref(),
            Some("2023-05-02T15:45:00")
        );
        assert_eq!(
            iso("2 May 2023, 9:05am").as_deref(),
            Some("2023-05-02T09:05:00")
        );
        assert_eq!(
            iso("2023-05-02 14:30:00 +0100").as_deref(),
            Some("2023-05-02T14:30:00")
        );
        assert_eq!(iso("10.50"), None);
    }

    #[test]
    fn machine_forms() {
        assert_eq!(
            iso("2020-03-30T18:07:00+01:00").as_deref(),
            Some("2020-03-30T18:07:00")
        );
        assert_eq!(
            iso("Mon, 30 Mar 2020 18:07:00 +0100").as_deref(),
            Some("2020-03-30T18:07:00")
        );
        assert_eq!(
            iso("2020-03-30 18:07").as_deref(),
            Some("2020-03-30T18:07:00")
        );
    }

    #[test]
    fn day_first_unless_impossible() {
        assert_eq!(iso("04/03/2020").as_deref(), Some("2020-03-04"));
        assert_eq!(iso("03/30/2020").as_deref(), Some("2020-03-30"));
    }

    #[test]
    fn partial_dates() {
        assert_eq!(iso("October 2018").as_deref(), Some("2018-10"));
        assert_eq!(iso("Oct. 2018").as_deref(), Some("2018-10"));
        assert_eq!(iso("November, 2022").as_deref(), Some("2022-11"));
        assert_eq!(iso("2019-02").as_deref(), Some("2019-02"));
        assert_eq!(iso("2019/2").as_deref(), Some("2019-02"));
        assert_eq!(iso("2021").as_deref(), Some("2021"));
        assert_eq!(
            parse_published("2021"),
            Some(Published::Year(2021)),
            "a year alone"
        );
        // not years, not months
        assert_eq!(iso("1234"), None);
        assert_eq!(iso("2019-13"), None);
        assert_eq!(iso("Council 2018"), None);
        assert_eq!(iso("10,000"), None);
        // the partial forms read back as themselves
        for p in ["2018-10", "2021"] {
            assert_eq!(iso(p).as_deref(), Some(p));
        }
    }

    #[test]
    fn partial_dates_sort_before_the_days_inside_them_and_are_refined_by_them() {
        let month = parse_published("October 2018").unwrap();
        let day = parse_published("2018-10-11").unwrap();
        let year = parse_published("2018").unwrap();
        assert!(year < month && month < day);
        assert!(day < parse_published("2018-11").unwrap());
        assert_eq!(month.refined_by(day), Some(day));
        assert_eq!(year.refined_by(month), Some(month));
        assert_eq!(
            month.refined_by(parse_published("2018-11-02").unwrap()),
            None
        );
        assert_eq!(day.refined_by(month), None);
        assert!(month.is_partial() && !day.is_partial());
        assert_eq!(month.date().to_string(), "2018-10-01");
    }

    #[test]
    fn file_name_dates() {
        let iso = |s: &str| from_file_name(s).map(Published::to_iso);
        assert_eq!(
            iso("2021-03-04_town-paper_budget.txt").as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(
            iso("sub/2019-02_gazette_rates.md").as_deref(),
            Some("2019-02")
        );
        assert_eq!(iso("2019-02-rates.md").as_deref(), Some("2019-02"));
        assert_eq!(iso("2021_club_stadium.txt").as_deref(), Some("2021"));
        assert_eq!(iso("2021-13-01_x.txt"), None);
        assert_eq!(iso("20210304_x.txt"), None);
        assert_eq!(iso("2021.txt"), None);
        assert_eq!(iso("notes_2021_x.txt"), None);
    }

    #[test]
    fn nonsense_is_none() {
        assert_eq!(iso("soon"), None);
        assert_eq!(iso("31/02/2020"), None);
        assert_eq!(iso(""), None);
    }
}
