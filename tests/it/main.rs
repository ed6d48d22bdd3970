//! Integration tests: one binary, a module per area.

mod cli;
mod compare;
mod corpus_formats;
mod corpus_gold;
mod corrections;
mod reading;
mod support;
mod ui;
mod ui_comparison;
mod ui_snapshots;
