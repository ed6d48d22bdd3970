//! The Markdown export: the HTML report's content as readable text, disputes first.
//!
//! Each group is a section: its relation, topics, reasons and the user's note, then each
//! side's statements with speaker and document; the words that differ from the group's
//! first statement are in bold. Article text is escaped ([`escape`]) so that it reads as
//! written in any Markdown renderer: no emphasis, link, HTML tag or heading can come from
//! an article.

use std::fmt::Write;

use super::Options;
use super::view::{Cell, Report, Row, attribution, reason_text};
use crate::comparison::{Comparison, Relation};

/// Escapes text for Markdown: a backslash before every character that could start markup
/// inline (`\ ` * _ [ ] < > & | ~ !` and `#`), before a `+`, `-`, `=` or `>` that opens the
/// text, and before the `.` or `)` of a number that opens it (a list item); line breaks
/// become spaces.
pub fn escape(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let mut out = String::with_capacity(flat.len() + 8);
    let lead_digits = flat.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in flat.chars().enumerate() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '!' | '#'
        ) || (i == 0 && matches!(c, '+' | '-' | '=' | '>'))
            || (i == lead_digits && lead_digits > 0 && matches!(c, '.' | ')'));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The comparison as Markdown (see the module docs).
pub fn render(comparison: &Comparison, options: &Options) -> String {
    let report = Report::new(comparison, &options.topics);
    let mut out = String::with_capacity(32 * 1024);
    let t = report.totals;
    let _ = writeln!(out, "# Who claims what: {}\n", escape(&comparison.root));
    let mut meta = Vec::new();
    if let Some(date) = &options.date {
        meta.push(format!("Exported {}", escape(date)));
    }
    meta.push(format!("by {}", escape(&comparison.generator)));
    let _ = writeln!(
        out,
        "{}. {} documents, {} statements, {} claim groups: {} disputed, {} shared, {} one-sided.",
        meta.join(" "),
        comparison.documents.len(),
        comparison.statements.len(),
        t.total(),
        t.disputed,
        t.shared,
        t.one_sided
    );
    if let Some(filter) = options.filter.describe(comparison, &options.columns) {
        let _ = writeln!(out, "\nFilter: {}.", escape(&filter));
    }
    let _ = writeln!(out, "\n## Sides\n");
    for column in &report.columns {
        let (docs, statements) = report.column_counts(column);
        let orgs = if column.organisations.is_empty() {
            String::new()
        } else {
            format!(": {}", escape(&column.organisations.join(", ")))
        };
        let _ = writeln!(
            out,
            "- **{}** ({}){orgs}; {docs} document{}, {statements} statement{}",
            escape(&column.name),
            column.colour,
            if docs == 1 { "" } else { "s" },
            if statements == 1 { "" } else { "s" },
        );
    }
    let _ = writeln!(
        out,
        "\n## Summary\n\n| Topic | Disputed | Shared | One-sided | Groups |\n|---|---:|---:|---:|---:|"
    );
    for (label, c) in &report.summary {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(label),
            c.disputed,
            c.shared,
            c.one_sided,
            c.total()
        );
    }
    let _ = writeln!(
        out,
        "| **All groups** | **{}** | **{}** | **{}** | **{}** |\n\nA group counts once under each of its topics. \
         In the claims below, **bold** words differ from the group's first statement (in the \
         first statement: from the first statement of another side).",
        t.disputed,
        t.shared,
        t.one_sided,
        t.total()
    );
    let mut number = 0;
    for (relation, heading) in [
        (Relation::Disputed, "Disputed claims"),
        (Relation::Shared, "Shared claims"),
        (Relation::OneSided, "One-sided claims"),
    ] {
        let rows: Vec<&Row> = report.rows_of(relation).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {heading} ({})", rows.len());
        for row in rows {
            number += 1;
            group(&mut out, &report, row, number);
        }
    }
    if !options.orphans.is_empty() {
        let _ = writeln!(
            out,
            "\n## Notes whose claims are no longer found\n\nThe texts these notes were written on changed; the notes are kept.\n"
        );
        for (id, note) in &options.orphans {
            let verdict = note.verdict.map(|v| v.as_str()).unwrap_or("no verdict");
            let _ = write!(out, "- `{}`: **{verdict}**", id.replace('`', ""));
            if !note.note.trim().is_empty() {
                let _ = write!(out, ". {}", escape(note.note.trim()));
            }
            if !note.tags.is_empty() {
                let _ = write!(out, " (tags: {})", escape(&note.tags.join(", ")));
            }
            out.push('\n');
        }
    }
    if !comparison.documents.is_empty() {
        let _ = writeln!(out, "\n## Documents\n");
        for d in &comparison.documents {
            let publisher = d
                .publisher
                .as_deref()
                .map(|id| {
                    comparison
                        .sides
                        .iter()
                        .find(|s| s.id == id)
                        .map_or(id, |s| s.name.as_str())
                })
                .unwrap_or("unknown");
            let _ = write!(out, "- *{}*, {}", escape(&d.title), escape(publisher));
            if let Some(date) = &d.published {
                let _ = write!(out, ", {}", escape(date));
            }
            let _ = write!(out, "; file {}", escape(&d.path));
            if let Some(url) = &d.url {
                let _ = write!(out, "; {}", escape(url));
            }
            out.push('\n');
        }
    }
    let mut warnings: Vec<String> = comparison.warnings.clone();
    for d in &comparison.documents {
        warnings.extend(d.warnings.iter().map(|w| format!("{}: {w}", d.path)));
    }
    if !warnings.is_empty() {
        let _ = writeln!(out, "\n## Warnings\n");
        for w in &warnings {
            let _ = writeln!(out, "- {}", escape(w));
        }
    }
    out
}

fn group(out: &mut String, report: &Report, row: &Row, number: usize) {
    let g = row.group;
    let topics: Vec<&str> = g.topics.iter().map(|t| report.label(t)).collect();
    let topics = if topics.is_empty() {
        "no topic".to_string()
    } else {
        topics.join(", ")
    };
    let _ = writeln!(
        out,
        "\n### {number}. {} ({} statement{})\n\nGroup `{}`.",
        escape(&topics),
        g.statements.len(),
        if g.statements.len() == 1 { "" } else { "s" },
        g.id.replace('`', "")
    );
    if !g.reasons.is_empty() {
        let _ = writeln!(out, "\nReasons:\n");
        for reason in &g.reasons {
            let _ = writeln!(out, "- {}", escape(&reason_text(reason)));
        }
    }
    if let Some(note) = &row.note {
        let mut parts = vec![format!(
            "**{}**",
            note.verdict.map(|v| v.as_str()).unwrap_or("no verdict")
        )];
        if !note.note.trim().is_empty() {
            parts.push(escape(note.note.trim()));
        }
        if !note.tags.is_empty() {
            parts.push(format!("tags: {}", escape(&note.tags.join(", "))));
        }
        let _ = writeln!(out, "\nYour note: {}.", parts.join(". "));
    }
    for (i, column) in report.columns.iter().enumerate() {
        let cells: Vec<&Cell> = row.column(i).collect();
        if cells.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n**{}**\n", escape(&column.name));
        for cell in cells {
            let _ = writeln!(out, "- {}", statement(cell));
        }
    }
}

fn statement(cell: &Cell) -> String {
    // topic marks are not shown in Markdown: join runs by their diff flag alone
    let mut runs: Vec<(String, bool)> = Vec::new();
    for span in &cell.spans {
        match runs.last_mut() {
            Some((text, diff)) if *diff == span.diff => text.push_str(&span.text),
            _ => runs.push((span.text.clone(), span.diff)),
        }
    }
    let mut body = String::new();
    for (t, diff) in &runs {
        // emphasis markers must touch letters or digits to work: spaces and punctuation at
        // either end go outside them
        let edge = |c: char| !c.is_alphanumeric();
        let core = t.trim_matches(edge);
        if !diff || core.is_empty() {
            body.push_str(&escape(t));
            continue;
        }
        let lead = &t[..t.len() - t.trim_start_matches(edge).len()];
        let trail = &t[t.trim_end_matches(edge).len()..];
        let _ = write!(
            body,
            "{}**{}**{}",
            escape(lead),
            escape(core),
            escape(trail)
        );
    }
    let mut by = escape(&attribution(cell.statement));
    if let Some(d) = cell.document {
        let _ = write!(by, "; *{}*", escape(&d.title));
        if let Some(date) = &d.published {
            let _ = write!(by, ", {}", escape(date.get(..10).unwrap_or(date)));
        }
    }
    format!("{body} ({by})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(escape("a *b* [c](d) <i>"), r"a \*b\* \[c\](d) \<i\>");
        assert_eq!(escape("# not a heading"), r"\# not a heading");
        assert_eq!(escape("- not a list"), r"\- not a list");
        assert_eq!(escape("12. not a list"), r"12\. not a list");
        assert_eq!(escape("rose 4.5% - again"), "rose 4.5% - again");
        assert_eq!(escape("a\nb"), "a b");
        assert_eq!(escape("&amp;"), r"\&amp;");
    }
}
