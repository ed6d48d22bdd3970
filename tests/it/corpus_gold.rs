//! The sample corpus against the human reading in `tests/gold/seeds.yaml` (a copy of `../shared/gold/seeds.yaml`).

use parallax::corpus::{self, LoadOptions};
use parallax::sides::side_id;
use parallax::{Settings, analyze};

use crate::support::{gold, sample_dir};

#[test]
fn sample_documents_match_the_gold_publishers_dates_and_titles() {
    let gold = gold();
    let corpus = corpus::load(&sample_dir(), &LoadOptions::default()).expect("sample loads");
    let comparison = analyze(&corpus, &Settings::default());
    let docs = gold["documents"].as_mapping().expect("gold documents");
    assert_eq!(comparison.documents.len(), docs.len());
    assert!(comparison.warnings.is_empty(), "{:?}", comparison.warnings);
    for (name, expected) in docs {
        let name = name.as_str().expect("file name");
        let doc = comparison
            .documents
            .iter()
            .find(|d| d.path == name)
            .unwrap_or_else(|| panic!("{name} not loaded"));
        let publisher = expected["publisher"].as_str().map(side_id);
        assert_eq!(
            doc.publisher, publisher,
            "{name}: {}",
            doc.publisher_evidence
        );
        if publisher.is_none() {
            assert!(doc.publisher_evidence.starts_with("unknown"), "{name}");
        }
        let published = match &expected["published"] {
            serde_yaml::Value::String(s) => Some(s.clone()),
            _ => None,
        };
        // gold writes minutes (2020-02-28T08:57); the JSON carries seconds too
        let got = doc
            .published
            .as_deref()
            .map(|p| p.trim_end_matches(":00").to_string());
        assert_eq!(got, published, "{name} published");
        if let Some(title) = expected["title"].as_str() {
            assert_eq!(doc.title, title, "{name} title");
        }
        assert!(doc.warnings.is_empty(), "{name}: {:?}", doc.warnings);
    }
    // every publisher is a side of the comparison
    for doc in &comparison.documents {
        if let Some(p) = &doc.publisher {
            assert!(comparison.sides.iter().any(|s| &s.id == p), "side {p}");
        }
    }
}

#[test]
fn sample_bodies_hold_no_metadata_and_urls_are_decoded() {
    let corpus = corpus::load(&sample_dir(), &LoadOptions::default()).expect("sample loads");
    for doc in &corpus.documents {
        for marker in ["```", "og:", "publish:", "area:", "locale:", " date 20"] {
            assert!(
                !doc.body.contains(marker),
                "{}: body holds {marker:?}",
                doc.path
            );
        }
        assert!(!doc.body.starts_with(char::is_whitespace), "{}", doc.path);
        for value in doc.meta.fields.values().chain(doc.meta.url.iter()) {
            assert!(!value.contains("&amp;") && !value.contains("&#"), "{value}");
        }
    }
    let with_image = corpus
        .documents
        .iter()
        .filter_map(|d| d.meta.fields.get("og.image"))
        .collect::<Vec<_>>();
    assert!(!with_image.is_empty());
    assert!(
        with_image.iter().all(|u| u.contains("&w=600&h=300")),
        "{with_image:?}"
    );
    let pound = corpus
        .documents
        .iter()
        .filter_map(|d| d.meta.description.as_deref())
        .any(|d| d.contains("£300m"));
    assert!(pound, "&#163; decodes to £ in descriptions");
}

#[test]
fn bundled_sample_equals_the_fixture_folder() {
    let bundled = corpus::bundled_sample();
    let folder = corpus::load(&sample_dir(), &LoadOptions::default()).expect("sample loads");
    assert_eq!(bundled.documents, folder.documents);
    assert_eq!(bundled.root, corpus::SAMPLE_ROOT);
}

#[test]
fn analysis_is_deterministic() {
    let corpus = corpus::load(&sample_dir(), &LoadOptions::default()).expect("sample loads");
    let a = serde_json::to_string(&analyze(&corpus, &Settings::default())).unwrap();
    let again = corpus::load(&sample_dir(), &LoadOptions::default()).expect("sample loads");
    let b = serde_json::to_string(&analyze(&again, &Settings::default())).unwrap();
    assert_eq!(a, b);
}
