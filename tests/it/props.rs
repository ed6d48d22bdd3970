//! Property tests: the decoder, front matter, markup, dates, paragraphs, sentences, quotes and
//! figures never panic on any input, every span they return lies on char boundaries inside
//! the text, and decoding then re-reading is stable.

use std::ops::Range;

use parallax::comparison::SourceFormat;
use parallax::corpus::{self, Corpus, Published, dates, decode, front_matter, markup};
use parallax::lexicon::Lexicon;
use parallax::reading::{entities, quotes, read_corpus, segment};
use proptest::prelude::*;

/// Pieces that make the parsers work: quote marks, stops, line breaks, metadata fences,
/// entities, figures, names, speech verbs, multi-byte and control characters.
const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    ".",
    ". ",
    "!",
    "?",
    "…",
    ",",
    ":",
    ";",
    "\"",
    "“",
    "”",
    "„",
    "'",
    "’s",
    "(",
    ")",
    "[",
    "]",
    "-",
    "–",
    "—",
    "* ",
    "• ",
    "---",
    "---\n",
    "```yaml\n",
    "```\n",
    "...\n",
    "title: ",
    "date: ",
    "url: ",
    "area: ",
    "&amp;",
    "&#163;",
    "&pound;",
    "&#x1F4DA;",
    "&",
    "#",
    "&#0;",
    "&#99999999;",
    "£5m",
    "£1,250.50",
    "$2bn",
    "40%",
    "31 per cent",
    "28 February 2020",
    "30/03/2020",
    "2020-02-28",
    "six months",
    "April 8",
    "Mr",
    "Mr.",
    "J.",
    "No. 10",
    "said",
    "says",
    "added",
    "denied",
    "but",
    "and",
    "of",
    "the",
    "The",
    "Fenbury",
    "Council",
    "Union",
    "Bus Company",
    "Police",
    "Ann Lee",
    "chief executive",
    "leader",
    "said:",
    "Image caption",
    "é",
    "ß",
    "😀",
    "\u{200b}",
    "\u{feff}",
    "\u{0}",
    "\u{1}",
    "\u{85}",
    "\u{2028}",
    "A",
    "a",
    "1",
    "0",
];

/// Text made of [`PIECES`] and arbitrary characters.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

/// Bytes: arbitrary, or text in an encoding (with or without a byte-order mark), or text
/// with stray high bytes.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        texty().prop_map(String::into_bytes),
        texty().prop_map(|t| [&[0xEF, 0xBB, 0xBF][..], t.as_bytes()].concat()),
        texty().prop_map(|t| {
            let mut v = vec![0xFF, 0xFE];
            v.extend(t.encode_utf16().flat_map(u16::to_le_bytes));
            v
        }),
        texty().prop_map(|t| {
            let mut v = vec![0xFE, 0xFF];
            v.extend(t.encode_utf16().flat_map(u16::to_be_bytes));
            v
        }),
        (texty(), prop::collection::vec(0x80u8..=0xFF, 1..5)).prop_map(|(t, high)| {
            let mut v = t.into_bytes();
            let at = v.len() / 2;
            v.splice(at..at, high);
            v
        }),
    ]
}

fn in_text(text: &str, r: &Range<usize>) -> bool {
    r.start <= r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

fn lexicon() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(Lexicon::bundled)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn decoding_is_total_and_stable(bytes in bytes()) {
        let Ok(d) = decode::decode_bytes(&bytes) else { return Ok(()) };
        prop_assert!(!d.text.contains('\r') && !d.text.contains('\0'));
        prop_assert!(!d.text.starts_with('\u{feff}'), "{:?}", d.text);
        // the decoded text, written as UTF-8 or UTF-16 and read again, is the same text
        let again = decode::decode_bytes(d.text.as_bytes()).map(|a| a.text);
        prop_assert_eq!(again.as_deref(), Ok(d.text.as_str()));
        let mut le = vec![0xFF, 0xFE];
        le.extend(d.text.encode_utf16().flat_map(u16::to_le_bytes));
        let again = decode::decode_bytes(&le).map(|a| a.text);
        prop_assert_eq!(again.as_deref(), Ok(d.text.as_str()));
    }

    #[test]
    fn newlines_and_entities_are_total(text in texty()) {
        let n = decode::normalise_newlines(&text);
        prop_assert!(!n.contains('\r'));
        prop_assert_eq!(decode::normalise_newlines(&n), n.clone());
        let e = decode::decode_entities(&text);
        if !text.contains('&') {
            prop_assert_eq!(e, text);
        }
    }

    #[test]
    fn front_matter_split_is_total(text in texty(), md in any::<bool>()) {
        let plain = if md { SourceFormat::Markdown } else { SourceFormat::Plain };
        let s = front_matter::split(&text, plain);
        prop_assert!(in_text(&text, &(s.body_start..text.len())));
        prop_assert!(s.warnings.iter().all(|w| !w.is_empty() && !w.contains('\n')), "{:?}", s.warnings);
        if let Some(t) = &s.meta.title {
            prop_assert!(!t.is_empty());
        }
        prop_assert_eq!(
            s.format == SourceFormat::Dateline,
            s.meta.published.is_some() && s.meta.fields.is_empty()
        );
    }

    #[test]
    fn yaml_with_any_shape_never_panics(text in texty()) {
        let framed = format!("---\n{text}\n---\nBody.");
        let s = front_matter::split(&framed, SourceFormat::Plain);
        prop_assert!(in_text(&framed, &(s.body_start..framed.len())));
        let _ = front_matter::yaml_hazard(&text);
    }

    #[test]
    fn markup_is_total(text in texty()) {
        let (_, html) = markup::html_to_text(&text);
        let (_, md) = markup::markdown_to_text(&text);
        for out in [&html, &md] {
            prop_assert!(!out.contains('\r'));
            prop_assert!(!out.contains("\n\n\n"), "{out:?}");
        }
        let _ = markup::html_hazard(&text);
    }

    #[test]
    fn long_sentences_are_cut_at_spaces(words in prop::collection::vec("[a-zé£%0-9]{1,12}", 150..700), sep in prop::sample::select(vec![" ", "  ", "\n", " \t "])) {
        let body = words.join(sep);
        let lex = lexicon();
        let pieces = segment::sentences(&body, 0..body.len(), lex);
        let mut prev = 0;
        for r in &pieces {
            prop_assert!(in_text(&body, r) && r.start >= prev && r.len() <= segment::MAX_SENTENCE_BYTES);
            prop_assert!(body[prev..r.start].trim().is_empty(), "a word was dropped");
            prop_assert!(!body[r.clone()].starts_with(char::is_whitespace) && !body[r.clone()].ends_with(char::is_whitespace));
            prev = r.end;
        }
        prop_assert_eq!(prev, body.len());
    }

    #[test]
    fn html_text_never_holds_script_content(words in "[a-z ]{0,40}", secret in "[A-Z]{8}") {
        let page = format!(
            "<p>{words}</p><script>var x = '{secret}';</script><style>.{secret} {{}}</style><!-- {secret} -->"
        );
        let (_, text) = markup::html_to_text(&page);
        prop_assert!(!text.contains(&secret), "{text:?}");
    }

    #[test]
    fn dates_round_trip(text in texty(), y in 1900i32..2100, m in 1u32..=12, d in 1u32..=28) {
        if let Some(p) = dates::parse_published(&text) {
            prop_assert_eq!(dates::parse_published(&p.to_iso()), Some(p));
        }
        let iso = format!("{y:04}-{m:02}-{d:02}");
        let parsed = dates::parse_published(&iso);
        prop_assert_eq!(parsed.map(Published::to_iso), Some(iso));
    }

    #[test]
    fn paragraphs_sentences_quotes_and_figures_stay_inside_the_text(body in texty()) {
        let lex = lexicon();
        let paragraphs = corpus::paragraphs(&body);
        let mut last = 0;
        for p in &paragraphs {
            prop_assert!(in_text(&body, &p.span) && p.span.start >= last, "{:?}", p.span);
            let text = &body[p.span.clone()];
            prop_assert!(!text.is_empty() && text.trim() == text);
            last = p.span.end;
            let mut prev = p.span.start;
            for s in segment::sentences(&body, p.span.clone(), lex) {
                prop_assert!(in_text(&body, &s) && s.start >= prev && s.end <= p.span.end);
                prop_assert!(s.start < s.end, "empty sentence {s:?}");
                prop_assert!(s.len() <= segment::MAX_SENTENCE_BYTES);
                prev = s.end;
                for e in entities::figures(&body[s.clone()], Some(2020)) {
                    prop_assert!(body[s.clone()].contains(&e.text) && !e.value.is_empty());
                }
            }
        }
        for q in quotes::find(&body, &paragraphs, lex) {
            let p = &paragraphs[q.paragraph].span;
            prop_assert!(in_text(&body, &q.content), "{q:?}");
            prop_assert!(p.start <= q.open && q.open < q.content.start && q.content.end <= p.end);
            if let Some(close) = q.close {
                prop_assert!(body.is_char_boundary(close) && close <= p.end);
            }
            for r in q.lead.iter().chain(&q.trail) {
                prop_assert!(in_text(&body, r), "{q:?}");
            }
        }
    }
}

proptest! {
    // the whole reading of a document: slower, fewer cases
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_statement_is_its_span_of_the_body(bytes in bytes(), html in any::<bool>()) {
        let lex = lexicon();
        let path = if html { "doc.html" } else { "doc.md" };
        let Ok(doc) = corpus::read_document(path, &bytes, lex) else { return Ok(()) };
        prop_assert!(!doc.body.is_empty() && !doc.title.is_empty());
        let corpus = Corpus { root: "p".into(), documents: vec![doc], ..Corpus::default() };
        let reading = read_corpus(&corpus, lex);
        prop_assert!(reading.warnings.is_empty(), "{:?}", reading.warnings);
        let body = &corpus.documents[0].body;
        for s in &reading.statements {
            let span = s.span[0]..s.span[1];
            prop_assert!(in_text(body, &span) && span.start < span.end, "{s:?}");
            prop_assert_eq!(&body[span], s.text.as_str());
        }
    }
}

/// Sentences of the shapes news prose takes: attributions before, after and around quotes,
/// quotes over several sentences, quoted fragments inside a sentence, headings, captions,
/// bylines and page furniture.
const NEWS_PIECES: &[&str] = &[
    "The council said: \"We will build the bridge. It costs £4m.\"",
    "\"It is too late,\" said Jo Bloggs, the trust's chair.",
    "Acme Ltd says the levy is £12 a year, \"too high\" for most.",
    "“We disagree,” she said. “The figures are wrong.”",
    "“The plan will not work,” the union said in a statement.",
    "A Zeta Mobile spokesperson said the outage was over.",
    "According to the union, talks failed on Monday.",
    "Union leaders have attacked the company, describing the offer as an insult.",
    "# Bridge plan approved",
    "By Jane Doe",
    "Northshire Echo, 4 March 2023",
    "Image caption A view of the old bridge",
    "Back to news",
    "© Acme 2024",
    "Notes to editors",
    "The work starts in May and will take 18 months.",
    "Mr Bloggs added: \"We have no choice.",
    "\"The money is there,\" he said, \"but it is not enough.\"",
    "Rivals said the deal was \"a disaster\" - a claim the club disputes.",
];

/// An article: news pieces and plain words in paragraphs.
fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        5 => prop::sample::select(NEWS_PIECES).prop_map(str::to_string),
        1 => "[A-Za-z][a-z]{0,8}( [a-z]{1,8}){0,6}[.!?]?".prop_map(String::from),
    ];
    let sep = prop::sample::select(vec![" ", "\n", "\n\n"]);
    prop::collection::vec((piece, sep), 1..25).prop_map(|v| {
        v.into_iter()
            .map(|(p, s)| format!("{p}{s}"))
            .collect::<String>()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// No word lost, none read twice: the statements' spans tile the body, every gap between
    /// them holding only spaces and punctuation.
    #[test]
    fn statements_tile_the_body(text in article()) {
        let lex = lexicon();
        let Ok(doc) = corpus::read_document("doc.txt", text.as_bytes(), lex) else { return Ok(()) };
        let corpus = Corpus { root: "p".into(), documents: vec![doc], ..Corpus::default() };
        let reading = read_corpus(&corpus, lex);
        let body = &corpus.documents[0].body;
        let mut spans: Vec<Range<usize>> =
            reading.statements.iter().map(|s| s.span[0]..s.span[1]).collect();
        spans.sort_by_key(|r| (r.start, r.end));
        let mut at = 0;
        for r in &spans {
            prop_assert!(r.start >= at, "overlap at {r:?} in {body:?}");
            let gap = &body[at..r.start];
            prop_assert!(!gap.chars().any(char::is_alphanumeric), "lost {gap:?} in {body:?}");
            at = r.end;
        }
        let tail = &body[at..];
        prop_assert!(!tail.chars().any(char::is_alphanumeric), "lost {tail:?} in {body:?}");
    }
}
