//! Visible text out of HTML (html5ever via `scraper`) and Markdown (`pulldown-cmark`).
//!
//! Both produce paragraphs separated by a blank line, list items as `- ` lines, entities
//! decoded, and no markup, scripts or styles.

use std::collections::BTreeMap;

use scraper::{ElementRef, Html, Node, Selector};

use super::front_matter::{Metadata, metadata_from_fields};

/// Elements whose content is never visible text.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas",
    "button", "select", "form",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "address",
    "dl",
    "dt",
    "dd",
    "hr",
    "br",
    "body",
];

/// Reads an HTML page: its metadata (title, canonical url, publication date, site name,
/// description) and its visible text.
pub fn html_to_text(source: &str) -> (Metadata, String) {
    let doc = Html::parse_document(source);
    let mut fields = BTreeMap::new();
    let meta_sel = Selector::parse("meta").expect("static selector");
    for m in doc.select(&meta_sel) {
        let e = m.value();
        let key = e
            .attr("property")
            .or_else(|| e.attr("name"))
            .or_else(|| e.attr("itemprop"));
        if let (Some(key), Some(content)) = (key, e.attr("content")) {
            let key = key.to_lowercase().replace(':', ".");
            fields
                .entry(key)
                .or_insert_with(|| content.trim().to_string());
        }
    }
    let first = |sel: &str| {
        let s = Selector::parse(sel).expect("static selector");
        doc.select(&s).next()
    };
    if let Some(t) = first("title") {
        let t = collapse(&t.text().collect::<String>());
        if !t.is_empty() {
            fields.entry("title".into()).or_insert(t);
        }
    }
    if let Some(href) = first("link[rel=canonical]").and_then(|l| l.value().attr("href")) {
        fields
            .entry("url".into())
            .or_insert_with(|| href.to_string());
    }
    if let Some(dt) = first("time[datetime]").and_then(|t| t.value().attr("datetime")) {
        fields
            .entry("date".into())
            .or_insert_with(|| dt.to_string());
    }
    if let Some(h1) = first("h1") {
        let t = collapse(&h1.text().collect::<String>());
        if !t.is_empty() {
            fields.entry("headline".into()).or_insert(t);
        }
    }
    let mut out = String::new();
    let root = first("body").unwrap_or_else(|| doc.root_element());
    walk(root, &mut out);
    (metadata_from_fields(fields), tidy(&out))
}

fn walk(el: ElementRef<'_>, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if HIDDEN.contains(&name) || e.attr("hidden").is_some() {
                    continue;
                }
                let Some(child_el) = ElementRef::wrap(child) else {
                    continue;
                };
                let block = BLOCKS.contains(&name);
                if block {
                    out.push_str("\n\n");
                }
                if name == "li" {
                    out.push_str("- ");
                }
                walk(child_el, out);
                if block {
                    out.push_str("\n\n");
                } else if matches!(name, "td" | "th") {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// Collapses runs of spaces inside lines and runs of blank lines between paragraphs.
fn tidy(raw: &str) -> String {
    let mut paras = Vec::new();
    for block in raw.split("\n\n") {
        let text = collapse(block);
        if !text.is_empty() {
            paras.push(text);
        }
    }
    let mut s = paras.join("\n\n");
    s.push('\n');
    s
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads Markdown as text: headings, paragraphs and list items become paragraphs; emphasis,
/// links and images keep only their words. Returns the first level-one heading as well.
pub fn markdown_to_text(source: &str) -> (Option<String>, String) {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let mut out = String::new();
    let mut h1: Option<String> = None;
    let mut in_h1 = false;
    let mut h1_text = String::new();
    for event in Parser::new(source) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                in_h1 = level == HeadingLevel::H1 && h1.is_none();
            }
            Event::End(TagEnd::Heading(_)) => {
                if in_h1 {
                    h1 = Some(collapse(&h1_text));
                    in_h1 = false;
                }
                out.push_str("\n\n");
            }
            Event::Start(Tag::Item) => out.push_str("\n\n- "),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::CodeBlock,
            ) => out.push_str("\n\n"),
            Event::Text(t) | Event::Code(t) => {
                if in_h1 {
                    h1_text.push_str(&t);
                }
                out.push_str(&t);
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            _ => {}
        }
    }
    (h1, tidy(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_visible_text_only() {
        let page = r#"<!doctype html><html><head><title>Bridge reopens | Riverton Council</title>
<meta property="og:site_name" content="Riverton Council">
<meta property="article:published_time" content="2022-05-04T09:30:00+01:00">
<meta name="description" content="Repairs cost &pound;2m">
<link rel="canonical" href="https://riverton.example/news?a=1&amp;b=2">
<style>p { color: red }</style><script>var x = "not text";</script></head>
<body><nav>Home</nav><h1>Bridge reopens</h1>
<p>The bridge reopened on <b>Monday</b> after repairs costing &#163;2m &amp; more.</p>
<ul><li>Cars</li><li>Bikes</li></ul><script>alert("no")</script>
<p hidden>secret</p></body></html>"#;
        let (meta, text) = html_to_text(page);
        assert_eq!(meta.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(meta.site.as_deref(), Some("Riverton Council"));
        assert_eq!(
            meta.url.as_deref(),
            Some("https://riverton.example/news?a=1&b=2")
        );
        assert_eq!(meta.description.as_deref(), Some("Repairs cost \u{a3}2m"));
        assert_eq!(
            meta.published.map(|p| p.to_iso()).as_deref(),
            Some("2022-05-04T09:30:00")
        );
        assert_eq!(
            text,
            "Home\n\nBridge reopens\n\nThe bridge reopened on Monday after repairs costing \u{a3}2m & more.\n\n- Cars\n\n- Bikes\n"
        );
        assert!(!text.contains("not text") && !text.contains("alert") && !text.contains("secret"));
    }

    #[test]
    fn markdown_words_only() {
        let (h1, text) = markdown_to_text(
            "# Rates frozen\n\nThe **council** said [today](https://x.example) it\nwould act.\n\n* one\n* two\n",
        );
        assert_eq!(h1.as_deref(), Some("Rates frozen"));
        assert_eq!(
            text,
            "Rates frozen\n\nThe council said today it would act.\n\n- one\n\n- two\n"
        );
    }
}
