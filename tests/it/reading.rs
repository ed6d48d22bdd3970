//! The reading of the bundled sample held to the human reading in `tests/gold/seeds.yaml` (a copy of `../shared/gold/seeds.yaml`).

use std::collections::BTreeMap;

use parallax::comparison::{Comparison, Statement, StatementKind};
use parallax::corpus::{Corpus, bundled_sample};
use parallax::sides::side_id;
use serde::Deserialize;

const GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/seeds.yaml");

#[derive(Debug, Deserialize)]
struct Gold {
    sides: BTreeMap<String, Vec<String>>,
    documents: BTreeMap<String, GoldDoc>,
    speakers: Vec<GoldSpeaker>,
    reported_claims: Vec<GoldReported>,
    disputes: Vec<GoldDispute>,
    one_sided: Vec<GoldOneSided>,
}

#[derive(Debug, Deserialize)]
struct GoldDoc {
    publisher: Option<String>,
    #[serde(default)]
    captions: Vec<String>,
    #[serde(default)]
    boilerplate: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldSpeaker {
    name: String,
    side: String,
    says: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldReported {
    phrase: String,
    doc: String,
    claimant: String,
}

#[derive(Debug, Deserialize)]
struct GoldDispute {
    id: String,
    #[serde(default)]
    dates: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldOneSided {
    phrase: String,
    #[serde(default)]
    figures: Vec<String>,
}

fn gold() -> Gold {
    let text = std::fs::read_to_string(GOLD)
        .unwrap_or_else(|e| panic!("the gold reading {GOLD} is needed beside the repository: {e}"));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{GOLD}: {e}"))
}

fn fold(s: &str) -> String {
    s.replace(['“', '”'], "\"")
        .replace(['‘', '’'], "'")
        .to_lowercase()
}

struct Sample {
    corpus: Corpus,
    comparison: Comparison,
}

fn sample() -> Sample {
    let corpus = bundled_sample();
    let comparison = parallax::analyze(&corpus, &parallax::Settings::default());
    Sample { corpus, comparison }
}

impl Sample {
    fn doc_id(&self, path: &str) -> String {
        match self.comparison.documents.iter().find(|d| d.path == path) {
            Some(d) => d.id.clone(),
            None => panic!("no document {path}"),
        }
    }

    /// The statements holding `phrase`, in one document or in all.
    fn holding(&self, phrase: &str, doc: Option<&str>) -> Vec<&Statement> {
        let id = doc.map(|d| self.doc_id(d));
        let found: Vec<&Statement> = self
            .comparison
            .statements
            .iter()
            .filter(|s| id.as_ref().is_none_or(|i| *i == s.document))
            .filter(|s| fold(&s.text).contains(&fold(phrase)))
            .collect();
        assert!(
            !found.is_empty(),
            "no statement holds {phrase:?} (document {doc:?})"
        );
        found
    }
}

#[test]
fn every_span_slices_the_body_to_its_text_and_ids_are_unique() {
    let s = sample();
    assert!(!s.comparison.statements.is_empty());
    let mut ids = std::collections::BTreeSet::new();
    for st in &s.comparison.statements {
        let doc = s
            .corpus
            .document(&st.document)
            .unwrap_or_else(|| panic!("statement of an unknown document: {st:?}"));
        assert_eq!(
            doc.body.get(st.span[0]..st.span[1]),
            Some(st.text.as_str()),
            "{st:?}"
        );
        assert!(st.id.starts_with("s-"));
        assert!(ids.insert(st.id.clone()), "duplicate id {}", st.id);
    }
    let again = sample();
    assert_eq!(s.comparison, again.comparison, "reading is deterministic");
}

#[test]
fn speakers_say_their_phrases() {
    let g = gold();
    let s = sample();
    for speaker in &g.speakers {
        for phrase in &speaker.says {
            for st in s.holding(phrase, None) {
                assert_eq!(st.kind, StatementKind::Quote, "{phrase:?}: {st:?}");
                assert_eq!(
                    st.speaker.as_deref(),
                    Some(speaker.name.as_str()),
                    "{phrase:?}: {st:?}"
                );
                assert_eq!(
                    st.claimant.as_deref(),
                    Some(side_id(&speaker.side).as_str()),
                    "{phrase:?}: {st:?}"
                );
            }
        }
    }
}

#[test]
fn reported_claims_name_their_claimants() {
    let g = gold();
    let s = sample();
    for claim in &g.reported_claims {
        let want = side_id(&claim.claimant);
        for st in s.holding(&claim.phrase, Some(&claim.doc)) {
            assert_eq!(st.kind, StatementKind::Reported, "{st:?}");
            // a denial in the same sentence is the counter-claimant's
            let who = [st.claimant.as_deref(), st.counter_claimant.as_deref()];
            assert!(
                who.contains(&Some(want.as_str())),
                "{:?} wants {want}: {st:?}",
                claim.phrase
            );
        }
    }
}

#[test]
fn captions_boilerplate_and_publishers() {
    let g = gold();
    let s = sample();
    for (path, doc) in &g.documents {
        for phrase in &doc.captions {
            for st in s.holding(phrase, Some(path)) {
                assert_eq!(st.kind, StatementKind::Caption, "{st:?}");
                assert_eq!(st.claimant, None);
            }
        }
        for phrase in &doc.boilerplate {
            for st in s.holding(phrase, Some(path)) {
                assert_eq!(st.kind, StatementKind::Boilerplate, "{st:?}");
            }
        }
        let info = s.comparison.documents.iter().find(|d| d.path == *path);
        let publisher = info.and_then(|d| d.publisher.clone());
        assert_eq!(publisher, doc.publisher.as_deref().map(side_id), "{path}");
        // narrative statements speak for the publisher
        let id = s.doc_id(path);
        for st in s
            .comparison
            .statements
            .iter()
            .filter(|st| st.document == id)
        {
            if st.kind == StatementKind::Narrative {
                assert_eq!(st.claimant, publisher, "{st:?}");
            }
        }
    }
}

#[test]
fn gold_sides_exist_with_their_organisations_merged() {
    let g = gold();
    let s = sample();
    let key = |o: &str| {
        o.to_lowercase()
            .split_whitespace()
            .filter(|w| *w != "the")
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (name, orgs) in &g.sides {
        let side = s.comparison.sides.iter().find(|x| x.id == side_id(name));
        let Some(side) = side else {
            panic!("no side {name}: {:#?}", s.comparison.sides);
        };
        assert_eq!(&side.name, name);
        let have: Vec<String> = side.organisations.iter().map(|o| key(o)).collect();
        for org in orgs {
            assert!(
                have.contains(&key(org)),
                "side {name} lacks {org}: {:?}",
                side.organisations
            );
        }
    }
}

/// What the gold's figures and dates should normalise to.
fn expected_value(written: &str) -> Option<&'static str> {
    Some(match written {
        "£10.5m" => "GBP 10500000",
        "£300m" => "GBP 300000000",
        "80%" => "0.8",
        "10%" => "0.1",
        "October 2018" => "2018-10",
        "April 2021" => "2021-04",
        "April 8" => "2020-04-08",
        "October" => "--10",
        "September" => "--09",
        "six more months" => "P6M",
        "18 months" => "P18M",
        _ => return None,
    })
}

#[test]
fn figures_and_dates_are_entities_with_values() {
    let g = gold();
    let s = sample();
    let all_entities: Vec<_> = s
        .comparison
        .statements
        .iter()
        .flat_map(|st| st.entities.iter())
        .collect();
    let mut checked = 0;
    for d in &g.disputes {
        for date in &d.dates {
            let hit = all_entities
                .iter()
                .find(|e| e.text.eq_ignore_ascii_case(date));
            let Some(hit) = hit else {
                panic!("dispute {}: no entity {date:?}", d.id);
            };
            if let Some(v) = expected_value(date) {
                assert!(
                    all_entities.iter().any(|e| e.text == *date && e.value == v),
                    "{date}: {hit:?}"
                );
                checked += 1;
            }
        }
    }
    for one in &g.one_sided {
        let statements = s.holding(&one.phrase, None);
        for fig in &one.figures {
            let found = s
                .comparison
                .statements
                .iter()
                .flat_map(|st| st.entities.iter())
                .find(|e| e.text == *fig);
            let Some(e) = found else {
                panic!("no entity {fig:?}")
            };
            if let Some(v) = expected_value(fig) {
                assert_eq!(e.value, v, "{fig}");
                checked += 1;
            }
        }
        let first = statements[0];
        assert!(
            first.entities.iter().any(|e| one.figures.contains(&e.text)),
            "{first:?}"
        );
    }
    assert!(checked >= 8, "only {checked} figures checked");
}

#[test]
fn topics_of_the_disputes_are_found() {
    let s = sample();
    let topics: std::collections::BTreeSet<&str> = s
        .comparison
        .statements
        .iter()
        .flat_map(|st| st.topics.iter().map(String::as_str))
        .collect();
    for t in [
        "subsidy",
        "sustainability",
        "timeline",
        "money",
        "services",
        "share",
    ] {
        assert!(topics.contains(t), "no statement has topic {t}: {topics:?}");
    }
    let subsidising = s.holding("says it is subsidising", None);
    assert!(
        subsidising[0].topics.iter().any(|t| t == "subsidy"),
        "{:?}",
        subsidising[0]
    );
}
