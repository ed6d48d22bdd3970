//! The user's corrections flow through the pipeline: a reassigned publisher becomes the
//! claimant of its document's narrative, renamed sides keep their ids, merged sides vanish.

use parallax::comparison::StatementKind;
use parallax::corpus::bundled_sample;
use parallax::{Settings, analyze};

#[test]
fn a_reassigned_publisher_claims_its_documents_narrative() {
    let corpus = bundled_sample();
    let before = analyze(&corpus, &Settings::default());
    let unknown = before
        .documents
        .iter()
        .find(|d| d.publisher.is_none())
        .expect("the sample has a document of unknown publisher");
    let mut settings = Settings::default();
    settings
        .corrections
        .publishers
        .insert(unknown.path.clone(), "Test Desk".to_string());
    let after = analyze(&corpus, &settings);
    let doc = after.documents.iter().find(|d| d.id == unknown.id).unwrap();
    assert_eq!(doc.publisher.as_deref(), Some("test-desk"));
    assert_eq!(doc.publisher_evidence, "set by the user");
    let side = after.sides.iter().find(|s| s.id == "test-desk").unwrap();
    assert_eq!(side.name, "Test Desk");
    let narrative: Vec<_> = after
        .statements
        .iter()
        .filter(|s| s.document == doc.id && s.kind == StatementKind::Narrative)
        .collect();
    assert!(!narrative.is_empty());
    assert!(
        narrative
            .iter()
            .any(|s| s.claimant.as_deref() == Some("test-desk")),
        "no narrative statement of the corrected document is claimed by its new publisher"
    );
    // the other documents keep their publishers
    for (a, b) in before.documents.iter().zip(&after.documents) {
        if a.id != unknown.id {
            assert_eq!(a.publisher, b.publisher);
        }
    }
}

#[test]
fn renamed_and_merged_sides() {
    let corpus = bundled_sample();
    let before = analyze(&corpus, &Settings::default());
    let mut by_claims: Vec<(usize, String)> = before
        .sides
        .iter()
        .map(|s| {
            let n = before
                .statements
                .iter()
                .filter(|st| st.claimant.as_deref() == Some(&s.id))
                .count();
            (n, s.id.clone())
        })
        .collect();
    by_claims.sort_by(|a, b| b.cmp(a));
    let (keep, gone) = (by_claims[0].1.clone(), by_claims[1].1.clone());
    let gone_orgs = before
        .sides
        .iter()
        .find(|s| s.id == gone)
        .unwrap()
        .organisations
        .clone();
    let mut settings = Settings::default();
    settings
        .corrections
        .merges
        .insert(gone.clone(), keep.clone());
    settings
        .corrections
        .side_names
        .insert(keep.clone(), "Both of them".to_string());
    let after = analyze(&corpus, &settings);
    assert!(after.sides.iter().all(|s| s.id != gone));
    assert_eq!(after.sides.len(), before.sides.len() - 1);
    let kept = after.sides.iter().find(|s| s.id == keep).unwrap();
    assert_eq!(kept.name, "Both of them");
    for org in &gone_orgs {
        assert!(kept.organisations.contains(org), "{org} lost in the merge");
    }
    assert!(after.statements.iter().all(|s| {
        s.claimant.as_deref() != Some(gone.as_str())
            && s.counter_claimant.as_deref() != Some(gone.as_str())
    }));
    assert!(after.groups.iter().all(|g| !g.sides.contains(&gone)));
    assert!(
        after
            .documents
            .iter()
            .all(|d| d.publisher.as_deref() != Some(gone.as_str()))
    );
    let claimed = |c: &parallax::comparison::Comparison, id: &str| {
        c.statements
            .iter()
            .filter(|s| s.claimant.as_deref() == Some(id))
            .count()
    };
    assert_eq!(
        claimed(&after, &keep),
        claimed(&before, &keep) + claimed(&before, &gone)
    );
}
