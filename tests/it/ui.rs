//! The window, driven through its accessibility tree with egui_kittest.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parallax::app::{FolderPicker, ParallaxApp, Source};

use crate::support::folder;

/// A folder dialog that answers from a script and counts how often it was shown.
struct ScriptedPicker {
    answers: Vec<Option<PathBuf>>,
    shown: Rc<RefCell<usize>>,
}

impl FolderPicker for ScriptedPicker {
    fn pick_folder(&mut self) -> Option<PathBuf> {
        *self.shown.borrow_mut() += 1;
        self.answers.pop().flatten()
    }
}

fn harness(
    source: Source,
    answers: Vec<Option<PathBuf>>,
) -> (Harness<'static, ParallaxApp>, Rc<RefCell<usize>>) {
    let shown = Rc::new(RefCell::new(0));
    let picker = ScriptedPicker {
        answers,
        shown: shown.clone(),
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 700.0))
        .build_eframe(move |_cc| ParallaxApp::with_picker(source, Box::new(picker)));
    h.run();
    (h, shown)
}

/// The document list's row holding this title.
fn list_row<'h>(h: &'h Harness<'static, ParallaxApp>, title: &'h str) -> egui_kittest::Node<'h> {
    h.get_by(move |n| {
        n.role() == egui::accesskit::Role::Button
            && n.label().is_some_and(|l| {
                l.contains(title)
                    && !["DISPUTED", "SHARED", "ONE-SIDED"]
                        .iter()
                        .any(|b| l.starts_with(b))
            })
    })
}

#[test]
fn the_sample_opens_with_its_documents_and_a_reader() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    assert_eq!(h.state().loaded().corpus.documents.len(), 5);
    // every document is listed with its publisher (or "unknown") and title
    let docs = h.state().loaded().comparison.documents.clone();
    for doc in &docs {
        let publisher = doc.publisher.clone().unwrap_or("unknown".into());
        let row = list_row(&h, &doc.title);
        let label = row.accesskit_node().label().unwrap_or_default();
        let side_name = h
            .state()
            .loaded()
            .comparison
            .sides
            .iter()
            .find(|s| s.id == publisher)
            .map_or("unknown".to_string(), |s| s.name.clone());
        assert!(label.starts_with(&side_name), "{label}");
        assert!(
            label.contains(doc.published.as_deref().map_or("undated", |p| &p[..10])),
            "{label}"
        );
    }
    // the first document is in the reader; clicking another shows it
    assert_eq!(h.state().selected(), Some(0));
    list_row(&h, &docs[1].title).click();
    h.run();
    assert_eq!(h.state().selected(), Some(1));
    h.get_by_label_contains("opening subject");
    assert!(h.state().title().ends_with("bundled sample (alliance)"));
}

#[test]
fn open_folder_uses_the_dialog_and_names_the_folder() {
    let dir = folder(&[(
        "river.txt",
        b"Riverton Council has agreed to reopen the ferry.",
    )]);
    let (mut h, shown) = harness(Source::Sample, vec![Some(dir.path().to_path_buf())]);
    h.get_by_label("Open folder…").click();
    h.step();
    assert!(h.state().is_loading());
    h.state_mut().wait_for_load();
    h.run();
    assert_eq!(*shown.borrow(), 1);
    assert_eq!(h.state().loaded().corpus.documents.len(), 1);
    let name = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    assert_eq!(h.state().title(), format!("Parallax — {name}"));
    list_row(&h, "Riverton Council has agreed");
}

#[test]
fn a_cancelled_dialog_or_a_vanished_folder_keeps_what_is_shown() {
    let (mut h, shown) = harness(Source::Sample, vec![None]);
    h.get_by_label("Open folder…").click();
    h.run();
    assert_eq!(*shown.borrow(), 1);
    assert!(!h.state().is_loading());
    assert_eq!(h.state().loaded().corpus.documents.len(), 5);

    let dir = folder(&[("a.txt", b"Acme Ltd has opened a depot.")]);
    let (mut h, _) = harness(Source::Folder(dir.path().to_path_buf()), vec![]);
    assert_eq!(h.state().loaded().corpus.documents.len(), 1);
    drop(dir); // the folder disappears; F5 must not lose what is shown
    h.key_press(egui::Key::F5);
    h.step();
    h.state_mut().wait_for_load();
    h.run();
    assert_eq!(h.state().loaded().corpus.documents.len(), 1);
    assert!(h.state().error().unwrap_or("").contains("no such folder"));
    h.get_by_label_contains("no such folder");
}

#[test]
fn a_folder_that_cannot_load_at_start_shows_the_sample_and_the_reason() {
    let (h, _) = harness(Source::Folder(PathBuf::from("/no/such/place")), vec![]);
    assert_eq!(h.state().loaded().corpus.documents.len(), 5);
    assert!(h.state().error().unwrap().contains("/no/such/place"));
}

#[test]
fn snapshot_of_the_sample_window() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    h.set_size(egui::vec2(900.0, 560.0));
    h.run();
    h.snapshot("sample_window");
}

#[test]
fn the_reader_shows_who_says_each_statement_on_hover() {
    let dir = folder(&[(
        "ferry.txt",
        "Riverton Council has agreed to reopen the ferry.\n\nMayor Ann Hale said: \"The ferry will run from May 2024 at a cost of £2m.\"\n".as_bytes(),
    )]);
    let (mut h, _) = harness(Source::Folder(dir.path().to_path_buf()), vec![]);
    h.get_by_label("Reader").click();
    h.run();
    // the quote is a label of its own, without the attribution around it
    let quote = h.get_by_label("The ferry will run from May 2024 at a cost of £2m.");
    quote.hover();
    h.run();
    h.get_by_label("Speaker: Ann Hale");
    h.get_by_label("money: £2m = GBP 2000000");
    // the attribution is shown as plain text between statements
    h.get_by_label_contains("Mayor Ann Hale said");
}

#[test]
fn claims_filter_to_disputed_select_a_group_and_follow_it_to_the_reader() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    assert_eq!(h.state().view(), parallax::app::View::Claims);
    let groups = h.state().loaded().comparison.groups.clone();
    let disputed = groups
        .iter()
        .filter(|g| g.relation == parallax::comparison::Relation::Disputed)
        .count();
    assert!(disputed > 0, "the sample has disputed groups");
    h.get_by_label("Disputed only").click();
    h.run();
    h.get_by_label_contains(&format!("{disputed} of {} groups shown", groups.len()));
    // every visible group row is a disputed one
    let rows: Vec<String> = h
        .get_all_by(|n| {
            n.role() == egui::accesskit::Role::Button
                && n.label().is_some_and(|l| {
                    ["DISPUTED", "SHARED", "ONE-SIDED"]
                        .iter()
                        .any(|b| l.starts_with(b))
                })
        })
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|l| l.starts_with("DISPUTED")), "{rows:?}");
    h.get_all_by(|n| n.label().is_some_and(|l| l.starts_with("DISPUTED")))
        .next()
        .expect("a disputed row")
        .click();
    h.run();
    let g = &groups[h.state().selected_group().expect("a group is selected")];
    assert_eq!(g.relation, parallax::comparison::Relation::Disputed);
    // its reasons are shown, by kind
    for r in &g.reasons {
        let kind = r.kind.replace('-', " ");
        assert!(
            h.query_all_by_label_contains(&kind).next().is_some(),
            "reason {kind} not shown"
        );
    }
    // a statement's document link opens the reader on that document
    let first = h
        .state()
        .loaded()
        .statement(&g.statements[0])
        .unwrap()
        .clone();
    let doc = h.state().loaded().document_index(&first.document).unwrap();
    let title = h.state().loaded().comparison.documents[doc].title.clone();
    h.get_all_by(|n| {
        n.role() == egui::accesskit::Role::Link && n.label().is_some_and(|l| l == title)
    })
    .next()
    .expect("a link to the document")
    .click();
    h.run();
    assert_eq!(h.state().view(), parallax::app::View::Reader);
    assert_eq!(h.state().selected(), Some(doc));
}
