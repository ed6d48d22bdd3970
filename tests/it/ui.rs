//! The window, driven through its accessibility tree with egui_kittest: opening folders,
//! reloading, watching, dropping, preferences, theme, export.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parallax::annotations::Annotations;
use parallax::app::{
    Command, Exporter, FolderPicker, ParallaxApp, Prefs, Source, ThemeChoice, View,
};
use parallax::comparison::Comparison;

use crate::support::folder;

/// A folder dialog that answers from a script and counts how often it was shown.
pub struct ScriptedPicker {
    answers: Vec<Option<PathBuf>>,
    shown: Rc<RefCell<usize>>,
}

impl FolderPicker for ScriptedPicker {
    fn pick_folder(&mut self) -> Option<PathBuf> {
        *self.shown.borrow_mut() += 1;
        self.answers.pop().flatten()
    }
}

/// A window on `source` at 1100x700 with a scripted folder dialog.
pub fn harness(
    source: Source,
    answers: Vec<Option<PathBuf>>,
) -> (Harness<'static, ParallaxApp>, Rc<RefCell<usize>>) {
    harness_with(source, answers, |app| app)
}

/// Like [`harness`], with the app changed by `setup` before the first frame.
pub fn harness_with(
    source: Source,
    answers: Vec<Option<PathBuf>>,
    setup: impl FnOnce(ParallaxApp) -> ParallaxApp + 'static,
) -> (Harness<'static, ParallaxApp>, Rc<RefCell<usize>>) {
    let shown = Rc::new(RefCell::new(0));
    let picker = ScriptedPicker {
        answers,
        shown: shown.clone(),
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 700.0))
        .build_eframe(move |_cc| setup(ParallaxApp::with_picker(source, Box::new(picker))));
    // a folder's analysis runs in the background and its spinner repaints until it is done:
    // the first frames need not settle (tests that need the result call `finish`)
    h.run_ok();
    (h, shown)
}

/// Lets a started load or analysis finish and shows its result.
pub fn finish(h: &mut Harness<'static, ParallaxApp>) {
    h.step();
    h.state_mut().wait_for_load();
    h.run();
}

/// Opens the File menu and clicks an item of it.
pub fn open_menu_item(h: &mut Harness<'static, ParallaxApp>, item: &str) {
    h.get_by_label("File").click();
    h.run();
    menu_item(h, item).click();
}

/// An item of an open menu (its accessible name ends with its shortcut, if any).
pub fn menu_item<'h>(
    h: &'h Harness<'static, ParallaxApp>,
    item: &'h str,
) -> egui_kittest::Node<'h> {
    h.get_by(move |n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(item)))
}

/// The document list's row holding this title.
fn list_row<'h>(h: &'h Harness<'static, ParallaxApp>, title: &'h str) -> egui_kittest::Node<'h> {
    h.get_by(move |n| {
        n.role() == Role::Button
            && n.label().is_some_and(|l| {
                l.contains(title)
                    && !["DISPUTED", "SHARED", "ONE-SIDED"]
                        .iter()
                        .any(|b| l.starts_with(b))
            })
    })
}

#[test]
fn the_sample_lists_its_documents_with_publisher_and_date_and_opens_them_in_the_reader() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    assert_eq!(h.state().loaded().corpus.documents.len(), 5);
    assert_eq!(h.state().view(), View::Comparison);
    let docs = h.state().loaded().comparison.documents.clone();
    for doc in &docs {
        let label = list_row(&h, &doc.title)
            .accesskit_node()
            .label()
            .unwrap_or_default();
        let side_name = h.state().loaded().side_name(doc.publisher.as_deref());
        assert!(label.starts_with(&side_name), "{label}");
        assert!(
            label.contains(doc.published.as_deref().map_or("undated", |p| &p[..10])),
            "{label}"
        );
    }
    list_row(&h, &docs[1].title).click();
    h.run();
    assert_eq!(h.state().view(), View::Reader);
    assert_eq!(h.state().selected(), Some(1));
    h.get_by_label_contains("opening subject");
    assert!(h.state().title().ends_with("bundled sample (alliance)"));
}

#[test]
fn open_folder_uses_the_dialog_names_the_folder_and_remembers_it() {
    let dir = folder(&[(
        "river.txt",
        b"Riverton Council has agreed to reopen the ferry.",
    )]);
    let (mut h, shown) = harness(Source::Sample, vec![Some(dir.path().to_path_buf())]);
    open_menu_item(&mut h, "Open folder…");
    h.step();
    assert!(h.state().is_loading());
    finish(&mut h);
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
    // remembered: the last folder and the recent list, written to eframe's storage
    assert_eq!(h.state().prefs().last_folder.as_deref(), Some(dir.path()));
    assert_eq!(h.state().prefs().recent, vec![dir.path().to_path_buf()]);
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    let saved = Prefs::load(Some(&storage));
    assert_eq!(saved.last_folder.as_deref(), Some(dir.path()));
    assert_eq!(
        saved.start_source(Source::Sample),
        Source::Folder(dir.path().to_path_buf()),
        "the next start reopens the folder"
    );
}

#[test]
fn recent_folders_reopen_from_the_menu_and_the_sample_is_there_too() {
    let a = folder(&[("a.txt", b"Acme Ltd has opened a depot in Riverton.")]);
    let b = folder(&[("b.txt", b"Bolt Buses has cut the number 9 route.")]);
    let (mut h, _) = harness(Source::Folder(a.path().to_path_buf()), vec![]);
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(Command::Open(Source::Folder(b.path().to_path_buf())), &ctx);
    finish(&mut h);
    assert_eq!(
        h.state().prefs().recent,
        vec![b.path().to_path_buf(), a.path().to_path_buf()]
    );
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Recent folders").click();
    h.run();
    h.get_by_label(&a.path().display().to_string()).click();
    finish(&mut h);
    assert_eq!(
        h.state().loaded().source,
        Source::Folder(a.path().to_path_buf())
    );
    open_menu_item(&mut h, "The bundled sample");
    finish(&mut h);
    assert_eq!(h.state().loaded().source, Source::Sample);
    assert_eq!(h.state().prefs().last_folder, None);
}

#[test]
fn a_cancelled_dialog_or_a_vanished_folder_keeps_what_is_shown() {
    let (mut h, shown) = harness(Source::Sample, vec![None]);
    open_menu_item(&mut h, "Open folder…");
    h.run();
    assert_eq!(*shown.borrow(), 1);
    assert!(!h.state().is_loading());
    assert_eq!(h.state().loaded().corpus.documents.len(), 5);

    let dir = folder(&[("a.txt", b"Acme Ltd has opened a depot.")]);
    let (mut h, _) = harness(Source::Folder(dir.path().to_path_buf()), vec![]);
    assert_eq!(h.state().loaded().corpus.documents.len(), 1);
    drop(dir); // the folder disappears; F5 must not lose what is shown
    h.key_press(egui::Key::F5);
    finish(&mut h);
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
fn a_folder_dropped_on_the_window_opens() {
    let dir = folder(&[(
        "notes/ferry.txt",
        b"Riverton Council has agreed to reopen the ferry.",
    )]);
    let (mut h, _) = harness(Source::Sample, vec![]);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(dir.path().to_path_buf())));
    finish(&mut h);
    assert_eq!(
        h.state().loaded().source,
        Source::Folder(dir.path().to_path_buf())
    );
    // a dropped file opens the folder it is in
    let (mut h, _) = harness(Source::Sample, vec![]);
    let file = dir.path().join("notes/ferry.txt");
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file)));
    finish(&mut h);
    assert_eq!(
        h.state().loaded().source,
        Source::Folder(dir.path().join("notes"))
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("a folder".into())
    }
}

#[test]
fn edits_on_disk_are_picked_up_without_asking() {
    let dir = folder(&[("a.txt", b"Acme Ltd has opened a depot in Riverton.")]);
    let (mut h, _) = harness_with(
        Source::Folder(dir.path().to_path_buf()),
        vec![],
        |mut app| {
            app.set_watch_interval(Duration::from_millis(100));
            app
        },
    );
    assert_eq!(h.state().loaded().corpus.documents.len(), 1);
    h.step(); // the watcher starts with the folder as it was read
    std::fs::write(
        dir.path().join("b.txt"),
        "Riverton Council says the depot was its idea.",
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while h.state().loaded().corpus.documents.len() < 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        h.step();
        h.state_mut().wait_for_load();
    }
    assert_eq!(h.state().loaded().corpus.documents.len(), 2);
    assert!(h.state().status().unwrap_or("").contains("changed on disk"));
}

#[test]
fn the_theme_toggles_and_is_remembered() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let dark_at_start = h.ctx.global_style().visuals.dark_mode;
    let (button, choice) = if dark_at_start {
        ("Light theme", ThemeChoice::Light)
    } else {
        ("Dark theme", ThemeChoice::Dark)
    };
    h.get_by_label(button).click();
    h.run();
    assert_eq!(h.state().prefs().theme, Some(choice));
    assert_ne!(h.ctx.global_style().visuals.dark_mode, dark_at_start);
    let mut storage = MemoryStorage::default();
    eframe::App::save(h.state_mut(), &mut storage);
    assert_eq!(Prefs::load(Some(&storage)).theme, Some(choice));
}

/// An exporter that renders what the window hands over in one format, as the real one
/// does, keeps the bytes in `made` and answers with `said`.
pub struct RenderingExporter {
    pub format: parallax::export::Format,
    pub made: Rc<RefCell<Option<Vec<u8>>>>,
    pub said: &'static str,
}

impl Exporter for RenderingExporter {
    fn export(
        &mut self,
        comparison: &std::sync::Arc<Comparison>,
        _annotations: &Annotations,
        options: &parallax::export::Options,
        _name: &str,
    ) -> Result<Option<String>, String> {
        let bytes = parallax::export::export(self.format, comparison, options)
            .map_err(|e| e.to_string())?;
        *self.made.borrow_mut() = Some(bytes);
        Ok(Some(self.said.to_string()))
    }
}

/// An exporter that keeps what it was given.
struct KeepingExporter(Rc<RefCell<Vec<(usize, usize)>>>);

impl Exporter for KeepingExporter {
    fn export(
        &mut self,
        comparison: &std::sync::Arc<Comparison>,
        annotations: &Annotations,
        _options: &parallax::export::Options,
        _name: &str,
    ) -> Result<Option<String>, String> {
        self.0
            .borrow_mut()
            .push((comparison.groups.len(), annotations.groups.len()));
        Ok(Some("saved report.html".into()))
    }
}

#[test]
fn ctrl_e_exports_through_the_exporter_and_is_disabled_without_one() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    h.get_by_label("File").click();
    h.run();
    assert!(menu_item(&h, "Export…").accesskit_node().is_disabled());
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    assert!(
        h.state()
            .status()
            .unwrap_or("")
            .contains("needs an exporter")
    );

    let calls = Rc::new(RefCell::new(Vec::new()));
    let kept = calls.clone();
    let (mut h, _) = harness_with(Source::Sample, vec![], move |app| {
        app.with_exporter(Box::new(KeepingExporter(kept)))
    });
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run();
    let groups = h.state().loaded().comparison.groups.len();
    assert_eq!(*calls.borrow(), vec![(groups, 0)]);
    h.get_by_label("saved report.html");
    open_menu_item(&mut h, "Export…");
    h.run();
    assert_eq!(calls.borrow().len(), 2);
}

/// eframe's storage, in memory.
#[derive(Default)]
pub struct MemoryStorage(HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn the_window_has_the_app_icon() {
    let icon = parallax::app::window_icon();
    assert_eq!((icon.width, icon.height), (64, 64));
    assert_eq!(icon.rgba.len(), 64 * 64 * 4);
    // not blank: the icon's dark tile covers the middle
    let middle = ((32 * 64 + 32) * 4) as usize;
    assert_eq!(icon.rgba[middle + 3], 255);
}

#[test]
fn a_file_given_at_start_opens_its_folder_on_that_document() {
    let dir = folder(&[
        (
            "a.txt",
            b"---\ntitle: First\n---\nThe ferry runs on Sundays.\n",
        ),
        (
            "b.txt",
            b"---\ntitle: Second\n---\nThe ferry stops in winter.\n",
        ),
        ("c.txt", b"---\ntitle: Third\n---\nThe ferry is late.\n"),
    ]);
    let (h, _) = harness_with(Source::Folder(dir.path().to_path_buf()), vec![], |app| {
        app.select_document_path("b.txt")
    });
    let shown = h.state().selected().expect("a document is shown");
    assert_eq!(
        h.state().loaded().comparison.documents[shown].title,
        "Second"
    );
    assert_eq!(h.state().view(), View::Reader);
}

#[test]
fn the_top_bar_counts_the_documents_read_and_cancel_stops_the_job() {
    let dir = tempfile::tempdir().unwrap();
    parallax::generate::write(dir.path(), 400, 42).unwrap();
    let (mut h, _) = harness(Source::Sample, vec![]);
    let ctx = h.ctx.clone();
    let open = Command::Open(Source::Folder(dir.path().to_path_buf()));
    h.state_mut().apply(open, &ctx);
    let started = Instant::now();
    // frames until one shows the reading's count (the frame, not the job's state after it:
    // the job moves on between the two)
    loop {
        h.step();
        let shown = h.query_by(|n| {
            n.label()
                .is_some_and(|l| l.starts_with("Reading ") && l.ends_with(" of 400 documents"))
        });
        if shown.is_some() {
            break;
        }
        assert!(
            h.state().is_loading(),
            "the job ended before a frame showed its reading"
        );
        assert!(started.elapsed() < Duration::from_secs(120), "never read");
        std::thread::sleep(Duration::from_millis(5));
    }
    h.get_by_label("Cancel").click();
    h.step();
    assert!(!h.state().is_loading());
    assert_eq!(h.state().status(), Some("Cancelled: what was shown stays"));
    assert_eq!(
        h.state().loaded().source,
        Source::Sample,
        "what was shown stays"
    );
}

#[test]
fn a_folder_being_read_for_the_first_time_is_not_called_empty() {
    let dir = tempfile::tempdir().unwrap();
    parallax::generate::write(dir.path(), 400, 42).unwrap();
    let source = Source::Folder(dir.path().to_path_buf());
    // as the desktop start does: nothing shown yet, the folder's reading started
    let shown = parallax::session::Loaded::empty(source.clone());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 700.0))
        .build_eframe(move |_cc| ParallaxApp::from_loaded(shown));
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::Open(source), &ctx);
    h.step();
    assert!(
        h.state().is_loading(),
        "400 documents take longer than a frame"
    );
    assert!(h.query_by_label("Reading the folder…").is_some());
    assert!(
        h.query_by_label("Reading the folder: its claims appear here when it is read.")
            .is_some()
    );
    assert!(
        h.query_by_label("No articles were found in this folder.")
            .is_none()
    );
    assert!(
        h.query_by_label("No claims were found in this folder.")
            .is_none()
    );
    // the top bar says what is read, not that it is read "again"
    let name = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    assert!(
        h.query_by_label_contains(&format!("Reading {name}"))
            .is_some(),
        "the top bar names the folder"
    );
    assert!(h.query_by_label_contains("again").is_none());
    // once read, an empty folder would say so; this one shows its documents
    finish(&mut h);
    assert!(!h.state().is_loading());
    assert!(h.query_by_label("Reading the folder…").is_none());
    assert_eq!(h.state().loaded().comparison.documents.len(), 400);
}
