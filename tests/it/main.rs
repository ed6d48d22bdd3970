//! Integration tests: one binary, a module per area.

mod cli;
mod compare;
mod corpus_formats;
mod corpus_gold;
mod corrections;
mod hostile;
mod props;
mod reading;
mod support;
mod ui;
