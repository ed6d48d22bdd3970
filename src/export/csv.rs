//! The CSV export: one row per statement of each shown group, in the report's order
//! (disputes first), for a spreadsheet.
//!
//! UTF-8 with a byte-order mark (so spreadsheet programs pick the right encoding), RFC 4180
//! quoting by the `csv` crate, CRLF line ends. A cell that a spreadsheet would read as a
//! formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with
//! `'`, so an article cannot smuggle a formula in.

use super::view::{Report, kind_word, reason_text, relation_word};
use crate::comparison::Comparison;

/// The header row.
pub const HEADER: [&str; 14] = [
    "group",
    "relation",
    "reasons",
    "side",
    "speaker",
    "kind",
    "document",
    "title",
    "published",
    "statement",
    "topics",
    "verdict",
    "note",
    "tags",
];

/// A cell made safe for a spreadsheet: a leading formula character gets a `'` before it.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The comparison as CSV bytes (see the module docs).
pub fn render(comparison: &Comparison) -> Result<Vec<u8>, ::csv::Error> {
    let report = Report::new(comparison, &[]);
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        writer.write_record(HEADER)?;
        for row in &report.rows {
            let g = row.group;
            let reasons: Vec<String> = g.reasons.iter().map(reason_text).collect();
            let (verdict, note, tags) = match &row.note {
                Some(n) => (
                    n.verdict
                        .map(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string(),
                    n.note.clone(),
                    n.tags.join("; "),
                ),
                None => Default::default(),
            };
            for cell in &row.cells {
                let s = cell.statement;
                let record = [
                    g.id.clone(),
                    relation_word(g.relation).to_string(),
                    reasons.join("; "),
                    report.columns[cell.column].name.clone(),
                    s.speaker.clone().unwrap_or_default(),
                    kind_word(s.kind).to_string(),
                    cell.document.map(|d| d.path.clone()).unwrap_or_default(),
                    cell.document.map(|d| d.title.clone()).unwrap_or_default(),
                    cell.document
                        .and_then(|d| d.published.clone())
                        .unwrap_or_default(),
                    s.text.clone(),
                    s.topics.join("; "),
                    verdict.clone(),
                    note.clone(),
                    tags.clone(),
                ];
                writer.write_record(record.iter().map(|c| neutralise(c)))?;
            }
        }
        writer.flush()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_characters_are_neutralised() {
        for (cell, want) in [
            ("=1+1", "'=1+1"),
            ("+44 20", "'+44 20"),
            ("-5%", "'-5%"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("a = b", "a = b"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), want);
        }
    }
}
