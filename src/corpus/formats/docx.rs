//! Word documents (`.docx`, Office Open XML): the paragraphs of `word/document.xml` in
//! order (headings, list items and table cells each a paragraph), then the footnotes and
//! endnotes as paragraphs of their own (`[1] …`), and the title, author and dates of
//! `docProps/core.xml`. Deleted tracked changes, field codes, comments, running headers and
//! footers are not text of the article and are left out.

use std::collections::BTreeMap;

use super::Extracted;
use super::xml::{Step, attr, properties, walk};
use super::zipped::Zip;
use crate::corpus::dates::parse_published;

/// A paragraph of a Word body, with the style name it is marked with.
#[derive(Debug, Default)]
struct Para {
    text: String,
    style: Option<String>,
}

/// Reads a `.docx` file's text and properties.
pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    let mut zip = Zip::open(bytes, "a Word (.docx)")?;
    let body = zip
        .text("word/document.xml")?
        .ok_or("not a Word document: it has no word/document.xml")?;
    let paras = paragraphs(&body, "body")?;
    let mut texts: Vec<String> = paras.iter().map(|p| p.text.clone()).collect();
    for (part, tag) in [
        ("word/footnotes.xml", "footnote"),
        ("word/endnotes.xml", "endnote"),
    ] {
        if let Some(xml) = zip.text(part)? {
            texts.extend(notes(&xml, tag)?);
        }
    }
    let mut fields = BTreeMap::new();
    let mut warnings = Vec::new();
    if let Some(core) = zip.text("docProps/core.xml")? {
        for (key, value) in properties(&core, &["title", "creator", "created", "modified"]) {
            fields.insert(format!("document.{key}"), value);
        }
    }
    let title = fields.get("document.title").cloned().or_else(|| {
        paras
            .iter()
            .find(|p| {
                p.style
                    .as_deref()
                    .is_some_and(|s| s.eq_ignore_ascii_case("title") || s == "Heading1")
            })
            .map(|p| p.text.split_whitespace().collect::<Vec<_>>().join(" "))
    });
    let mut meta = crate::corpus::Metadata {
        title,
        ..Default::default()
    };
    set_date(&mut meta, &fields, &mut warnings, "Word");
    meta.fields = fields;
    Ok(Extracted {
        meta,
        body: super::join_paragraphs(&texts, true),
        warnings,
        keep_empty: false,
    })
}

/// The publication date of a Word or OpenDocument file: its last-modified date (when it
/// was last saved, closest to when it was issued), else its creation date.
pub(super) fn set_date(
    meta: &mut crate::corpus::Metadata,
    fields: &BTreeMap<String, String>,
    warnings: &mut Vec<String>,
    what: &str,
) {
    for key in ["document.modified", "document.created"] {
        let Some(raw) = fields.get(key) else { continue };
        match parse_published(raw) {
            Some(date) => {
                meta.published = Some(date);
                let which = key.trim_start_matches("document.");
                meta.published_from = Some(format!("{what} document properties: {which}"));
                return;
            }
            None => warnings.push(format!(
                "the {what} document's {} date “{raw}” is not a date: ignored",
                key.trim_start_matches("document.")
            )),
        }
    }
}

/// The paragraphs (`w:p`) under the first element named `within`, in order; a note
/// reference becomes `[n]`.
fn paragraphs(xml: &str, within: &str) -> Result<Vec<Para>, String> {
    let mut out = Vec::new();
    let mut inside = 0usize;
    let mut current: Option<Para> = None;
    let mut in_text = false;
    let mut depth_p = 0usize;
    walk(xml, |step| match step {
        Step::Open { name, attrs, empty } => match name.as_str() {
            n if n == within => inside += 1,
            _ if inside == 0 => {}
            "p" => {
                depth_p += 1;
                if depth_p == 1 {
                    current = Some(Para::default());
                }
            }
            "pStyle" => {
                if let Some(p) = current.as_mut() {
                    p.style = attr(&attrs, "val").map(str::to_string);
                }
            }
            "t" if !empty => in_text = true,
            "tab" => push(&mut current, " "),
            "br" | "cr" => push(&mut current, "\n"),
            "footnoteReference" | "endnoteReference" => {
                if let Some(id) = attr(&attrs, "id") {
                    push(&mut current, &format!("[{id}]"));
                }
            }
            _ => {}
        },
        Step::Close(name) => match name.as_str() {
            n if n == within => inside = inside.saturating_sub(1),
            "t" => in_text = false,
            "p" if inside > 0 => {
                depth_p = depth_p.saturating_sub(1);
                if depth_p == 0
                    && let Some(p) = current.take()
                {
                    out.push(p);
                }
            }
            _ => {}
        },
        Step::Text(t) => {
            if in_text && inside > 0 {
                push(&mut current, &t);
            }
        }
    })?;
    Ok(out)
}

fn push(current: &mut Option<Para>, text: &str) {
    if let Some(p) = current.as_mut() {
        p.text.push_str(text);
    }
}

/// The footnotes or endnotes of a notes part, each `[id] text`, separators left out.
fn notes(xml: &str, tag: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    walk(xml, |step| match step {
        Step::Open { name, attrs, empty } => {
            if name == tag {
                let kind = attr(&attrs, "type").unwrap_or("normal");
                if kind == "normal" {
                    let id = attr(&attrs, "id").unwrap_or("").to_string();
                    current = Some((id, String::new()));
                }
            } else if name == "t" && !empty {
                in_text = true;
            } else if name == "p"
                && let Some((_, text)) = current.as_mut()
                && !text.is_empty()
            {
                text.push(' ');
            }
        }
        Step::Close(name) => {
            if name == "t" {
                in_text = false;
            } else if name == tag
                && let Some((id, text)) = current.take()
            {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() {
                    out.push(format!("[{id}] {text}"));
                }
            }
        }
        Step::Text(t) => {
            if in_text && let Some((_, text)) = current.as_mut() {
                text.push_str(&t);
            }
        }
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_styles_breaks_and_note_references() {
        let xml = r#"<w:document><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Ferry</w:t></w:r><w:r><w:t xml:space="preserve"> returns</w:t></w:r></w:p>
<w:p><w:r><w:t>It sails</w:t><w:tab/><w:t>daily.</w:t><w:footnoteReference w:id="2"/></w:r><w:del><w:r><w:delText>never</w:delText></w:r></w:del></w:p>
<w:p><w:r><w:instrText>PAGE</w:instrText><w:t>Line one</w:t><w:br/><w:t>line two</w:t></w:r></w:p>
</w:body></w:document>"#;
        let p = paragraphs(xml, "body").unwrap();
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Ferry returns", "It sails daily.[2]", "Line one\nline two"]
        );
        assert_eq!(p[0].style.as_deref(), Some("Title"));
    }

    #[test]
    fn notes_without_separators() {
        let xml = r#"<w:footnotes><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:t>Figures from</w:t></w:r></w:p><w:p><w:r><w:t>the 2021 survey.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
        assert_eq!(
            notes(xml, "footnote").unwrap(),
            vec!["[2] Figures from the 2021 survey."]
        );
    }
}
