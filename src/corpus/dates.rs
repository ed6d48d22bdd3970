//! Publication dates as press material writes them, parsed with chrono.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A publication date, with or without a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Published {
    /// A calendar day.
    Date(NaiveDate),
    /// A day and a time (local to the publisher, zone dropped).
    DateTime(NaiveDateTime),
}

impl Published {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`.
    pub fn to_iso(self) -> String {
        match self {
            Published::Date(d) => d.format("%Y-%m-%d").to_string(),
            Published::DateTime(dt) => dt.format("%Y-%m-%dT%H:%M:%S").to_string(),
        }
    }

    /// The calendar day.
    pub fn date(self) -> NaiveDate {
        match self {
            Published::Date(d) => d,
            Published::DateTime(dt) => dt.date(),
        }
    }
}

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
    "%H:%M, %d %B %Y",
    "%H:%M %d %B %Y",
    "%B %d, %Y %H:%M",
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
    "%B %d, %Y",
    "%B %d %Y",
    "%A, %B %d, %Y",
    "%Y%m%d",
];

/// Parses a publication date in the forms press material uses: `08:57 28/02/2020`,
/// ISO 8601 / RFC 3339 (`2020-02-28`, `2020-02-28T08:57:00Z`), RFC 2822,
/// `28 February 2020`, `28th Feb 2020`, `February 28, 2020`, `30/03/2020` (day first, as
/// British and European releases write it; month first only when the day-first reading is
/// impossible).
pub fn parse_published(raw: &str) -> Option<Published> {
    let text = clean(raw);
    if text.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(&text) {
        return Some(Published::DateTime(dt.naive_local()));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(&text) {
        return Some(Published::DateTime(dt.naive_local()));
    }
    for fmt in DATETIME_FORMATS {
        if let Ok(dt) = NaiveDateTime::parse_from_str(&text, fmt) {
            return Some(Published::DateTime(dt));
        }
    }
    for fmt in DATE_FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(&text, fmt) {
            return Some(Published::Date(d));
        }
    }
    // Month first (US) only when day first was impossible: 03/30/2020.
    for fmt in ["%m/%d/%Y", "%m/%d/%Y %H:%M"] {
        if let Ok(d) = NaiveDate::parse_from_str(&text, fmt) {
            return Some(Published::Date(d));
        }
    }
    None
}

/// Trims, collapses whitespace and drops ordinal suffixes (`28th` → `28`) and a trailing
/// zone name (`GMT`, `BST`, `UTC`) chrono cannot read.
fn clean(raw: &str) -> String {
    let words: Vec<String> = raw
        .split_whitespace()
        .filter(|w| !matches!(*w, "GMT" | "BST" | "UTC" | "CET" | "CEST"))
        .map(|w| {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &w[digits.len()..];
            let is_ordinal = !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && matches!(suffix, "st" | "nd" | "rd" | "th");
            if is_ordinal {
                digits.to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn nonsense_is_none() {
        assert_eq!(iso("soon"), None);
        assert_eq!(iso("31/02/2020"), None);
        assert_eq!(iso(""), None);
    }
}
