//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// The human reading of the sample (`tests/gold/seeds.yaml`, a copy of `../shared/gold/seeds.yaml`).
pub fn gold() -> serde_yaml::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/seeds.yaml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the gold reading {} is needed: {e}", path.display()));
    serde_yaml::from_str(&text).expect("gold YAML parses")
}

/// The sample folder in the repository.
pub fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/alliance")
}

/// Writes `files` (relative path, bytes) into a fresh temporary folder.
pub fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (rel, bytes) in files {
        let path = dir.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dirs");
        }
        std::fs::write(&path, bytes).expect("write fixture");
    }
    dir
}

/// The document loaded from `path` (relative to the folder), or a panic naming the
/// corpus's warnings.
pub fn doc<'a>(corpus: &'a parallax::corpus::Corpus, path: &str) -> &'a parallax::corpus::Document {
    corpus
        .documents
        .iter()
        .find(|d| d.path == path)
        .unwrap_or_else(|| panic!("{path} not loaded; warnings: {:#?}", corpus.warnings))
}
