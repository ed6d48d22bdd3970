//! How far an analysis has got, and a way to stop it: the handle [`crate::analyze_with`]
//! reads and updates.
//!
//! One thread runs the analysis; any other may read [`Progress::snapshot`] (the window's
//! progress bar, the command line's line on standard error) or call [`Progress::cancel`].
//! The pipeline checks the flag between documents and between stages, so a cancelled run
//! stops within a fraction of a second and returns [`Cancelled`].
//!
//! ```
//! use parallax::progress::{Cancelled, Progress};
//! let corpus = parallax::corpus::bundled_sample();
//! let progress = Progress::new();
//! progress.cancel();
//! let result = parallax::analyze_with(&corpus, &Default::default(), &progress);
//! assert_eq!(result.unwrap_err(), Cancelled);
//! ```

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};

/// The stages of an analysis, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Not started.
    Waiting,
    /// Reading the folder's files into documents (counted in files).
    Loading,
    /// The first pass: the names the documents share.
    Learning,
    /// The second pass: each document into statements (counted in documents).
    Reading,
    /// Lining up the statements into claim groups (counted in steps).
    Comparing,
    /// Finished.
    Done,
}

impl Stage {
    const ALL: [Stage; 6] = [
        Stage::Waiting,
        Stage::Loading,
        Stage::Learning,
        Stage::Reading,
        Stage::Comparing,
        Stage::Done,
    ];

    fn from_u8(n: u8) -> Stage {
        Stage::ALL
            .get(usize::from(n))
            .copied()
            .unwrap_or(Stage::Done)
    }

    fn as_u8(self) -> u8 {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0) as u8
    }
}

/// The analysis was cancelled through its [`Progress`]; nothing of it is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

/// Shared progress of one analysis: a cancel flag and atomic counters.
#[derive(Debug, Default)]
pub struct Progress {
    cancel: AtomicBool,
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
}

/// What a [`Progress`] says at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    /// The stage running.
    pub stage: Stage,
    /// How many of the stage's items are done.
    pub done: usize,
    /// How many items the stage has (0: not counted).
    pub total: usize,
}

impl Snapshot {
    /// The share done of the stage, 0..1 (`None` when the stage is not counted).
    pub fn fraction(&self) -> Option<f32> {
        (self.total > 0).then(|| self.done.min(self.total) as f32 / self.total as f32)
    }
}

impl fmt::Display for Snapshot {
    /// `Reading 3,200 of 10,000 documents`, `Learning the names the documents share`, …
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (done, total) = (thousands(self.done.min(self.total)), thousands(self.total));
        match self.stage {
            Stage::Waiting => write!(f, "Starting"),
            Stage::Loading if self.total > 0 => write!(f, "Loading {done} of {total} files"),
            Stage::Loading => write!(f, "Looking for files"),
            Stage::Learning if self.total > 0 => write!(
                f,
                "Learning the names the documents share: {done} of {total} documents"
            ),
            Stage::Learning => write!(f, "Learning the names the documents share"),
            Stage::Reading => write!(f, "Reading {done} of {total} documents"),
            Stage::Comparing => {
                // the step under way, counted from 1
                let step = (self.done + 1).min(self.total);
                write!(f, "Comparing the statements: step {step} of {total}")
            }
            Stage::Done => write!(f, "Done"),
        }
    }
}

/// `10000` → `10,000`.
pub fn thousands(n: usize) -> String {
    crate::readable::group_thousands(&n.to_string())
}

impl Progress {
    /// A fresh handle: nothing done, not cancelled.
    pub fn new() -> Progress {
        Progress::default()
    }

    /// Asks the analysis to stop; it returns [`Cancelled`] at its next check.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether [`Progress::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// `Err(Cancelled)` once cancelled: `progress.check()?` between stages.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }

    /// Starts a stage of `total` items (0: not counted).
    pub fn start(&self, stage: Stage, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(stage.as_u8(), Ordering::Relaxed);
    }

    /// Counts one more item of the stage done.
    pub fn advance(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts one more step done and says whether to stop: `if progress.step_stops() {
    /// return … }` between the steps of a stage.
    pub fn step_stops(&self) -> bool {
        self.advance();
        self.is_cancelled()
    }

    /// The stage and its counts now.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            stage: Stage::from_u8(self.stage.load(Ordering::Relaxed)),
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_a_person_writes_them() {
        let p = Progress::new();
        assert_eq!(p.snapshot().to_string(), "Starting");
        p.start(Stage::Reading, 10_000);
        for _ in 0..3_200 {
            p.advance();
        }
        assert_eq!(
            p.snapshot().to_string(),
            "Reading 3,200 of 10,000 documents"
        );
        assert_eq!(p.snapshot().fraction(), Some(0.32));
        p.start(Stage::Learning, 2_000);
        p.advance();
        assert_eq!(
            p.snapshot().to_string(),
            "Learning the names the documents share: 1 of 2,000 documents"
        );
        p.start(Stage::Learning, 0);
        assert_eq!(
            p.snapshot().to_string(),
            "Learning the names the documents share"
        );
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn cancel_is_seen_by_every_check() {
        let p = Progress::new();
        assert_eq!(p.check(), Ok(()));
        assert!(!p.step_stops());
        p.cancel();
        assert_eq!(p.check(), Err(Cancelled));
        assert!(p.step_stops());
    }
}
