//! Stage timings on standard error, for finding where an analysis spends its time:
//! `PARALLAX_TIMINGS=1 parallax analyze DIR -o out.json` prints each stage's wall time as
//! it ends (`read: learn 906 ms`). Off (one flag read) unless the variable is set.

use std::sync::OnceLock;
use std::time::Instant;

/// Whether `PARALLAX_TIMINGS` is set (read once per process).
fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("PARALLAX_TIMINGS").is_some_and(|v| !v.is_empty()))
}

/// A stopwatch over the stages of one step of the pipeline.
#[derive(Debug)]
pub struct Laps {
    step: &'static str,
    last: Instant,
}

impl Laps {
    /// Starts timing the stages of `step` (`"read"`, `"compare"`, …).
    pub fn start(step: &'static str) -> Laps {
        Laps {
            step,
            last: Instant::now(),
        }
    }

    /// Prints the time since the start or the last lap under `label` (when timings are
    /// on), and starts the next lap.
    pub fn lap(&mut self, label: &str) {
        if enabled() {
            eprintln!(
                "{}: {label} {} ms",
                self.step,
                self.last.elapsed().as_millis()
            );
        }
        self.last = Instant::now();
    }
}
