//! The engine's normalised values written as a person would write them: `--10` is
//! "October (year not given)", `P6M` is "6 months", `GBP 10500000` is "£10.5 million",
//! `0.31` is "31%". The window's inspector shows these; the JSON keeps the normalised form.
//!
//! ```
//! use parallax::comparison::EntityKind;
//! use parallax::readable::readable_value;
//! assert_eq!(readable_value(EntityKind::Money, "GBP 10500000"), "£10.5 million");
//! assert_eq!(readable_value(EntityKind::Date, "--10"), "October (year not given)");
//! ```

use crate::comparison::{Entity, EntityKind};

/// An entity as a reader writes it: its kind's readable value. Names (organisations,
/// people) keep their own spelling.
pub fn readable(entity: &Entity) -> String {
    readable_value(entity.kind, &entity.value)
}

/// A normalised `value` of `kind` as a reader writes it; a value in a form not understood
/// is given back as it is (never an error: the window shows something either way).
pub fn readable_value(kind: EntityKind, value: &str) -> String {
    let shown = match kind {
        EntityKind::Date => date(value),
        EntityKind::Duration => duration(value),
        EntityKind::Money => money(value),
        EntityKind::Percent => percent(value),
        EntityKind::Organisation | EntityKind::Person => None,
    };
    shown.unwrap_or_else(|| value.to_string())
}

/// What a kind of entity is called, for a label before its values ("date", "amount").
pub fn kind_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Date => "date",
        EntityKind::Duration => "duration",
        EntityKind::Money => "amount",
        EntityKind::Percent => "percentage",
        EntityKind::Organisation => "organisation",
        EntityKind::Person => "person",
    }
}

fn month(m: &str) -> Option<&'static str> {
    let n: u8 = m.parse().ok()?;
    chrono::Month::try_from(n).ok().map(|m| m.name())
}

fn day(d: &str) -> Option<u32> {
    d.parse().ok().filter(|d| (1..=31).contains(d))
}

/// `2018-10-05`, `2018-10`, `2018`, `--10-05` (no year), `--10` (a month alone).
fn date(value: &str) -> Option<String> {
    if let Some(rest) = value.strip_prefix("--") {
        return match rest.split('-').collect::<Vec<_>>().as_slice() {
            [m] => Some(format!("{} (year not given)", month(m)?)),
            [m, d] => Some(format!("{} {} (year not given)", day(d)?, month(m)?)),
            _ => None,
        };
    }
    let parts: Vec<&str> = value.split('-').collect();
    let year_ok = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] if year_ok(y) => Some((*y).to_string()),
        [y, m] if year_ok(y) => Some(format!("{} {y}", month(m)?)),
        [y, m, d] if year_ok(y) => Some(format!("{} {} {y}", day(d)?, month(m)?)),
        _ => None,
    }
}

/// ISO 8601 durations as the reading writes them: `P6M`, `P3Y`, `P2W`, `P10D`, `PT4H`.
fn duration(value: &str) -> Option<String> {
    let rest = value.strip_prefix('P')?;
    let (rest, time) = match rest.strip_prefix('T') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let unit = rest.chars().last()?;
    let count = &rest[..rest.len() - unit.len_utf8()];
    let n: f64 = count.parse().ok()?;
    let word = match (time, unit) {
        (false, 'Y') => "year",
        (false, 'M') => "month",
        (false, 'W') => "week",
        (false, 'D') => "day",
        (true, 'H') => "hour",
        (true, 'M') => "minute",
        _ => return None,
    };
    let plural = if n == 1.0 { "" } else { "s" };
    Some(format!("{count} {word}{plural}"))
}

/// `GBP 10500000` → `£10.5 million`; `USD 250000` → `$250,000`; `EUR 9.5` → `€9.50`.
fn money(value: &str) -> Option<String> {
    let (code, amount) = value.split_once(' ')?;
    let symbol = match code {
        "GBP" => "£".to_string(),
        "USD" => "$".to_string(),
        "EUR" => "€".to_string(),
        other => format!("{other} "),
    };
    Some(format!("{symbol}{}", amount_words(amount)?))
}

/// A decimal amount as written in prose: millions and more in words, thousands grouped,
/// pence to two places.
fn amount_words(amount: &str) -> Option<String> {
    let (int, frac) = amount.split_once('.').unwrap_or((amount, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    for (digits, word) in [(13, "trillion"), (10, "billion"), (7, "million")] {
        if int.len() >= digits {
            let split = int.len() - (digits - 1);
            let (head, tail) = int.split_at(split);
            let tail = format!("{tail}{frac}");
            let tail = tail.trim_end_matches('0');
            let head = group_thousands(head);
            return Some(if tail.is_empty() {
                format!("{head} {word}")
            } else {
                format!("{head}.{tail} {word}")
            });
        }
    }
    let frac = frac.trim_end_matches('0');
    Some(if frac.is_empty() {
        group_thousands(int)
    } else {
        format!("{}.{:0<2}", group_thousands(int), frac)
    })
}

/// A run of digits with a comma every three from the right (`10500000` → `10,500,000`).
pub fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A fraction (`0.31`, `0.035`, `1.2`) as a percentage (`31%`, `3.5%`, `120%`).
fn percent(value: &str) -> Option<String> {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    // move the decimal point two places right, in the digits (no float rounding)
    let frac = format!("{frac:0<2}");
    let (moved, rest) = frac.split_at(2);
    let whole = format!("{int}{moved}");
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let rest = rest.trim_end_matches('0');
    Some(if rest.is_empty() {
        format!("{whole}%")
    } else {
        format!("{whole}.{rest}%")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comparison::EntityKind::*;

    #[test]
    fn dates_name_the_month_and_say_when_the_year_is_not_given() {
        assert_eq!(readable_value(Date, "--10"), "October (year not given)");
        assert_eq!(readable_value(Date, "--03-07"), "7 March (year not given)");
        assert_eq!(readable_value(Date, "2018-10"), "October 2018");
        assert_eq!(readable_value(Date, "2021-01-09"), "9 January 2021");
        assert_eq!(readable_value(Date, "1999"), "1999");
    }

    #[test]
    fn durations_are_counted_in_words_with_the_plural_where_it_belongs() {
        assert_eq!(readable_value(Duration, "P6M"), "6 months");
        assert_eq!(readable_value(Duration, "P1Y"), "1 year");
        assert_eq!(readable_value(Duration, "P18M"), "18 months");
        assert_eq!(readable_value(Duration, "P2W"), "2 weeks");
        assert_eq!(readable_value(Duration, "P1D"), "1 day");
        assert_eq!(readable_value(Duration, "PT48H"), "48 hours");
    }

    #[test]
    fn money_uses_the_currency_sign_and_words_for_millions() {
        assert_eq!(readable_value(Money, "GBP 10500000"), "£10.5 million");
        assert_eq!(readable_value(Money, "GBP 10000000"), "£10 million");
        assert_eq!(readable_value(Money, "USD 2300000000"), "$2.3 billion");
        assert_eq!(readable_value(Money, "EUR 250000"), "€250,000");
        assert_eq!(readable_value(Money, "GBP 9.5"), "£9.50");
        assert_eq!(readable_value(Money, "GBP 0.75"), "£0.75");
        assert_eq!(readable_value(Money, "GBP 1234567"), "£1.234567 million");
        assert_eq!(readable_value(Money, "CHF 40"), "CHF 40");
    }

    #[test]
    fn percentages_move_the_point_without_rounding_errors() {
        assert_eq!(readable_value(Percent, "0.31"), "31%");
        assert_eq!(readable_value(Percent, "0.035"), "3.5%");
        assert_eq!(readable_value(Percent, "0.967"), "96.7%");
        assert_eq!(readable_value(Percent, "1.2"), "120%");
        assert_eq!(readable_value(Percent, "0.5"), "50%");
        assert_eq!(readable_value(Percent, "0"), "0%");
    }

    #[test]
    fn names_keep_their_case_and_unknown_forms_come_back_unchanged() {
        assert_eq!(
            readable_value(Organisation, "Harbour Trust"),
            "Harbour Trust"
        );
        assert_eq!(readable_value(Date, "next spring"), "next spring");
        assert_eq!(readable_value(Date, "--13"), "--13");
        assert_eq!(readable_value(Duration, "P6X"), "P6X");
        assert_eq!(readable_value(Money, "GBP ten"), "GBP ten");
        assert_eq!(readable_value(Percent, "-"), "-");
    }

    #[test]
    fn values_read_from_text_come_out_as_written_in_prose() {
        // the whole way: a sentence of one's own, read by the engine, shown to the reader
        let found = crate::reading::entities::figures(
            "The ferry levy rose 12.5% to £2.4m over six months, ending in April.",
            None,
        );
        let shown: Vec<String> = found.iter().map(readable).collect();
        assert!(shown.contains(&"12.5%".to_string()), "{shown:?}");
        assert!(shown.contains(&"£2.4 million".to_string()), "{shown:?}");
        assert!(shown.contains(&"6 months".to_string()), "{shown:?}");
        assert!(
            shown.contains(&"April (year not given)".to_string()),
            "{shown:?}"
        );
    }
}
