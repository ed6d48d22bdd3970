//! Integration tests: one binary, a module per area.

mod annotations;
mod cli;
mod compare;
mod corpus_formats;
mod corpus_gold;
mod corrections;
mod export;
mod formats;
mod hostile;
mod progress;
mod props;
mod props_formats;
mod qdpx;
mod reading;
mod support;
#[cfg(feature = "gui")]
mod ui;
#[cfg(feature = "gui")]
mod ui_annotations;
#[cfg(feature = "gui")]
mod ui_comparison;
#[cfg(feature = "gui")]
mod ui_export;
#[cfg(feature = "gui")]
mod ui_first_hour;
#[cfg(feature = "gui")]
mod ui_snapshots;
