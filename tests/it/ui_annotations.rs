//! The window keeps annotations on disk: a verdict and a corrected side name set in the
//! window are saved to the folder's `.parallax/annotations.json` and come back in a new
//! window; what the window exports carries them.

use std::path::Path;

use parallax::annotations::Verdict;
use parallax::annotations::store::StoreConfig;
use parallax::app::{Command, Source};

use crate::support::folder;
use crate::ui::{finish, harness_with};

fn release(publisher: &str, body: &str) -> Vec<u8> {
    format!("---\ntitle: Depot\npublisher: {publisher}\n---\n{body}\n").into_bytes()
}

fn config(data: &Path) -> StoreConfig {
    StoreConfig {
        data_dir: Some(data.to_path_buf()),
        folder_writable: None,
    }
}

#[test]
fn a_verdict_and_a_side_name_set_in_the_window_are_saved_and_come_back() {
    let dir = folder(&[
        (
            "council.txt",
            &release(
                "Harbour Council",
                "The bus depot on Mill Lane will close in March after the review.",
            ),
        ),
        (
            "company.txt",
            &release(
                "Coastline Buses",
                "The bus depot on Mill Lane will close in June after the review.",
            ),
        ),
    ]);
    let data = tempfile::tempdir().unwrap();
    let source = Source::Folder(dir.path().to_path_buf());
    let cfg = config(data.path());
    let (mut h, _) = harness_with(source.clone(), vec![], move |app| app.with_store(cfg));
    finish(&mut h);
    let group = h.state().loaded().comparison.groups[0].id.clone();
    let side = h.state().loaded().comparison.sides[0].id.clone();
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        Command::SetVerdict {
            group: group.clone(),
            verdict: Some(Verdict::Unclear),
        },
        &ctx,
    );
    h.state_mut().apply(
        Command::RenameSide {
            side: side.clone(),
            name: "The Harbour".into(),
        },
        &ctx,
    );
    finish(&mut h);
    // a second later at most it is on disk; closing saves in any case
    h.state_mut().flush_annotations();
    let file = dir.path().join(".parallax/annotations.json");
    let saved = std::fs::read_to_string(&file).expect("saved in the folder");
    assert!(saved.contains("\"unclear\""), "{saved}");
    let stored = h.state().annotations().groups.get(&group).cloned().unwrap();
    assert_eq!(
        stored.statements.len(),
        h.state().loaded().comparison.groups[0].statements.len(),
        "the note keeps its statements' fingerprints, to follow them when the files change"
    );
    assert!(saved.contains("The Harbour"), "{saved}");
    assert_eq!(
        h.state().store().unwrap().location(),
        Some(file.as_path()),
        "the window says where"
    );
    drop(h);

    // a new window on the same folder: the note and the name are back, the name applied
    let cfg = config(data.path());
    let (mut h, _) = harness_with(source, vec![], move |app| app.with_store(cfg));
    finish(&mut h);
    let note = h.state().annotations().groups.get(&group).cloned();
    assert_eq!(note.and_then(|n| n.verdict), Some(Verdict::Unclear));
    let named = h
        .state()
        .loaded()
        .comparison
        .sides
        .iter()
        .find(|s| s.id == side)
        .map(|s| s.name.clone());
    assert_eq!(named.as_deref(), Some("The Harbour"));
}

#[test]
fn a_corrupt_annotations_file_is_set_aside_and_the_window_still_opens() {
    let dir = folder(&[(
        "council.txt",
        &release(
            "Harbour Council",
            "The bus depot on Mill Lane will close in March.",
        ),
    )]);
    std::fs::create_dir(dir.path().join(".parallax")).unwrap();
    std::fs::write(dir.path().join(".parallax/annotations.json"), b"{ not json").unwrap();
    let data = tempfile::tempdir().unwrap();
    let cfg = config(data.path());
    let (mut h, _) = harness_with(
        Source::Folder(dir.path().to_path_buf()),
        vec![],
        move |app| app.with_store(cfg),
    );
    finish(&mut h);
    assert_eq!(h.state().loaded().comparison.documents.len(), 1);
    let store = h.state().store().expect("a store");
    assert!(
        store.warnings().iter().any(|w| w.contains("corrupt")),
        "{:?}",
        store.warnings()
    );
    let aside: Vec<String> = std::fs::read_dir(dir.path().join(".parallax"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept beside: {aside:?}");
}

#[test]
fn tags_added_in_the_window_go_through_the_store_trimmed_and_once() {
    let data = tempfile::tempdir().unwrap();
    let stored = config(data.path());
    let (mut h, _) = harness_with(Source::Sample, vec![], move |app| app.with_store(stored));
    h.run();
    let group = h.state().loaded().comparison.groups[0].id.clone();
    let ctx = h.ctx.clone();
    for tag in ["  pay ", "pay", " ", "depot"] {
        let add = Command::AddTag {
            group: group.clone(),
            tag: tag.into(),
        };
        h.state_mut().apply(add, &ctx);
    }
    let note = &h.state().annotations().groups[&group];
    assert_eq!(note.tags, ["pay", "depot"]);
    assert_eq!(
        h.state().store().unwrap().annotations(),
        h.state().annotations(),
        "one copy: the store's"
    );
    let remove = Command::RemoveTag {
        group: group.clone(),
        tag: "pay".into(),
    };
    h.state_mut().apply(remove, &ctx);
    h.state_mut().apply(Command::Undo, &ctx);
    assert_eq!(
        h.state().annotations().groups[&group].tags,
        ["pay", "depot"]
    );
}
