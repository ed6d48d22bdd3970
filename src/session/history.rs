//! Undo and redo of the user's edits (annotations and corrections), as snapshots.
//!
//! Every edit records the state before it; edits with the same key in a row (typing a note)
//! make one step.

/// How many steps are kept.
pub const LIMIT: usize = 200;

/// Undo and redo stacks of snapshots of `T`.
#[derive(Debug, Clone)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
    last_key: Option<String>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            last_key: None,
        }
    }
}

impl<T: Clone> History<T> {
    /// Records `before`, the state an edit is about to change. An edit with the same `key`
    /// as the one just before it joins that step.
    pub fn record(&mut self, before: &T, key: Option<&str>) {
        let joins = key.is_some() && key == self.last_key.as_deref() && self.redo.is_empty();
        self.last_key = key.map(str::to_string);
        if joins {
            return;
        }
        self.redo.clear();
        self.undo.push(before.clone());
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
    }

    /// Steps back: `current` becomes the state before the last edit. False when there is
    /// nothing to undo.
    pub fn undo(&mut self, current: &mut T) -> bool {
        let Some(before) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(current, before));
        self.last_key = None;
        true
    }

    /// Steps forward again after an undo. False when there is nothing to redo.
    pub fn redo(&mut self, current: &mut T) -> bool {
        let Some(after) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(current, after));
        self.last_key = None;
        true
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets every step (another folder was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.last_key = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(h: &mut History<String>, state: &mut String, key: Option<&str>, to: &str) {
        h.record(state, key);
        *state = to.to_string();
    }

    #[test]
    fn undo_redo_and_a_new_edit_clears_redo() {
        let mut h = History::default();
        let mut s = "a".to_string();
        edit(&mut h, &mut s, None, "b");
        edit(&mut h, &mut s, None, "c");
        assert!(h.undo(&mut s));
        assert_eq!(s, "b");
        assert!(h.undo(&mut s));
        assert_eq!(s, "a");
        assert!(!h.undo(&mut s));
        assert!(h.redo(&mut s));
        assert_eq!(s, "b");
        edit(&mut h, &mut s, None, "x");
        assert!(!h.can_redo());
        assert!(h.undo(&mut s));
        assert_eq!(s, "b");
    }

    #[test]
    fn typing_in_one_field_is_one_step_until_another_edit() {
        let mut h = History::default();
        let mut s = String::new();
        for t in ["n", "no", "not", "note"] {
            edit(&mut h, &mut s, Some("note:g1"), t);
        }
        edit(&mut h, &mut s, Some("verdict:g1"), "note+verdict");
        edit(&mut h, &mut s, Some("note:g1"), "note2");
        assert!(h.undo(&mut s));
        assert_eq!(s, "note+verdict");
        assert!(h.undo(&mut s));
        assert_eq!(s, "note");
        assert!(h.undo(&mut s));
        assert_eq!(s, "");
        assert!(!h.can_undo());
        // after an undo, typing again starts a new step
        edit(&mut h, &mut s, Some("note:g1"), "z");
        assert!(h.undo(&mut s));
        assert_eq!(s, "");
    }

    #[test]
    fn the_history_is_bounded() {
        let mut h = History::default();
        let mut s = 0usize;
        for i in 1..=LIMIT + 50 {
            h.record(&s, None);
            s = i;
        }
        let mut steps = 0;
        while h.undo(&mut s) {
            steps += 1;
        }
        assert_eq!(steps, LIMIT);
        assert_eq!(s, 50);
    }
}
