//! The first hour of a new user, driven through the window: a folder opens through the
//! built-in picker when no system dialog can be shown, the start page, the claim map, two
//! articles side by side, readable values, and the window opening on the strongest dispute.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parallax::app::{
    Command, DialogEnvironment, PATH_FIELD, ParallaxApp, RfdExporter, RfdPicker, Source, View,
};
use parallax::comparison::Relation;

use crate::support::folder;
use crate::ui::{finish, harness, menu_item, open_menu_item};

/// Linux with no D-Bus session (so no desktop portal) and no zenity.
fn no_dialogs() -> DialogEnvironment {
    DialogEnvironment {
        session_bus: false,
        zenity: false,
        native: false,
    }
}

const FERRY_OPERATOR: &str = "---\ntitle: Ferry fares to rise\npublisher: Island Ferries\ndate: 2025-03-02\n---\n\
Island Ferries said fares will rise by 4% from April to cover fuel.\n\n\
\"The rise is the smallest in a decade,\" said Mara Lind, the operator's director.\n";
const FERRY_COUNCIL: &str = "---\ntitle: Council questions ferry rise\npublisher: Harbour Council\ndate: 2025-03-04\n---\n\
Harbour Council said fares will rise by 9% from April, not 4%.\n\n\
\"Islanders deserve the truth about these fares,\" said Tom Reed, the council leader.\n";

/// A home folder holding one folder of two articles, `harbour-news`.
fn home_with_articles() -> tempfile::TempDir {
    folder(&[
        ("harbour-news/operator.md", FERRY_OPERATOR.as_bytes()),
        ("harbour-news/council.md", FERRY_COUNCIL.as_bytes()),
        ("other/readme.txt", b"nothing here"),
    ])
}

/// The built-in picker's path field.
fn path_field<'h>(h: &'h Harness<'static, ParallaxApp>) -> egui_kittest::Node<'h> {
    h.get_by(|n| n.role() == Role::TextInput && n.label().as_deref() == Some(PATH_FIELD))
}

#[test]
fn without_a_portal_or_zenity_a_folder_opens_through_the_built_in_picker_by_keyboard() {
    let home = home_with_articles();
    let home_path = home.path().to_path_buf();
    let picker = RfdPicker::with_environment(no_dialogs());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 700.0))
        .build_eframe(move |_cc| {
            ParallaxApp::with_picker(Source::Sample, Box::new(picker)).with_home(home_path)
        });
    h.run_ok();
    open_menu_item(&mut h, "Open folder…");
    h.run();
    assert!(h.state().builtin_picker_open());
    let status = h.state().status().unwrap_or_default().to_string();
    assert!(
        status.contains("zenity") && status.contains("own picker"),
        "the status line says why: {status}"
    );
    // the field starts at home; typing narrows the list, Tab completes, Enter opens
    h.get_by_label("harbour-news/");
    h.get_by_label("other/");
    path_field(&h).focus();
    h.key_press(egui::Key::End);
    path_field(&h).type_text("har");
    h.run();
    assert!(
        h.query_by_label("other/").is_none(),
        "narrowed to what is typed"
    );
    h.key_press(egui::Key::Tab);
    h.run();
    let typed = path_field(&h).value().unwrap_or_default();
    assert!(typed.ends_with("harbour-news/"), "Tab completed: {typed}");
    h.key_press(egui::Key::Enter);
    h.run_ok();
    assert!(!h.state().builtin_picker_open());
    finish(&mut h);
    assert_eq!(
        h.state().loaded().source,
        Source::Folder(home.path().join("harbour-news"))
    );
    assert_eq!(h.state().loaded().corpus.documents.len(), 2);
    // the reason is said once: a second picker leaves another message in the status line
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::Reload, &ctx);
    h.state_mut().apply(Command::CancelLoad, &ctx);
    let before = h.state().status().unwrap_or_default().to_string();
    assert!(before.starts_with("Cancelled"), "{before}");
    open_menu_item(&mut h, "Open folder…");
    h.run();
    assert!(h.state().builtin_picker_open());
    assert_eq!(h.state().status(), Some(before.as_str()));
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().builtin_picker_open(), "Escape cancels");
}

#[test]
fn export_uses_the_built_in_save_picker_and_asks_before_replacing() {
    let home = home_with_articles();
    let home_path = home.path().to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 700.0))
        .build_eframe(move |_cc| {
            ParallaxApp::with_picker(
                Source::Sample,
                Box::new(RfdPicker::with_environment(no_dialogs())),
            )
            .with_exporter(Box::new(RfdExporter::with_environment(no_dialogs())))
            .with_home(home_path)
        });
    h.run_ok();
    let target = home.path().join("parallax-sample.html");
    for round in 0..2 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
        h.run();
        assert!(h.state().builtin_picker_open(), "round {round}");
        let suggested = path_field(&h).value().unwrap_or_default();
        assert_eq!(suggested, target.to_string_lossy(), "suggested in home");
        // files of the export formats are listed beside the folders
        if round == 1 {
            h.get_by_label("parallax-sample.html");
        }
        menu_item(&h, "Save").click();
        h.run();
        if round == 1 {
            // the file exists now: the question comes first
            assert!(h.state().builtin_picker_open());
            h.get_by_label_contains("exists. Replace it?");
            std::fs::write(&target, "old").unwrap();
            h.get_by_label("Replace").click();
            h.run();
        }
        assert!(!h.state().builtin_picker_open());
        // the export is written on its own thread: the status line says when it is done
        let started = std::time::Instant::now();
        while !h
            .state()
            .status()
            .unwrap_or_default()
            .starts_with("Exported to")
        {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(60),
                "{:?}",
                h.state().status()
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
            h.step();
        }
        let html = std::fs::read_to_string(&target).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Claim map"));
        assert!(
            h.state()
                .status()
                .unwrap_or_default()
                .starts_with("Exported to"),
            "{:?}",
            h.state().status()
        );
    }
}

#[test]
fn the_start_page_offers_a_folder_the_recent_ones_and_the_sample() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::ShowStart, &ctx);
    h.run();
    assert!(h.state().start_page());
    assert_eq!(h.state().title(), "Parallax");
    h.get_by_label("Open a folder…");
    h.get_by_label_contains("Drop a folder here");
    h.get_by_label("The bundled sample").click();
    finish(&mut h);
    assert!(!h.state().start_page());
    assert_eq!(h.state().loaded().source, Source::Sample);
    assert_eq!(h.state().loaded().corpus.documents.len(), 5);
}

#[test]
fn a_claim_map_cell_clicked_filters_the_comparison_to_its_side_and_topic() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::ShowView(View::ClaimMap), &ctx);
    h.run();
    // the cell of the side with the most disputed claims on one topic
    let loaded = h.state().loaded();
    let topics = loaded.corpus.lexicon().topics.clone();
    let map = parallax::export::claim_map::claim_map(&loaded.comparison, &topics, 40);
    let (s, t) = (0..map.sides.len())
        .flat_map(|s| (0..map.topics.len()).map(move |t| (s, t)))
        .max_by_key(|&(s, t)| (map.cells[s][t].disputed, map.cells[s][t].claims))
        .unwrap();
    let count = map.cells[s][t];
    assert!(count.disputed > 0, "the sample has disputes on a topic");
    let (side, topic) = (map.sides[s].clone(), map.topics[t].clone());
    let claims = if count.claims == 1 { "claim" } else { "claims" };
    let label = format!(
        "{}, {}: {} {claims}, {} disputed",
        side.name, topic.label, count.claims, count.disputed
    );
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(h.state().view(), View::Comparison);
    let rows = h.state().rows().to_vec();
    assert_eq!(
        rows.len(),
        count.claims,
        "a row for each claim the cell counts"
    );
    let groups = &h.state().loaded().comparison.groups;
    for &g in &rows {
        assert!(groups[g].sides.contains(&side.id) && groups[g].topics.contains(&topic.id));
    }
    let disputed = rows
        .iter()
        .filter(|&&g| groups[g].relation == Relation::Disputed)
        .count();
    assert_eq!(disputed, count.disputed);
    assert!(
        h.state().columns().contains(&side.id),
        "the side is a column"
    );
}

#[test]
fn two_documents_open_side_by_side_with_shared_claims_on_one_row() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    // the document sharing the most claims with the first one
    let loaded = h.state().loaded();
    let groups_of = |d: usize| -> std::collections::HashSet<usize> {
        loaded.statements_by_document[d]
            .iter()
            .filter_map(|&s| loaded.group_of_statement[s])
            .collect()
    };
    let first = groups_of(0);
    let other = (1..loaded.comparison.documents.len())
        .max_by_key(|&d| groups_of(d).intersection(&first).count())
        .unwrap();
    let title = loaded.comparison.documents[other].title.clone();
    let first_title = loaded.comparison.documents[0].title.clone();
    // right-click the other document in the list: side by side with the one in the reader
    h.get_by(|n| {
        n.role() == Role::Button
            && n.label()
                .is_some_and(|l| l.ends_with(&format!("\n{title}")))
    })
    .click_secondary();
    h.run();
    menu_item(&h, &format!("Side by side with “{first_title}”")).click();
    h.run();
    assert_eq!(h.state().view(), View::Pair);
    let rows = h.state_mut().pair_rows();
    let loaded = h.state().loaded();
    let paired: Vec<(usize, usize)> = rows.iter().filter_map(|&(a, b)| Some((a?, b?))).collect();
    assert!(!paired.is_empty(), "the two share claims");
    for &(a, b) in &paired {
        assert_eq!(loaded.group_of_statement[a], loaded.group_of_statement[b]);
    }
    let all = loaded.statements_by_document[0].len() + loaded.statements_by_document[other].len();
    assert_eq!(
        rows.len(),
        all - paired.len(),
        "every statement once, pairs share a row"
    );
    // a pair's two texts stand on one row, side by side
    let (a, b) = paired[0];
    let (ta, tb) = (
        loaded.comparison.statements[a].text.clone(),
        loaded.comparison.statements[b].text.clone(),
    );
    let top_of = |text: &str| {
        h.get_all_by(|n| {
            n.label().is_some_and(|l| l == text) || n.value().is_some_and(|v| v == text)
        })
        .map(|n| n.rect())
        .collect::<Vec<_>>()
    };
    let (ra, rb) = (top_of(&ta), top_of(&tb));
    assert!(
        !ra.is_empty() && !rb.is_empty(),
        "both statements are shown"
    );
    let (ra, rb) = (ra[0], rb[rb.len() - 1]);
    assert!((ra.top() - rb.top()).abs() < 1.0, "one row: {ra:?} {rb:?}");
    assert!(ra.right() < rb.left(), "left and right");
}

#[test]
fn the_inspector_shows_values_as_a_reader_writes_them() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let loaded = h.state().loaded();
    // a statement naming a month without a year
    let s = loaded
        .comparison
        .statements
        .iter()
        .position(|st| st.entities.iter().any(|e| e.value.starts_with("--")))
        .expect("the sample has a month without its year");
    let g = loaded.group_of_statement[s].expect("in a group");
    let month = loaded.comparison.statements[s]
        .entities
        .iter()
        .find(|e| e.value.starts_with("--"))
        .map(parallax::readable::readable)
        .unwrap();
    assert!(month.ends_with("(year not given)"), "{month}");
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::ShowGroup(g), &ctx);
    h.run();
    let wanted = format!("date: {month}");
    let shown = h.get_all_by_label_contains(&wanted).next().unwrap();
    let text = shown
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .to_string();
    assert!(
        !text.contains(" = ") && !text.contains("--"),
        "no engine notation: {text}"
    );
}

#[test]
fn the_window_opens_on_the_strongest_dispute() {
    let (h, _) = harness(Source::Sample, vec![]);
    let groups = &h.state().loaded().comparison.groups;
    let strongest = (0..groups.len())
        .filter(|&g| groups[g].relation == Relation::Disputed)
        .max_by(|&a, &b| {
            groups[a]
                .strength
                .total_cmp(&groups[b].strength)
                .then(b.cmp(&a))
        })
        .expect("the sample has disputes");
    assert!(groups[strongest].strength > 0.0);
    assert_eq!(h.state().rows().first(), Some(&strongest));
    // disputes first, strongest first
    let rows = h.state().rows();
    let disputed: Vec<f64> = rows
        .iter()
        .take_while(|&&g| groups[g].relation == Relation::Disputed)
        .map(|&g| groups[g].strength)
        .collect();
    assert!(disputed.len() > 1);
    assert!(disputed.windows(2).all(|w| w[0] >= w[1]), "{disputed:?}");
    // and the topmost row on screen is that group
    let top_row = h
        .get_all_by(|n| {
            n.role() == Role::Button
                && n.label().is_some_and(|l| {
                    ["DISPUTED", "SHARED", "ONE-SIDED"]
                        .iter()
                        .any(|b| l.starts_with(b))
                })
        })
        .min_by(|a, b| a.rect().top().total_cmp(&b.rect().top()))
        .unwrap();
    let label = top_row
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .to_string();
    let first_reason = &groups[strongest].reasons[0].detail;
    assert!(label.starts_with("DISPUTED"), "{label}");
    assert!(
        label.contains(first_reason.as_str()),
        "{label} / {first_reason}"
    );
}
