//! The user's annotations are never lost: they survive reloads and edits of the files
//! (re-attached by fingerprints, or kept as orphans), corrupt and newer files are set aside
//! and never written over, an interrupted save leaves the old file, and a folder that cannot
//! be written sends them to the data directory.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

use parallax::annotations::atomic::Pending;
use parallax::annotations::store::{Place, Store, StoreConfig, folder_file};
use parallax::annotations::{ANNOTATIONS_SCHEMA, Annotations, Verdict, attach};
use parallax::comparison::Comparison;
use parallax::corpus::{self, LoadOptions};
use parallax::export::{self, Format, Options};
use parallax::{Settings, analyze};

use crate::support::folder;

const COUNCIL: &str = "---
title: Council secures the town's bus routes
publisher: Harbour Town Council
date: 2025-03-04
---
Harbour Town Council has secured the future of the harbour bus routes for three years.

The council will pay 60% of the cost of running the routes from April.

\"This protects the services residents rely on every day,\" said council leader Ann Lee.
";

const BUSES: &str = "---
title: Coastline Buses keeps the harbour routes running
publisher: Coastline Buses
date: 2025-03-05
---
Coastline Buses has secured the future of the harbour bus routes for three years.

The council will pay only 31% of the cost of running the routes, the company says.

Drivers will be recruited locally over the summer.
";

fn corpus_folder() -> tempfile::TempDir {
    folder(&[
        ("council.txt", COUNCIL.as_bytes()),
        ("buses.txt", BUSES.as_bytes()),
    ])
}

fn config(data: &Path) -> StoreConfig {
    StoreConfig {
        data_dir: Some(data.to_path_buf()),
        folder_writable: None,
    }
}

fn compare(dir: &Path, settings: &Settings) -> Comparison {
    let corpus = corpus::load(dir, &LoadOptions::default()).expect("folder loads");
    analyze(&corpus, settings)
}

/// The id of the group holding a statement that contains `needle`.
fn group_with(c: &Comparison, needle: &str) -> String {
    let statement = c
        .statements
        .iter()
        .find(|s| s.text.contains(needle))
        .unwrap_or_else(|| panic!("no statement contains {needle:?}"));
    c.groups
        .iter()
        .find(|g| g.statements.contains(&statement.id))
        .expect("a claim belongs to a group")
        .id
        .clone()
}

fn texts_of(c: &Comparison, group: &str) -> Vec<String> {
    let g = c.groups.iter().find(|g| g.id == group).expect("group");
    let mut texts: Vec<String> = g
        .statements
        .iter()
        .map(|id| {
            c.statements
                .iter()
                .find(|s| &s.id == id)
                .unwrap()
                .text
                .clone()
        })
        .collect();
    texts.sort();
    texts
}

#[test]
fn a_note_survives_reload_and_follows_its_statements_when_the_file_changes() {
    let dir = corpus_folder();
    let data = tempfile::tempdir().unwrap();
    let place = Place::Folder(dir.path().to_path_buf());

    let mut store = Store::open_with(&place, &config(data.path()));
    assert!(store.in_folder(), "{}", store.location_note());
    assert!(store.warnings().is_empty());
    let first = compare(dir.path(), &store.settings());
    let group = group_with(&first, "pay 60%");
    let texts = texts_of(&first, &group);
    store.edit_note(&first, &group, |n| {
        n.verdict = Some(Verdict::Disputed);
        n.note = "Which share is right? Ask both.".into();
        n.tags = vec!["fares".into(), " fares ".into(), "budget".into()];
    });
    let note = store.note(&group).expect("note set").clone();
    assert_eq!(
        note.tags,
        vec!["fares", "budget"],
        "tags trimmed, deduplicated"
    );
    assert_eq!(
        note.statements.len(),
        texts.len(),
        "one fingerprint per statement"
    );
    assert!(note.updated.ends_with('Z') && note.updated.len() == 20);
    // autosave: not on every change, a moment after the last one
    assert!(store.tick(Instant::now()).is_none());
    let saved = store
        .tick(Instant::now() + Duration::from_secs(2))
        .expect("due")
        .expect("saved");
    assert_eq!(saved, folder_file(dir.path()));
    let on_disk: serde_json::Value =
        serde_json::from_slice(&fs::read(&saved).unwrap()).expect("valid JSON");
    assert_eq!(on_disk["schema"], ANNOTATIONS_SCHEMA);
    assert_eq!(on_disk["groups"][&group]["verdict"], "disputed");

    // reload, same files: attached by id
    let mut store = Store::open_with(&place, &config(data.path()));
    let again = compare(dir.path(), &store.settings());
    let report = store.attach(&again);
    assert_eq!(report.attached, vec![group.clone()]);
    assert!(!store.has_unsaved());

    // a paragraph added at the top moves every offset: the ids change
    let edited = COUNCIL.replace(
        "Harbour Town Council has secured",
        "Timetables are printed at the library.\n\nHarbour Town Council has secured",
    );
    fs::write(dir.path().join("council.txt"), edited).unwrap();
    let mut store = Store::open_with(&place, &config(data.path()));
    let mut after = compare(dir.path(), &store.settings());
    assert!(
        after.groups.iter().all(|g| g.id != group),
        "the edit should change the group's id"
    );
    let new_group = group_with(&after, "pay 60%");
    let report = store.attach(&after);
    assert_eq!(report.reattached, vec![(group.clone(), new_group.clone())]);
    assert!(report.orphaned.is_empty());
    assert_eq!(texts_of(&after, &new_group), texts);
    let moved = store.note(&new_group).expect("re-keyed");
    assert_eq!(moved.note, "Which share is right? Ask both.");
    assert!(store.note(&group).is_none());
    assert!(store.has_unsaved(), "re-keying schedules a save");
    store.flush().unwrap();
    attach::apply(&mut after, store.annotations());
    let g = after.groups.iter().find(|g| g.id == new_group).unwrap();
    assert_eq!(
        g.annotation.as_ref().unwrap().verdict,
        Some(parallax::annotations::Verdict::Disputed)
    );

    let reread = Store::open_with(&place, &config(data.path()));
    assert!(reread.annotations().groups.contains_key(&new_group));
}

#[test]
fn a_note_whose_statements_are_gone_is_orphaned_listed_and_kept() {
    let dir = corpus_folder();
    let data = tempfile::tempdir().unwrap();
    let place = Place::Folder(dir.path().to_path_buf());
    let mut store = Store::open_with(&place, &config(data.path()));
    let first = compare(dir.path(), &store.settings());
    let group = group_with(&first, "pay 60%");
    store.edit_note(&first, &group, |n| n.note = "check the minutes".into());
    store.save().unwrap();

    for (name, text) in [
        (
            "council.txt",
            "The library opens a new reading room in June.\n",
        ),
        ("buses.txt", "Coastline Buses paints its fleet blue.\n"),
    ] {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let mut store = Store::open_with(&place, &config(data.path()));
    let mut after = compare(dir.path(), &store.settings());
    let report = store.attach(&after);
    assert_eq!(report.orphaned, vec![group.clone()]);
    assert!(report.reattached.is_empty() && report.attached.is_empty());
    let orphans = store.orphans(&after);
    assert_eq!(
        orphans,
        attach::orphans(store.annotations(), &after)
            .into_iter()
            .map(|(i, n)| (i.clone(), n.clone()))
            .collect::<Vec<_>>()
    );
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].1.note, "check the minutes");
    // saving keeps the orphan in the file
    store.edit_note(&after, &after.groups[0].id.clone(), |n| {
        n.verdict = Some(Verdict::Irrelevant)
    });
    store.save().unwrap();
    let file: Annotations =
        serde_json::from_slice(&fs::read(folder_file(dir.path())).unwrap()).unwrap();
    assert_eq!(file.groups[&group].note, "check the minutes");
    assert_eq!(file.groups.len(), 2);
    // and the HTML and Markdown exports list it
    attach::apply(&mut after, store.annotations());
    let options = Options {
        orphans,
        ..Options::default()
    };
    for format in [Format::Html, Format::Markdown] {
        let out = String::from_utf8(export::export(format, &after, &options).unwrap()).unwrap();
        assert!(out.contains("no longer found"), "{format:?}");
        assert!(out.contains("check the minutes"), "{format:?}");
    }
}

fn set_aside_files(dir: &Path, kind: &str) -> Vec<std::path::PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("annotations.{kind}-"))
        })
        .collect()
}

#[test]
fn corrupt_and_newer_files_are_set_aside_never_written_over() {
    for (kind, bytes) in [
        (
            "corrupt",
            &b"{\"schema\": \"parallax.annotations/1\", \"groups\": {\"g-1\": "[..],
        ),
        ("corrupt", &b"\xff\xfe not even text"[..]),
        (
            "unsupported",
            &br#"{"schema": "parallax.annotations/2", "groups": {}, "layers": [1, 2]}"#[..],
        ),
        ("unsupported", &br#"[1, 2, 3]"#[..]),
    ] {
        let dir = corpus_folder();
        let data = tempfile::tempdir().unwrap();
        let file = folder_file(dir.path());
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, bytes).unwrap();
        let place = Place::Folder(dir.path().to_path_buf());
        let mut store = Store::open_with(&place, &config(data.path()));
        assert!(store.annotations().groups.is_empty());
        let aside = set_aside_files(file.parent().unwrap(), kind);
        assert_eq!(aside.len(), 1, "{kind}: {:?}", store.warnings());
        assert_eq!(fs::read(&aside[0]).unwrap(), bytes, "the original bytes");
        let name = aside[0].file_name().unwrap().to_string_lossy().into_owned();
        // annotations.corrupt-20261123T120000Z.json
        let stamp = &name[format!("annotations.{kind}-").len()..name.len() - ".json".len()];
        assert!(
            stamp.len() == 16 && stamp.ends_with('Z') && stamp.as_bytes()[8] == b'T',
            "{name}"
        );
        assert_eq!(store.warnings().len(), 1);
        assert!(
            store.warnings()[0].contains(&name),
            "{:?}",
            store.warnings()
        );
        // a save writes a fresh file; the aside one stays as it was
        let c = compare(dir.path(), &store.settings());
        store.edit_note(&c, &c.groups[0].id.clone(), |n| n.note = "new".into());
        store.save().unwrap();
        assert_eq!(fs::read(&aside[0]).unwrap(), bytes);
        let fresh: Annotations = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
        assert_eq!(fresh.groups.len(), 1);
        // the command line only reads: it warns and changes nothing
        fs::write(&file, bytes).unwrap();
        let (a, warnings) = Store::read_only(&place, &config(data.path()));
        assert!(a.groups.is_empty());
        assert_eq!(warnings.len(), 1);
        assert_eq!(fs::read(&file).unwrap(), bytes);
    }
}

#[test]
fn a_file_that_cannot_be_set_aside_is_left_alone_and_notes_go_elsewhere() {
    let dir = corpus_folder();
    let data = tempfile::tempdir().unwrap();
    // a folder where the annotations file should be: it cannot be read, so it is neither
    // set aside nor written over, and the notes go to the data directory
    let file = folder_file(dir.path());
    fs::create_dir_all(&file).unwrap();
    fs::write(file.join("keep.txt"), b"mine").unwrap();
    let place = Place::Folder(dir.path().to_path_buf());
    let mut store = Store::open_with(&place, &config(data.path()));
    assert_eq!(store.warnings().len(), 1, "{:?}", store.warnings());
    assert!(!store.in_folder(), "{}", store.location_note());
    let c = compare(dir.path(), &store.settings());
    store.edit_note(&c, &c.groups[0].id.clone(), |n| n.note = "n".into());
    let saved = store.save().unwrap();
    assert!(saved.starts_with(data.path()));
    assert_eq!(fs::read(file.join("keep.txt")).unwrap(), b"mine");
}

#[test]
fn an_interrupted_save_leaves_the_old_file_readable() {
    let dir = corpus_folder();
    let data = tempfile::tempdir().unwrap();
    let place = Place::Folder(dir.path().to_path_buf());
    let mut store = Store::open_with(&place, &config(data.path()));
    let c = compare(dir.path(), &store.settings());
    let group = group_with(&c, "pay 60%");
    store.edit_note(&c, &group, |n| n.note = "first".into());
    store.save().unwrap();
    let file = folder_file(dir.path());
    let old = fs::read(&file).unwrap();

    // the new version is written and flushed beside the file, then the power goes
    let mut newer = store.annotations().clone();
    newer.groups.get_mut(&group).unwrap().note = "second".into();
    let crashed = Pending::write(&file, &serde_json::to_vec(&newer).unwrap())
        .unwrap()
        .abandon();
    // and a half-written temporary file from an earlier crash
    let half = file.with_file_name(".annotations.json.1-0.tmp");
    fs::write(&half, &old[..old.len() / 2]).unwrap();
    assert!(crashed.exists());
    assert_eq!(
        fs::read(&file).unwrap(),
        old,
        "the file itself is untouched"
    );

    let store = Store::open_with(&place, &config(data.path()));
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    assert_eq!(store.note(&group).unwrap().note, "first");

    // leftovers older than a minute are cleared on the next open; fresh ones are kept
    let old_time = SystemTime::now() - Duration::from_secs(300);
    fs::File::options()
        .write(true)
        .open(&half)
        .unwrap()
        .set_modified(old_time)
        .unwrap();
    let _ = Store::open_with(&place, &config(data.path()));
    assert!(!half.exists());
    assert!(crashed.exists());
}

#[test]
fn a_folder_that_cannot_be_written_keeps_its_notes_in_the_data_dir() {
    let dir = corpus_folder();
    let data = tempfile::tempdir().unwrap();
    // `.parallax` is a regular file: no annotations folder can be made (even as root)
    fs::write(dir.path().join(".parallax"), b"not a folder").unwrap();
    let place = Place::Folder(dir.path().to_path_buf());
    let mut store = Store::open_with(&place, &config(data.path()));
    assert!(!store.in_folder());
    let location = store.location().expect("somewhere").to_path_buf();
    assert!(location.starts_with(data.path()), "{}", location.display());
    assert!(store.location_note().contains("cannot be written"));
    assert!(
        store
            .location_note()
            .contains(&location.display().to_string())
    );
    let c = compare(dir.path(), &store.settings());
    let group = group_with(&c, "pay 60%");
    store.edit_note(&c, &group, |n| n.verdict = Some(Verdict::Agreed));
    assert_eq!(store.save().unwrap(), location);
    assert_eq!(
        fs::read(dir.path().join(".parallax")).unwrap(),
        b"not a folder"
    );
    let again = Store::open_with(&place, &config(data.path()));
    assert_eq!(again.note(&group).unwrap().verdict, Some(Verdict::Agreed));
    // the command line finds them there too
    let (read, _) = Store::read_only(&place, &config(data.path()));
    assert_eq!(read.groups.len(), 1);

    // told the folder is read-only (what a permission check says for a normal user)
    let other = corpus_folder();
    let place = Place::Folder(other.path().to_path_buf());
    let store = Store::open_with(
        &place,
        &StoreConfig {
            data_dir: Some(data.path().to_path_buf()),
            folder_writable: Some(false),
        },
    );
    assert!(store.location().unwrap().starts_with(data.path()));
    assert_ne!(store.location().unwrap(), location, "keyed by the folder");
}

#[test]
fn a_write_that_fails_moves_the_notes_to_the_data_dir() {
    let dir = corpus_folder();
    let data = tempfile::tempdir().unwrap();
    let place = Place::Folder(dir.path().to_path_buf());
    let mut store = Store::open_with(&place, &config(data.path()));
    assert!(store.in_folder());
    // the folder stops accepting writes after opening
    fs::write(dir.path().join(".parallax"), b"in the way").unwrap();
    let c = compare(dir.path(), &store.settings());
    store.edit_note(&c, &c.groups[0].id.clone(), |n| n.note = "kept".into());
    let saved = store.save().expect("saved elsewhere");
    assert!(saved.starts_with(data.path()));
    assert!(!store.in_folder());
    assert!(
        store.warnings().iter().any(|w| w.contains("now saved in")),
        "{:?}",
        store.warnings()
    );
    let again = Store::open_with(&place, &config(data.path()));
    assert_eq!(again.annotations().groups.len(), 1);
}

#[test]
fn corrections_are_stored_and_applied() {
    let dir = corpus_folder();
    let data = tempfile::tempdir().unwrap();
    let place = Place::Folder(dir.path().to_path_buf());
    let mut store = Store::open_with(&place, &config(data.path()));
    let mut corrections = store.annotations().corrections.clone();
    corrections
        .publishers
        .insert("buses.txt".into(), "Harbour Transport Trust".into());
    store.set_corrections(corrections);
    store.flush().unwrap();
    let store = Store::open_with(&place, &config(data.path()));
    let c = compare(dir.path(), &store.settings());
    let doc = c.documents.iter().find(|d| d.path == "buses.txt").unwrap();
    assert_eq!(doc.publisher.as_deref(), Some("harbour-transport-trust"));
}
