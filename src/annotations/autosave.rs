//! When to save: a moment after the last change, not on every keystroke.
//!
//! Pure and clock-free: the caller passes the time, so the debounce is tested without
//! sleeping.
//!
//! ```
//! use std::time::{Duration, Instant};
//! use parallax::annotations::autosave::Autosave;
//! let mut a = Autosave::default();
//! let t = Instant::now();
//! a.changed(t);
//! assert!(!a.due(t + Duration::from_millis(500)));
//! a.changed(t + Duration::from_millis(500)); // typing on: the save waits
//! assert!(!a.due(t + Duration::from_millis(1200)));
//! assert!(a.due(t + Duration::from_millis(1500)));
//! a.saved();
//! assert!(!a.due(t + Duration::from_secs(10)));
//! ```

use std::time::{Duration, Instant};

/// How long after the last change a save is due.
pub const DELAY: Duration = Duration::from_secs(1);

/// A debounce: due [`DELAY`] after the last change that has not been saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Autosave {
    delay: Duration,
    last_change: Option<Instant>,
}

impl Default for Autosave {
    fn default() -> Self {
        Autosave::new(DELAY)
    }
}

impl Autosave {
    /// A debounce of `delay`.
    pub fn new(delay: Duration) -> Autosave {
        Autosave {
            delay,
            last_change: None,
        }
    }

    /// Something changed at `now`: a save is due `delay` later (unless it changes again).
    pub fn changed(&mut self, now: Instant) {
        self.last_change = Some(now);
    }

    /// True when there are unsaved changes and the last one is at least `delay` old.
    pub fn due(&self, now: Instant) -> bool {
        self.last_change
            .is_some_and(|t| now.saturating_duration_since(t) >= self.delay)
    }

    /// True when there are unsaved changes, due or not.
    pub fn pending(&self) -> bool {
        self.last_change.is_some()
    }

    /// How long until the save is due (zero when due, `None` when nothing is unsaved): what
    /// a window passes to its repaint timer.
    pub fn wait(&self, now: Instant) -> Option<Duration> {
        self.last_change
            .map(|t| (t + self.delay).saturating_duration_since(now))
    }

    /// Everything is saved.
    pub fn saved(&mut self) {
        self.last_change = None;
    }

    /// A save failed at `now`: try again one delay later.
    pub fn retry(&mut self, now: Instant) {
        self.last_change = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_report_the_time_left() {
        let mut a = Autosave::new(Duration::from_secs(2));
        let t = Instant::now();
        assert_eq!(a.wait(t), None);
        assert!(!a.pending());
        a.changed(t);
        assert_eq!(
            a.wait(t + Duration::from_millis(500)),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(a.wait(t + Duration::from_secs(5)), Some(Duration::ZERO));
        assert!(a.due(t + Duration::from_secs(2)));
        a.retry(t + Duration::from_secs(2));
        assert!(!a.due(t + Duration::from_secs(3)));
        assert!(a.due(t + Duration::from_secs(4)));
    }
}
