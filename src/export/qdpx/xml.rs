//! A small XML writer for the REFI-QDA project file: elements, attributes and text, every
//! value escaped here and nowhere else.
//!
//! Why not quick-xml's writer: its escaping replaces `<`, `>`, `&`, `"` and `'` but lets
//! through what XML 1.0 forbids altogether (NUL and the other C0 controls, U+FFFE, U+FFFF),
//! which an article's text can hold and which makes a strict importer reject the whole
//! project; and a raw newline, tab or carriage return in an attribute is read back as a space
//! (attribute-value normalisation), a carriage return in text as a line feed. Handling those
//! needs a filter of our own in front of any writer, and with it the writer itself is a few
//! lines: so this module does both, and the property test below holds it to a real parser's
//! reading.

use std::fmt::Write as _;

/// Characters XML 1.0 allows: tab, line feed, carriage return, and from U+0020 on, except
/// U+FFFE and U+FFFF (surrogates cannot occur in a Rust string).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// Appends `text` escaped for an element's content: `&`, `<`, `>` as entities, a carriage
/// return as `&#13;` (so it survives line-end normalisation), and any character XML cannot
/// hold as U+FFFD.
pub fn escape_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// Appends `text` escaped for a double-quoted attribute value: as [`escape_text`], plus `"`,
/// and tab and line feed as character references (a parser would read them as spaces).
pub fn escape_attr(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            _ => escape_text(out, c.encode_utf8(&mut [0; 4])),
        }
    }
}

/// Builds an XML document as a string, indented by two spaces per level.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
    /// Open elements, innermost last.
    open: Vec<&'static str>,
}

impl Writer {
    /// A document starting with the XML declaration (UTF-8).
    pub fn new() -> Writer {
        Writer {
            out: String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"),
            open: Vec::new(),
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }

    fn tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            let _ = write!(self.out, " {key}=\"");
            escape_attr(&mut self.out, value);
            self.out.push('"');
        }
    }

    /// Opens an element with attributes; [`Writer::end`] closes it.
    pub fn start(&mut self, name: &'static str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// An element without content.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// An element holding text only.
    pub fn text(&mut self, name: &str, text: &str) {
        self.tag(name, &[]);
        self.out.push('>');
        escape_text(&mut self.out, text);
        let _ = writeln!(self.out, "</{name}>");
    }

    /// Closes the innermost open element.
    pub fn end(&mut self) {
        if let Some(name) = self.open.pop() {
            self.indent();
            let _ = writeln!(self.out, "</{name}>");
        }
    }

    /// The document, every element closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.end();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped() {
        let mut t = String::new();
        escape_text(&mut t, "a<b>&c\r\n\u{0}\u{1b}\u{FFFF}é");
        assert_eq!(t, "a&lt;b&gt;&amp;c&#13;\n\u{FFFD}\u{FFFD}\u{FFFD}é");
        let mut a = String::new();
        escape_attr(&mut a, "say \"no\"\tnow\nand 'then' £");
        assert_eq!(a, "say &quot;no&quot;&#9;now&#10;and 'then' £");
    }

    #[test]
    fn elements_nest_and_close() {
        let mut w = Writer::new();
        w.start("Project", &[("name", "a&b")]);
        w.text("Description", "</Project>");
        w.empty("NoteRef", &[("targetGUID", "x")]);
        let doc = w.finish();
        assert_eq!(
            doc,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project name=\"a&amp;b\">\n  \
             <Description>&lt;/Project&gt;</Description>\n  <NoteRef targetGUID=\"x\"/>\n\
             </Project>\n"
        );
    }

    proptest::proptest! {
        /// Whatever the text, a conforming parser reads back exactly it (characters XML
        /// cannot hold replaced), in an attribute and in an element.
        #[test]
        fn a_parser_reads_back_what_was_escaped(text in "\\PC*|[\\x00-\\x20\"'<>&\\r\\n\\t\u{FFFE}\u{FFFF}a£é😀]*") {
            let mut w = Writer::new();
            w.start("a", &[("b", &text)]);
            w.text("c", &text);
            let doc = w.finish();
            let parsed = roxmltree::Document::parse(&doc).expect("well-formed");
            let want: String = text.chars().map(|c| if allowed(c) { c } else { '\u{FFFD}' }).collect();
            let root = parsed.root_element();
            proptest::prop_assert_eq!(root.attribute("b"), Some(want.as_str()));
            let c = root.first_element_child().expect("the text element");
            proptest::prop_assert_eq!(c.text().unwrap_or(""), want.as_str());
        }
    }
}
