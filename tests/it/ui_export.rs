//! An export from the window holds exactly the rows the window shows: the same filter (search
//! over text, speaker and title; the side; "column sides only") and the same index.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use parallax::app::Source;
use parallax::comparison::Comparison;
use parallax::export::{Filter, Format};

use crate::ui::{RenderingExporter, harness_with};

#[test]
fn an_export_from_the_window_holds_exactly_the_rows_it_shows() {
    let exported = Rc::new(RefCell::new(None));
    let kept = exported.clone();
    let (mut h, _) = harness_with(Source::Sample, vec![], move |app| {
        app.with_exporter(Box::new(RenderingExporter {
            format: Format::Json,
            made: kept,
            said: "exported",
        }))
    });
    h.run();
    let comparison = h.state().loaded().comparison.clone();
    let columns = h.state().columns().to_vec();
    assert!(h.state().filter().column_sides_only, "ticked by default");
    // a side that is not a column and speaks in claims with and without a column's side, so
    // "column sides only" changes what is shown
    let count = |side: &str, columns_only: bool| {
        let filter = Filter {
            sides: [side.to_string()].into(),
            column_sides_only: columns_only,
            ..Filter::default()
        };
        filter.matching_groups(&comparison, &columns)
    };
    let side = comparison
        .sides
        .iter()
        .map(|s| s.id.clone())
        .filter(|s| !columns.contains(s))
        .find(|s| {
            let with = count(s, true).len();
            with > 0 && with < count(s, false).len()
        })
        .expect("a side outside the columns whose claims the columns split");
    // a word of a claim shown with that side: the search keeps it
    let first = count(&side, true)[0];
    let statement = &comparison.groups[first].statements[0];
    let text = &comparison
        .statements
        .iter()
        .find(|s| s.id == *statement)
        .unwrap()
        .text;
    let word = text
        .split(|c: char| !c.is_alphanumeric())
        .max_by_key(|w| w.len())
        .unwrap()
        .to_string();

    h.get_by_label("Search").focus();
    h.run();
    h.get_by_label("Search").type_text(&word);
    h.state_mut().filter_mut().sides = [side.clone()].into();
    h.run();
    let shown: BTreeSet<String> = h
        .state()
        .rows()
        .iter()
        .map(|&g| comparison.groups[g].id.clone())
        .collect();
    assert!(!shown.is_empty() && shown.len() < comparison.groups.len());
    let without_columns = Filter {
        column_sides_only: false,
        ..h.state().filter().clone()
    }
    .matching_groups(&comparison, &columns);
    assert!(
        without_columns.len() > shown.len(),
        "column sides only hides claims here"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    assert_eq!(h.state().status(), Some("exported"));
    let bytes = exported.borrow_mut().take().expect("the exporter ran");
    let written: Comparison = serde_json::from_slice(&bytes).expect("JSON");
    let ids: BTreeSet<String> = written.groups.into_iter().map(|g| g.id).collect();
    assert_eq!(ids, shown, "the export is the window's rows");
}
