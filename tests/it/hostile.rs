//! Hostile input: the committed bad files of `fixtures/hostile/` and the generated ones that
//! cannot be committed sensibly (a 200 MB file, a 20 MB line, names that are not UTF-8, link
//! loops, unreadable and special files, deep folders, 20,000 files). Each loads what can be
//! loaded and names every skipped file in exactly one warning.

use std::path::{Path, PathBuf};
use std::process::Command;

use parallax::contain::test_hook::{self, Stage};
use parallax::corpus::{self, Corpus, LoadOptions};
use parallax::{Settings, analyze};

use crate::support::{doc, folder};

/// The committed hostile folder.
pub fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/hostile")
}

/// Asserts that exactly one warning names `path` as skipped, and that it gives `why`.
fn skipped_once(warnings: &[String], path: &str, why: &str) {
    let hits: Vec<&String> = warnings
        .iter()
        .filter(|w| w.starts_with(&format!("skipped {path}: ")))
        .collect();
    assert_eq!(hits.len(), 1, "{path}: {warnings:#?}");
    assert!(hits[0].contains(why), "{path}: {hits:?} lacks {why:?}");
}

#[test]
fn the_committed_hostile_folder_loads_what_can_be_loaded() {
    let corpus = corpus::load(&hostile_dir(), &LoadOptions::default()).expect("loads");
    let loaded: Vec<&str> = corpus.documents.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        loaded,
        vec![
            "encrypted.pdf",
            "front-matter-alias-bomb.md",
            "front-matter-deeply-nested.md",
            "front-matter-malformed.md",
            "front-matter-unterminated.md",
            "front-matter-wrong-types.md",
            "good-trust.txt",
            "good-union.md",
            "latin-1.txt",
            "many-quote-marks.txt",
            "mixed-line-endings.txt",
            "nested-mime.eml",
            "page-with-scripts.html",
            "scanned.pdf",
            "utf-16-be.txt",
            "utf-16-le.txt",
            "windows-1252.txt",
        ]
    );
    let w = &corpus.warnings;
    skipped_once(w, "empty.txt", "empty file");
    skipped_once(w, "whitespace-only.md", "empty file");
    skipped_once(w, "binary-with-text-extension.txt", "binary");
    skipped_once(w, "deeply-nested.html", "nested more than 256 deep");
    skipped_once(w, "notes.pdf", "a damaged PDF");
    assert!(
        w.contains(
            &"ignored vocabulary file topics.yaml: YAML nested deeper than 64 levels".to_string()
        ),
        "{w:#?}"
    );
    skipped_once(w, "zip-bomb.docx", "expands to 104857608 bytes");
    skipped_once(w, "not-a-zip.odt", "not an OpenDocument text (.odt) file");
    skipped_once(w, "no-headers.eml", "not an e-mail message");
    assert_eq!(w.len(), 9, "one warning per skipped file, no more: {w:#?}");

    // documents without text: a scan and an encrypted PDF, each with its reason
    let scan = doc(&corpus, "scanned.pdf");
    assert!(scan.body.is_empty());
    assert_eq!(
        scan.warnings,
        vec![parallax::corpus::formats::pdf::NO_TEXT_LAYER]
    );
    assert!(doc(&corpus, "encrypted.pdf").warnings[0].starts_with("encrypted"));
    // MIME parts nested 1,000 deep: the innermost text is read
    assert_eq!(
        doc(&corpus, "nested-mime.eml").body,
        "The innermost part says the bridge is open."
    );

    // encodings: the pound sign is byte 0xA3 in Windows-1252 and Latin-1
    let cp = doc(&corpus, "windows-1252.txt");
    assert_eq!(cp.encoding, "windows-1252");
    assert_eq!(
        cp.body,
        "Fenbury Hospital Trust said the car park will cost £2 a day from May.\n\n\
         The trust’s finance director said: “The charge pays for the new lighting.”"
    );
    assert_eq!(
        cp.warnings,
        vec!["not valid UTF-8: decoded as Windows-1252"]
    );
    assert_eq!(
        doc(&corpus, "latin-1.txt").body,
        "The Fenbury Café Society said rents rose to £950 a month."
    );
    let le = doc(&corpus, "utf-16-le.txt");
    let be = doc(&corpus, "utf-16-be.txt");
    assert_eq!((le.encoding, be.encoding), ("UTF-16LE", "UTF-16BE"));
    assert_eq!(le.body, be.body);
    assert!(le.body.starts_with(
        "The Fenbury Nurses Union said the pay offer of £1,500 is “too little, too late”."
    ));
    assert!(le.warnings.is_empty() && be.warnings.is_empty());
    assert_eq!(
        doc(&corpus, "mixed-line-endings.txt").body,
        "The council said the bridge will close.\nIt will reopen in May.\nRepairs cost £300,000.\n\nThe union disagreed."
    );

    // front matter: the body always loads; the metadata is ignored with one warning
    for (path, why) in [
        ("front-matter-alias-bomb.md", "repetition limit exceeded"),
        ("front-matter-deeply-nested.md", "nested deeper than 64"),
        ("front-matter-malformed.md", "malformed YAML"),
        ("front-matter-unterminated.md", "unterminated"),
    ] {
        let d = doc(&corpus, path);
        assert_eq!(d.warnings.len(), 1, "{path}: {:?}", d.warnings);
        assert!(d.warnings[0].contains(why), "{path}: {:?}", d.warnings);
        assert!(d.body.contains("said"), "{path}: {}", d.body);
    }
    let wrong = doc(&corpus, "front-matter-wrong-types.md");
    assert_eq!(
        wrong.title,
        "The ferry operator said fares rise by 5% in August."
    );
    assert_eq!(wrong.publisher.party, None, "a list is not a publisher");
    assert_eq!(wrong.warnings.len(), 3, "{:?}", wrong.warnings);

    // HTML: visible text only, entities decoded once, markup in the text stays text
    let page = doc(&corpus, "page-with-scripts.html");
    for hidden in [
        "SCRIPT", "STYLE", "COMMENT", "ONLOAD", "NOSCRIPT", "IFRAME", "TEMPLATE", "BUTTON",
        "IMAGE", "tracker",
    ] {
        assert!(!page.body.contains(hidden), "{hidden} in {:?}", page.body);
    }
    assert!(
        page.body
            .contains("late fees of £1 & more end on 12 May — <b>not bold</b>."),
        "{}",
        page.body
    );
    assert_eq!(page.title, "Library hours & fees");

    // ten thousand quote marks in one paragraph are read (in linear time), not a hang
    let quotes = doc(&corpus, "many-quote-marks.txt");
    assert_eq!(quotes.body.chars().filter(|c| *c == '“').count(), 30_000);
}

#[test]
fn the_command_line_on_the_hostile_folder() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("analyze")
        .arg(hostile_dir())
        .args(["--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let warnings: Vec<String> = json["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| w.as_str().expect("text").to_string())
        .collect();
    for skipped in [
        "empty.txt",
        "whitespace-only.md",
        "binary-with-text-extension.txt",
        "deeply-nested.html",
        "notes.pdf",
    ] {
        skipped_once(&warnings, skipped, "");
    }
    let statements = json["statements"].as_array().expect("statements");
    assert!(
        statements.iter().any(|s| s["text"]
            == "Fenbury Hospital Trust said the car park will cost £2 a day from May."),
        "the Windows-1252 pound sign is decoded"
    );
    let money: Vec<&str> = statements
        .iter()
        .flat_map(|s| s["entities"].as_array().into_iter().flatten())
        .filter_map(|e| e["value"].as_str())
        .collect();
    assert!(money.contains(&"GBP 2"), "{money:?}");
    // standard error: one line per warning, top-level and per document
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let per_doc: usize = json["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["warnings"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(lines.len(), warnings.len() + per_doc, "{stderr}");
    assert!(
        lines.iter().all(|l| l.starts_with("parallax: warning: ")),
        "{stderr}"
    );
    assert!(
        stderr.contains("parallax: warning: windows-1252.txt: not valid UTF-8"),
        "{stderr}"
    );
}

/// Writes the cases that cannot be committed into `dir`. `big` adds the 200 MB file (sparse:
/// its size on disk is all the loader may look at) and a 20 MB line of real text.
pub fn generate(dir: &Path, big: bool) {
    let write = |rel: &str, bytes: &[u8]| {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("dirs");
        }
        std::fs::write(path, bytes).expect("write");
    };
    write(
        "good.txt",
        b"Fenbury Bus Company said route 9 returns in May.",
    );
    if big {
        let f = std::fs::File::create(dir.join("huge-200mb.txt")).expect("create");
        f.set_len(200 * 1024 * 1024).expect("sparse file");
        let line = "The depot said buses run late and the union said they do not. ";
        let twenty_mb = line.repeat(20 * 1024 * 1024 / line.len() + 1);
        write("one-line-20mb.txt", twenty_mb.as_bytes());
    }
    // folders nested 200 deep, a file at 64 (read), 65 and 200 (under the limit's cut)
    let nested = |n: usize| "n/".repeat(n);
    write(
        &format!("{}deep-64.txt", nested(64)),
        b"The ferry runs at dawn.",
    );
    write(&format!("{}deep-65.txt", nested(65)), b"Too deep.");
    write(&format!("{}deep-200.txt", nested(200)), b"Far too deep.");
    #[cfg(unix)]
    {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::symlink;
        let raw = |bytes: &[u8]| dir.join(OsStr::from_bytes(bytes));
        // names that are not UTF-8 (two that a lossy conversion would make one) or hold a
        // line break
        std::fs::write(raw(b"caf\xe9.txt"), b"The cafe said rents rose.").expect("write");
        std::fs::write(raw(b"caf\xe8.txt"), b"The cafe said rents fell.").expect("write");
        std::fs::write(raw(b"line\nbreak.txt"), b"The bakery said bread is dearer.")
            .expect("write");
        // a folder link back to the top, a file link loop, a dangling link (the unreadable
        // file: tests run as root, whom chmod 000 does not stop), a link to a device
        symlink(dir, dir.join("loop")).expect("symlink");
        symlink(dir.join("ping.txt"), dir.join("pong.txt")).expect("symlink");
        symlink(dir.join("pong.txt"), dir.join("ping.txt")).expect("symlink");
        symlink(dir.join("gone.txt"), dir.join("unreadable.txt")).expect("symlink");
        symlink("/dev/zero", dir.join("zeros.txt")).expect("symlink");
        // a named pipe: opening it would block until a writer came
        let made = Command::new("mkfifo").arg(dir.join("pipe.txt")).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    }
}

#[test]
fn generated_hostile_cases_load_safely() {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(dir.path(), true);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    let w = &corpus.warnings;
    skipped_once(
        w,
        "huge-200mb.txt",
        "209715200 bytes is over the 8388608 byte limit",
    );
    skipped_once(w, "one-line-20mb.txt", "over the 8388608 byte limit");
    skipped_once(
        w,
        &format!("{}n", "n/".repeat(64)),
        "more than 64 folders deep",
    );
    let mut loaded = vec![
        "good.txt".to_string(),
        format!("{}deep-64.txt", "n/".repeat(64)),
    ];
    #[cfg(unix)]
    {
        skipped_once(w, "loop", "link loop back to the folder itself");
        skipped_once(w, "ping.txt", "cannot read");
        skipped_once(w, "pong.txt", "cannot read");
        skipped_once(w, "unreadable.txt", "cannot read");
        skipped_once(w, "zeros.txt", "not a regular file");
        skipped_once(w, "pipe.txt", "not a regular file");
        loaded.extend([
            "caf\\xE8.txt".to_string(),
            "caf\\xE9.txt".to_string(),
            "line\\u{a}break.txt".to_string(),
        ]);
        for name in ["caf\\xE8.txt", "caf\\xE9.txt", "line\\u{a}break.txt"] {
            assert_eq!(
                doc(&corpus, name).warnings,
                vec!["the file name is not valid UTF-8 or holds control characters: shown escaped"]
            );
        }
        assert_eq!(w.len(), 9, "{w:#?}");
    }
    loaded.sort();
    let paths: Vec<&str> = corpus.documents.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, loaded);
    // ids stay distinct although two names differ only in bytes that are not UTF-8
    let mut ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), corpus.documents.len());
    // and the whole folder analyses
    let comparison = analyze(&corpus, &Settings::default());
    assert_eq!(comparison.documents.len(), corpus.documents.len());
    assert!(!comparison.statements.is_empty());
}

#[test]
fn lowered_limits_skip_what_they_cut() {
    let dir = folder(&[
        ("small.txt", b"The pier reopens in June."),
        (
            "larger.txt",
            "The harbour board said the pier reopens in June. "
                .repeat(40)
                .as_bytes(),
        ),
        ("a/b/c/nested.txt", b"The lighthouse is repainted."),
    ]);
    let options = LoadOptions {
        max_file_bytes: 100,
        max_depth: 1,
        ..LoadOptions::default()
    };
    let corpus = corpus::load(dir.path(), &options).expect("loads");
    let paths: Vec<&str> = corpus.documents.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, vec!["small.txt"]);
    skipped_once(
        &corpus.warnings,
        "larger.txt",
        "1960 bytes is over the 100 byte limit",
    );
    skipped_once(&corpus.warnings, "a/b", "more than 1 folders deep");
}

#[test]
fn twenty_thousand_small_files_load_and_the_file_limit_cuts_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..20_000 {
        let sub = dir.path().join(format!("batch-{:02}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).expect("dir");
        }
        std::fs::write(
            sub.join(format!("note-{i:05}.txt")),
            format!("Depot note {i}."),
        )
        .expect("write");
    }
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    assert_eq!(corpus.documents.len(), 20_000);
    assert!(corpus.warnings.is_empty(), "{:?}", &corpus.warnings[..3]);
    let options = LoadOptions {
        max_documents: 5_000,
        ..LoadOptions::default()
    };
    let corpus = corpus::load(dir.path(), &options).expect("loads");
    assert_eq!(corpus.documents.len(), 5_000);
    assert_eq!(corpus.documents[4_999].path, "batch-04/note-04999.txt");
    assert_eq!(
        corpus.warnings,
        vec!["read the first 5000 of 20000 files: the document limit"]
    );
}

#[test]
fn limits_on_the_command_line() {
    let dir = folder(&[
        (
            "a.txt",
            b"The ferry operator said sailings resume on Friday.",
        ),
        ("b.txt", b"The harbour board said the pier reopens in June."),
        (
            "big.txt",
            "The union said the strike goes on. ".repeat(100).as_bytes(),
        ),
        ("x/y/deep.txt", b"The lighthouse is repainted."),
    ]);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_parallax"))
            .arg("analyze")
            .arg(dir.path())
            .args(args)
            .output()
            .expect("runs")
    };
    let out = run(&[
        "--max-file-size",
        "1K",
        "--max-files",
        "1",
        "--max-depth",
        "1",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for needle in [
        "skipped big.txt: 3500 bytes is over the 1024 byte limit",
        "skipped x/y: more than 1 folders deep",
        "read the first 1 of 2 files",
    ] {
        assert!(stderr.contains(needle), "{needle}: {stderr}");
    }
    let out = run(&["--max-file-size", "lots"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a size"));
    let help = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["analyze", "--help"])
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&help.stdout);
    for flag in ["--max-file-size", "--max-files", "--max-depth"] {
        assert!(help.contains(flag), "{help}");
    }
}

#[test]
fn a_text_without_stops_is_cut_into_statements_of_bounded_length() {
    use parallax::reading::segment::MAX_SENTENCE_BYTES;
    // 40 KB of words and figures without a full stop: one "sentence" would make one
    // statement of the whole file, and the figure patterns slow on a haystack that large
    let words = "the depot said route £5m and 40% of buses run late in Fenbury ";
    let text = words.repeat(40_000 / words.len());
    let dir = folder(&[("one-line.txt", text.as_bytes())]);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    let comparison = analyze(&corpus, &Settings::default());
    let body = &corpus.documents[0].body;
    let st = &comparison.statements;
    assert!(st.len() >= body.len() / MAX_SENTENCE_BYTES, "{}", st.len());
    for s in st {
        assert!(s.text.len() <= MAX_SENTENCE_BYTES, "{}", s.text.len());
        assert!(!s.text.starts_with(' ') && !s.text.ends_with(' '));
    }
    // the pieces cut at spaces and together hold every word, in order
    let joined: Vec<&str> = st.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(joined.join(" "), body.as_str());
    assert!(
        st.iter()
            .any(|s| s.entities.iter().any(|e| e.value == "GBP 5000000"))
    );
}

/// A corpus of three ordinary documents and one that carries `marker`.
fn corpus_with_marker(marker: &str) -> Corpus {
    let dir = folder(&[
        (
            "a.txt",
            b"Fenbury Bus Company said fares rise by 5% in May.",
        ),
        (
            "b.txt",
            b"The Fenbury Riders Union said fares rise by 9% in May.",
        ),
        (
            "c.txt",
            format!("Fenbury Council said {marker} the depot closes.").as_bytes(),
        ),
        ("d.txt", b"Fenbury Council said the depot closes in June."),
    ]);
    corpus::load(dir.path(), &LoadOptions::default()).expect("loads")
}

#[test]
fn a_panic_reading_one_document_costs_only_that_document() {
    for (stage, marker) in [
        (Stage::Reading, "zqxreadingpanic"),
        (Stage::Learning, "zqxlearningpanic"),
    ] {
        test_hook::panic_on(stage, marker);
        let corpus = corpus_with_marker(marker);
        let comparison = analyze(&corpus, &Settings::default());
        let c_id = &doc(&corpus, "c.txt").id;
        assert!(
            comparison
                .warnings
                .iter()
                .any(|w| w.starts_with("could not analyse c.txt: test hook")
                    && w.ends_with("its statements are left out")),
            "{stage:?}: {:?}",
            comparison.warnings
        );
        assert_eq!(comparison.warnings.len(), 1, "{:?}", comparison.warnings);
        assert!(comparison.statements.iter().all(|s| &s.document != c_id));
        for other in ["a.txt", "b.txt", "d.txt"] {
            let id = &doc(&corpus, other).id;
            assert!(
                comparison.statements.iter().any(|s| &s.document == id),
                "{stage:?}: {other} was read"
            );
        }
        assert_eq!(comparison.documents.len(), 4);
    }
}

#[test]
fn a_panic_comparing_one_document_costs_only_its_place_in_the_groups() {
    let marker = "zqxcomparepanic";
    test_hook::panic_on(Stage::Compare, marker);
    let corpus = corpus_with_marker(marker);
    let comparison = analyze(&corpus, &Settings::default());
    assert_eq!(
        comparison.warnings,
        vec![format!(
            "could not compare c.txt: test hook: {marker}; its statements are left out of the groups"
        )]
    );
    // the rest was compared: the two fare claims form a group
    assert!(
        comparison.groups.iter().any(|g| g.statements.len() >= 2),
        "{:#?}",
        comparison.groups
    );
    let c_id = &doc(&corpus, "c.txt").id;
    let grouped: Vec<&String> = comparison
        .groups
        .iter()
        .flat_map(|g| &g.statements)
        .collect();
    assert!(
        comparison
            .statements
            .iter()
            .filter(|s| &s.document == c_id)
            .all(|s| !grouped.contains(&&s.id))
    );
}

/// Writes the generated cases (with the big files) and 20,000 small files into the folder
/// `PARALLAX_HOSTILE_DIR` names, for measuring the command line with `/usr/bin/time -v`:
/// `PARALLAX_HOSTILE_DIR=/tmp/h cargo test --test it write_generated -- --ignored`.
#[test]
#[ignore = "writes 220 MB into PARALLAX_HOSTILE_DIR, for measurements"]
fn write_generated_hostile_folder() {
    let Some(dir) = std::env::var_os("PARALLAX_HOSTILE_DIR") else {
        panic!("set PARALLAX_HOSTILE_DIR to an empty folder");
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(dir.join("big")).expect("dir");
    generate(&dir.join("big"), true);
    for i in 0..20_000 {
        let sub = dir.join("many").join(format!("batch-{:02}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).expect("dir");
        }
        let text = format!(
            "Fenbury depot note {i}.\n\nThe depot manager said route {} runs {} minutes late.",
            i % 40,
            i % 17
        );
        std::fs::write(sub.join(format!("note-{i:05}.txt")), text).expect("write");
    }
}
