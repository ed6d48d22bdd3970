//! Containment: a panic (a bug) met while reading or comparing one document costs that
//! document, not the analysis. The document is named in a warning; the rest is analysed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::compare::{self, Compared};
use crate::comparison::{Side, Statement};
use crate::corpus::Corpus;
use crate::lexicon::Lexicon;
use crate::progress::Progress;

/// Runs `f`; a panic becomes its message.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}

/// The path of a document id, for warnings (the id itself when the corpus lacks it).
pub fn path_of<'a>(corpus: &'a Corpus, id: &'a str) -> &'a str {
    corpus.document(id).map_or(id, |d| d.path.as_str())
}

/// [`compare::compare`], contained: when it panics, each document's statements are compared
/// alone to find the documents that make it panic; those are left out of the groups (with a
/// warning each) and the rest compared again. Should the rest still fail (a bug that needs
/// two documents), there are no groups and one warning says so.
///
/// `progress` counts the steps; once it is cancelled the result is empty (the caller checks
/// [`Progress::check`]).
pub fn compare(
    corpus: &Corpus,
    statements: &[Statement],
    sides: &[Side],
    lex: &Lexicon,
    progress: &Progress,
) -> (Compared, Vec<String>) {
    let run = |statements: &[Statement]| {
        if progress.is_cancelled() {
            return Ok(Compared::default());
        }
        catch(|| {
            test_hook::check(
                test_hook::Stage::Compare,
                statements.iter().map(|s| &s.text),
            );
            compare::compare_with(statements, sides, lex, progress)
        })
    };
    let why = match run(statements) {
        Ok(compared) => return (compared, Vec::new()),
        Err(why) => why,
    };
    let mut warnings = Vec::new();
    let mut bad: Vec<&str> = Vec::new();
    let mut by_doc: Vec<(&str, Vec<Statement>)> = Vec::new();
    for s in statements {
        match by_doc.last_mut() {
            Some((doc, list)) if *doc == s.document => list.push(s.clone()),
            _ => by_doc.push((&s.document, vec![s.clone()])),
        }
    }
    for (doc, list) in &by_doc {
        if let Err(why) = run(list) {
            warnings.push(format!(
                "could not compare {}: {why}; its statements are left out of the groups",
                path_of(corpus, doc)
            ));
            bad.push(*doc);
        }
    }
    let rest: Vec<Statement> = statements
        .iter()
        .filter(|s| !bad.contains(&s.document.as_str()))
        .cloned()
        .collect();
    let again = if bad.is_empty() { Err(why) } else { run(&rest) };
    match again {
        Ok(compared) => (compared, warnings),
        Err(why) => {
            warnings.push(format!(
                "could not compare the documents: {why}; no groups were formed"
            ));
            let empty = Compared {
                groups: Vec::new(),
                timeline: Vec::new(),
            };
            (empty, warnings)
        }
    }
}

/// Test support, not for use: makes reading or comparing panic on a document whose text holds
/// a marker, so the tests can show a panic is contained. Production code never arms it.
#[doc(hidden)]
pub mod test_hook {
    use super::*;

    /// Where the hook fires.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Stage {
        /// While the corpus's actors are learned (the first pass of reading).
        Learning,
        /// While a document is read into statements.
        Reading,
        /// While statements are compared.
        Compare,
        /// While a PDF, Word, OpenDocument, e-mail or MHTML file is parsed (the marker is
        /// looked for in the file's path).
        Format,
    }

    static ARMED: AtomicBool = AtomicBool::new(false);
    static MARKERS: Mutex<Vec<(Stage, String)>> = Mutex::new(Vec::new());

    /// Panics at `stage` on any text that holds `marker`.
    pub fn panic_on(stage: Stage, marker: &str) {
        if let Ok(mut m) = MARKERS.lock() {
            m.push((stage, marker.to_string()));
        }
        ARMED.store(true, Ordering::SeqCst);
    }

    /// Panics when a marker of `stage` is in one of `texts`.
    pub fn check<'a>(stage: Stage, texts: impl IntoIterator<Item = &'a String>) {
        if !ARMED.load(Ordering::Relaxed) {
            return;
        }
        let markers: Vec<String> = match MARKERS.lock() {
            Ok(m) => m
                .iter()
                .filter(|(s, _)| *s == stage)
                .map(|(_, m)| m.clone())
                .collect(),
            Err(_) => return,
        };
        for text in texts {
            if let Some(m) = markers.iter().find(|m| text.contains(m.as_str())) {
                panic!("test hook: {m}");
            }
        }
    }
}
