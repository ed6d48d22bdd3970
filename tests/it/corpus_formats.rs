//! Every metadata format and encoding the store reads, and a folder of broken files.

use parallax::comparison::SourceFormat;
use parallax::corpus::{self, Document, LoadError, LoadOptions};

use crate::support::{doc, folder};

fn utf16le(s: &str) -> Vec<u8> {
    let mut v = vec![0xFF, 0xFE];
    v.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
    v
}

#[test]
fn every_metadata_format() {
    let fenced = "```yaml\narea: Harbour Trust\npublish:\n  date: 14:30 02/05/2022\nog:\n  title: Fees to rise at the harbour\nurl: https://harbour.example/news?id=4&amp;lang=en\n```\n\nHarbour Trust has agreed new mooring fees.\n";
    let dashed = "---\ntitle: Library hours cut | Riverton Council\ndate: 2021-06-01\ndescription: Savings of &pound;40,000\n---\n\nRiverton Council has cut library hours.\n";
    let dateline =
        " date 2019-11-05 The ferry strike ended on Monday.\n\nUnions said talks went well.";
    let plain =
        "Valley Bus Company has withdrawn the number 9 route.\nPassengers said they were angry.";
    let markdown = "# Stadium plan approved\n\nThe *club* said the **new stand** opens in [August](https://x.example).\n";
    let html = "<html><head><title>Clinic opens | Northfield Health Board</title><meta property=\"article:published_time\" content=\"2023-01-09\"><script>var secret = 1;</script></head><body><p>Northfield Health Board opened a clinic &amp; pharmacy costing &#163;3m.</p></body></html>";
    let dir = folder(&[
        ("a-fenced.txt", fenced.as_bytes()),
        ("b-dashed.md", dashed.as_bytes()),
        ("c-dateline.txt", dateline.as_bytes()),
        ("d-plain.txt", plain.as_bytes()),
        ("e-markdown.markdown", markdown.as_bytes()),
        ("nested/deeper/f-page.htm", html.as_bytes()),
    ]);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    assert_eq!(corpus.documents.len(), 6, "{:?}", corpus.warnings);
    assert!(corpus.warnings.is_empty(), "{:?}", corpus.warnings);
    // stable order: sorted by path
    let paths: Vec<&str> = corpus.documents.iter().map(|d| d.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);

    let d = doc(&corpus, "a-fenced.txt");
    assert_eq!(d.format, SourceFormat::FencedYaml);
    assert_eq!(d.title, "Fees to rise at the harbour");
    assert_eq!(
        d.meta.url.as_deref(),
        Some("https://harbour.example/news?id=4&lang=en")
    );
    assert_eq!(
        d.meta.published.map(|p| p.to_iso()).as_deref(),
        Some("2022-05-02T14:30:00")
    );
    assert_eq!(d.publisher.party.as_deref(), Some("Harbour Trust"));
    assert_eq!(d.body, "Harbour Trust has agreed new mooring fees.");

    let d = doc(&corpus, "b-dashed.md");
    assert_eq!(d.format, SourceFormat::Yaml);
    assert_eq!(d.title, "Library hours cut");
    assert_eq!(d.meta.description.as_deref(), Some("Savings of £40,000"));
    assert_eq!(
        d.publisher.organisation.as_deref(),
        Some("Riverton Council")
    );
    assert_eq!(d.body, "Riverton Council has cut library hours.");

    let d = doc(&corpus, "c-dateline.txt");
    assert_eq!(d.format, SourceFormat::Dateline);
    assert_eq!(
        d.meta.published.map(|p| p.to_iso()).as_deref(),
        Some("2019-11-05")
    );
    assert!(d.body.starts_with("The ferry strike"));
    assert_eq!(
        d.publisher.organisation, None,
        "a news report names no publisher"
    );

    let d = doc(&corpus, "d-plain.txt");
    assert_eq!(d.format, SourceFormat::Plain);
    assert_eq!(d.meta.published, None);
    assert_eq!(
        d.publisher.organisation.as_deref(),
        Some("Valley Bus Company")
    );
    assert_eq!(d.paragraphs().len(), 2);

    let d = doc(&corpus, "e-markdown.markdown");
    assert_eq!(d.format, SourceFormat::Markdown);
    assert_eq!(d.title, "Stadium plan approved");
    assert!(
        d.body
            .contains("The club said the new stand opens in August.")
    );
    assert!(!d.body.contains('*') && !d.body.contains("]("));

    let d = doc(&corpus, "nested/deeper/f-page.htm");
    assert_eq!(d.format, SourceFormat::Html);
    assert_eq!(d.title, "Clinic opens");
    assert_eq!(
        d.body,
        "Northfield Health Board opened a clinic & pharmacy costing £3m."
    );
    assert_eq!(
        d.meta.published.map(|p| p.to_iso()).as_deref(),
        Some("2023-01-09")
    );
    assert_eq!(
        d.publisher.party.as_deref(),
        Some("Northfield Health Board")
    );
}

#[test]
fn every_encoding() {
    let text = "Mayor’s office: “We spent £2m on roads.”";
    let mut bom8 = vec![0xEF, 0xBB, 0xBF];
    bom8.extend_from_slice(text.as_bytes());
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    let cp1252: &[u8] = b"Mayor\x92s office: \x93We spent \xa32m on roads.\x94";
    let dir = folder(&[
        ("utf8.txt", text.as_bytes()),
        ("utf8-bom.txt", &bom8),
        ("utf16le.txt", &utf16le(text)),
        ("utf16be.txt", &utf16be),
        ("windows-1252.txt", cp1252),
        ("crlf.txt", b"One line.\r\nTwo line.\r\n"),
    ]);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    for name in [
        "utf8.txt",
        "utf8-bom.txt",
        "utf16le.txt",
        "utf16be.txt",
        "windows-1252.txt",
    ] {
        assert_eq!(doc(&corpus, name).body, text, "{name}");
    }
    assert_eq!(doc(&corpus, "utf16le.txt").encoding, "UTF-16LE");
    assert!(doc(&corpus, "utf8-bom.txt").warnings.is_empty());
    let cp = doc(&corpus, "windows-1252.txt");
    assert_eq!(cp.encoding, "windows-1252");
    assert!(
        cp.warnings.iter().any(|w| w.contains("Windows-1252")),
        "{:?}",
        cp.warnings
    );
    assert_eq!(doc(&corpus, "crlf.txt").body, "One line.\nTwo line.");
}

#[test]
fn broken_files_are_reported_and_the_rest_loads() {
    let big = "word ".repeat(400);
    let dir = folder(&[
        ("good.txt", b"Acme Ltd has opened a depot."),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
        ("empty.txt", b""),
        ("blank.md", b"\n   \n"),
        ("latin.txt", b"Caf\xe9 prices rose 5%."),
        (
            "malformed.txt",
            b"```yaml\ntitle: [oops\n```\nThe body survives.",
        ),
        (
            "unterminated.txt",
            b"```yaml\ntitle: never closed\nThe story goes on.",
        ),
        ("only-front-matter.md", b"---\ntitle: Nothing else\n---\n"),
        ("notes.pdf", b"%PDF-1.4"),
        ("big.txt", big.as_bytes()),
        (".hidden/secret.txt", b"Not to be read."),
        ("sub/.git/config.txt", b"Not to be read either."),
        ("topics.yaml", b"topics: []"),
        (".parallax/notes.txt", b"Our own folder: not an article."),
    ]);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).expect("symlink");
        std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt"))
            .expect("symlink");
    }
    let options = LoadOptions {
        max_file_bytes: 1000,
        ..LoadOptions::default()
    };
    let corpus = corpus::load(dir.path(), &options).expect("a folder of bad files still loads");
    let loaded: Vec<&str> = corpus.documents.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        loaded,
        vec!["good.txt", "latin.txt", "malformed.txt", "unterminated.txt"]
    );

    let warned = |needle: &str, why: &str| {
        assert!(
            corpus
                .warnings
                .iter()
                .any(|w| w.contains(needle) && w.contains(why)),
            "no warning for {needle} ({why}): {:?}",
            corpus.warnings
        );
    };
    warned("binary.txt", "binary");
    warned("empty.txt", "empty");
    warned("blank.md", "empty");
    warned("only-front-matter.md", "no text");
    warned("notes.pdf", "PDF");
    warned("big.txt", "limit");
    warned(".hidden", "hidden");
    warned("sub/.git", "hidden");
    #[cfg(unix)]
    {
        warned("sub/loop", "loop");
        warned("dangling.txt", "");
    }
    assert!(!corpus.warnings.iter().any(|w| w.contains("topics.yaml")));
    assert!(
        !corpus.warnings.iter().any(|w| w.contains(".parallax")),
        "{:?}",
        corpus.warnings
    );
    assert!(corpus.lexicon_files.iter().any(|(n, _)| n == "topics.yaml"));

    assert!(doc(&corpus, "latin.txt").body.contains("Café"));
    let m = doc(&corpus, "malformed.txt");
    assert_eq!(m.body, "The body survives.");
    assert!(m.warnings[0].contains("malformed YAML"));
    let u = doc(&corpus, "unterminated.txt");
    assert!(u.body.contains("The story goes on."));
    assert!(u.warnings[0].contains("unterminated"));
}

#[test]
fn missing_and_non_folders_are_errors() {
    let dir = folder(&[("a.txt", b"text")]);
    assert!(matches!(
        corpus::load(&dir.path().join("nope"), &LoadOptions::default()),
        Err(LoadError::Missing(_))
    ));
    assert!(matches!(
        corpus::load(&dir.path().join("a.txt"), &LoadOptions::default()),
        Err(LoadError::NotAFolder(_))
    ));
}

#[test]
fn document_limit_reads_the_first_and_says_so() {
    let dir = folder(&[("a.txt", b"One."), ("b.txt", b"Two."), ("c.txt", b"Three.")]);
    let options = LoadOptions {
        max_documents: 2,
        ..LoadOptions::default()
    };
    let corpus = corpus::load(dir.path(), &options).expect("loads");
    assert_eq!(corpus.documents.len(), 2);
    assert!(corpus.warnings.iter().any(|w| w.contains("first 2 of 3")));
}

/// Copied articles with no metadata block: a byline or date line on the first or second
/// line, a press office's release, and a date only the file name gives. Each gets its date
/// and publisher, says where they came from, and keeps the byline as a statement that is
/// not a claim.
#[test]
fn bylines_releases_and_file_names() {
    let files: &[(&str, &str)] = &[
        (
            "2023-03-04_northvale-echo_budget.txt",
            "Council agrees budget\nNorthvale Echo, 4 March 2023\n\nNorthvale Council agreed its budget on Thursday.\n\nCouncillors voted 30 to 12.",
        ),
        (
            "2018-10-11_harbour-weekly_fees.txt",
            "Harbour fees to rise\nHarbour Weekly, October 2018\nThe harbour board will raise mooring fees.",
        ),
        (
            "2021_sports-desk_stadium.txt",
            "Stadium deal signed\nVale Sports Daily / Northvale Football Club, 2021\nThe club has signed a deal for a new stand.",
        ),
        (
            "2022-06-02_guardian_ward.txt",
            "Ward to close\nThe ward will close in June, managers say.",
        ),
        (
            "release.txt",
            "Brightware Ltd will open a lab in Eastfield.\n\nForty jobs will follow.\n\nNotes to editors\n\nAbout Brightware Ltd\n\nBrightware makes sensors.",
        ),
        (
            "dated.md",
            "---\ntitle: App launch\npubDate: 12 July 2024\n---\n\nBy Sam Lee, Reuters\n\nA tech firm launched an app.",
        ),
    ];
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    let dir = folder(&bytes);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    let iso = |d: &Document| d.meta.published.map(|p| p.to_iso());

    let d = doc(&corpus, "2023-03-04_northvale-echo_budget.txt");
    assert_eq!(iso(d).as_deref(), Some("2023-03-04"));
    assert_eq!(d.publisher.organisation.as_deref(), Some("Northvale Echo"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert_eq!(d.title, "Council agrees budget");
    // the byline is a paragraph of its own, not glued to the headline
    let paras: Vec<&str> = d
        .paragraphs()
        .iter()
        .map(|p| &d.body[p.span.clone()])
        .collect();
    assert_eq!(
        paras[..2],
        ["Council agrees budget", "Northvale Echo, 4 March 2023"]
    );

    // a month in the byline, refined by the file name's day, and the warning says so
    let d = doc(&corpus, "2018-10-11_harbour-weekly_fees.txt");
    assert_eq!(iso(d).as_deref(), Some("2018-10-11"));
    assert_eq!(d.publisher.organisation.as_deref(), Some("Harbour Weekly"));
    assert!(d.warnings[0].contains("file name"), "{:?}", d.warnings);

    let d = doc(&corpus, "2021_sports-desk_stadium.txt");
    assert_eq!(iso(d).as_deref(), Some("2021"));
    assert_eq!(
        d.publisher.organisation.as_deref(),
        Some("Vale Sports Daily")
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);

    // nothing in the text: the file name gives the date and names a known outlet
    let d = doc(&corpus, "2022-06-02_guardian_ward.txt");
    assert_eq!(iso(d).as_deref(), Some("2022-06-02"));
    assert_eq!(d.meta.published_from.as_deref(), Some("file name"));
    assert!(
        d.warnings[0].contains("taken from the file name"),
        "{:?}",
        d.warnings
    );
    assert_eq!(d.publisher.organisation.as_deref(), Some("The Guardian"));
    assert!(d.publisher.evidence.starts_with("file name"));

    let d = doc(&corpus, "release.txt");
    assert_eq!(iso(d), None);
    assert_eq!(d.publisher.organisation.as_deref(), Some("Brightware Ltd"));

    // front matter dates win; the byline still names the outlet
    let d = doc(&corpus, "dated.md");
    assert_eq!(iso(d).as_deref(), Some("2024-07-12"));
    assert_eq!(d.publisher.organisation.as_deref(), Some("Reuters"));

    // through the whole pipeline: evidence in the comparison, bylines kept as non-claims
    let cmp = parallax::analyze(&corpus, &parallax::Settings::default());
    let info = cmp
        .documents
        .iter()
        .find(|d| d.path == "2023-03-04_northvale-echo_budget.txt")
        .unwrap();
    assert_eq!(info.published.as_deref(), Some("2023-03-04"));
    assert!(info.publisher_evidence.starts_with("byline"));
    for line in [
        "Northvale Echo, 4 March 2023",
        "Harbour Weekly, October 2018",
        "Vale Sports Daily / Northvale Football Club, 2021",
        "By Sam Lee, Reuters",
    ] {
        let st = cmp
            .statements
            .iter()
            .find(|s| s.text == line)
            .unwrap_or_else(|| panic!("no statement {line}"));
        assert!(!st.kind.is_claim(), "{line} is a {:?}", st.kind);
    }
}
