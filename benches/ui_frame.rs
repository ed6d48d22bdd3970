//! The window's own cost per frame (layout and tessellation, no renderer) on a comparison of
//! more than 10,000 claim groups from generated press folders.
//!
//! `cargo bench --bench ui_frame`
//!
//! - `scroll`: the comparison scrolled by the mouse wheel, 300 points a frame, back to the
//!   top after each pass over the rows: the common case.
//! - `next_row`: `J` pressed every frame: the selection moves and is scrolled into view.
//! - `resize`: the window's width changes every frame, so the heights of all rows are
//!   estimated again (the worst frame: dragging the window's edge).
//! - `search`: a letter typed in the search field every frame, so the rows are filtered
//!   again over every statement.
//! - `scroll_one_column`: scrolling with no side chosen as a column: every statement of every
//!   claim in one column.
//!
//! All rows are shown (the filter "Column sides only" is off): 10,000 and more.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Key, Modifiers, MouseWheelUnit, Pos2, RawInput, Rect, pos2, vec2};
use parallax::app::{Command, Loaded, ParallaxApp, Source};
use parallax::corpus::{self, LoadOptions};
use parallax::corrections::Corrections;

/// Documents to generate: enough for more than 10,000 claim groups.
const DOCUMENTS: usize = 8_000;
const WIDTH: f32 = 1280.0;
const HEIGHT: f32 = 800.0;

fn input(width: f32, events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(width, HEIGHT))),
        events,
        ..Default::default()
    }
}

fn key(k: Key) -> [Event; 2] {
    [true, false].map(|pressed| Event::Key {
        key: k,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: Modifiers::NONE,
    })
}

fn wheel(dy: f32) -> Vec<Event> {
    vec![
        Event::PointerMoved(pos2(WIDTH * 0.6, HEIGHT * 0.7)),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, dy),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        },
    ]
}

/// One frame of the window: its UI pass and the tessellation of what it painted.
fn frame(ctx: &egui::Context, app: &mut ParallaxApp, raw: RawInput) -> usize {
    let mut out = ctx.run_ui(raw, |ui| app.frame_ui(ui));
    // no renderer takes the font atlas's updates
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn window() -> (egui::Context, ParallaxApp) {
    let dir = tempfile::tempdir().expect("temp dir");
    parallax::generate::write(dir.path(), DOCUMENTS, 42).expect("writes the corpus");
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    let loaded = Loaded::analyse(
        Source::Folder(dir.path().to_path_buf()),
        Arc::new(corpus),
        Corrections::default(),
    );
    let groups = loaded.comparison.groups.len();
    assert!(groups > 10_000, "{groups} groups: generate more documents");
    let mut app = ParallaxApp::from_loaded(loaded);
    let ctx = egui::Context::default();
    for _ in 0..3 {
        frame(&ctx, &mut app, input(WIDTH, Vec::new()));
    }
    eprintln!(
        "{groups} claim groups, {} rows in view of the filter",
        app.rows().len()
    );
    (ctx, app)
}

fn ui_frame(c: &mut Criterion) {
    let (ctx, mut app) = window();
    // every claim a row: two columns (the default sides), the others noted in each row
    app.filter_mut().column_sides_only = false;
    frame(&ctx, &mut app, input(WIDTH, Vec::new()));
    eprintln!("{} rows", app.rows().len());
    let mut group = c.benchmark_group("ui_frame_10k_groups");
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("scroll", |b| {
        let mut n = 0u32;
        b.iter(|| {
            n += 1;
            // down for a while, then back to the top, so frames keep showing new rows
            let events = if n.is_multiple_of(2_000) {
                key(Key::Home).to_vec()
            } else {
                wheel(-300.0)
            };
            black_box(frame(&ctx, &mut app, input(WIDTH, events)))
        })
    });
    group.bench_function("next_row", |b| {
        let mut n = 0u32;
        b.iter(|| {
            n += 1;
            let k = if n.is_multiple_of(5_000) {
                Key::Home
            } else {
                Key::J
            };
            black_box(frame(&ctx, &mut app, input(WIDTH, key(k).to_vec())))
        })
    });
    group.bench_function("resize", |b| {
        let mut n = 0u32;
        b.iter(|| {
            n += 1;
            let width = WIDTH - (n % 2) as f32 * 40.0;
            black_box(frame(&ctx, &mut app, input(width, Vec::new())))
        })
    });
    group.bench_function("search", |b| {
        // the keyboard in the search field, then a letter typed and taken back every frame
        // (a rare letter: most statements are read to the end)
        frame(
            &ctx,
            &mut app,
            input(
                WIDTH,
                vec![Event::Key {
                    key: Key::F,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: Modifiers::COMMAND,
                }],
            ),
        );
        frame(&ctx, &mut app, input(WIDTH, Vec::new()));
        let mut n = 0u32;
        b.iter(|| {
            n += 1;
            let events = if !n.is_multiple_of(2) {
                vec![Event::Text("q".into())]
            } else {
                key(Key::Backspace).to_vec()
            };
            black_box(frame(&ctx, &mut app, input(WIDTH, events)))
        })
    });
    // no columns: every statement of every claim in one column
    for side in app.columns().to_vec() {
        app.apply(Command::ToggleColumn(side), &ctx);
    }
    frame(&ctx, &mut app, input(WIDTH, key(Key::Home).to_vec()));
    group.bench_function("scroll_one_column", |b| {
        let mut n = 0u32;
        b.iter(|| {
            n += 1;
            let events = if n.is_multiple_of(2_000) {
                key(Key::Home).to_vec()
            } else {
                wheel(-300.0)
            };
            black_box(frame(&ctx, &mut app, input(WIDTH, events)))
        })
    });
    group.finish();
}

criterion_group!(benches, ui_frame);
criterion_main!(benches);
