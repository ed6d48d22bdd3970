//! Integration tests: one binary, a module per area.

mod annotations;
mod cli;
mod compare;
mod corpus_formats;
mod corpus_gold;
mod corrections;
mod export;
mod hostile;
mod props;
mod reading;
mod support;
mod ui;
mod ui_annotations;
mod ui_comparison;
mod ui_snapshots;
