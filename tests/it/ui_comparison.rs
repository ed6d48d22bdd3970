//! The comparison window on the sample, driven like a user would: the columns, the filters,
//! the inspector, the reader, the keyboard, corrections and undo, the timeline, the report.

use std::collections::HashMap;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parallax::annotations::Verdict;
use parallax::app::{Command, ParallaxApp, Source, View};
use parallax::comparison::Relation;

use crate::support::folder;
use crate::ui::{finish, harness};

const BADGES: [&str; 3] = ["DISPUTED", "SHARED", "ONE-SIDED"];

/// The accessible labels of the comparison's rows on screen.
fn row_labels(h: &Harness<'static, ParallaxApp>) -> Vec<String> {
    h.get_all_by(|n| {
        n.role() == Role::Button
            && n.label()
                .is_some_and(|l| BADGES.iter().any(|b| l.starts_with(b)))
    })
    .map(|n| n.accesskit_node().label().unwrap_or_default())
    .collect()
}

/// The side ids with the most claim statements, most first.
fn sides_by_claims(h: &Harness<'static, ParallaxApp>) -> Vec<String> {
    let c = &h.state().loaded().comparison;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in c.statements.iter().filter(|s| s.kind.is_claim()) {
        if let Some(side) = &s.claimant {
            *counts.entry(side.as_str()).or_default() += 1;
        }
    }
    let mut sides: Vec<(&str, usize)> = counts.into_iter().collect();
    sides.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    sides.into_iter().map(|(s, _)| s.to_string()).collect()
}

/// Puts the keyboard in the field labelled `label` and types `text`.
fn type_into(h: &mut Harness<'static, ParallaxApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
}

fn column_header_exists(h: &Harness<'static, ParallaxApp>, name: &str) -> bool {
    h.query_all_by_role_and_label(Role::Label, name)
        .next()
        .is_some()
}

#[test]
fn the_two_sides_with_most_claims_face_each_other_as_columns() {
    let (h, _) = harness(Source::Sample, vec![]);
    let top = sides_by_claims(&h);
    assert!(top.len() >= 3, "the sample has several sides");
    assert_eq!(h.state().columns(), &top[..2]);
    for id in &top[..2] {
        let name = h.state().loaded().side_name(Some(id));
        assert!(column_header_exists(&h, &name), "header {name}");
    }
    let third = h.state().loaded().side_name(Some(&top[2]));
    assert!(!column_header_exists(&h, &third), "{third} is not a column");
    // a row reads out its relation and each column's first statement
    let rows = row_labels(&h);
    assert!(!rows.is_empty());
    let first = h.state().rows()[0];
    let g = &h.state().loaded().comparison.groups[first];
    let text = &h.state().loaded().statement(&g.statements[0]).unwrap().text;
    assert!(rows[0].contains(text.as_str()), "{}", rows[0]);
}

#[test]
fn ticking_a_side_adds_its_column_and_default_columns_goes_back() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let top = sides_by_claims(&h);
    let third = h.state().loaded().side_name(Some(&top[2]));
    h.get_by_role_and_label(Role::CheckBox, &third).click();
    h.run();
    assert_eq!(h.state().columns(), &top[..3]);
    assert!(column_header_exists(&h, &third));
    h.get_by_label("Default columns").click();
    h.run();
    assert_eq!(h.state().columns(), &top[..2]);
}

/// The group of the sample's sustainability credit dispute, found from the comparison.
fn credit_group(h: &Harness<'static, ParallaxApp>) -> usize {
    let groups = &h.state().loaded().comparison.groups;
    groups
        .iter()
        .position(|g| {
            g.reasons.iter().any(|r| r.kind == "competing-credit")
                && g.topics.iter().any(|t| t == "sustainability")
        })
        .expect("the sample's sustainability credit dispute is grouped")
}

#[test]
fn disputed_only_then_the_credit_dispute_its_reason_and_its_statement_in_the_reader() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    h.get_by_label("Disputed only").click();
    h.run();
    let groups = h.state().loaded().comparison.groups.clone();
    let rows = h.state().rows().to_vec();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|&g| groups[g].relation == Relation::Disputed)
    );
    let labels = row_labels(&h);
    assert!(labels.len() <= rows.len());
    assert!(
        labels.iter().all(|l| l.starts_with("DISPUTED")),
        "{labels:?}"
    );
    h.get_by_label_contains(&format!("{} of {} claims shown", rows.len(), groups.len()));

    // select the credit dispute by its row
    let g = credit_group(&h);
    let reason = groups[g]
        .reasons
        .iter()
        .find(|r| r.kind == "competing-credit")
        .unwrap()
        .clone();
    let line = format!("competing credit: {}", reason.detail);
    let row = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.role() == Role::Button
            && n.label()
                .is_some_and(|l| l.starts_with("DISPUTED") && l.contains(&line))
    };
    // rows are as tall as their statements: bring the row into view before clicking it
    h.get_by(row).scroll_to_me();
    h.run();
    h.get_by(row).click();
    h.run();
    assert_eq!(h.state().selected_group(), Some(g));
    assert!(h.state().inspector_open());
    // the inspector reads out the reason
    h.get_by_role_and_label(Role::Label, &line);

    // follow the first statement to the reader
    let first = h
        .state()
        .loaded()
        .statement_index(&groups[g].statements[0])
        .unwrap();
    let doc = h.state().loaded().document_of_statement[first].unwrap();
    let title = h.state().loaded().comparison.documents[doc].title.clone();
    h.get_all_by(|n| n.role() == Role::Link && n.label().is_some_and(|l| l == title))
        .next()
        .expect("a link to the statement's document")
        .click();
    h.run();
    assert_eq!(h.state().view(), View::Reader);
    assert_eq!(h.state().selected(), Some(doc));
    assert_eq!(h.state().reader_target(), Some(first));
    assert!(
        h.query_all_by_role_and_label(Role::Label, &title)
            .next()
            .is_some()
    ); // the heading
    let text = h.state().loaded().comparison.statements[first].text.clone();
    // the statement is in the reader; clicking it goes back to its claim
    // (the inspector, on the right, shows it in its paragraph too)
    h.get_all_by_label(&text)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .unwrap()
        .click();
    h.run();
    assert_eq!(h.state().view(), View::Comparison);
    assert_eq!(h.state().selected_group(), Some(g));
}

#[test]
fn search_topic_chips_side_and_sort_narrow_and_order_the_rows() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let all = h.state().rows().len();
    // a word of the credit dispute's first statement, found by the search
    let g = credit_group(&h);
    let loaded = h.state().loaded();
    let text = loaded
        .statement(&loaded.comparison.groups[g].statements[0])
        .unwrap()
        .text
        .clone();
    // the longest word of the text that no document title holds
    let titles: Vec<String> = loaded
        .comparison
        .documents
        .iter()
        .map(|d| d.title.to_lowercase())
        .collect();
    let word = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !titles.iter().any(|t| t.contains(&w.to_lowercase())))
        .max_by_key(|w| w.len())
        .unwrap()
        .to_uppercase();
    type_into(&mut h, "Search", &word);
    h.run();
    let rows = h.state().rows().to_vec();
    assert!(
        rows.contains(&g) && rows.len() < all,
        "{word}: {} of {all}",
        rows.len()
    );
    let needle = word.to_lowercase();
    for &r in &rows {
        let loaded = h.state().loaded();
        assert!(
            loaded.group_members[r]
                .iter()
                .any(|&s| loaded.search_text[s].contains(&needle)),
            "row {r} does not hold {word}"
        );
    }
    h.get_by_label("Clear search").click();
    h.run();
    assert_eq!(h.state().rows().len(), all);

    // a topic chip keeps the claims on that topic
    let chip = h
        .get_all_by(|n| {
            n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("Sustainability"))
        })
        .next()
        .expect("a sustainability chip");
    chip.scroll_to_me();
    h.run();
    let chip = h
        .get_all_by(|n| {
            n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("Sustainability"))
        })
        .next()
        .unwrap();
    chip.click();
    h.run();
    let groups = h.state().loaded().comparison.groups.clone();
    assert!(!h.state().rows().is_empty());
    assert!(
        h.state()
            .rows()
            .iter()
            .all(|&r| groups[r].topics.iter().any(|t| t == "sustainability"))
    );
    h.get_by_label("All topics").click();
    h.run();

    // document order: the claims as they first appear
    h.get_by_label("Sort by").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "document order")
        .click();
    h.run();
    let in_document_order = h.state().rows().to_vec();
    assert!(
        in_document_order.windows(2).all(|w| w[0] < w[1]),
        "{in_document_order:?}"
    );

    // sort by dispute (the order the window opens on): the disputed claims first
    h.get_by_label("Sort by").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "dispute").click();
    h.run();
    let rows = h.state().rows().to_vec();
    let disputed = rows
        .iter()
        .filter(|&&r| groups[r].relation == Relation::Disputed)
        .count();
    assert!(disputed > 0);
    assert!(
        rows[..disputed]
            .iter()
            .all(|&r| groups[r].relation == Relation::Disputed)
    );
    let mut same = rows.clone();
    same.sort_unstable();
    assert_eq!(same, in_document_order, "the same rows, in another order");
    assert_ne!(rows, in_document_order);

    // the side filter keeps the claims a side speaks in
    let top = sides_by_claims(&h);
    let name = h.state().loaded().side_name(Some(&top[1]));
    h.get_by_label("Side").click();
    h.run();
    h.get_by_role_and_label(Role::Button, &name).click();
    h.run();
    assert!(
        h.state()
            .rows()
            .iter()
            .all(|&r| groups[r].sides.contains(&top[1]))
    );
    assert!(h.state().rows().len() < all);
}

#[test]
fn the_keyboard_moves_between_rows_opens_the_inspector_and_undoes_an_annotation() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let rows = h.state().rows().to_vec();
    assert!(rows.len() > 3);
    assert_eq!(h.state().selected_group(), None);
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().selected_group(), Some(rows[0]));
    assert!(
        !h.state().inspector_open(),
        "moving does not open the inspector"
    );
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().selected_group(), Some(rows[1]));
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().selected_group(), Some(rows[2]));
    h.key_press(Key::K);
    h.run();
    assert_eq!(h.state().selected_group(), Some(rows[1]));
    h.key_press(Key::ArrowUp);
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(
        h.state().selected_group(),
        Some(rows[0]),
        "stops at the first row"
    );
    h.key_press(Key::End);
    h.run();
    assert_eq!(h.state().selected_group(), rows.last().copied());
    h.key_press(Key::Home);
    h.run();
    assert_eq!(h.state().selected_group(), Some(rows[0]));
    // the selected row is marked as selected for screen readers
    let selected = h
        .get_all_by(|n| {
            n.role() == Role::Button
                && n.toggled() == Some(egui::accesskit::Toggled::True)
                && n.label()
                    .is_some_and(|l| BADGES.iter().any(|b| l.starts_with(b)))
        })
        .count();
    assert_eq!(selected, 1);

    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().inspector_open());
    let id = h.state().loaded().comparison.groups[rows[0]].id.clone();
    // the strongest dispute's inspector is long: bring the verdicts into view first
    h.get_by_role_and_label(Role::RadioButton, "agreed")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "agreed").click();
    h.run();
    let verdict = |h: &Harness<'static, ParallaxApp>| {
        h.state()
            .annotations()
            .groups
            .get(&id)
            .and_then(|n| n.verdict)
    };
    assert_eq!(verdict(&h), Some(Verdict::Agreed));
    assert!(row_labels(&h)[0].contains("(verdict: agreed)"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(verdict(&h), None, "Ctrl+Z undoes the verdict");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(verdict(&h), Some(Verdict::Agreed), "Ctrl+Shift+Z redoes it");

    // a note typed in one go is one step; tags are added and removed
    type_into(&mut h, "Note", "check the minutes");
    h.run();
    let note = |h: &Harness<'static, ParallaxApp>| {
        h.state()
            .annotations()
            .groups
            .get(&id)
            .map(|n| n.note.clone())
            .unwrap_or_default()
    };
    assert_eq!(note(&h), "check the minutes");
    type_into(&mut h, "New tag", "  budget   2021 ");
    h.run();
    h.get_by_label("Add tag").click();
    h.run();
    assert_eq!(
        h.state().annotations().groups[&id].tags,
        vec!["budget 2021"]
    );
    h.get_by_label("Edit").click();
    h.run();
    crate::ui::menu_item(&h, "Undo").click();
    h.run();
    assert!(h.state().annotations().groups[&id].tags.is_empty());
    h.get_by_label("Edit").click();
    h.run();
    crate::ui::menu_item(&h, "Undo").click();
    h.run();
    assert_eq!(note(&h), "", "the whole note is one step");
    assert_eq!(verdict(&h), Some(Verdict::Agreed));

    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().inspector_open());
}

#[test]
fn ctrl_f_puts_the_keyboard_in_the_search_and_keys_type_there() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    h.get_by_label("Timeline").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert_eq!(h.state().view(), View::Comparison);
    assert!(h.get_by_label("Search").is_focused());
    // j types a letter in the search; it does not move the selection
    h.event(egui::Event::Text("j".into()));
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().filter().search, "j");
    assert_eq!(h.state().selected_group(), None);
}

#[test]
fn renaming_a_side_renames_its_column_and_undo_brings_the_name_back() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let first = h.state().columns()[0].clone();
    let old = h.state().loaded().side_name(Some(&first));
    h.get_by_label("Rename or merge a side").click();
    h.run();
    h.get_by_label("Side to edit").click();
    h.run();
    h.get_by_role_and_label(Role::Button, &old).click();
    h.run();
    type_into(&mut h, "New name", "The county force");
    h.run();
    h.get_by_label("Rename").click();
    h.step();
    assert!(h.state().is_loading(), "the analysis runs again");
    finish(&mut h);
    assert_eq!(
        h.state()
            .annotations()
            .corrections
            .side_names
            .get(&first)
            .map(String::as_str),
        Some("The county force")
    );
    assert_eq!(h.state().columns()[0], first, "the same side, renamed");
    assert!(column_header_exists(&h, "The county force"));
    assert!(!column_header_exists(&h, &old));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    finish(&mut h);
    assert!(column_header_exists(&h, &old));
    assert!(h.state().annotations().corrections.is_empty());
}

#[test]
fn merging_a_side_counts_its_claims_for_the_other() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let top = sides_by_claims(&h);
    let (keep, merged) = (top[1].clone(), top[2].clone());
    let claims =
        |h: &Harness<'static, ParallaxApp>, id: &str| h.state().loaded().claims_of(Some(id));
    let (a, b) = (claims(&h, &keep), claims(&h, &merged));
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        Command::MergeSide {
            side: merged.clone(),
            into: keep.clone(),
        },
        &ctx,
    );
    finish(&mut h);
    assert_eq!(claims(&h, &keep), a + b);
    assert!(h.state().loaded().side_index(&merged).is_none());
    let name = h.state().loaded().side_name(Some(&keep));
    assert!(
        h.query_all_by_label(&format!("{} claims", a + b))
            .next()
            .is_some()
    );
    assert!(column_header_exists(&h, &name));
}

#[test]
fn cancelling_a_correction_keeps_the_comparison_and_undo_brings_the_correction_back() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let first = h.state().columns()[0].clone();
    let old = h.state().loaded().side_name(Some(&first));
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        Command::RenameSide {
            side: first.clone(),
            name: "Renamed".into(),
        },
        &ctx,
    );
    assert!(h.state().is_loading());
    h.state_mut().apply(Command::CancelLoad, &ctx);
    assert!(!h.state().is_loading());
    h.run();
    assert!(h.state().annotations().corrections.is_empty());
    assert_eq!(h.state().loaded().side_name(Some(&first)), old);
    h.get_by_label_contains("Cancelled");
    h.state_mut().apply(Command::Undo, &ctx);
    finish(&mut h);
    assert_eq!(h.state().loaded().side_name(Some(&first)), "Renamed");
}

#[test]
fn a_document_s_publisher_is_corrected_from_the_reader() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let docs = h.state().loaded().comparison.documents.clone();
    let d = docs
        .iter()
        .position(|d| d.publisher.is_none())
        .expect("an unknown publisher");
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::SelectDocument(d), &ctx);
    h.run();
    h.get_by_label("Correct the publisher").click();
    h.run();
    let side = h.state().columns()[1].clone();
    let name = h.state().loaded().side_name(Some(&side));
    h.get_by_role_and_label(Role::Button, &name).click();
    finish(&mut h);
    assert_eq!(
        h.state().loaded().comparison.documents[d]
            .publisher
            .as_deref(),
        Some(side.as_str())
    );
    h.get_by_label_contains("set by the user");
    h.get_by_label("Back to the engine's reading").click();
    finish(&mut h);
    assert_eq!(h.state().loaded().comparison.documents[d].publisher, None);
}

#[test]
fn the_timeline_places_the_dated_claims_and_a_dot_leads_to_its_claim() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    h.get_by_label("Timeline").click();
    h.run();
    let c = h.state().loaded().comparison.clone();
    let placed: Vec<_> = c
        .timeline
        .iter()
        .filter(|e| parallax::app::year_position(&e.date).is_some())
        .collect();
    assert!(!placed.is_empty());
    h.get_by_label_contains(&format!("{} dated claims", placed.len()));
    let e = placed[0];
    let side = h.state().loaded().side_name(e.side.as_deref());
    h.get_by_label(&format!("{} {side}: {}", e.date, e.text))
        .click();
    h.run();
    let s = h.state().loaded().statement_index(&e.statement).unwrap();
    assert_eq!(h.state().view(), View::Comparison);
    assert_eq!(
        h.state().selected_group(),
        h.state().loaded().group_of_statement[s]
    );
    assert!(
        h.state()
            .rows()
            .contains(&h.state().selected_group().unwrap())
    );
}

#[test]
fn the_load_report_lists_each_skipped_file_on_a_line() {
    let dir = folder(&[
        (
            "ok.txt",
            b"Riverton Council has agreed to reopen the ferry.",
        ),
        ("empty.txt", b""),
        ("photo.png", b"\x89PNG\r\n"),
    ]);
    let (mut h, _) = harness(Source::Folder(dir.path().to_path_buf()), vec![]);
    let warnings = h.state().loaded().comparison.warnings.clone();
    assert!(warnings.len() >= 2, "{warnings:?}");
    h.get_by_label(&format!("Load report ({})", warnings.len()))
        .click();
    h.run();
    for w in &warnings {
        h.get_by_label(w);
    }
}

#[test]
fn readable_at_200_percent_zoom_the_columns_still_fit_the_window() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    h.ctx.set_zoom_factor(2.0);
    h.run();
    let screen = h.ctx.content_rect();
    assert!(
        screen.width() < 600.0,
        "the window is half as wide in points: {screen:?}"
    );
    let columns = h.state().columns().to_vec();
    for id in &columns {
        let name = h.state().loaded().side_name(Some(id));
        let header = h
            .get_all_by_role_and_label(Role::Label, &name)
            .next()
            .unwrap();
        let r = header.rect();
        assert!(
            r.left() >= 0.0 && r.right() <= screen.right() + 0.5,
            "{name}: {r:?} in {screen:?}"
        );
    }
    assert!(!row_labels(&h).is_empty(), "rows are shown at 200%");
    // hiding the sides panel gives the columns the whole width
    let before = h
        .get_all_by_role_and_label(
            Role::Label,
            &h.state().loaded().side_name(Some(&columns[1])),
        )
        .next()
        .unwrap()
        .rect();
    h.get_by_label("Sides panel").click();
    h.run();
    let after = h
        .get_all_by_role_and_label(
            Role::Label,
            &h.state().loaded().side_name(Some(&columns[1])),
        )
        .next()
        .unwrap()
        .rect();
    assert!(after.left() != before.left());
}

#[test]
fn only_the_rows_in_view_are_laid_out_and_scrolling_brings_others() {
    let (mut h, _) = harness(Source::Sample, vec![]);
    h.state_mut().filter_mut().column_sides_only = false;
    h.run();
    let rows = h.state().rows().len();
    assert_eq!(
        rows,
        h.state().loaded().comparison.groups.len(),
        "every claim a row"
    );
    let before = row_labels(&h);
    assert!(
        !before.is_empty() && before.len() < rows,
        "{} of {rows} laid out",
        before.len()
    );
    h.event(egui::Event::PointerMoved(egui::pos2(700.0, 500.0)));
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run();
    let after = row_labels(&h);
    assert!(!after.is_empty() && after.len() < rows);
    assert!(
        after.iter().all(|l| !before.contains(l)),
        "other rows are in view"
    );
    // End selects the last row and scrolls it into view
    h.key_press(Key::End);
    h.run();
    let last = *h.state().rows().last().unwrap();
    let sel = h
        .get_all_by(|n| {
            n.role() == Role::Button
                && n.toggled() == Some(egui::accesskit::Toggled::True)
                && n.label()
                    .is_some_and(|l| BADGES.iter().any(|b| l.starts_with(b)))
        })
        .count();
    assert_eq!(h.state().selected_group(), Some(last));
    assert_eq!(sel, 1, "the last row is on screen, selected");
}

#[test]
fn a_claim_made_in_many_documents_shows_its_first_statements_and_more_on_request() {
    let files: Vec<(String, Vec<u8>)> = (0..35)
        .map(|i| {
            (
                format!("paper{i:02}.md"),
                format!(
                    "---\ntitle: Ferry news {i}\nsite_name: Harbour Post {i}\n---\n\nThe Riverton ferry will reopen in May after repairs costing £2m.\n"
                )
                .into_bytes(),
            )
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let dir = folder(&refs);
    let (mut h, _) = harness(Source::Folder(dir.path().to_path_buf()), vec![]);
    let groups = &h.state().loaded().comparison.groups;
    let g = groups
        .iter()
        .position(|g| g.statements.len() == 35)
        .expect("the repeated claim is one group");
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::ShowGroup(g), &ctx);
    h.run();
    let links = |h: &Harness<'static, ParallaxApp>| {
        h.get_all_by(|n| {
            n.role() == Role::Link && n.label().is_some_and(|l| l.starts_with("Ferry news"))
        })
        .count()
    };
    assert_eq!(links(&h), 30);
    h.get_by_label("Show 5 more of 35").scroll_to_me();
    h.run();
    h.get_by_label("Show 5 more of 35").click();
    h.run();
    assert_eq!(links(&h), 35);
}
