//! A small streaming view of XML (quick-xml) for the document formats: elements by their
//! local name (`w:p` is `p`), attributes, and text with entities resolved. Streaming, so no
//! depth of nesting costs stack; the text is bounded by the ZIP entry it came from.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// One step through an XML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// An element opens (`empty`: it closes at once, `<w:br/>`).
    Open {
        /// Its local name.
        name: String,
        /// Its attributes, local names and unescaped values.
        attrs: Vec<(String, String)>,
        /// Whether it is an empty element.
        empty: bool,
    },
    /// An element closes (also sent after an empty one).
    Close(String),
    /// Text, entities resolved.
    Text(String),
}

/// Walks `xml`, calling `f` for each step. Errors on malformed XML (with where).
pub(crate) fn walk(xml: &str, mut f: impl FnMut(Step)) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("malformed XML at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) => f(open(&e, false)),
            Event::Empty(e) => {
                let step = open(&e, true);
                let name = match &step {
                    Step::Open { name, .. } => name.clone(),
                    _ => String::new(),
                };
                f(step);
                f(Step::Close(name));
            }
            Event::End(e) => f(Step::Close(
                String::from_utf8_lossy(e.local_name().as_ref()).into_owned(),
            )),
            Event::Text(t) => {
                let text = t.xml10_content().map_err(|e| e.to_string())?;
                f(Step::Text(text.into_owned()));
            }
            Event::CData(t) => {
                f(Step::Text(
                    String::from_utf8_lossy(&t.into_inner()).into_owned(),
                ));
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| e.to_string())?;
                if let Some(c) = entity(&name) {
                    f(Step::Text(c.to_string()));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

fn open(e: &BytesStart<'_>, empty: bool) -> Step {
    let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let attrs = e
        .attributes()
        .flatten()
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
            (key, value)
        })
        .collect();
    Step::Open { name, attrs, empty }
}

/// The character an entity reference stands for: the five XML entities and numeric ones.
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// The value of the attribute with this local name.
pub(crate) fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The text of the first element of each of these local names (`title`, `creator`, …),
/// whitespace collapsed: the document properties of Word and OpenDocument files.
pub(crate) fn properties(xml: &str, names: &[&str]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut current: Option<(String, String)> = None;
    let _ = walk(xml, |step| match step {
        Step::Open { name, .. } if names.contains(&name.as_str()) => {
            current = Some((name, String::new()));
        }
        Step::Text(t) => {
            if let Some((_, text)) = current.as_mut() {
                text.push_str(&t);
            }
        }
        Step::Close(name) if current.as_ref().is_some_and(|(n, _)| *n == name) => {
            let (n, text) = current.take().unwrap_or_default();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() && !out.iter().any(|(k, _)| *k == n) {
                out.push((n, text));
            }
        }
        _ => {}
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_with_entities_and_local_names() {
        let mut steps = Vec::new();
        walk(
            r#"<w:p w:rsid="1"><w:t>Fish &amp; chips &#163;5 &#x2014; <![CDATA[<raw>]]></w:t><w:br/></w:p>"#,
            |s| steps.push(s),
        )
        .unwrap();
        let text: String = steps
            .iter()
            .filter_map(|s| match s {
                Step::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(text, "Fish & chips \u{a3}5 \u{2014} <raw>");
        assert!(matches!(&steps[0], Step::Open { name, attrs, empty: false }
            if name == "p" && attr(attrs, "rsid") == Some("1")));
        assert!(steps.contains(&Step::Close("br".into())));
        assert!(walk("<a><b></a", |_| {}).is_err());
    }

    #[test]
    fn properties_first_of_each() {
        let xml = "<cp:coreProperties><dc:title> Port  deal </dc:title><dc:creator>A</dc:creator><dc:title>x</dc:title></cp:coreProperties>";
        assert_eq!(
            properties(xml, &["title", "creator", "created"]),
            vec![
                ("title".to_string(), "Port deal".to_string()),
                ("creator".to_string(), "A".to_string())
            ]
        );
    }
}
