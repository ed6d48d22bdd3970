//! The timeline: every dated claim on one axis, with the side that makes it.

use crate::comparison::{EntityKind, Statement, TimelineEntry};

/// One entry per distinct date of each claim statement, sorted by date (as normalised:
/// `--MM` dates without a year come first) and then by statement id.
pub fn timeline(statements: &[Statement]) -> Vec<TimelineEntry> {
    let mut out: Vec<TimelineEntry> = Vec::new();
    for s in statements.iter().filter(|s| s.kind.is_claim()) {
        let mut seen: Vec<&str> = Vec::new();
        for e in s.entities.iter().filter(|e| e.kind == EntityKind::Date) {
            if seen.contains(&e.value.as_str()) {
                continue;
            }
            seen.push(&e.value);
            out.push(TimelineEntry {
                date: e.value.clone(),
                text: s.text.clone(),
                statement: s.id.clone(),
                side: s.claimant.clone(),
            });
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.statement.cmp(&b.statement)));
    out
}
