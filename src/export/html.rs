//! The HTML export: one self-contained page a reader opens in any browser, and prints.
//!
//! Inline CSS, no scripts, no images, fonts or links to fetch: it works offline and shows
//! the same everywhere. The page holds the title, the date, the sides with their colours,
//! a summary (groups by topic and relation), the claim map (sides by topics, see
//! [`super::claim_map`]), then the side-by-side table: a row per claim group (disputes
//! first, the strongest first), a column per side, each cell the side's statements with speaker
//! and document, topic words marked, the words that differ from the group's first statement
//! underlined, the reasons and the user's note. Print styles make the browser's "Save as
//! PDF" a clean landscape report (header row repeated, rows not split across pages).
//!
//! All text from articles, file names and notes is escaped with `html-escape`; colours are
//! checked to be `#rrggbb` before they reach a style.

use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::Options;
use super::view::{Cell, Report, Row, attribution, reason_text, relation_word};
use crate::comparison::Comparison;

const CSS: &str = r#"
:root { --ink: #1f2428; --muted: #5d6870; --line: #dde2e6; --paper: #ffffff; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); background: var(--paper); margin: 24px 28px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 26px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); margin: 0; }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
.overview { display: flex; flex-wrap: wrap; gap: 0 48px; align-items: flex-start; }
.overview > section { flex: 1 1 420px; }
ul.sides { list-style: none; padding: 0; margin: 0; }
ul.sides li { margin: 0 0 6px; padding-left: 18px; text-indent: -18px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: -1px; margin-right: 6px; }
table { border-collapse: collapse; }
table.summary { font-size: 13px; }
table.summary th, table.summary td { padding: 1px 10px; border-bottom: 1px solid var(--line); text-align: right; }
table.summary th { white-space: nowrap; }
table.summary th:first-child, table.summary td:first-child { text-align: left; }
table.summary tr.total td { font-weight: 700; border-top: 2px solid var(--ink); }
.legend { font-size: 12px; color: var(--muted); margin: 0 0 8px; }
table.claims { width: 100%; table-layout: fixed; }
table.claims th { text-align: left; vertical-align: bottom; padding: 6px; font-size: 13px;
                  border-bottom: 3px solid var(--ink); }
table.claims td { vertical-align: top; padding: 7px 6px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
table.claims col.claim { width: 17%; }
table.claims col.note { width: 15%; }
td.claim { border-left: 4px solid #9e9e9e; }
tr.disputed td.claim { border-left-color: #c62828; }
tr.shared td.claim { border-left-color: #2e7d32; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase;
         padding: 1px 6px; border-radius: 3px; color: #fff; background: #757575; }
.badge.disputed { background: #c62828; }
.badge.shared { background: #2e7d32; }
.count { font-size: 12px; color: var(--muted); margin-left: 4px; }
.topics { font-size: 12px; color: var(--muted); margin-top: 4px; }
ul.reasons { margin: 6px 0 0; padding-left: 16px; font-size: 12px; }
.st { margin: 0 0 8px; padding-left: 7px; border-left: 3px solid #9e9e9e; }
.st:last-child { margin-bottom: 0; }
.st p { margin: 0; }
.st.quote p { font-style: italic; }
.by { font-size: 12px; color: var(--muted); margin-top: 2px; }
mark.topic { background: #fff0a0; color: inherit; padding: 0 1px; border-radius: 2px; }
.diff { background: #e2eeff; text-decoration: underline; text-decoration-color: #1f5fbf;
        text-decoration-thickness: 2px; text-underline-offset: 2px; }
td.note { background: #f7f8f9; font-size: 13px; }
.verdict { font-weight: 700; text-transform: capitalize; }
.verdict.disputed { color: #c62828; } .verdict.agreed { color: #2e7d32; }
.tag { display: inline-block; font-size: 11px; padding: 0 5px; margin: 2px 3px 0 0; border: 1px solid var(--line);
       border-radius: 8px; background: #fff; }
.updated { display: block; font-size: 11px; color: var(--muted); margin-top: 3px; }
table.list { font-size: 12px; }
table.list th, table.list td { text-align: left; padding: 3px 12px 3px 0; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
footer { margin-top: 28px; font-size: 12px; color: var(--muted); }
@page { size: A4 landscape; margin: 11mm; }
@media print {
  body { margin: 0; font-size: 10.5px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, .st { break-inside: avoid; }
  table.claims th { font-size: 11px; }
}
"#;

/// At most this many sides are rows of the report's claim map.
const MAP_SIDES: usize = 30;

/// The comparison as one HTML page (see the module docs).
pub fn render(comparison: &Comparison, options: &Options) -> String {
    let report = Report::new(comparison, &options.topics);
    let mut out = String::with_capacity(64 * 1024);
    let title = format!("Who claims what: {}", comparison.root);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"{}\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        attr(&comparison.generator),
        text(&title)
    );
    header(&mut out, &report, options, &title);
    out.push_str("<div class=\"overview\">\n");
    sides(&mut out, &report);
    summary(&mut out, &report);
    out.push_str("</div>\n");
    out.push_str(&super::claim_map::html(&super::claim_map::claim_map(
        report.comparison,
        &options.topics,
        MAP_SIDES,
    )));
    claims(&mut out, &report);
    orphans(&mut out, options);
    documents(&mut out, &report);
    warnings(&mut out, comparison);
    let _ = writeln!(
        out,
        "<footer>Made by {} from the files in {}. Topic words are marked as the topic lexicon \
         matched them; differences are word-level against each group's first statement.</footer>\n</body>\n</html>",
        text(&comparison.generator),
        text(&comparison.root)
    );
    out
}

fn header(out: &mut String, report: &Report, options: &Options, title: &str) {
    let c = report.comparison;
    let t = report.totals;
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", text(title));
    let mut meta = Vec::new();
    if let Some(date) = &options.date {
        meta.push(format!("Exported {}", text(date)));
    }
    meta.push(format!(
        "{} documents, {} statements, {} claim groups ({} disputed, {} shared, {} one-sided)",
        c.documents.len(),
        c.statements.len(),
        t.total(),
        t.disputed,
        t.shared,
        t.one_sided
    ));
    if let Some(filter) = options.filter.describe(c, &options.columns) {
        meta.push(format!("Filter: {}", text(&filter)));
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>\n</header>",
        meta.join(" &middot; ")
    );
}

fn sides(out: &mut String, report: &Report) {
    let _ = writeln!(out, "<section>\n<h2>Sides</h2>\n<ul class=\"sides\">");
    for column in &report.columns {
        let (docs, statements) = report.column_counts(column);
        let orgs = if column.organisations.is_empty() {
            String::new()
        } else {
            format!("{}; ", text(&column.organisations.join(", ")))
        };
        let _ = writeln!(
            out,
            "<li><span class=\"swatch\" style=\"background:{}\"></span><b>{}</b> \
             <span class=\"muted\">{orgs}{docs} {}, {statements} {}</span></li>",
            column.colour,
            text(&column.name),
            plural(docs, "document"),
            plural(statements, "statement"),
        );
    }
    let _ = writeln!(out, "</ul>\n</section>");
}

fn summary(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "<section>\n<h2>Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>Topic</th>\
         <th>Disputed</th><th>Shared</th><th>One-sided</th><th>Groups</th></tr></thead>\n<tbody>"
    );
    for (label, counts) in &report.summary {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            text(label),
            counts.disputed,
            counts.shared,
            counts.one_sided,
            counts.total()
        );
    }
    let t = report.totals;
    let _ = writeln!(
        out,
        "<tr class=\"total\"><td>All groups</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n\
         </tbody>\n</table>\n<p class=\"legend\">A group counts once under each of its topics.</p>\n</section>",
        t.disputed,
        t.shared,
        t.one_sided,
        t.total()
    );
}

fn claims(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "<section>\n<h2>Claims side by side</h2>\n<p class=\"legend\"><mark class=\"topic\">topic words</mark> \
         &middot; <span class=\"diff\">words that differ</span> from the group's first statement \
         (in the first statement: from the first statement of another side)</p>"
    );
    if report.rows.is_empty() {
        let _ = writeln!(out, "<p>No claim group to show.</p>\n</section>");
        return;
    }
    let _ = write!(
        out,
        "<table class=\"claims\">\n<colgroup><col class=\"claim\">"
    );
    for _ in &report.columns {
        out.push_str("<col>");
    }
    let notes = report.rows.iter().any(|r| r.note.is_some());
    if notes {
        out.push_str("<col class=\"note\">");
    }
    let _ = writeln!(out, "</colgroup>\n<thead><tr><th>Claim</th>");
    for column in &report.columns {
        let _ = write!(
            out,
            "<th style=\"border-bottom-color:{}\">{}</th>",
            column.colour,
            text(&column.name)
        );
    }
    if notes {
        out.push_str("<th>Your note</th>");
    }
    let _ = writeln!(out, "</tr></thead>\n<tbody>");
    for row in &report.rows {
        claim_row(out, report, row, notes);
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</section>");
}

fn claim_row(out: &mut String, report: &Report, row: &Row, notes: bool) {
    let g = row.group;
    let relation = relation_word(g.relation);
    let _ = write!(
        out,
        "<tr class=\"{relation}\" id=\"{}\"><td class=\"claim\"><span class=\"badge {relation}\">{relation}</span>\
         <span class=\"count\">{} {}</span>",
        attr(&g.id),
        g.statements.len(),
        plural(g.statements.len(), "statement")
    );
    if !g.topics.is_empty() {
        let labels: Vec<&str> = g.topics.iter().map(|t| report.label(t)).collect();
        let _ = write!(
            out,
            "<div class=\"topics\">{}</div>",
            text(&labels.join(", "))
        );
    }
    if !g.reasons.is_empty() {
        out.push_str("<ul class=\"reasons\">");
        for reason in &g.reasons {
            let _ = write!(out, "<li>{}</li>", text(&reason_text(reason)));
        }
        out.push_str("</ul>");
    }
    out.push_str("</td>");
    for (i, column) in report.columns.iter().enumerate() {
        out.push_str("<td>");
        for cell in row.column(i) {
            statement(out, cell, &column.colour);
        }
        out.push_str("</td>");
    }
    if !notes {
        let _ = writeln!(out, "</tr>");
        return;
    }
    out.push_str("<td class=\"note\">");
    if let Some(note) = &row.note {
        if let Some(v) = note.verdict {
            let _ = write!(out, "<span class=\"verdict {0}\">{0}</span> ", v.as_str());
        }
        if !note.note.trim().is_empty() {
            let _ = write!(out, "<p>{}</p>", paragraphs(&note.note));
        }
        for tag in &note.tags {
            let _ = write!(out, "<span class=\"tag\">{}</span>", text(tag));
        }
        if !note.updated.is_empty() {
            let day = note.updated.get(..10).unwrap_or(&note.updated);
            let _ = write!(out, "<span class=\"updated\">updated {}</span>", text(day));
        }
    }
    let _ = writeln!(out, "</td></tr>");
}

fn statement(out: &mut String, cell: &Cell, colour: &str) {
    let s = cell.statement;
    let kind = super::view::kind_word(s.kind);
    let _ = write!(
        out,
        "<div class=\"st {kind}\" style=\"border-left-color:{colour}\"><p>"
    );
    for span in &cell.spans {
        let t = text(&span.text);
        match (span.diff, span.topic) {
            (false, false) => out.push_str(&t),
            (true, false) => {
                let _ = write!(out, "<span class=\"diff\">{t}</span>");
            }
            (false, true) => {
                let _ = write!(out, "<mark class=\"topic\">{t}</mark>");
            }
            (true, true) => {
                let _ = write!(
                    out,
                    "<span class=\"diff\"><mark class=\"topic\">{t}</mark></span>"
                );
            }
        }
    }
    let _ = write!(out, "</p><div class=\"by\">{}", text(&attribution(s)));
    if let Some(d) = cell.document {
        let _ = write!(out, " &middot; <i>{}</i>", text(&d.title));
        if let Some(date) = &d.published {
            let day = date.get(..10).unwrap_or(date);
            let _ = write!(out, ", <span class=\"nowrap\">{}</span>", text(day));
        }
    }
    out.push_str("</div></div>");
}

fn orphans(out: &mut String, options: &Options) {
    if options.orphans.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section>\n<h2>Notes whose claims are no longer found</h2>\n<p class=\"legend\">\
         The texts these notes were written on changed; the notes are kept.</p>\n\
         <table class=\"list\"><thead><tr><th>Group</th><th>Verdict</th><th>Note</th><th>Tags</th>\
         <th>Updated</th></tr></thead>\n<tbody>"
    );
    for (id, note) in &options.orphans {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            text(id),
            note.verdict.map(|v| v.as_str()).unwrap_or(""),
            paragraphs(&note.note),
            text(&note.tags.join(", ")),
            text(&note.updated)
        );
    }
    let _ = writeln!(out, "</tbody></table>\n</section>");
}

fn documents(out: &mut String, report: &Report) {
    let c = report.comparison;
    if c.documents.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section>\n<h2>Documents</h2>\n<table class=\"list\"><thead><tr><th>Title</th><th>Publisher</th>\
         <th>Published</th><th>File</th><th>Address</th></tr></thead>\n<tbody>"
    );
    for d in &c.documents {
        let publisher = d
            .publisher
            .as_deref()
            .map(|id| {
                c.sides
                    .iter()
                    .find(|s| s.id == id)
                    .map_or(id, |s| s.name.as_str())
            })
            .unwrap_or("unknown");
        // addresses are shown, not linked: the page makes no network reference
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            text(&d.title),
            text(publisher),
            text(d.published.as_deref().unwrap_or("")),
            text(&d.path),
            text(d.url.as_deref().unwrap_or(""))
        );
    }
    let _ = writeln!(out, "</tbody></table>\n</section>");
}

fn warnings(out: &mut String, comparison: &Comparison) {
    let mut all: Vec<String> = comparison.warnings.clone();
    for d in &comparison.documents {
        all.extend(d.warnings.iter().map(|w| format!("{}: {w}", d.path)));
    }
    if all.is_empty() {
        return;
    }
    let _ = writeln!(out, "<section>\n<h2>Warnings</h2>\n<ul>");
    for w in &all {
        let _ = writeln!(out, "<li>{}</li>", text(w));
    }
    let _ = writeln!(out, "</ul>\n</section>");
}

/// A note's text, escaped, line breaks kept.
fn paragraphs(note: &str) -> String {
    note.trim()
        .lines()
        .map(|l| text(l).into_owned())
        .collect::<Vec<_>>()
        .join("<br>")
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}
