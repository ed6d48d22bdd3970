//! Exports as a user gets them: every format parses back, hostile article text is inert,
//! `-o` never silently replaces a file, filters narrow the output, and the sample's exports
//! match the committed golden files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use parallax::annotations::store::{Place, Store, StoreConfig};
use parallax::annotations::{Verdict, attach};
use parallax::comparison::{Comparison, Relation};
use parallax::corpus::{self, LoadOptions};
use parallax::export::{self, Filter, Format, Options};
use parallax::{Settings, analyze};

use crate::support::folder;

/// A fixed export date for repeatable output: 2026-01-01.
const EPOCH: &str = "1767225600";

const HOSTILE: &str = "---
title: Depot notice <script>alert(1)</script>
publisher: Coastline Buses
date: 2025-05-02
---
Coastline Buses says the depot timetable <script>alert(1)</script> will change in May.

The notice showed <img src=x onerror=alert(1)> beside the fares table.

=HYPERLINK(\"http://x\",\"y\") was typed into the fares sheet by the depot office.
";

const COUNCIL: &str = "---
title: Council answers on depot fares
publisher: Harbour Town Council
date: 2025-05-03
---
Harbour Town Council says the depot timetable will not change in May.

The council will pay 40% of the depot's running cost this year.
";

/// Runs `parallax` with a private data directory and a fixed date.
fn parallax(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.env("PARALLAX_DATA_DIR", data)
        .env("SOURCE_DATE_EPOCH", EPOCH);
    cmd
}

fn ok(out: &Output) -> &[u8] {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    &out.stdout
}

fn hostile_folder() -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = folder(&[
        ("depot.txt", HOSTILE.as_bytes()),
        ("council.txt", COUNCIL.as_bytes()),
    ]);
    let data = tempfile::tempdir().unwrap();
    // a note with markup of its own, stored as the window stores it
    let place = Place::Folder(dir.path().to_path_buf());
    let config = StoreConfig {
        data_dir: Some(data.path().to_path_buf()),
        folder_writable: None,
    };
    let mut store = Store::open_with(&place, &config);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).unwrap();
    let c = analyze(&corpus, &store.settings());
    let group = group_of(&c, "onerror");
    store.edit_note(&c, &group, |n| {
        n.verdict = Some(Verdict::Unclear);
        n.note = "<script>alert(2)</script> =cmd".into();
        n.tags = vec!["<b>tag</b>".into()];
    });
    store.save().unwrap();
    (dir, data)
}

fn group_of(c: &Comparison, needle: &str) -> String {
    let s = c
        .statements
        .iter()
        .find(|s| s.text.contains(needle))
        .unwrap_or_else(|| panic!("no statement holds {needle:?}"));
    c.groups
        .iter()
        .find(|g| g.statements.contains(&s.id))
        .unwrap()
        .id
        .clone()
}

fn export_cli(dir: &Path, data: &Path, format: &str) -> Vec<u8> {
    let out = parallax(data)
        .arg("analyze")
        .arg(dir)
        .args(["--format", format])
        .output()
        .expect("runs");
    ok(&out).to_vec()
}

#[test]
fn hostile_article_text_is_inert_in_html() {
    let (dir, data) = hostile_folder();
    let html = String::from_utf8(export_cli(dir.path(), data.path(), "html")).unwrap();
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script tag survived");
    assert!(!lower.contains("<img"), "an img tag survived");
    assert!(!lower.contains("<b>tag"), "markup from a tag survived");
    assert!(!lower.contains("href"));
    let page = scraper::Html::parse_document(&html);
    let any = scraper::Selector::parse("*").unwrap();
    for el in page.select(&any) {
        let name = el.value().name();
        assert!(
            !["script", "img", "iframe", "object", "embed", "link", "a"].contains(&name),
            "element {name}"
        );
        for (attr, value) in el.value().attrs() {
            assert!(!attr.starts_with("on"), "{attr}={value}");
            assert!(
                !value.contains("http") && !value.contains("url("),
                "{attr}={value}"
            );
        }
    }
    // the text is shown as written, escaped
    let text: String = page.root_element().text().collect();
    assert!(text.contains("<script>alert(1)</script>"));
    assert!(text.contains("<img src=x onerror=alert(1)>"));
    assert!(text.contains("<script>alert(2)</script> =cmd"), "the note");
    assert!(text.contains("Exported 2026-01-01"));
}

#[test]
fn hostile_article_text_is_inert_in_csv_and_markdown() {
    let (dir, data) = hostile_folder();
    let bytes = export_cli(dir.path(), data.path(), "csv");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "UTF-8 byte-order mark"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let formula = rows
        .iter()
        .find(|r| r[col("statement")].contains("HYPERLINK"))
        .expect("the formula statement is exported");
    assert!(
        formula[col("statement")].starts_with("'=HYPERLINK("),
        "{}",
        &formula[col("statement")]
    );
    for r in &rows {
        for cell in r.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a live formula cell: {cell}"
            );
        }
    }
    let noted = rows
        .iter()
        .find(|r| r[col("statement")].contains("onerror"))
        .unwrap();
    assert_eq!(&noted[col("verdict")], "unclear");
    assert_eq!(&noted[col("note")], "<script>alert(2)</script> =cmd");

    let md = String::from_utf8(export_cli(dir.path(), data.path(), "md")).unwrap();
    let mut shown = String::new();
    for event in pulldown_cmark::Parser::new_ext(
        &md,
        pulldown_cmark::Options::ENABLE_GFM
            | pulldown_cmark::Options::ENABLE_TABLES
            | pulldown_cmark::Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => {
                panic!("raw HTML reached the Markdown: {h}")
            }
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) => {
                panic!("a link reached the Markdown: {dest_url}")
            }
            pulldown_cmark::Event::Text(t) => shown.push_str(&t),
            _ => {}
        }
    }
    assert!(shown.contains("<script>alert(1)</script>"), "shown as text");
    assert!(shown.contains("<img src=x onerror=alert(1)>"));
}

#[test]
fn every_format_parses_back() {
    let (dir, data) = hostile_folder();
    // what the command line computes, rebuilt through the library
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).unwrap();
    let (mut notes, _) = Store::read_only(
        &Place::Folder(dir.path().to_path_buf()),
        &StoreConfig {
            data_dir: Some(data.path().to_path_buf()),
            folder_writable: None,
        },
    );
    let mut expected = analyze(&corpus, &Settings::default());
    attach::attach(&mut notes, &expected);
    attach::apply(&mut expected, &notes);

    let json = export_cli(dir.path(), data.path(), "json");
    let back: Comparison = serde_json::from_slice(&json).expect("JSON is a Comparison");
    assert_eq!(back, expected);
    assert_eq!(
        back.groups
            .iter()
            .filter(|g| g.annotation.is_some())
            .count(),
        1
    );

    let csv_bytes = export_cli(dir.path(), data.path(), "csv");
    let mut reader = csv::Reader::from_reader(&csv_bytes[3..]);
    assert_eq!(reader.headers().unwrap().len(), export::csv::HEADER.len());
    let rows = reader.records().collect::<Result<Vec<_>, _>>().unwrap();
    let grouped: usize = expected.groups.iter().map(|g| g.statements.len()).sum();
    assert_eq!(rows.len(), grouped, "one row per statement");

    let html = String::from_utf8(export_cli(dir.path(), data.path(), "html")).unwrap();
    let page = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("table.claims tbody tr").unwrap();
    assert_eq!(page.select(&rows).count(), expected.groups.len());
    let statements = scraper::Selector::parse("table.claims .st").unwrap();
    assert_eq!(page.select(&statements).count(), grouped);

    let md = String::from_utf8(export_cli(dir.path(), data.path(), "md")).unwrap();
    let headings = md.lines().filter(|l| l.starts_with("### ")).count();
    assert_eq!(headings, expected.groups.len());
}

#[test]
fn output_files_are_never_replaced_without_force() {
    let (dir, data) = hostile_folder();
    let target = dir.path().join("report.html");
    std::fs::write(&target, b"my own report").unwrap();
    let out = parallax(data.path())
        .arg("analyze")
        .arg(dir.path())
        .args(["--format", "html", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"my own report");

    let out = parallax(data.path())
        .arg("analyze")
        .arg(dir.path())
        .args(["--format", "html", "--force", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    ok(&out);
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"));
    // a new file needs no --force
    let fresh = dir.path().join("new.csv");
    ok(&parallax(data.path())
        .arg("analyze")
        .arg(dir.path())
        .args(["--format", "csv", "-o"])
        .arg(&fresh)
        .output()
        .unwrap());
    assert!(std::fs::read(&fresh).unwrap().starts_with(b"\xef\xbb\xbf"));
}

#[test]
fn filters_narrow_every_format() {
    let data = tempfile::tempdir().unwrap();
    let sample = crate::support::sample_dir();
    let run = |args: &[&str]| -> Comparison {
        let out = parallax(data.path())
            .arg("analyze")
            .arg(&sample)
            .args(args)
            .output()
            .unwrap();
        serde_json::from_slice(ok(&out)).unwrap()
    };
    let all = run(&[]);
    let disputed = run(&["--disputed-only"]);
    assert!(!disputed.groups.is_empty());
    assert!(disputed.groups.len() < all.groups.len());
    assert!(
        disputed
            .groups
            .iter()
            .all(|g| g.relation == Relation::Disputed)
    );
    let kept: std::collections::HashSet<&String> =
        disputed.groups.iter().flat_map(|g| &g.statements).collect();
    assert_eq!(
        disputed.statements.len(),
        kept.len(),
        "only their statements"
    );

    let side = &all.sides[0];
    // a side by its name, case ignored
    let by_side = run(&["--side", &side.name.to_uppercase()]);
    assert!(!by_side.groups.is_empty());
    assert!(by_side.groups.iter().all(|g| g.sides.contains(&side.id)));
    let topic = disputed.groups[0].topics[0].clone();
    let by_topic = run(&["--topic", &topic, "--disputed-only"]);
    assert!(
        by_topic
            .groups
            .iter()
            .all(|g| g.topics.contains(&topic) && g.relation == Relation::Disputed)
    );

    // the same filter through the library gives the same groups in HTML
    let filter = Filter {
        disputed_only: true,
        ..Filter::default()
    };
    let html = export::export(
        Format::Html,
        &all,
        &Options {
            filter,
            ..Options::default()
        },
    )
    .unwrap();
    let html = String::from_utf8(html).unwrap();
    assert_eq!(
        html.matches("<tr class=\"disputed\"").count(),
        disputed.groups.len()
    );
    assert_eq!(html.matches("<tr class=\"shared\"").count(), 0);
    assert!(html.contains("Filter: disputed only"));

    for (flag, value, wanted) in [
        ("--side", "nobody-at-all", "the sides are"),
        ("--topic", "no-such-topic", "the topics are"),
    ] {
        let out = parallax(data.path())
            .arg("analyze")
            .arg(&sample)
            .args([flag, value])
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(value) && err.contains(wanted), "{err}");
        assert_eq!(err.lines().count(), 1);
    }
}

fn expected_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/expected")
}

/// `parallax analyze fixtures/alliance --format X`, run from the repository root, matches
/// `fixtures/expected/alliance.X` (rewritten when `UPDATE_EXPECTED=1`).
#[test]
fn golden_exports_of_the_sample() {
    let data = tempfile::tempdir().unwrap();
    let update = std::env::var_os("UPDATE_EXPECTED").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for format in ["json", "html", "md", "csv"] {
        let out = parallax(data.path())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["analyze", "fixtures/alliance", "--format", format])
            .output()
            .unwrap();
        let bytes = ok(&out);
        let text = String::from_utf8_lossy(bytes);
        if format != "csv" {
            assert!(
                text.contains("fixtures/alliance"),
                "{format}: the root as given"
            );
        }
        assert!(
            !text.contains(env!("CARGO_MANIFEST_DIR")),
            "{format}: no absolute path"
        );
        let path = expected_dir().join(format!("alliance.{format}"));
        if update {
            std::fs::create_dir_all(expected_dir()).unwrap();
            std::fs::write(&path, bytes).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(bytes) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {stale:?}; regenerate with UPDATE_EXPECTED=1 cargo test --test it golden \
         and look at the difference before committing"
    );
}

#[test]
fn the_sample_export_is_deterministic_and_self_contained() {
    let corpus = corpus::bundled_sample();
    let c = analyze(&corpus, &Settings::default());
    let options = Options {
        date: None,
        topics: corpus.lexicon().topics.clone(),
        ..Options::default()
    };
    let a = export::export(Format::Html, &c, &options).unwrap();
    let b = export::export(Format::Html, &c, &options).unwrap();
    assert_eq!(a, b);
    let html = String::from_utf8(a).unwrap();
    assert!(
        !html.contains("Exported"),
        "no date asked for, none printed"
    );
    assert!(html.contains("@media print") && html.contains("@page"));
    assert!(
        html.contains("<mark class=\"topic\">"),
        "topic words marked"
    );
    assert!(
        html.contains("<span class=\"diff\">"),
        "word differences marked"
    );
    for side in &c.sides {
        assert!(html.contains(&side.colour), "{} has its colour", side.name);
    }
    // the page names no resource to fetch
    for needle in ["src=", "href=", "url(", "@import", "<link"] {
        assert!(!html.contains(needle), "{needle}");
    }
}

#[test]
fn disputes_come_first_in_every_report_the_strongest_first_and_the_map_in_html() {
    let corpus = corpus::bundled_sample();
    let comparison = analyze(&corpus, &Settings::default());
    let options = Options {
        topics: corpus.lexicon().topics.clone(),
        ..Options::default()
    };
    let strength = |id: &str| {
        comparison
            .groups
            .iter()
            .find(|g| g.id == id)
            .map(|g| (g.relation, g.strength))
            .unwrap()
    };
    let disputed = comparison
        .groups
        .iter()
        .filter(|g| g.relation == Relation::Disputed)
        .count();
    let mut strengths: Vec<f64> = comparison
        .groups
        .iter()
        .filter(|g| g.relation == Relation::Disputed)
        .map(|g| g.strength)
        .collect();
    strengths.sort_by(|a, b| b.total_cmp(a));
    assert!(
        strengths.first() > strengths.last(),
        "the sample's disputes differ in strength"
    );
    // HTML: the rows' group ids in order
    let html =
        String::from_utf8(export::export(Format::Html, &comparison, &options).unwrap()).unwrap();
    let ids: Vec<&str> = html
        .split("<tr class=\"")
        .skip(1)
        .filter_map(|row| row.split("id=\"").nth(1)?.split('"').next())
        .collect();
    let shown: Vec<(Relation, f64)> = ids.iter().map(|id| strength(id)).collect();
    assert_eq!(shown.len(), comparison.groups.len());
    assert!(
        shown[..disputed]
            .iter()
            .all(|(r, _)| *r == Relation::Disputed)
    );
    let first: Vec<f64> = shown[..disputed].iter().map(|(_, s)| *s).collect();
    assert_eq!(first, strengths, "disputes by strength, strongest first");
    assert!(html.contains("<h2>Claim map</h2>"));
    // CSV: its group column follows the same order
    let csv =
        String::from_utf8(export::export(Format::Csv, &comparison, &options).unwrap()).unwrap();
    let mut csv_ids: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .filter(|id| id.starts_with("g-"))
        .collect();
    csv_ids.dedup();
    assert_eq!(csv_ids[..disputed], ids[..disputed]);
}

#[test]
fn a_streamed_export_is_the_same_bytes_as_a_rendered_one_and_a_closed_pipe_is_no_error() {
    let corpus = corpus::bundled_sample();
    let comparison = analyze(&corpus, &Settings::default());
    let plain = Options {
        date: Some("2026-12-02".into()),
        ..Options::default()
    };
    let narrowed = Options {
        filter: Filter {
            disputed_only: true,
            ..Filter::default()
        },
        ..plain.clone()
    };
    // the stream is the comparison itself (no filter: no copy) or the filtered one, as the
    // JSON of the whole text would be
    let no_columns: &[String] = &[];
    for (options, shown) in [
        (&plain, comparison.clone()),
        (&narrowed, narrowed.filter.apply(&comparison, no_columns)),
    ] {
        let mut streamed = Vec::new();
        export::export_to(Format::Json, &comparison, options, &mut streamed).unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            export::json::render(&shown).unwrap()
        );
    }
    assert!(narrowed.filter.apply(&comparison, no_columns).groups.len() < comparison.groups.len());
    // `parallax analyze … | head -c 10`: the reader leaving early is not a failure
    let data = tempfile::tempdir().unwrap();
    let mut child = parallax(data.path())
        .arg("analyze")
        .arg(crate::support::sample_dir())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(&first[..1], b"{");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("cannot write"));
}

#[test]
fn a_streamed_write_that_fails_leaves_no_file_and_keeps_the_old_one() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    let failing = &mut |w: &mut dyn Write| {
        w.write_all(b"{\"half\":")?;
        Err(std::io::Error::other("the exporter failed"))
    };
    assert!(export::write_file_with(&target, false, failing).is_err());
    assert!(!target.exists(), "a half-written new file is removed");
    std::fs::write(&target, b"old").unwrap();
    assert!(export::write_file_with(&target, true, failing).is_err());
    assert_eq!(std::fs::read(&target).unwrap(), b"old");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left beside it");
    export::write_file_with(&target, true, &mut |w| w.write_all(b"new")).unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"new");
}
