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

/// HTML nested deeper than this many elements is not read: building the tree of such a page
/// takes time that grows with the square of its depth. Real pages nest a few dozen deep.
pub const MAX_HTML_NESTING: usize = 256;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be left out: the next one, or their parent's end, closes them.
const OPTIONAL_END: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "rb", "rt", "rtc", "rp",
    "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
];

/// Elements a second of their kind closes (`<a>…<a>` are siblings, not nested).
const REOPENED: &[&str] = &["a", "nobr", "button", "form"];

/// Why an HTML page should not be parsed into a tree, if it should not: its elements nest
/// deeper than [`MAX_HTML_NESTING`]. Measured with html5ever's tokenizer (linear time) and a
/// stack of the open elements that need an end tag; scripts, styles and comments are
/// skipped as the parser skips them.
pub fn html_hazard(source: &str) -> Option<String> {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{BufferQueue, Tokenizer};
    let sink = DepthSink::default();
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(source));
    let tokenizer = Tokenizer::new(sink, Default::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let deepest = tokenizer.sink.deepest.get();
    (deepest > MAX_HTML_NESTING)
        .then(|| format!("HTML elements nested more than {MAX_HTML_NESTING} deep"))
}

/// Follows the open elements of a token stream; stops counting past the limit.
#[derive(Default)]
struct DepthSink {
    open: std::cell::RefCell<Vec<html5ever::LocalName>>,
    /// Open `svg`/`math` elements: inside them `<x/>` closes itself.
    foreign: std::cell::Cell<usize>,
    deepest: std::cell::Cell<usize>,
}

impl DepthSink {
    /// Closes the open elements from `at` on.
    fn close_from(&self, open: &mut Vec<html5ever::LocalName>, at: usize) {
        let foreign = open[at..].iter().filter(|n| is_foreign(n)).count();
        self.foreign.set(self.foreign.get() - foreign);
        open.truncate(at);
    }
}

fn is_foreign(name: &str) -> bool {
    matches!(name, "svg" | "math")
}

impl html5ever::tokenizer::TokenSink for DepthSink {
    type Handle = ();

    fn process_token(
        &self,
        token: html5ever::tokenizer::Token,
        _line: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::states::RawKind;
        use html5ever::tokenizer::{TagKind, Token, TokenSinkResult};
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if self.deepest.get() > MAX_HTML_NESTING {
            return TokenSinkResult::Continue;
        }
        let name: &str = &tag.name;
        let mut open = self.open.borrow_mut();
        let found = open.iter().rposition(|n| *n == tag.name);
        if tag.kind == TagKind::EndTag {
            if let Some(at) = found {
                self.close_from(&mut open, at);
            }
            return TokenSinkResult::Continue;
        }
        if let Some(at) = found.filter(|_| REOPENED.contains(&name)) {
            self.close_from(&mut open, at);
        }
        let foreign = self.foreign.get() > 0 || is_foreign(name);
        let closes_itself = VOID.contains(&name) || (tag.self_closing && foreign);
        if !closes_itself && !OPTIONAL_END.contains(&name) {
            if is_foreign(name) {
                self.foreign.set(self.foreign.get() + 1);
            }
            open.push(tag.name.clone());
            self.deepest.set(self.deepest.get().max(open.len()));
        }
        match name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }
}

/// Reads an HTML page: its metadata (title, canonical url, publication date, site name,
/// description) and its visible text.
pub fn html_to_text(source: &str) -> (Metadata, String) {
    let doc = Html::parse_document(source);
    let meta = html_metadata(&doc);
    let body = first(&doc, "body").unwrap_or_else(|| doc.root_element());
    (meta, visible_text(body, &|_| false))
}

/// The first element a selector picks.
fn first<'a>(doc: &'a Html, sel: &str) -> Option<ElementRef<'a>> {
    let s = Selector::parse(sel).expect("static selector");
    doc.select(&s).next()
}

/// A parsed page's metadata: `<meta>` fields, `<title>`, the canonical link, the first
/// `<time datetime>`, JSON-LD articles and the first `<h1>`.
pub fn html_metadata(doc: &Html) -> Metadata {
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
    let first = |sel: &str| first(doc, sel);
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
    let ld = Selector::parse(r#"script[type="application/ld+json"]"#).expect("static selector");
    for script in doc.select(&ld) {
        let json = script.text().collect::<String>();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&json) {
            json_ld_fields(&value, &mut fields);
        }
    }
    if let Some(h1) = first("h1") {
        let t = collapse(&h1.text().collect::<String>());
        if !t.is_empty() {
            fields.entry("headline".into()).or_insert(t);
        }
    }
    metadata_from_fields(fields)
}

/// The visible text under `root`, paragraphs separated by blank lines, leaving out the
/// elements `skip` says (with all they hold).
pub fn visible_text(root: ElementRef<'_>, skip: &dyn Fn(ElementRef<'_>) -> bool) -> String {
    let mut out = String::new();
    walk(root, skip, &mut out);
    tidy(&out)
}

/// Schema.org types of an article, most specific first.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "PressRelease",
    "Article",
    "BlogPosting",
    "Report",
    "WebPage",
];

/// Reads a JSON-LD block's article (`NewsArticle`, `Article`, …, also inside `@graph` or a
/// list) into `jsonld.*` fields: `datepublished`, `headline`, `url`, `publisher.name`, and
/// `author.organisation` when the author is an organisation. The first block that gives a
/// field keeps it.
fn json_ld_fields(value: &serde_json::Value, fields: &mut BTreeMap<String, String>) {
    use serde_json::Value;
    let mut candidates: Vec<&Value> = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
                candidates.push(v);
            }
            _ => {}
        }
    }
    let types = |v: &Value| -> Vec<String> {
        match v.get("@type") {
            Some(Value::String(t)) => vec![t.clone()],
            Some(Value::Array(ts)) => ts
                .iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        }
    };
    let article = ARTICLE_TYPES.iter().find_map(|wanted| {
        candidates
            .iter()
            .find(|c| types(c).iter().any(|t| t == wanted))
    });
    let Some(article) = article else { return };
    let text = |v: Option<&Value>| -> Option<String> {
        match v? {
            Value::String(s) => Some(collapse(s)),
            Value::Object(m) => m.get("name").and_then(Value::as_str).map(collapse),
            Value::Array(items) => items.iter().find_map(|i| match i {
                Value::String(s) => Some(collapse(s)),
                Value::Object(m) => m.get("name").and_then(Value::as_str).map(collapse),
                _ => None,
            }),
            _ => None,
        }
        .filter(|s| !s.is_empty())
    };
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            fields.entry(key.to_string()).or_insert(v);
        }
    };
    put("jsonld.datepublished", text(article.get("datePublished")));
    put("jsonld.headline", text(article.get("headline")));
    put("jsonld.url", text(article.get("url")));
    put("jsonld.publisher.name", text(article.get("publisher")));
    let author = article.get("author").and_then(|a| match a {
        Value::Array(items) => items.first(),
        other => Some(other),
    });
    if author.is_some_and(|a| {
        types(a)
            .iter()
            .any(|t| t == "Organization" || t == "NewsMediaOrganization")
    }) {
        put("jsonld.author.organisation", text(author));
    }
}

/// The visible text under `root`, depth first, with an explicit stack: no recursion, so no
/// depth of nesting can overflow the call stack.
fn walk(root: ElementRef<'_>, skip: &dyn Fn(ElementRef<'_>) -> bool, out: &mut String) {
    // each open element: its children still to visit, and its name (none for the root)
    let mut stack = vec![(root.children(), None)];
    while let Some((children, _)) = stack.last_mut() {
        let Some(child) = children.next() else {
            if let Some((_, Some(name))) = stack.pop() {
                if BLOCKS.contains(&name) {
                    out.push_str("\n\n");
                } else if matches!(name, "td" | "th") {
                    out.push(' ');
                }
            }
            continue;
        };
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if HIDDEN.contains(&name) || e.attr("hidden").is_some() {
                    continue;
                }
                if ElementRef::wrap(child).is_some_and(skip) {
                    continue;
                }
                if BLOCKS.contains(&name) {
                    out.push_str("\n\n");
                }
                if name == "li" {
                    out.push_str("- ");
                }
                stack.push((child.children(), Some(name)));
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
    fn json_ld_article_and_time_element() {
        let page = r#"<html><head><title>Cup run ends</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Site"},
 {"@type":["NewsArticle"],"headline":"Cup run ends at home","datePublished":"2023-01-14T17:05:00Z",
  "publisher":{"@type":"Organization","name":"Vale Evening Post"},
  "author":[{"@type":"Person","name":"Sam Lee"}]}]}</script></head>
<body><p>The club lost 2-1.</p></body></html>"#;
        let (meta, text) = html_to_text(page);
        assert_eq!(meta.site.as_deref(), Some("Vale Evening Post"));
        assert_eq!(meta.site_key.as_deref(), Some("jsonld.publisher.name"));
        assert_eq!(
            meta.published.map(|p| p.to_iso()).as_deref(),
            Some("2023-01-14T17:05:00")
        );
        assert_eq!(text.trim(), "The club lost 2-1.");
        // a press office's page: the author is the organisation; a <time> gives the date
        let page = r#"<html><head><script type="application/ld+json">[{"@type":"PressRelease",
"author":{"@type":"Organization","name":"Northfield Hospital Trust"}}]</script>
<script type="application/ld+json">{not json</script></head>
<body><p>Posted <time datetime="2022-11-03">3 November</time></p><p>A ward opens.</p></body></html>"#;
        let (meta, _) = html_to_text(page);
        assert_eq!(meta.site.as_deref(), Some("Northfield Hospital Trust"));
        assert_eq!(
            meta.published.map(|p| p.to_iso()).as_deref(),
            Some("2022-11-03")
        );
    }

    #[test]
    fn deep_nesting_is_measured_before_the_tree_is_built() {
        let deep = |open: &str, n: usize| format!("<p>Text.</p>{}", open.repeat(n));
        assert!(html_hazard(&deep("<div>", 20_000)).is_some());
        assert!(html_hazard(&deep("<span><b>", 200)).is_some());
        // `<div/>` does not close itself in HTML, so these nest too
        assert!(html_hazard(&deep("<div/>", 300)).is_some());
        // what does not nest: optional end tags, repeated links, void and self-closed
        // foreign elements, markup inside scripts, styles and comments, closed elements
        for page in [
            deep("<p>para", 1000),
            deep("<li>item", 1000),
            deep("<table><tr><td>cell</td></tr></table>", 1000),
            deep("<a href=x>link", 1000),
            deep("<br><img src=x><hr>", 1000),
            format!("<svg>{}</svg>", "<path d=\"x\"/>".repeat(1000)),
            format!(
                "<script>{}</script>",
                "document.write('<div>');".repeat(1000)
            ),
            format!(
                "<style>{}</style><!-- {} -->",
                "<div>".repeat(1000),
                "<div>".repeat(1000)
            ),
            deep("<div><span>x</span></div>", 1000),
            format!(
                "{}x{}",
                "<div>".repeat(MAX_HTML_NESTING),
                "</div>".repeat(MAX_HTML_NESTING)
            ),
        ] {
            assert_eq!(html_hazard(&page), None, "{}", &page[..60]);
        }
    }

    #[test]
    fn the_text_of_a_deep_page_is_read_without_recursion() {
        // a table in a table …: html5ever adds tbody, tr and td, four elements a level;
        // 8,000 levels overflowed a test thread's stack when the walk recursed
        let n = 2_000;
        let page = format!(
            "{}Deep cell.{}",
            "<table><tr><td>".repeat(n),
            "</td></tr></table>".repeat(n)
        );
        let (_, text) = html_to_text(&page);
        assert_eq!(text.trim(), "Deep cell.");
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
