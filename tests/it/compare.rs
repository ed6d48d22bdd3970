//! The compare stage: claim groups on the sample held to the gold reading, and small
//! corpora of other subjects for each kind of reason and for what must not be flagged.

use std::collections::{BTreeMap, BTreeSet};

use parallax::compare::diff::changes;
use parallax::comparison::{Comparison, Group, Relation, Statement};
use parallax::corpus::{self, LoadOptions, bundled_sample};
use serde::Deserialize;

use crate::support::folder;

const GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/seeds.yaml");

#[derive(Debug, Deserialize)]
struct Gold {
    shared: Vec<GoldShared>,
    disputes: Vec<GoldDispute>,
}

#[derive(Debug, Deserialize)]
struct GoldShared {
    id: String,
    phrases: Vec<String>,
    docs: Vec<String>,
    #[serde(default)]
    word_diff: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldDispute {
    id: String,
    sides: BTreeMap<String, Vec<String>>,
}

fn gold() -> Gold {
    let text = std::fs::read_to_string(GOLD).unwrap_or_else(|e| panic!("{GOLD}: {e}"));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{GOLD}: {e}"))
}

fn fold(s: &str) -> String {
    s.replace(['“', '”'], "\"")
        .replace(['‘', '’'], "'")
        .to_lowercase()
}

fn analyze_sample() -> Comparison {
    parallax::analyze(&bundled_sample(), &parallax::Settings::default())
}

fn analyze_files(files: &[(&str, &str)]) -> Comparison {
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
    let dir = folder(&bytes);
    let corpus = corpus::load(dir.path(), &LoadOptions::default()).expect("loads");
    parallax::analyze(&corpus, &parallax::Settings::default())
}

fn statement<'a>(c: &'a Comparison, id: &str) -> &'a Statement {
    c.statements
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("unknown statement {id}"))
}

fn holds(c: &Comparison, g: &Group, phrase: &str) -> bool {
    g.statements
        .iter()
        .any(|id| fold(&statement(c, id).text).contains(&fold(phrase)))
}

fn group_of<'a>(c: &'a Comparison, phrase: &str) -> Vec<&'a Group> {
    c.groups.iter().filter(|g| holds(c, g, phrase)).collect()
}

/// The group holding a phrase (its first, when several do).
fn the_group<'a>(c: &'a Comparison, phrase: &str) -> &'a Group {
    match group_of(c, phrase).into_iter().next() {
        Some(g) => g,
        None => panic!("no group holds {phrase:?}"),
    }
}

/// The reason of a kind a group gives.
fn reason<'a>(g: &'a Group, kind: &str) -> &'a parallax::comparison::Reason {
    match g.reasons.iter().find(|r| r.kind == kind) {
        Some(r) => r,
        None => panic!("no {kind} reason: {g:?}"),
    }
}

fn kinds(g: &Group) -> BTreeSet<&str> {
    g.reasons.iter().map(|r| r.kind.as_str()).collect()
}

/// The reason kinds each gold dispute may be found with.
fn expected_kinds(id: &str) -> &'static [&'static str] {
    match id {
        "sustainability-credit" => &["competing-credit"],
        "subsidy" => &["denial", "opposite-polarity"],
        "separation-timeline" => &["conflicting-date"],
        _ => &["competing-credit", "other", "conflicting-figure", "denial"],
    }
}

/// The disputed groups that hold phrases of at least two of a dispute's sides, with a
/// fitting reason.
fn found_dispute<'a>(c: &'a Comparison, d: &GoldDispute) -> Option<&'a Group> {
    c.groups.iter().find(|g| {
        g.relation == Relation::Disputed
            && d.sides
                .values()
                .filter(|phrases| phrases.iter().any(|p| holds(c, g, p)))
                .count()
                >= 2
            && kinds(g).iter().any(|k| expected_kinds(&d.id).contains(k))
    })
}

#[test]
fn every_claim_is_in_exactly_one_group_and_nothing_else_is() {
    let c = analyze_sample();
    let mut seen = BTreeMap::new();
    for g in &c.groups {
        assert!(g.id.starts_with("g-"));
        assert!((0.0..=1.0).contains(&g.similarity), "{g:?}");
        for s in &g.statements {
            *seen.entry(s.as_str()).or_insert(0) += 1;
        }
    }
    for s in &c.statements {
        let n = seen.get(s.id.as_str()).copied().unwrap_or(0);
        assert_eq!(
            n,
            usize::from(s.kind.is_claim()),
            "{:?}: {}",
            s.kind,
            s.text
        );
    }
}

#[test]
fn output_is_deterministic() {
    let a = serde_json::to_string(&analyze_sample()).expect("serialises");
    let b = serde_json::to_string(&analyze_sample()).expect("serialises");
    assert_eq!(a, b);
}

#[test]
fn gold_disputes_are_found() {
    let c = analyze_sample();
    let gold = gold();
    let missing: Vec<&str> = gold
        .disputes
        .iter()
        .filter(|d| found_dispute(&c, d).is_none())
        .map(|d| d.id.as_str())
        .collect();
    assert!(missing.is_empty(), "gold disputes not found: {missing:?}");
}

#[test]
fn most_disputed_groups_are_gold_disputes() {
    let c = analyze_sample();
    let gold = gold();
    let disputed: Vec<&Group> = c
        .groups
        .iter()
        .filter(|g| g.relation == Relation::Disputed)
        .collect();
    assert!(!disputed.is_empty());
    let in_gold = disputed
        .iter()
        .filter(|g| {
            gold.disputes
                .iter()
                .any(|d| d.sides.values().flatten().any(|p| holds(&c, g, p)))
        })
        .count();
    assert!(
        in_gold * 10 >= disputed.len() * 6,
        "{in_gold} of {} disputed groups are gold disputes",
        disputed.len()
    );
}

#[test]
fn gold_shared_claims_are_grouped_across_their_documents_with_word_diffs() {
    let c = analyze_sample();
    let gold = gold();
    let doc_path = |id: &str| -> String {
        c.documents
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.path.clone())
            .unwrap_or_default()
    };
    let mut failures = Vec::new();
    for shared in &gold.shared {
        let phrase = &shared.phrases[0];
        let ok = group_of(&c, phrase).into_iter().any(|g| {
            let docs: BTreeSet<String> = g
                .statements
                .iter()
                .map(|id| statement(&c, id))
                .filter(|s| {
                    shared
                        .phrases
                        .iter()
                        .any(|p| fold(&s.text).contains(&fold(p)))
                        || g.statements.len() > 1
                })
                .map(|s| doc_path(&s.document))
                .collect();
            shared.docs.iter().all(|d| docs.contains(d))
        });
        if !ok {
            failures.push(shared.id.clone());
            continue;
        }
        if let [before, after] = shared.word_diff.as_slice() {
            // the two documents' statements, diffed word by word
            let texts: Vec<&Statement> = group_of(&c, phrase)
                .into_iter()
                .flat_map(|g| g.statements.iter().map(|id| statement(&c, id)))
                .filter(|s| fold(&s.text).contains(&fold(phrase)))
                .collect();
            let found = texts.iter().any(|a| {
                texts.iter().any(|b| {
                    let (removed, added) = changes(&a.text, &b.text);
                    let in_before = removed.iter().any(|r| fold(before).contains(&fold(r)));
                    let in_after = added.iter().any(|r| fold(after).contains(&fold(r)));
                    fold(&a.text).contains(&fold(before))
                        && fold(&b.text).contains(&fold(after))
                        && (in_before || in_after)
                })
            });
            if !found {
                failures.push(format!("{} (word diff)", shared.id));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "gold shared claims not grouped: {failures:?}"
    );
}

#[test]
fn lone_statement_with_its_denial_is_disputed() {
    let c = analyze_files(&[(
        "a.txt",
        "---\ntitle: Ferry\npublisher: Riverton Council\n---\nRiverton Ferry Company says it is losing money on the route - a claim Riverton Council disputes.\n",
    )]);
    let g = the_group(&c, "losing money");
    assert_eq!(g.relation, Relation::Disputed, "{g:?}");
    assert!(kinds(g).contains("denial"), "{g:?}");
    // the reason names the sides as a reader knows them, not by their ids
    let denial = reason(g, "denial");
    assert!(
        denial
            .detail
            .starts_with("Riverton Ferry Company claims it, Riverton Council disputes it"),
        "{}",
        denial.detail
    );
}

/// Two releases about one library.
fn pair(a: &str, b: &str) -> Comparison {
    analyze_files(&[
        (
            "a.txt",
            &format!("---\ntitle: Library\npublisher: Northshire Council\n---\n{a}\n"),
        ),
        (
            "b.txt",
            &format!("---\ntitle: Library\npublisher: Eastvale Trust\n---\n{b}\n"),
        ),
    ])
}

fn reason_between(c: &Comparison, phrase: &str) -> BTreeSet<String> {
    group_of(c, phrase)
        .iter()
        .flat_map(|g| g.reasons.iter().map(|r| r.kind.as_str().to_string()))
        .collect()
}

#[test]
fn competing_credit_is_flagged() {
    let c = pair(
        "By signing this contract, Northshire Council has ensured that the Eastvale library is now financially secure.",
        "By signing this contract, Eastvale Trust has helped ensure that the Eastvale library is financially secure.",
    );
    let g = the_group(&c, "has ensured");
    assert!(holds(&c, g, "helped ensure"), "{g:?}");
    assert_eq!(g.relation, Relation::Disputed);
    let r = reason(g, "competing-credit");
    assert!(
        r.detail.contains("Northshire Council has ensured"),
        "{}",
        r.detail
    );
    assert_eq!(r.statements.len(), 2);
}

#[test]
fn a_speakers_own_we_takes_the_credit_for_their_party() {
    let c = pair(
        "\"With this contract we are making sure the Eastvale library has a secure future,\" said council leader Ann Holm.",
        "\"What we are doing is making sure the Eastvale library has a secure future,\" said trust chair Bo Lind.",
    );
    let g = the_group(&c, "With this contract");
    assert!(holds(&c, g, "What we are doing"), "{g:?}");
    assert_eq!(g.relation, Relation::Disputed, "{g:?}");
    assert!(kinds(g).contains("competing-credit"), "{g:?}");
}

#[test]
fn a_statement_that_rejects_another_partys_words_is_disputed() {
    let c = analyze_files(&[(
        "a.txt",
        "---\ntitle: Ferry\npublisher: Riverton Gazette\n---\nRiverton Council dismissed the Riverton Ferry Company's claims as \"nonsense\".\n",
    )]);
    let g = the_group(&c, "dismissed");
    assert_eq!(g.relation, Relation::Disputed, "{g:?}");
    let denial = reason(g, "denial");
    assert!(
        denial
            .detail
            .starts_with("Riverton Council rejects what Riverton Ferry Company said"),
        "{}",
        denial.detail
    );
}

#[test]
fn a_rebuttal_that_names_one_other_party_is_disputed() {
    let c = analyze_files(&[
        (
            "b.txt",
            "---\ntitle: New boat\npublisher: Riverton Ferry Company\n---\nOur new boat enters service in May.\n",
        ),
        (
            "a.txt",
            "---\ntitle: Ferry\npublisher: Riverton Gazette\n---\nRiverton Council leader Ann Holm said: \"It is disappointing that Riverton Ferry Company keeps making false and misleading statements about the timetable.\"\n\nThe ferry runs twice an hour.\n",
        ),
    ]);
    let g = the_group(&c, "false and misleading");
    assert_eq!(g.relation, Relation::Disputed, "{g:?}");
    let denial = reason(g, "denial");
    assert!(
        denial
            .detail
            .contains("rejects what Riverton Ferry Company said"),
        "{}",
        denial.detail
    );
    // narration that merely reports a party and a rebuttal word is no rebuttal of its own
    let c = analyze_files(&[(
        "b.txt",
        "---\ntitle: Ferry\npublisher: Riverton Gazette\n---\nRiverton Ferry Company has published a timetable that critics call misleading.\n",
    )]);
    let g = the_group(&c, "timetable");
    assert_ne!(g.relation, Relation::Disputed, "{g:?}");
}

#[test]
fn conflicting_figures_and_dates_are_flagged_with_their_values() {
    let c = pair(
        "Visitor numbers at the Eastvale library fell by 31% after the opening hours were cut.",
        "Visitor numbers at the Eastvale library fell by 60% after the opening hours were cut.",
    );
    let g = the_group(&c, "31%");
    let r = reason(g, "conflicting-figure");
    assert_eq!(r.detail, "conflicting figure: 31% vs 60%");

    let c = pair(
        "The refurbishment of the Eastvale library reading room is due to finish in October.",
        "The refurbishment of the Eastvale library reading room is due to finish in September.",
    );
    assert!(reason_between(&c, "reading room").contains("conflicting-date"));
}

#[test]
fn the_same_value_written_two_ways_is_not_a_conflict() {
    let c = pair(
        "The Eastvale library refurbishment will cost £10.5m and begin in October 2018.",
        "The Eastvale library refurbishment will cost £10.5 million and begin in 10/2018.",
    );
    let g = the_group(&c, "refurbishment");
    assert_eq!(g.statements.len(), 2, "{g:?}");
    assert!(g.reasons.is_empty(), "{:?}", g.reasons);
    assert_ne!(g.relation, Relation::Disputed);
}

#[test]
fn unrelated_figures_in_the_same_sentence_shape_are_not_flagged() {
    let c = pair(
        "The council spent £2m on road repairs in the spring.",
        "The trust spent £5m on new hospital beds in the autumn.",
    );
    assert!(
        c.groups.iter().all(|g| g.relation != Relation::Disputed),
        "{:?}",
        c.groups
    );
}

#[test]
fn denial_across_statements_and_opposite_polarity() {
    let c = pair(
        "Northshire Council said the Eastvale library lending service is sustainable under the new contract.",
        "Eastvale Trust rejected the suggestion that the Eastvale library lending service is sustainable under the new contract.",
    );
    assert!(
        reason_between(&c, "lending service").contains("denial"),
        "{:?}",
        c.groups
    );

    let c = pair(
        "The Eastvale library lending service is sustainable under the new contract with Northshire Council.",
        "The Eastvale library lending service is unsustainable under the new contract with Northshire Council.",
    );
    assert!(reason_between(&c, "lending service").contains("opposite-polarity"));
}

#[test]
fn reused_quotes_name_both_speakers() {
    let c = pair(
        "Director Jane Holt said: \"Having weighed every option in detail, we believe this partnership gives readers the best library service.\"",
        "Chief Executive Omar Reed said: \"Having weighed every option in detail, we believe this partnership gives readers the best library service.\"",
    );
    let g = the_group(&c, "weighed every option");
    assert_eq!(g.statements.len(), 2, "{g:?}");
    let r = reason(g, "reused-quote");
    assert!(
        r.detail.contains("Jane Holt") && r.detail.contains("Omar Reed"),
        "{}",
        r.detail
    );
}

#[test]
fn fifty_copies_make_one_shared_group() {
    let text = "---\ntitle: Ferry\npublisher: Riverton Council\n---\nThe Riverton ferry will run an extra evening crossing from next month.\n";
    let files: Vec<(String, String)> = (0..50)
        .map(|i| (format!("copy{i:02}.txt"), text.to_string()))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let c = analyze_files(&refs);
    let g = group_of(&c, "extra evening crossing");
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].statements.len(), 50);
    assert_eq!(g[0].relation, Relation::Shared);
}

#[test]
fn timeline_is_sorted_and_names_sides() {
    let c = analyze_sample();
    assert!(!c.timeline.is_empty());
    assert!(c.timeline.iter().any(|t| t.date == "2018-10"));
    let keys: Vec<(&str, &str)> = c
        .timeline
        .iter()
        .map(|t| (t.date.as_str(), t.statement.as_str()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // each entry names the side of its statement's claimant, a side of the comparison
    let sides: Vec<&str> = c.sides.iter().map(|s| s.id.as_str()).collect();
    for t in &c.timeline {
        let statement = c.statements.iter().find(|s| s.id == t.statement).unwrap();
        assert_eq!(t.side, statement.claimant, "{}", t.text);
        assert!(t.side.as_deref().is_none_or(|s| sides.contains(&s)));
    }
    assert!(
        c.timeline.iter().any(|t| t.side.is_some()),
        "sides are named"
    );
}

#[test]
fn generated_corpora_group_and_dispute() {
    let files = parallax::generate::corpus(40, 3);
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|f| (f.path.as_str(), f.text.as_str()))
        .collect();
    let c = analyze_files(&refs);
    assert!(c.groups.iter().any(|g| g.relation == Relation::Shared));
    assert!(c.groups.iter().any(|g| g.relation == Relation::Disputed));
}

#[test]
fn two_sides_timing_the_same_event_differently_conflict_even_in_other_words() {
    // little shared vocabulary beyond the event itself: the link comes from the event
    let c = pair(
        "The ferry contract was due to end in March, but the operator asked the minister for more time to hand over the vessels.",
        "It is now two years since the council gave notice to end the ferry contract, and the new operator is ready.",
    );
    let g = the_group(&c, "ferry contract was due");
    assert!(
        holds(&c, g, "two years since the council gave notice"),
        "the two timings of the contract's end are not grouped: {:?}",
        c.groups
    );
    assert_eq!(g.relation, Relation::Disputed);
    let r = reason(g, "conflicting-date");
    assert!(
        r.detail.contains("March") && r.detail.contains("two years"),
        "{}",
        r.detail
    );
    assert!(
        r.detail.contains("contract … end") || r.detail.contains("end … contract"),
        "the event is not named: {}",
        r.detail
    );
}

#[test]
fn the_same_event_timed_alike_or_different_events_are_not_flagged() {
    // the same month written two ways
    let c = pair(
        "The ferry contract was due to end in October 2018 under the old terms.",
        "Both parties agreed to end the ferry contract in 10/2018 after a review.",
    );
    assert!(
        c.groups.iter().all(|g| g.relation != Relation::Disputed),
        "{:?}",
        c.groups
    );
    // one verb, different things ending at different times
    let c = pair(
        "The bus subsidy is due to end in March after the budget review.",
        "The school term is due to end in July, the headteacher said.",
    );
    assert!(
        c.groups.iter().all(|g| g.relation != Relation::Disputed),
        "{:?}",
        c.groups
    );
}

/// The disputed group holding a phrase, if any.
fn disputed_with<'a>(c: &'a Comparison, phrase: &str) -> Option<&'a Group> {
    c.groups
        .iter()
        .filter(|g| g.relation == Relation::Disputed)
        .find(|g| holds(c, g, phrase))
}

#[test]
fn two_values_of_one_frame_conflict_though_worded_apart() {
    // a council budget: the same offer valued two ways by two sides
    let c = pair(
        "The council said its offer is worth 6% to refuse collectors this year.",
        "Union officials insist the deal amounts in reality to a 2.5% rise once bonuses are stripped out.",
    );
    let g = disputed_with(&c, "worth 6%").expect("a disputed group");
    assert!(holds(&c, g, "2.5% rise"), "{:?}", g);
    assert!(g.strength >= 0.5, "{}", g.strength);
    assert!(g.reasons.iter().any(|r| r.kind == "conflicting-figure"));
}

#[test]
fn a_figure_and_the_same_figure_rounded_or_respelled_do_not_conflict() {
    // a football transfer reported in two units and rounded
    let c = pair(
        "The club confirmed the transfer fee of £42.3m for the midfielder on Friday.",
        "Rivals say the midfielder's transfer fee, about £42m, was paid in full on Friday.",
    );
    assert!(disputed_with(&c, "£42.3m").is_none(), "{:?}", c.groups);
    let c = pair(
        "The trust says the new wing will cost £10.5m to build.",
        "Campaigners accept the new wing will cost £10,500,000 to build.",
    );
    assert!(disputed_with(&c, "£10.5m").is_none(), "{:?}", c.groups);
}

#[test]
fn a_short_rebuttal_answers_the_claim_before_it() {
    // a hospital: a claim restated and rejected in the next sentence
    let c = analyze_files(&[(
        "letter.txt",
        "---\ntitle: Letter\npublisher: Nurses Union\n---\nThe hospital keeps saying that waiting lists have halved since March.\n\nYou know that is not true, and our members have seen through it.\n",
    )]);
    let g = disputed_with(&c, "not true").expect("a disputed group");
    assert!(holds(&c, g, "waiting lists have halved"), "{:?}", g);
    assert!(g.reasons.iter().any(|r| r.kind == "denial"));
}

#[test]
fn datelines_and_publication_lines_never_dispute() {
    let c = pair(
        "Tech Weekly, 3 March 2021\n\nThe company launched its phone in Leeds.",
        "Tech Weekly, 9 April 2021\n\nThe company opened an office in York.",
    );
    assert!(disputed_with(&c, "Tech Weekly").is_none(), "{:?}", c.groups);
}

#[test]
fn two_parties_quoted_on_opposite_readings_dispute_even_when_neither_names_the_other() {
    let verdict = |second: &str| {
        analyze_files(&[
            (
                "harbour.txt",
                "---\ntitle: Harbour authority on the ferry partnership\n---\n\
                 Ada Lind, chair of the Northgate Harbour Authority, said: \"The ferry \
                 partnership with the island has been remarkably successful for passengers.\"\n",
            ),
            ("island.txt", second),
        ])
    };
    // the island council's own words, quoted: the two parties read the matter oppositely
    let c = verdict(
        "---\ntitle: Island council on the ferry partnership\n---\n\
         Tom Berg, leader of Skerry Island Council, said: \"The ferry partnership has been \
         inefficient and flawed for passengers from the start.\"\n",
    );
    let g = the_group(&c, "remarkably successful");
    assert!(holds(&c, g, "inefficient"), "{g:?}");
    assert_eq!(g.relation, Relation::Disputed, "{g:?}");
    assert!(reason(g, "opposite-polarity").detail.contains("successful"));
    // a newspaper's own narrative is not a party's reading: no dispute on words alone
    let c = verdict(
        "---\ntitle: Ferry partnership under review\n---\n\
         The ferry partnership has been inefficient and flawed for passengers from the \
         start, the review found.\n",
    );
    assert!(
        c.groups
            .iter()
            .filter(|g| holds(&c, g, "remarkably successful"))
            .all(|g| g.relation != Relation::Disputed),
        "{:?}",
        c.groups
    );
}

#[test]
fn who_must_pay_against_a_refusal_to_pay_is_a_dispute() {
    let c = analyze_files(&[
        (
            "council.txt",
            "---\ntitle: Council on depot repairs\n---\n\
             Ravenby Council says Ostler Buses must pay for the depot roof repairs after its \
             buses damaged the depot roof.\n",
        ),
        (
            "operator.txt",
            "---\ntitle: Operator on depot repairs\n---\n\
             Sam Quill, managing director of Ostler Buses, said: \"We are not paying for \
             the depot roof repairs, because the council let the depot roof rot.\"\n",
        ),
    ]);
    let g = the_group(&c, "must pay for the depot roof repairs");
    assert!(holds(&c, g, "not paying"), "{g:?}");
    assert_eq!(g.relation, Relation::Disputed, "{g:?}");
    let r = reason(g, "opposite-polarity");
    assert!(
        r.detail.contains("must pay") && r.detail.contains("not paying"),
        "{r:?}"
    );
}
