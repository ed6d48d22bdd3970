//! Saved web pages: the article's main content, not the page around it.
//!
//! Rules of our own, readability-style, on the parsed page (html5ever via `scraper`):
//!
//! 1. the content root is the `<article>` (or `itemprop="articleBody"` element) holding
//!    the most paragraph text; else `<main>` or `role="main"`; else the element whose
//!    paragraphs hold the most text (each paragraph counts for its parent, half for its
//!    grandparent); else the whole body;
//! 2. inside it, page furniture is left out: navigation, cookie notices, share buttons,
//!    related links, comments, footers, advertising and sign-up boxes, known by their tag,
//!    `role`, id or class words (`assets/formats.yaml`), and blocks that are mostly links;
//!    a page header outside the article holding no headline as well.
//!
//! What is left out is counted in the document's warnings. `.mhtml` pages (a MIME
//! multipart holding the page and its resources) are read through their HTML part; the
//! `_files/` folder a browser saves beside `page.html` is not read at all.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::Path;

use scraper::{ElementRef, Html, Selector};

use super::Extracted;
use super::vocab::vocab;
use crate::corpus::markup::{html_metadata, visible_text};

/// A block whose text is at least this share links (and holds two links or more) is a
/// list of links, not article text.
const LINK_DENSITY: f64 = 0.8;

/// Reads a saved page: its metadata and its main content, what was left out in warnings.
pub fn read_page(source: &str) -> Extracted {
    let doc = Html::parse_document(source);
    let meta = html_metadata(&doc);
    let body = select_first(&doc, "body").unwrap_or_else(|| doc.root_element());
    let root = content_root(&doc).unwrap_or(body);
    let dropped: RefCell<BTreeMap<String, usize>> = RefCell::default();
    let skip = |e: ElementRef<'_>| match furniture(e, root) {
        Some(kind) => {
            *dropped.borrow_mut().entry(kind).or_default() += 1;
            true
        }
        None => false,
    };
    let text = visible_text(root, &skip);
    let mut warnings = Vec::new();
    let dropped = dropped.into_inner();
    let blocks: usize = dropped.values().sum();
    let outside = if root.id() == body.id() {
        0
    } else {
        let all = visible_text(body, &|_| false);
        all.split_whitespace()
            .count()
            .saturating_sub(visible_text(root, &|_| false).split_whitespace().count())
    };
    if blocks > 0 || outside > 0 {
        let kinds: Vec<String> = dropped.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let mut what = Vec::new();
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        if outside > 0 {
            what.push(format!(
                "{outside} word{} around the article",
                plural(outside)
            ));
        }
        if blocks > 0 {
            what.push(format!(
                "{blocks} block{} of page furniture inside it ({})",
                plural(blocks),
                kinds.join(", ")
            ));
        }
        warnings.push(format!(
            "main content: left out {} (menus, notices, links and comments are not statements)",
            what.join(" and ")
        ));
    }
    Extracted {
        meta,
        body: text,
        warnings,
        keep_empty: false,
    }
}

fn select_first<'a>(doc: &'a Html, sel: &str) -> Option<ElementRef<'a>> {
    let s = Selector::parse(sel).expect("static selector");
    doc.select(&s).next()
}

/// The length of the text of an element's paragraphs.
fn paragraph_text(e: ElementRef<'_>) -> usize {
    let p = Selector::parse("p").expect("static selector");
    e.select(&p)
        .map(|p| p.text().map(|t| t.trim().len()).sum::<usize>())
        .sum()
}

/// The element holding the article (see the module's rules), if one stands out.
fn content_root<'a>(doc: &'a Html) -> Option<ElementRef<'a>> {
    let articles = Selector::parse(r#"article, [itemprop="articleBody"]"#).expect("static");
    let best = doc
        .select(&articles)
        .map(|a| (paragraph_text(a), a))
        .filter(|(n, _)| *n > 0)
        // the first of equals: an `<article>` before the `articleBody` inside it
        .reduce(|best, next| if next.0 > best.0 { next } else { best });
    if let Some((_, a)) = best {
        return Some(a);
    }
    if let Some(main) = select_first(doc, r#"main, [role="main"]"#) {
        return Some(main);
    }
    // readability's scoring: a paragraph counts for its parent, half for its grandparent
    let p = Selector::parse("p").expect("static selector");
    let mut scores = std::collections::HashMap::new();
    // (score, first seen, element): ties go to the element met first, so the pick is stable
    let mut add = |e: ElementRef<'a>, score: f64| {
        let seen = scores.len();
        scores.entry(e.id()).or_insert((0.0, seen, e)).0 += score;
    };
    for para in doc.select(&p) {
        let len = para.text().map(|t| t.trim().len()).sum::<usize>() as f64;
        if len < 25.0 {
            continue;
        }
        let parent = para.parent().and_then(ElementRef::wrap);
        if let Some(parent) = parent {
            add(parent, len);
            if let Some(grand) = parent.parent().and_then(ElementRef::wrap) {
                add(grand, len / 2.0);
            }
        }
    }
    scores
        .into_values()
        .filter(|(s, _, e)| *s >= 100.0 && e.value().name() != "body")
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, _, e)| e)
}

/// The kind of page furniture an element is, if it is.
fn furniture(e: ElementRef<'_>, root: ElementRef<'_>) -> Option<String> {
    if e.id() == root.id() {
        return None;
    }
    let el = e.value();
    let name = el.name();
    let role = el.attr("role").map(str::to_ascii_lowercase);
    let words: Vec<String> = el
        .attr("class")
        .unwrap_or("")
        .split_whitespace()
        .chain(el.attr("id"))
        .map(str::to_ascii_lowercase)
        .collect();
    for (kind, f) in &vocab().page_furniture {
        let tagged = f.tags.contains(name);
        let roled = role.as_ref().is_some_and(|r| f.roles.contains(r));
        let worded = words
            .iter()
            .any(|w| f.words.contains(w) || w.split(['-', '_']).any(|part| f.words.contains(part)));
        if tagged || roled || worded {
            return Some(kind.clone());
        }
    }
    if name == "header" && !holds(e, "h1") && !inside(e, "article") {
        return Some("page header".to_string());
    }
    if matches!(name, "ul" | "ol" | "div" | "section" | "p" | "table") && link_list(e) {
        return Some("related links".to_string());
    }
    None
}

fn holds(e: ElementRef<'_>, tag: &str) -> bool {
    let s = Selector::parse(tag).expect("tag selector");
    e.select(&s).next().is_some()
}

fn inside(e: ElementRef<'_>, tag: &str) -> bool {
    e.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() == tag)
}

/// Whether an element's text is mostly the text of two or more links.
fn link_list(e: ElementRef<'_>) -> bool {
    let a = Selector::parse("a").expect("static selector");
    let links: Vec<ElementRef<'_>> = e.select(&a).collect();
    if links.len() < 2 {
        return false;
    }
    let count = |e: ElementRef<'_>| e.text().map(|t| t.trim().chars().count()).sum::<usize>();
    let all = count(e);
    let linked: usize = links.iter().map(|l| count(*l)).sum();
    all > 0 && linked as f64 >= LINK_DENSITY * all as f64
}

/// Whether a folder is the `NAME_files` folder a browser saved beside `NAME.html` (or
/// `.htm`): the page's images, scripts and styles, not articles.
pub fn is_saved_page_folder(dir: &Path) -> bool {
    let Some(name) = dir.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(stem) = name.strip_suffix("_files") else {
        return false;
    };
    let parent = dir.parent().unwrap_or(Path::new(""));
    ["html", "htm", "xhtml"]
        .iter()
        .any(|ext| parent.join(format!("{stem}.{ext}")).is_file())
}

/// Reads a single-file saved page (`.mhtml`): its HTML part as a saved page; the address
/// it was saved from as the url when the page names none.
pub fn read_mhtml(bytes: &[u8]) -> Result<Extracted, String> {
    let message = mail_parser::MessageParser::default()
        .parse(bytes)
        .ok_or("not an MHTML page (not a MIME message)")?;
    let html = (0..message.parts.len() as u32)
        .filter_map(|i| message.part(i))
        .find(|p| p.is_text_html())
        .and_then(|p| p.text_contents())
        .ok_or("no HTML part: not a saved web page")?;
    if let Some(why) = crate::corpus::markup::html_hazard(html) {
        return Err(why);
    }
    let mut page = read_page(html);
    if page.meta.url.is_none() {
        let location = message
            .header_raw("Snapshot-Content-Location")
            .or_else(|| message.header_raw("Content-Location"))
            .map(str::trim)
            .filter(|l| l.contains("://"));
        page.meta.url = location.map(str::to_string);
    }
    if page.meta.title.is_none() {
        page.meta.title = message.subject().map(str::to_string);
    }
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>Pool reopens | Vale Leisure</title></head><body>
<header class="site-header"><a href="/">Vale Leisure</a><nav><a href="/a">Home</a> <a href="/b">News</a></nav></header>
<div id="cookie-banner"><p>We use cookies to improve your visit.</p><button>Accept</button></div>
<main><article>
<h1>Pool reopens</h1>
<p>The pool reopened on Monday after a six-week repair.</p>
<div class="share-tools"><a href="/s1">Share on a network</a> <a href="/s2">Email</a></div>
<p>Swimming lessons start again next week, the manager said.</p>
<footer><p>Tags: leisure, pools</p></footer>
</article>
<aside><h2>Related stories</h2><ul><li><a href="/x">Gym prices rise</a></li><li><a href="/y">Park opens</a></li></ul></aside>
<section id="comments"><p>Great news! — a reader</p></section>
</main>
<footer><p>Copyright Vale Leisure</p></footer></body></html>"#;

    #[test]
    fn the_article_without_the_page_around_it() {
        let page = read_page(PAGE);
        assert_eq!(
            page.body,
            "Pool reopens\n\nThe pool reopened on Monday after a six-week repair.\n\nSwimming lessons start again next week, the manager said.\n"
        );
        assert_eq!(page.meta.title.as_deref(), Some("Pool reopens"));
        let w = page.warnings.join(" ");
        assert!(
            w.contains("sharing 1") && w.contains("page footer 1"),
            "{w}"
        );
        assert!(w.contains("words around the article"), "{w}");
    }

    #[test]
    fn without_article_or_main_the_paragraphs_decide() {
        let page = r#"<body><div class="menu"><a href="/1">One</a><a href="/2">Two</a></div>
<div class="x"><p>The first paragraph of the story is long enough to count here.</p>
<p>The second paragraph of the story is long enough to count as well.</p>
<ul class="links"><li><a href="/3">Three</a></li><li><a href="/4">Four</a></li></ul></div>
<div class="footer-ish"><p>Short.</p></div></body>"#;
        let page = read_page(page);
        assert!(
            page.body.starts_with("The first paragraph"),
            "{}",
            page.body
        );
        assert!(!page.body.contains("One") && !page.body.contains("Three"));
        assert!(!page.body.contains("Short."));
        assert!(
            page.warnings[0].contains("related links 1"),
            "{:?}",
            page.warnings
        );
    }

    #[test]
    fn a_plain_page_keeps_all_its_text() {
        let page = read_page("<p>Just one line.</p><p>And another.</p>");
        assert_eq!(page.body, "Just one line.\n\nAnd another.\n");
        assert!(page.warnings.is_empty());
    }

    #[test]
    fn saved_page_folders() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("story.html"), "<p>x</p>").unwrap();
        for d in ["story_files", "other_files", "story"] {
            std::fs::create_dir(dir.path().join(d)).unwrap();
        }
        assert!(is_saved_page_folder(&dir.path().join("story_files")));
        assert!(!is_saved_page_folder(&dir.path().join("other_files")));
        assert!(!is_saved_page_folder(&dir.path().join("story")));
    }
}
