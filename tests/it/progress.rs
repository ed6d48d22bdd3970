//! Progress and cancel of an analysis (`parallax::analyze_with`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use parallax::corpus::{self, LoadOptions};
use parallax::progress::{Cancelled, Progress, Stage};
use parallax::{Settings, analyze, analyze_with};

/// Loads a generated folder of `count` documents.
fn generated(count: usize) -> (tempfile::TempDir, corpus::Corpus) {
    let dir = tempfile::tempdir().unwrap();
    parallax::generate::write(dir.path(), count, 42).unwrap();
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).unwrap();
    (dir, corpus)
}

/// Runs an analysis of `corpus` on another thread, cancels it once `when` holds of its
/// progress, and returns the result with how long it took to stop after the cancel.
fn cancel_when(
    corpus: corpus::Corpus,
    when: impl Fn(&Progress) -> bool,
) -> (
    Result<parallax::comparison::Comparison, Cancelled>,
    Duration,
    Stage,
) {
    let progress = Arc::new(Progress::new());
    let run = {
        let progress = progress.clone();
        std::thread::spawn(move || analyze_with(&corpus, &Settings::default(), &progress))
    };
    let started = Instant::now();
    while !when(&progress) {
        assert!(!run.is_finished(), "finished before the cancel");
        assert!(started.elapsed() < Duration::from_secs(300));
        std::thread::sleep(Duration::from_millis(5));
    }
    let stage = progress.snapshot().stage;
    progress.cancel();
    let cancelled = Instant::now();
    let result = run.join().unwrap();
    (result, cancelled.elapsed(), stage)
}

#[test]
fn a_cancelled_analysis_of_2000_documents_stops_within_a_second() {
    let (_dir, corpus) = generated(2_000);
    // in the middle of reading the documents
    let (result, stopped_in, stage) = cancel_when(corpus.clone(), |p| {
        let s = p.snapshot();
        s.stage == Stage::Reading && s.done >= 100
    });
    assert_eq!(stage, Stage::Reading);
    assert_eq!(result.unwrap_err(), Cancelled);
    assert!(
        stopped_in < Duration::from_secs(1),
        "stopped in {stopped_in:?}"
    );
    // while the names the documents share are learned (the first pass)
    let (result, stopped_in, stage) =
        cancel_when(corpus, |p| p.snapshot().stage == Stage::Learning);
    assert_eq!(stage, Stage::Learning);
    assert_eq!(result.unwrap_err(), Cancelled);
    assert!(
        stopped_in < Duration::from_secs(1),
        "stopped in {stopped_in:?}"
    );
}

#[test]
fn a_cancelled_comparison_stops_at_its_next_step() {
    let (_dir, corpus) = generated(300);
    let (result, stopped_in, stage) = cancel_when(corpus, |p| {
        let s = p.snapshot();
        s.stage == Stage::Comparing && s.done >= 1
    });
    assert_eq!(stage, Stage::Comparing);
    assert_eq!(result.unwrap_err(), Cancelled);
    // a step of the comparison takes up to 0.4 s in a debug build, more while the other
    // tests run beside it: two seconds is "at its next step", well before the end
    assert!(
        stopped_in < Duration::from_secs(2),
        "stopped in {stopped_in:?}"
    );
}

#[test]
fn loading_counts_files_and_stops_when_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    parallax::generate::write(dir.path(), 30, 7).unwrap();
    let progress = Progress::new();
    let corpus = corpus::load_with(dir.path(), &LoadOptions::default(), &progress).unwrap();
    let after = progress.snapshot();
    assert_eq!(
        (after.stage, after.done, after.total),
        (Stage::Loading, 30, 30)
    );
    assert_eq!(corpus.documents.len(), 30);
    progress.cancel();
    assert!(matches!(
        corpus::load_with(dir.path(), &LoadOptions::default(), &progress),
        Err(corpus::LoadError::Cancelled)
    ));
}

#[test]
fn an_analysis_with_progress_is_the_analysis_and_ends_done() {
    let (_dir, corpus) = generated(40);
    let progress = Progress::new();
    let with = analyze_with(&corpus, &Settings::default(), &progress).unwrap();
    assert_eq!(with, analyze(&corpus, &Settings::default()));
    assert_eq!(progress.snapshot().stage, Stage::Done);
}
