//! Small PNG snapshots of the window on the sample, rendered on the CPU
//! (`UPDATE_SNAPSHOTS=1 cargo test` writes them after a deliberate change; look at them).

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parallax::app::{Command, ParallaxApp, Source, ThemeChoice, View};

use crate::ui::harness;

fn window(theme: ThemeChoice, size: egui::Vec2) -> Harness<'static, ParallaxApp> {
    let (mut h, _) = harness(Source::Sample, vec![]);
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::SetTheme(theme), &ctx);
    h.set_size(size);
    h.run();
    h
}

#[test]
fn snapshot_of_the_comparison() {
    let mut h = window(ThemeChoice::Light, egui::vec2(900.0, 560.0));
    h.snapshot("comparison_light");
}

#[test]
fn snapshot_of_a_dispute_in_the_inspector_in_the_dark_theme() {
    let mut h = window(ThemeChoice::Dark, egui::vec2(900.0, 560.0));
    let groups = &h.state().loaded().comparison.groups;
    let g = groups
        .iter()
        .position(|g| g.reasons.iter().any(|r| r.kind == "competing-credit"))
        .expect("a credit dispute");
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::ShowGroup(g), &ctx);
    h.state_mut().apply(Command::ToggleSidesPanel, &ctx);
    h.run();
    h.snapshot("inspector_dark");
}

#[test]
fn snapshot_of_the_timeline() {
    let mut h = window(ThemeChoice::Light, egui::vec2(900.0, 420.0));
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::ShowView(View::Timeline), &ctx);
    h.run();
    h.snapshot("timeline");
}

#[test]
fn snapshot_at_two_pixels_per_point() {
    // 900x560 pixels: 450x280 points
    let mut h = window(ThemeChoice::Light, egui::vec2(900.0, 560.0));
    h.set_pixels_per_point(2.0);
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::ToggleSidesPanel, &ctx);
    h.run();
    h.snapshot("comparison_200_percent");
}

#[test]
fn snapshot_of_the_claim_map() {
    let mut h = window(ThemeChoice::Light, egui::vec2(900.0, 420.0));
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::ToggleSidesPanel, &ctx);
    h.state_mut().apply(Command::ShowView(View::ClaimMap), &ctx);
    h.run();
    h.snapshot("claim_map");
}

#[test]
fn snapshot_of_two_articles_side_by_side() {
    let mut h = window(ThemeChoice::Light, egui::vec2(900.0, 560.0));
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::ToggleSidesPanel, &ctx);
    h.state_mut().apply(Command::OpenPair(0, 1), &ctx);
    h.run();
    h.snapshot("two_articles");
}

#[test]
fn snapshot_of_the_progress_bar() {
    use parallax::app::progress_bar::{Model, progress_ui};
    use parallax::progress::{Snapshot, Stage};
    let model = Model {
        what: "Reading press-releases".into(),
        snapshot: Snapshot {
            stage: Stage::Reading,
            done: 3_200,
            total: 10_000,
        },
        elapsed: std::time::Duration::from_millis(4_200),
    };
    let cancelled = std::rc::Rc::new(std::cell::Cell::new(false));
    let clicked = cancelled.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(640.0, 40.0))
        .build_ui(move |ui| {
            ui.horizontal(|ui| {
                if progress_ui(ui, &model).contains(&Command::CancelLoad) {
                    clicked.set(true);
                }
            });
        });
    h.run();
    h.get_by_label("Reading 3,200 of 10,000 documents");
    h.snapshot("progress_bar");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(cancelled.get(), "Cancel asks to stop the job");
}
