//! The REFI-QDA project export (`.qdpx`): valid against the standard's schema, selections
//! that land on their statements' text, stable GUIDs, escaping, and the command line.

use std::collections::{HashMap, HashSet};
use std::io::Read as _;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use parallax::annotations::GroupNote;
use parallax::annotations::attach::note_json;
use parallax::comparison::Comparison;
use parallax::corpus::{self, Corpus, LoadOptions};
use parallax::export::qdpx::{PROJECT_FILE, guid};
use parallax::export::{self, Filter, Format, Options};
use parallax::{Settings, analyze};

use crate::support::{folder, sample_dir};

const NS: &str = "urn:QDA-XML:project:1.0";

/// Three reports of an invented ferry-fare row, each opening with pounds, accents, an emoji
/// and curly quotes, so every statement after them sits at a character position well below
/// its byte offset.
const FERRY: [(&str, &str); 3] = [
    (
        "ferries.txt",
        "---\ntitle: Fares on the café crossing\npublisher: Northgate Ferries\ndate: 2025-03-04\n---\n\
         Renée’s café 🚢 sells the “day saver” for £2.40 — a fare we hold.\n\n\
         Northgate Ferries said the new fare of £2.40 would start in April. “We have kept the \
         rise below inflation,” said Renée Dubois, the company’s director.\n\n\
         Northgate Ferries said the council agreed the timetable in January 😀.\n",
    ),
    (
        "council.txt",
        "---\ntitle: Harbour Council disputes the fare rise\npublisher: Harbour Council\ndate: 2025-03-05\n---\n\
         At the café 🚢 on the quay, the “day saver” costs £3.10 – not £2.40.\n\n\
         Harbour Council said the new fare would be £3.10 from April, not £2.40. “Nobody agreed \
         this timetable,” said José Álvarez, the council’s harbour chair.\n\n\
         Harbour Council denies that it agreed the timetable in January.\n",
    ),
    (
        "gazette.txt",
        "---\ntitle: Ferry fare row: what we know\npublisher: Quay Gazette\ndate: 2025-03-06\n---\n\
         Café owners 🚢 ask which “day saver” price is right: £2.40 or £3.10?\n\n\
         Northgate Ferries said the new fare of £2.40 would start in April. Harbour Council said \
         the new fare would be £3.10 from April.\n",
    ),
];

fn load(dir: &Path) -> Corpus {
    corpus::load(dir, &LoadOptions::default()).expect("the folder loads")
}

fn options(corpus: &Corpus) -> Options {
    Options {
        date: Some("2026-01-01".into()),
        topics: corpus.lexicon().topics.clone(),
        corpus: Some(Arc::new(corpus.clone())),
        ..Options::default()
    }
}

/// The entries of a ZIP, by name.
fn unzip(bytes: &[u8]) -> HashMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    let mut out = HashMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("an entry");
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("readable");
        out.insert(entry.name().expect("a name").to_string(), data);
    }
    out
}

/// Validates `project.qde` against the standard's schema (a copy in tests/refi-qda/) with
/// xmllint. Without xmllint the check cannot run: under CI that fails the test; elsewhere
/// it says so on standard error and returns false.
fn schema_valid(qde: &[u8]) -> bool {
    let xsd = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/refi-qda/Project-mrt2019.xsd");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join(PROJECT_FILE);
    std::fs::write(&file, qde).expect("written");
    let run = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .arg(&file)
        .output();
    match run {
        Ok(out) => {
            assert!(
                out.status.success(),
                "project.qde does not validate against the REFI-QDA schema:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            true
        }
        Err(e) => {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            assert!(
                !ci,
                "xmllint cannot run ({e}): install libxml2-utils (.ci/run lists it); the \
                 REFI-QDA schema check must run in CI"
            );
            eprintln!("NOT CHECKED against the REFI-QDA schema: xmllint is missing ({e})");
            false
        }
    }
}

/// What a package reads back from a `.qdpx`: for each selection (by GUID), its source's
/// text between its positions, counted in code points; and the GUIDs every reference
/// points at, checked to exist.
struct ReadBack {
    selections: HashMap<String, String>,
    xml: String,
}

fn read_back(bytes: &[u8]) -> ReadBack {
    let files = unzip(bytes);
    let xml = String::from_utf8(files[PROJECT_FILE].clone()).expect("UTF-8");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(NS));
    let mut guids = HashSet::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        if let Some(g) = node.attribute("guid") {
            assert!(guids.insert(g.to_string()), "GUID {g} used twice");
        }
    }
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attr in ["targetGUID", "creatingUser", "creatingUserGUID"] {
            if let Some(target) = node.attribute(attr) {
                assert!(guids.contains(target), "{attr} {target} points at nothing");
            }
        }
    }
    let mut selections = HashMap::new();
    for source in doc
        .descendants()
        .filter(|n| n.has_tag_name((NS, "TextSource")))
    {
        let path = source.attribute("plainTextPath").expect("a text path");
        let name = format!(
            "sources/{}",
            path.strip_prefix("internal://").expect("internal")
        );
        let text = String::from_utf8(files[&name].clone()).expect("UTF-8 source");
        let chars: Vec<char> = text.chars().collect();
        for sel in source
            .children()
            .filter(|n| n.has_tag_name((NS, "PlainTextSelection")))
        {
            let pos = |a: &str| -> usize { sel.attribute(a).unwrap().parse().unwrap() };
            let (start, end) = (pos("startPosition"), pos("endPosition"));
            assert!(
                start < end && end <= chars.len(),
                "{start}..{end} in {name}"
            );
            let selected: String = chars[start..end].iter().collect();
            selections.insert(sel.attribute("guid").unwrap().to_string(), selected);
        }
    }
    ReadBack { selections, xml }
}

/// Each statement of a group, by its selection's GUID.
fn grouped_statements(c: &Comparison) -> HashMap<String, (String, usize)> {
    let in_group: HashSet<&str> = c
        .groups
        .iter()
        .flat_map(|g| g.statements.iter().map(String::as_str))
        .collect();
    c.statements
        .iter()
        .filter(|s| in_group.contains(s.id.as_str()))
        .map(|s| (guid("statement", &s.id), (s.text.clone(), s.span[0])))
        .collect()
}

#[test]
fn every_selection_holds_its_statement_after_multibyte_text() {
    let files: Vec<(&str, &[u8])> = FERRY.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    let dir = folder(&files);
    let corpus = load(dir.path());
    let c = analyze(&corpus, &Settings::default());
    let bytes = export::export(Format::Qdpx, &c, &options(&corpus)).expect("exported");
    let back = read_back(&bytes);
    let wanted = grouped_statements(&c);
    assert!(
        wanted.len() >= 6,
        "the reports give several claims: {wanted:?}"
    );
    assert_eq!(
        back.selections.len(),
        wanted.len(),
        "one selection per grouped statement"
    );
    for (g, (text, _)) in &wanted {
        let selected = back
            .selections
            .get(g)
            .unwrap_or_else(|| panic!("no selection for {text}"));
        assert_eq!(selected, text);
    }
    // the statements after the opening lines have £, é, 🚢 and curly quotes before them
    let after_all_four = c
        .statements
        .iter()
        .filter(|s| wanted.contains_key(&guid("statement", &s.id)))
        .filter(|s| {
            let before = &corpus.document(&s.document).unwrap().body[..s.span[0]];
            ['£', 'é', '🚢', '“'].iter().all(|c| before.contains(*c))
        })
        .count();
    assert!(
        after_all_four >= 4,
        "only {after_all_four} statements follow multi-byte text"
    );
    schema_valid(&unzip(&bytes)[PROJECT_FILE]);
}

#[test]
fn the_sample_project_is_valid_and_coded() {
    let corpus = load(&sample_dir());
    let mut c = analyze(&corpus, &Settings::default());
    let disputed = c
        .groups
        .iter()
        .position(|g| g.relation == parallax::comparison::Relation::Disputed)
        .expect("the sample has disputes");
    c.groups[disputed].annotation = Some(note_json(&GroupNote {
        verdict: Some(parallax::annotations::Verdict::Agreed),
        note: "Both figures come from the same minutes.".into(),
        tags: vec!["follow up".into()],
        updated: "2026-01-02T10:00:00Z".into(),
        ..GroupNote::default()
    }));
    let bytes = export::export(Format::Qdpx, &c, &options(&corpus)).expect("exported");
    let files = unzip(&bytes);
    assert_eq!(
        files.keys().filter(|k| k.starts_with("sources/")).count(),
        c.documents.len(),
        "a text file per document"
    );
    let back = read_back(&bytes);
    for (g, (text, _)) in grouped_statements(&c) {
        assert_eq!(back.selections.get(&g), Some(&text));
    }
    let doc = roxmltree::Document::parse(&back.xml).unwrap();
    let names: HashSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((NS, "Code")))
        .filter_map(|n| n.attribute("name"))
        .collect();
    for side in &c.sides {
        assert!(
            names.contains(format!("Side: {}", side.name).as_str()),
            "{names:?}"
        );
    }
    for wanted in [
        "Relation: disputed",
        "Verdict: agreed",
        "Tag: follow up",
        "Disputes",
    ] {
        assert!(names.contains(wanted), "{wanted} missing from {names:?}");
    }
    let cases = doc
        .descendants()
        .filter(|n| n.has_tag_name((NS, "Case")))
        .count();
    assert!(cases >= 3, "a case per claiming side");
    let note = doc
        .descendants()
        .find(|n| n.has_tag_name((NS, "PlainTextContent")))
        .and_then(|n| n.text())
        .expect("the note");
    assert!(
        note.contains("Verdict: agreed") && note.contains("same minutes"),
        "{note}"
    );
    // every selection of the annotated group refers to the note
    let note_guid = guid("note", &c.groups[disputed].id);
    let refs = back
        .xml
        .matches(&format!("<NoteRef targetGUID=\"{note_guid}\"/>"))
        .count();
    assert_eq!(
        refs,
        c.groups[disputed].statements.len() + 1,
        "its selections and its code"
    );
    let values: HashSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((NS, "TextValue")))
        .filter_map(|n| n.text())
        .collect();
    let mut publishers = 0;
    for d in &c.documents {
        if let Some(side) = c.sides.iter().find(|s| Some(&s.id) == d.publisher.as_ref()) {
            assert!(
                values.contains(side.name.as_str()),
                "publisher of {}",
                d.path
            );
            publishers += 1;
        }
        for value in [&d.published, &d.url].into_iter().flatten() {
            assert!(values.contains(value.as_str()), "{value} of {}", d.path);
        }
        assert!(values.contains(d.path.as_str()));
    }
    assert!(publishers >= 4, "the sample names most publishers");
    schema_valid(&files[PROJECT_FILE]);
}

#[test]
fn guids_stay_the_same_across_exports_and_filters() {
    let corpus = load(&sample_dir());
    let c = analyze(&corpus, &Settings::default());
    let all = export::export(Format::Qdpx, &c, &options(&corpus)).unwrap();
    let again = export::export(Format::Qdpx, &c, &options(&corpus)).unwrap();
    assert!(all == again, "the same comparison, the same bytes");
    let disputed = Options {
        filter: Filter {
            disputed_only: true,
            ..Filter::default()
        },
        ..options(&corpus)
    };
    let some = export::export(Format::Qdpx, &c, &disputed).unwrap();
    let (all, some) = (read_back(&all), read_back(&some));
    assert!(some.selections.len() < all.selections.len());
    for (g, text) in &some.selections {
        assert_eq!(
            all.selections.get(g),
            Some(text),
            "the same statement, the same GUID"
        );
    }
}

#[test]
fn hostile_text_and_notes_cannot_break_the_xml() {
    let nasty = "A]]></Project><!-- & \"quoted\" 'x' <script>\u{1b}";
    let body = format!(
        "---\ntitle: {nasty}\npublisher: Acme <Ltd> & Co\n---\nAcme <Ltd> & Co said the \
         depot ]]></Project> would open in May.\n\nAcme <Ltd> & Co said the depot would \
         open in May.\n"
    );
    let other = "---\npublisher: Beta\n---\nBeta said the depot would open in June.\n";
    let dir = folder(&[("a.txt", body.as_bytes()), ("b.txt", other.as_bytes())]);
    let corpus = load(dir.path());
    let mut c = analyze(&corpus, &Settings::default());
    assert!(!c.groups.is_empty());
    let note_text = "Check <b>this</b> & \"that\"\r\nthen ]]> \u{0} end";
    c.groups[0].annotation = Some(note_json(&GroupNote {
        note: note_text.into(),
        tags: vec!["<tag> & \"more\"".into()],
        ..GroupNote::default()
    }));
    let bytes = export::export(Format::Qdpx, &c, &options(&corpus)).unwrap();
    let back = read_back(&bytes);
    for (g, (text, _)) in grouped_statements(&c) {
        assert_eq!(back.selections.get(&g), Some(&text));
    }
    let doc = roxmltree::Document::parse(&back.xml).unwrap();
    let content = doc
        .descendants()
        .find(|n| n.has_tag_name((NS, "PlainTextContent")))
        .and_then(|n| n.text())
        .unwrap();
    assert!(
        content.ends_with("Check <b>this</b> & \"that\"\r\nthen ]]> \u{FFFD} end"),
        "{content:?}"
    );
    let tag = doc
        .descendants()
        .filter(|n| n.has_tag_name((NS, "Code")))
        .filter_map(|n| n.attribute("name"))
        .find(|n| n.starts_with("Tag:"));
    assert_eq!(tag, Some("Tag: <tag> & \"more\""));
    schema_valid(&unzip(&bytes)[PROJECT_FILE]);
}

#[test]
fn a_generated_folder_of_1000_documents_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    parallax::generate::write(dir.path(), 1000, 7).unwrap();
    let corpus = load(dir.path());
    assert_eq!(corpus.documents.len(), 1000);
    let c = analyze(&corpus, &Settings::default());
    let bytes = export::export(Format::Qdpx, &c, &options(&corpus)).unwrap();
    let back = read_back(&bytes);
    let wanted = grouped_statements(&c);
    assert_eq!(back.selections.len(), wanted.len());
    for (g, (text, _)) in wanted {
        assert_eq!(back.selections.get(&g), Some(&text));
    }
    schema_valid(&unzip(&bytes)[PROJECT_FILE]);
}

#[test]
fn without_the_texts_the_export_says_so() {
    let corpus = load(&sample_dir());
    let c = analyze(&corpus, &Settings::default());
    let err = export::export(Format::Qdpx, &c, &Options::default()).unwrap_err();
    assert!(err.to_string().contains("texts"), "{err}");
    assert_eq!(Format::from_extension("QDPX"), Some(Format::Qdpx));
}

#[test]
fn the_command_line_writes_a_project_and_keeps_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("sample.qdpx");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_parallax"))
            .arg("analyze")
            .arg(sample_dir())
            .args(["--format", "qdpx"])
            .args(extra)
            .output()
            .expect("runs")
    };
    let no_file = run(&[]);
    assert!(!no_file.status.success());
    assert!(String::from_utf8_lossy(&no_file.stderr).contains("-o FILE.qdpx"));

    let path = out_file.to_str().unwrap();
    let first = run(&["-o", path, "--disputed-only"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let written = std::fs::read(&out_file).unwrap();
    let back = read_back(&written);
    assert!(!back.selections.is_empty());
    assert!(
        back.xml
            .contains("Only the groups shown by the filter: disputed only")
    );

    let again = run(&["-o", path]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(std::fs::read(&out_file).unwrap(), written, "kept");

    let forced = run(&["-o", path, "--force"]);
    assert!(forced.status.success());
    let replaced = read_back(&std::fs::read(&out_file).unwrap());
    assert!(
        replaced.selections.len() > back.selections.len(),
        "all groups now"
    );
}

/// The window's Export… hands the exporter the documents' texts, so a `.qdpx` chosen in the
/// save dialog is written in full: an exporter standing in for the dialog makes the project
/// from exactly what the window gives it.
#[cfg(feature = "gui")]
#[test]
fn the_windows_export_gives_what_a_project_needs() {
    use std::cell::RefCell;
    use std::rc::Rc;

    use egui_kittest::kittest::Queryable as _;
    use parallax::app::Source;

    let made = Rc::new(RefCell::new(None));
    let kept = made.clone();
    let (mut h, _) = crate::ui::harness_with(Source::Sample, vec![], move |app| {
        app.with_exporter(Box::new(crate::ui::RenderingExporter {
            format: Format::Qdpx,
            made: kept,
            said: "saved study.qdpx",
        }))
    });
    // every claim on screen (the export holds what the window shows)
    h.state_mut().filter_mut().column_sides_only = false;
    h.run();
    assert_eq!(
        h.state().rows().len(),
        h.state().loaded().comparison.groups.len()
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label("saved study.qdpx");
    let bytes = made.borrow_mut().take().expect("the exporter ran");
    let c = h.state().loaded().comparison.clone();
    let back = read_back(&bytes);
    let wanted = grouped_statements(&c);
    assert_eq!(back.selections.len(), wanted.len());
    for (g, (text, _)) in wanted {
        assert_eq!(back.selections.get(&g), Some(&text));
    }
}
