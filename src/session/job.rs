//! The background job that loads and analyses off the UI thread, with a [`Progress`] the
//! window shows and Cancel stops.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::corpus::{Corpus, LoadOptions};
use crate::corrections::Corrections;
use crate::progress::{Progress, Snapshot};

use super::Notify;
use super::loaded::{LoadResult, Loaded, Source, load_source_with};

/// What a background job does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobKind {
    /// Read a source and analyse it.
    Open(Source),
    /// Analyse the shown documents again (the corrections changed).
    Reanalyse,
}

/// A load or analysis running on a background thread.
pub struct Job {
    /// What it does.
    pub kind: JobKind,
    /// The corrections it analyses with.
    pub corrections: Corrections,
    started: Instant,
    rx: Receiver<LoadResult>,
    progress: Arc<Progress>,
}

impl Job {
    /// Starts a job; `corpus` is the corpus to re-analyse for [`JobKind::Reanalyse`];
    /// `notify` is called when it finishes.
    pub fn start(
        kind: JobKind,
        corpus: Option<Arc<Corpus>>,
        source: Source,
        corrections: Corrections,
        options: LoadOptions,
        notify: &Notify,
    ) -> Result<Job, String> {
        let (tx, rx) = channel();
        let progress = Arc::new(Progress::new());
        let notify = notify.clone();
        let (job_kind, job_corrections, job_progress) =
            (kind.clone(), corrections.clone(), progress.clone());
        std::thread::Builder::new()
            .name("parallax-analysis".into())
            .spawn(move || {
                let p = &*job_progress;
                let result = match (&job_kind, corpus) {
                    (JobKind::Reanalyse, Some(corpus)) => {
                        Loaded::analyse_with(source, corpus, job_corrections, p)
                            .map_err(|e| e.to_string())
                    }
                    (JobKind::Open(source), _) => {
                        load_source_with(source, &job_corrections, &options, p)
                    }
                    (JobKind::Reanalyse, None) => Err("nothing to analyse".to_string()),
                };
                if !p.is_cancelled() {
                    // The window may have closed: nobody to tell, nothing to do.
                    let _ = tx.send(result);
                    notify();
                }
            })
            .map_err(|e| format!("cannot start the analysis: {e}"))?;
        Ok(Job {
            kind,
            corrections,
            started: Instant::now(),
            rx,
            progress,
        })
    }

    /// How long the job has run.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// How far it has got.
    pub fn progress(&self) -> Snapshot {
        self.progress.snapshot()
    }

    /// The result, when the job has finished (`None` while it runs).
    pub fn poll(&self) -> Option<LoadResult> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err("the analysis stopped unexpectedly".into()))
            }
        }
    }

    /// Waits for the result.
    pub fn wait(&self) -> LoadResult {
        self.rx
            .recv()
            .map_err(|_| "the analysis stopped unexpectedly".to_string())
            .and_then(|r| r)
    }
}

impl Drop for Job {
    /// A dropped job is cancelled: its thread stops within a fraction of a second and sends
    /// nothing.
    fn drop(&mut self) {
        self.progress.cancel();
    }
}
