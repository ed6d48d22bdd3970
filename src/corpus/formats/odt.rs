//! OpenDocument text (`.odt`): the headings, paragraphs and list items of `content.xml`
//! in order, each footnote or endnote as a paragraph of its own after the paragraph that
//! cites it (`[1] …`), and the title, author and dates of `meta.xml`. Comments
//! (`office:annotation`) and tracked deletions are left out.

use std::collections::BTreeMap;

use super::Extracted;
use super::docx::set_date;
use super::xml::{Step, attr, properties, walk};
use super::zipped::Zip;

/// Reads an `.odt` file's text and properties.
pub fn read(bytes: &[u8]) -> Result<Extracted, String> {
    let mut zip = Zip::open(bytes, "an OpenDocument text (.odt)")?;
    let content = zip
        .text("content.xml")?
        .ok_or("not an OpenDocument text: it has no content.xml")?;
    let (paras, first_heading) = paragraphs(&content)?;
    let mut fields = BTreeMap::new();
    if let Some(meta_xml) = zip.text("meta.xml")? {
        for (key, value) in properties(
            &meta_xml,
            &[
                "title",
                "initial-creator",
                "creator",
                "creation-date",
                "date",
            ],
        ) {
            let key = match key.as_str() {
                "initial-creator" => "creator",
                "creation-date" => "created",
                "date" => "modified",
                other => other,
            };
            fields.entry(format!("document.{key}")).or_insert(value);
        }
    }
    let mut warnings = Vec::new();
    let mut meta = crate::corpus::Metadata {
        title: fields.get("document.title").cloned().or(first_heading),
        ..Default::default()
    };
    set_date(&mut meta, &fields, &mut warnings, "OpenDocument");
    meta.fields = fields;
    Ok(Extracted {
        meta,
        body: super::join_paragraphs(&paras, true),
        warnings,
        keep_empty: false,
    })
}

/// A paragraph being read, and the notes it cites.
#[derive(Default)]
struct Open {
    text: String,
    notes: Vec<String>,
}

/// The paragraphs of `content.xml`'s body in order, and its first level-one heading.
fn paragraphs(xml: &str) -> Result<(Vec<String>, Option<String>), String> {
    let mut out: Vec<String> = Vec::new();
    let mut first_heading: Option<String> = None;
    // the open paragraphs: a note's paragraphs open inside the paragraph that cites it
    let mut stack: Vec<(Open, bool)> = Vec::new();
    let mut in_body = 0usize;
    let mut skip = 0usize;
    let mut in_citation = 0usize;
    let mut note: Option<(String, String)> = None;
    walk(xml, |step| match step {
        Step::Open { name, attrs, .. } => match name.as_str() {
            "text" if in_body == 0 => in_body = 1,
            _ if in_body == 0 => {}
            "annotation" | "tracked-changes" | "deletion" => skip += 1,
            _ if skip > 0 => {}
            "p" | "h" => {
                let heading = name == "h" && attr(&attrs, "outline-level").unwrap_or("1") == "1";
                stack.push((Open::default(), heading));
            }
            "s" => {
                let n: usize = attr(&attrs, "c").and_then(|c| c.parse().ok()).unwrap_or(1);
                push(&mut stack, &mut note, &" ".repeat(n.min(64)));
            }
            "tab" => push(&mut stack, &mut note, " "),
            "line-break" => push(&mut stack, &mut note, "\n"),
            "note" => note = Some((String::new(), String::new())),
            "note-citation" => in_citation += 1,
            _ => {}
        },
        Step::Close(name) => match name.as_str() {
            "text" if in_body == 1 && stack.is_empty() && note.is_none() => in_body = 0,
            _ if in_body == 0 => {}
            "annotation" | "tracked-changes" | "deletion" => skip = skip.saturating_sub(1),
            _ if skip > 0 => {}
            "note-citation" => in_citation = in_citation.saturating_sub(1),
            "note" => {
                if let Some((mark, text)) = note.take() {
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if let Some((open, _)) = stack.last_mut() {
                        open.text.push_str(&format!("[{mark}]"));
                        open.notes.push(format!("[{mark}] {text}"));
                    }
                }
            }
            "p" | "h" => {
                if let Some((open, heading)) = stack.pop() {
                    if note.is_some() {
                        // a paragraph of a note's body
                        if let Some((_, text)) = note.as_mut() {
                            text.push(' ');
                            text.push_str(&open.text);
                        }
                        return;
                    }
                    if heading && first_heading.is_none() {
                        let t = open.text.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !t.is_empty() {
                            first_heading = Some(t);
                        }
                    }
                    match stack.last_mut() {
                        // a paragraph inside a paragraph (a frame): part of it
                        Some((outer, _)) => {
                            outer.text.push_str(&open.text);
                            outer.notes.extend(open.notes);
                        }
                        None => {
                            out.push(open.text);
                            out.extend(open.notes);
                        }
                    }
                }
            }
            _ => {}
        },
        Step::Text(t) => {
            if in_body == 0 || skip > 0 {
                return;
            }
            if in_citation > 0 {
                if let Some((mark, _)) = note.as_mut() {
                    mark.push_str(t.trim());
                }
                return;
            }
            push(&mut stack, &mut note, &t);
        }
    })?;
    Ok((out, first_heading))
}

/// Adds text to the open paragraph (a note's paragraph when inside a note).
fn push(stack: &mut [(Open, bool)], _note: &mut Option<(String, String)>, text: &str) {
    if let Some((open, _)) = stack.last_mut() {
        open.text.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_spaces_and_notes_in_order() {
        let xml = r#"<office:document-content><office:body><office:text>
<text:h text:outline-level="1">Ferry returns</text:h>
<text:p>It sails<text:s text:c="2"/>daily<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>From May.</text:p></text:note-body></text:note> now.</text:p>
<office:annotation><text:p>a reviewer's comment</text:p></office:annotation>
<text:list><text:list-item><text:p>Line one<text:line-break/>line two</text:p></text:list-item></text:list>
</office:text></office:body></office:document-content>"#;
        let (paras, h1) = paragraphs(xml).unwrap();
        assert_eq!(h1.as_deref(), Some("Ferry returns"));
        assert_eq!(
            paras,
            vec![
                "Ferry returns",
                "It sails  daily[1] now.",
                "[1] From May.",
                "Line one\nline two"
            ]
        );
    }
}
