//! Reported claims: narrative sentences that report what a party says ("Acme says it is…",
//! "…, the council claimed", "according to Acme") and denials of them ("a claim the club
//! disputes"), with "it", "they" and "the council" resolved to the party meant.

use super::actors::{Mention, MentionKind, Tok, tokens};
use crate::lexicon::Lexicon;

/// Who a narrative sentence reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The party whose claim is reported.
    pub claimant: Option<String>,
    /// A person who makes the reported claim, when one is named.
    pub speaker: Option<String>,
    /// The party that denies the claim in the same sentence.
    pub counter: Option<String>,
    /// The party whose words the claimant answers ("dismissed Y's remarks").
    pub answers: Option<String>,
}

/// Adverbs and auxiliaries that may stand between a subject and its reporting verb.
const BETWEEN: &[&str] = &[
    "also",
    "now",
    "has",
    "have",
    "had",
    "previously",
    "repeatedly",
    "always",
    "still",
    "publicly",
    "strongly",
    "however",
    "firmly",
    "consistently",
    "later",
    "then",
    "again",
    "today",
    "yesterday",
    "earlier",
    "privately",
    "angrily",
    "flatly",
    "itself",
    "himself",
    "herself",
    "themselves",
];

/// Passive auxiliaries: "they were told" reports nobody's claim.
const PASSIVE: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];

/// What a reporting verb's subject is.
enum Subject {
    /// A named actor.
    Named(Mention),
    /// A pronoun or "the <organisation word>" standing for a party.
    PartyAnaphor,
    /// "he", "she".
    PersonAnaphor,
    /// A common noun phrase standing for a party or one of its people ("the union",
    /// "company bosses", "the spokesperson", "the chief executive"), lower case.
    Phrase(Vec<String>),
}

/// Resolves a common noun phrase ("the union", "the spokesperson") that stands at a byte
/// offset of the sentence to the party and the person it means, when the document says.
pub type PhraseResolver<'a> =
    dyn Fn(&[String], usize) -> Option<(Option<String>, Option<String>)> + 'a;

/// Reads a narrative sentence. `mentions` are the actors in `text` (byte ranges in it);
/// `before` are the actors of the preceding sentences, latest last, for anaphora.
pub fn report(
    text: &str,
    mentions: &[Mention],
    before: &[Mention],
    lex: &Lexicon,
    phrase: &PhraseResolver,
) -> Option<Report> {
    report_tokens(&tokens(text), mentions, before, lex, phrase)
}

/// [`report`] of a text already split into its words ([`tokens`]).
pub fn report_tokens(
    toks: &[Tok<'_>],
    mentions: &[Mention],
    before: &[Mention],
    lex: &Lexicon,
    phrase: &PhraseResolver,
) -> Option<Report> {
    let r = &lex.reading;
    let mut main: Option<(Option<String>, Option<String>)> = None;
    let mut counter: Option<Option<String>> = None;
    let mut person_only: Option<String> = None;
    let mut answers: Option<String> = None;
    // "In his words, …", "In their view, …": the whole sentence is that voice's
    if let [first, owner, noun, ..] = toks
        && first.lower() == "in"
        && noun.after == Some(',')
        && matches!(
            noun.lower(),
            "words" | "view" | "opinion" | "judgment" | "judgement" | "estimate" | "account"
        )
    {
        match owner.lower() {
            "his" | "her" => {
                if let Some(m) = before.iter().rfind(|m| m.kind == MentionKind::Person) {
                    return Some(Report {
                        claimant: m.party.clone(),
                        speaker: Some(m.name.clone()),
                        counter: None,
                        answers: None,
                    });
                }
            }
            "its" | "their" => {
                if let Some(p) = resolve_party(&[], before, 0, None) {
                    return Some(Report {
                        claimant: Some(p),
                        speaker: None,
                        counter: None,
                        answers: None,
                    });
                }
            }
            _ => {}
        }
    }
    for (i, t) in toks.iter().enumerate() {
        let lower = t.lower();
        let according = lower == "according" && toks.get(i + 1).is_some_and(|n| n.text == "to");
        if according {
            let skip = usize::from(toks.get(i + 2).is_some_and(|n| n.text == "the"));
            let next = toks.get(i + 2 + skip).map(|n| n.start);
            // "according to a union source speaking to the Gazette": the source's party,
            // not the outlet it spoke to
            let article = toks
                .get(i + 2)
                .is_some_and(|n| matches!(n.text, "a" | "an" | "one"));
            if article
                && let Some(words) = toks.get(i + 3..).and_then(|rest| noun_phrase(rest, lex))
                && let Some(found) = phrase(&words, toks[i + 3].start)
                && found.0.is_some()
            {
                main.get_or_insert(found);
                continue;
            }
            if let Some(m) = next.and_then(|s| {
                mentions
                    .iter()
                    .find(|m| m.start == s || (m.start <= s && s < m.end))
            }) {
                main.get_or_insert((m.party.clone(), person_name(m)));
            } else if let Some(m) = (toks.get(i + 2..).unwrap_or(&[]).iter())
                .take(6)
                .take_while(|t| t.after != Some(','))
                .find_map(|t| {
                    mentions
                        .iter()
                        .find(|m| m.start == t.start && m.kind != MentionKind::Person)
                })
                .or_else(|| {
                    // "according to the two Riverton leaders," — the party named in the phrase
                    toks.get(i + 2..)?
                        .iter()
                        .take(6)
                        .find(|t| t.after == Some(','))
                        .and_then(|end| {
                            mentions.iter().find(|m| {
                                m.start > toks[i].end
                                    && m.end <= end.end
                                    && m.kind != MentionKind::Person
                            })
                        })
                })
            {
                main.get_or_insert((m.party.clone(), None));
            } else if let Some(words) = toks.get(i + 2..).and_then(|rest| noun_phrase(rest, lex))
                && let Some(found) = phrase(&words, toks[i + 2].start)
                && found.0.is_some()
            {
                main.get_or_insert(found);
            }
            continue;
        }
        if !r.claim_verbs.contains(lower) {
            continue;
        }
        // a quote introduction ("said:") is the quotations' business
        if t.after == Some(':') {
            continue;
        }
        // ", describing the plan as …": a participle after a comma reports the sentence's
        // own subject
        let participle = lower.ends_with("ing") && i > 0 && toks[i - 1].after == Some(',');
        let found = if participle {
            opening_subject(toks, mentions, lex)
        } else {
            subject_of(toks, i, mentions, lex).or_else(|| inverted_subject(toks, i, mentions, lex))
        };
        let Some((subject, subject_start)) = found else {
            continue;
        };
        // "a claim the club disputes", "which the club denies"
        let noun_before = toks[..subject_start]
            .iter()
            .rev()
            .take(3)
            .any(|t| r.claim_nouns.contains(t.lower()) || t.text == "which");
        let is_counter = noun_before && (r.denial_verbs.contains(lower) || main.is_some());
        let anchor = toks[subject_start].start;
        let resolved: (Option<String>, Option<String>) = match subject {
            Subject::Named(m) => (m.party.clone(), person_name(&m)),
            Subject::PersonAnaphor => {
                // the latest person: in this sentence before the pronoun, else before it
                let p = before
                    .iter()
                    .chain(mentions.iter().filter(|m| m.end <= anchor))
                    .rfind(|m| m.kind == MentionKind::Person);
                (p.and_then(|m| m.party.clone()), p.map(|m| m.name.clone()))
            }
            Subject::Phrase(words) => {
                let main_party = main.as_ref().and_then(|m| m.0.clone());
                let got = phrase(&words, anchor).unwrap_or((None, None));
                let unusable = got.0.is_none() || (is_counter && got.0 == main_party);
                // (not "the councils": several parties are none of them)
                if unusable
                    && words.len() == 1
                    && lex.is_organisation_word(&words[0])
                    && !lex.reading.joint_nouns.contains(&words[0])
                {
                    // "the club": the latest party named, not the one whose claim it denies
                    let exclude = if is_counter { main_party } else { None };
                    (
                        resolve_party(mentions, before, anchor, exclude.as_deref()),
                        None,
                    )
                } else {
                    got
                }
            }
            Subject::PartyAnaphor => {
                let exclude = if is_counter {
                    main.as_ref().and_then(|m| m.0.clone())
                } else {
                    None
                };
                // "The union balloted members over what it called …": "it" is the party
                // noun that opens the sentence, when one does
                let opening = match opening_subject(toks, mentions, lex) {
                    Some((Subject::Phrase(words), 0)) if exclude.is_none() => {
                        phrase(&words, toks[0].start).and_then(|(p, _)| p)
                    }
                    _ => None,
                };
                (
                    opening.or_else(|| resolve_party(mentions, before, anchor, exclude.as_deref())),
                    None,
                )
            }
        };
        if resolved.0.is_none() {
            // a person of no known party: kept only for when nothing else is reported
            if person_only.is_none() {
                person_only = resolved.1;
            }
            continue;
        }
        if is_counter {
            if counter.is_none() && resolved.0 != main.as_ref().and_then(|m| m.0.clone()) {
                counter = Some(resolved.0);
            }
        } else if main.is_none() {
            if r.stances.get(lower).is_some_and(|s| s == "denies") {
                answers = answered(toks, i, mentions, lex, phrase)
                    .filter(|a| resolved.0.as_ref() != Some(a));
            }
            main = Some(resolved);
        }
    }
    if main.is_none() && counter.is_none() {
        return person_only.map(|p| Report {
            claimant: None,
            speaker: Some(p),
            counter: None,
            answers: None,
        });
    }
    let (claimant, speaker) = main.unwrap_or((None, None));
    let counter = counter.flatten();
    match claimant {
        Some(c) => Some(Report {
            claimant: Some(c),
            speaker,
            counter,
            answers,
        }),
        // a denial alone: the denier makes the claim
        None => Some(Report {
            claimant: counter,
            speaker: None,
            counter: None,
            answers: None,
        }),
    }
}

/// The party whose words a denial verb at token `verb` answers: "dismissed Mr Doe's
/// remarks", "rejected the union's claims" (a possessive owner of a claim noun within a few
/// words after the verb).
fn answered(
    toks: &[Tok],
    verb: usize,
    mentions: &[Mention],
    lex: &Lexicon,
    phrase: &PhraseResolver,
) -> Option<String> {
    let end = toks.len().min(verb + 6);
    let k = (verb + 1..end).find(|&k| {
        toks[k].possessive
            && toks
                .get(k + 1)
                .is_some_and(|n| lex.reading.claim_nouns.contains(n.lower()))
    })?;
    let owner = &toks[k];
    if let Some(m) = mentions
        .iter()
        .find(|m| m.start <= owner.start && owner.start < m.end)
    {
        return m.party.clone().or_else(|| person_name(m));
    }
    // "the union's claims": a party noun
    let start = (verb + 1..=k)
        .rev()
        .take_while(|&j| toks[j].text != "the" && !toks[j].cap)
        .last()?;
    let words: Vec<String> = toks[start..=k]
        .iter()
        .map(|t| {
            t.lower()
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string()
        })
        .collect();
    phrase(&words, toks[start].start).and_then(|(p, _)| p)
}

fn person_name(m: &Mention) -> Option<String> {
    (m.kind == MentionKind::Person).then(|| m.name.clone())
}

/// "…, says Acme" / "…, said the union": a subject after its reporting verb, when a comma
/// stands before the verb.
fn inverted_subject(
    toks: &[Tok],
    i: usize,
    mentions: &[Mention],
    lex: &Lexicon,
) -> Option<(Subject, usize)> {
    // a comma (or a quote mark) ends the words before the verb; "4%," has '%' first
    if i == 0 || !toks[i - 1].break_after || matches!(toks[i - 1].after, Some('.' | '?' | '!')) {
        return None;
    }
    let next = toks.get(i + 1)?;
    if let Some(m) = mentions.iter().find(|m| m.start == next.start) {
        return Some((Subject::Named(m.clone()), i + 1));
    }
    let last = (i + 1..toks.len().min(i + 5)).find(|&k| toks[k].break_after)?;
    phrase_ending(toks, last, lex)
        .filter(|(_, start)| *start == i + 1)
        .map(|(words, start)| (Subject::Phrase(words), start))
}

/// The subject that opens a sentence: an actor named in its first words, or a party noun
/// phrase ("The union", "Union leaders").
fn opening_subject(toks: &[Tok], mentions: &[Mention], lex: &Lexicon) -> Option<(Subject, usize)> {
    let first = toks.first()?;
    if let Some(m) = mentions.first()
        && m.start <= first.start + 4
    {
        return Some((Subject::Named(m.clone()), 0));
    }
    (0..toks.len().min(4)).find_map(|j| {
        phrase_ending(toks, j, lex)
            .filter(|(_, start)| *start == 0)
            .map(|(words, start)| (Subject::Phrase(words), start))
    })
}

/// The subject of the reporting verb at token `i`, and the token where it starts.
fn subject_of(
    toks: &[Tok],
    i: usize,
    mentions: &[Mention],
    lex: &Lexicon,
) -> Option<(Subject, usize)> {
    let mut j = i;
    loop {
        if j == 0 {
            return None;
        }
        j -= 1;
        let t = &toks[j];
        if t.paren {
            continue;
        }
        // an apposition between commas: "Jane Doe, the union's leader, said that"
        if t.after == Some(',') && j + 1 == i {
            let ends_mention = |k: usize| {
                toks[k].after == Some(',')
                    && mentions
                        .iter()
                        .any(|m| m.end <= toks[k].end + 1 && m.end >= toks[k].start)
            };
            if let Some(open) = (j.saturating_sub(16)..j).rev().find(|&k| ends_mention(k)) {
                j = open + 1;
                continue;
            }
        }
        if BETWEEN.contains(&t.lower()) {
            continue;
        }
        if PASSIVE.contains(&t.lower()) {
            return None;
        }
        break;
    }
    let t = &toks[j];
    let lower = t.lower();
    if let Some(m) = mentions
        .iter()
        .find(|m| m.start <= t.start && t.end <= m.end + 3 && t.start < m.end)
    {
        let start = toks.iter().position(|x| x.start >= m.start).unwrap_or(j);
        return Some((Subject::Named(m.clone()), start));
    }
    // "a Zeta Mobile spokesperson said", "an Acme source claimed"
    if j > 0
        && !t.cap
        && is_party_head(lower, lex)
        && let Some(m) = mentions.iter().find(|m| {
            m.kind != MentionKind::Person && m.end >= toks[j - 1].start && m.end <= toks[j - 1].end
        })
    {
        let start = toks.iter().position(|x| x.start >= m.start).unwrap_or(j);
        return Some((Subject::Named(m.clone()), start));
    }
    if lex.reading.party_pronouns.contains(lower) {
        return Some((Subject::PartyAnaphor, j));
    }
    if lex.reading.person_pronouns.contains(lower) {
        return Some((Subject::PersonAnaphor, j));
    }
    if let Some((words, start)) = phrase_ending(toks, j, lex) {
        return Some((Subject::Phrase(words), start));
    }
    if j > 0 && toks[j - 1].lower() == "the" && lex.is_organisation_word(t.text) && !t.cap {
        return Some((Subject::PartyAnaphor, j - 1));
    }
    relative_subject(toks, j, mentions, lex)
}

/// "The union, which represents 115,000 workers, says" / "The union that represents postal
/// workers says": the subject before a relative clause that ends at token `j`.
fn relative_subject(
    toks: &[Tok],
    j: usize,
    mentions: &[Mention],
    lex: &Lexicon,
) -> Option<(Subject, usize)> {
    let k = (j.saturating_sub(10)..j)
        .rev()
        .find(|&k| matches!(toks[k].lower(), "that" | "who" | "which"))?;
    if k == 0 || (k..j).any(|m| toks[m].after == Some('.')) {
        return None;
    }
    let head = &toks[k - 1];
    if let Some(m) = mentions
        .iter()
        .find(|m| m.end >= head.start && m.end <= head.end + 1)
    {
        let start = toks
            .iter()
            .position(|x| x.start >= m.start)
            .unwrap_or(k - 1);
        return Some((Subject::Named(m.clone()), start));
    }
    phrase_ending(toks, k - 1, lex).map(|(words, start)| (Subject::Phrase(words), start))
}

/// Whether a lower-case word may head a noun phrase that stands for a party or its people.
fn is_party_head(word: &str, lex: &Lexicon) -> bool {
    let r = &lex.reading;
    r.party_nouns.contains_key(word)
        || r.joint_nouns.contains(word)
        || r.organisation_cues.contains(word)
        || r.role_words.contains(word)
        || matches!(word, "leaders" | "leadership" | "chiefs" | "members")
}

/// A noun phrase ending at token `j` that stands for a party or one of its people: a
/// determiner ("the", "a", "its", "their") or a sentence start, then lower-case party nouns
/// and role words ("the union", "union leaders", "the chief executive", "a spokesperson").
fn phrase_ending(toks: &[Tok], j: usize, lex: &Lexicon) -> Option<(Vec<String>, usize)> {
    let head = toks[j].lower();
    if !is_party_head(head, lex) || (toks[j].cap && j > 0) {
        return None;
    }
    let mut start = j;
    while start > 0 && j - start < 4 {
        let p = &toks[start - 1];
        let l = p.lower();
        if p.break_after || p.paren {
            break;
        }
        // "the two forces", "both unions": a count joins the phrase
        let joins =
            (!p.cap || start - 1 == 0) && (is_party_head(l, lex) || matches!(l, "two" | "both"));
        if !joins {
            break;
        }
        start -= 1;
    }
    let det = start.checked_sub(1).map(|k| toks[k].lower());
    let determined = match det {
        None => true,
        Some("the" | "a" | "an" | "its" | "their" | "his" | "her") => true,
        // "union leaders said": a plural people noun needs no determiner
        Some(_) => toks[j].text.ends_with('s') && start < j,
    };
    if !determined {
        return None;
    }
    let words = toks[start..=j]
        .iter()
        .map(|t| t.lower().to_string())
        .collect();
    Some((words, start.saturating_sub(usize::from(det.is_some()))))
}

/// A noun phrase at the start of `toks` ("union officials", "the company") that stands for
/// a party, for "according to …".
fn noun_phrase(toks: &[Tok], lex: &Lexicon) -> Option<Vec<String>> {
    let mut k = usize::from(toks.first().is_some_and(|t| t.text == "the"));
    let mut words: Vec<String> = Vec::new();
    // "according to the joint statement": one modifier before a document noun
    if toks
        .get(k)
        .is_some_and(|t| !t.cap && !is_party_head(t.lower(), lex))
        && toks
            .get(k + 1)
            .is_some_and(|t| lex.reading.document_nouns.contains(t.lower()))
    {
        k += 1;
    }
    while let Some(t) = toks.get(k) {
        let l = t.lower();
        if !is_party_head(l, lex) || words.len() >= 4 {
            break;
        }
        words.push(l.to_string());
        if t.break_after {
            break;
        }
        k += 1;
    }
    (!words.is_empty()).then_some(words)
}

/// The party an anaphor at byte `anchor` stands for: the sentence's opening subject when it
/// is a party, else the latest party named before it (in this sentence, then the ones
/// before), skipping `exclude` (a denier is not the party whose claim it denies).
fn resolve_party(
    mentions: &[Mention],
    before: &[Mention],
    anchor: usize,
    exclude: Option<&str>,
) -> Option<String> {
    let party_of = |m: &Mention| {
        if m.kind == MentionKind::Person {
            None
        } else {
            m.party.clone()
        }
    };
    let allowed = |p: &String| exclude.is_none_or(|e| e != p);
    if exclude.is_none()
        && let Some(first) = mentions.first()
        && first.start <= 4
        && first.end <= anchor
        && let Some(p) = party_of(first)
    {
        return Some(p);
    }
    mentions
        .iter()
        .filter(|m| m.end <= anchor)
        .rev()
        .chain(before.iter().rev())
        .filter_map(party_of)
        .find(allowed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::actors::{Known, mentions};

    fn read(text: &str, known: &Known) -> Option<Report> {
        let lex = Lexicon::bundled();
        let ms = mentions(text, &lex, known);
        report(text, &ms, &[], &lex, &|_, _| None)
    }

    /// The claimant of `text` when the noun phrase `[noun]` stands for `party`.
    fn claimant_resolving(text: &str, noun: &str, party: &str) -> Option<String> {
        let lex = Lexicon::bundled();
        let ms = mentions(text, &lex, &known());
        let r = report(text, &ms, &[], &lex, &|words, _| {
            (words == [noun]).then(|| (Some(party.to_string()), None))
        });
        r.and_then(|r| r.claimant)
    }

    fn known() -> Known {
        let mut k = Known::default();
        k.add_organisation("Riverton City Council", "Riverton City Council", false);
        k.add_organisation("Harbour Trust", "Harbour Trust", false);
        k
    }

    #[test]
    fn says_it_is_and_a_claim_the_other_disputes() {
        let r = read(
            "But Harbour Trust says it is paying for Riverton City Council's dredging - a claim the council disputes - and wants out.",
            &known(),
        );
        assert_eq!(
            r,
            Some(Report {
                claimant: Some("Harbour Trust".into()),
                speaker: None,
                counter: Some("Riverton City Council".into()),
                answers: None,
            })
        );
    }

    #[test]
    fn trailing_it_claimed_and_passive() {
        let r = read(
            "The loss of the grant with Harbour Trust had left Riverton City Council short, it claimed.",
            &known(),
        );
        assert_eq!(
            r.and_then(|r| r.claimant).as_deref(),
            Some("Riverton City Council")
        );
        assert_eq!(read("They were told to wait.", &known()), None);
        assert_eq!(read("The harbour was dredged in May.", &known()), None);
        let r = read("According to Harbour Trust, fees will rise.", &known());
        assert_eq!(r.and_then(|r| r.claimant).as_deref(), Some("Harbour Trust"));
    }

    #[test]
    fn a_relative_clause_between_subject_and_verb() {
        let r = read(
            "Harbour Trust, which runs the marina, says the fees are fair.",
            &known(),
        );
        assert_eq!(r.and_then(|r| r.claimant).as_deref(), Some("Harbour Trust"));
        let text = "The trust that runs the marina says the fees are fair.";
        assert_eq!(
            claimant_resolving(text, "trust", "Harbour Trust").as_deref(),
            Some("Harbour Trust")
        );
    }

    #[test]
    fn a_participle_after_a_comma_reports_the_opening_subject() {
        let text = "The union reacted with anger, describing the plan as an insult.";
        assert_eq!(
            claimant_resolving(text, "union", "Dock Workers Union").as_deref(),
            Some("Dock Workers Union")
        );
    }

    #[test]
    fn an_apposition_between_the_subject_and_its_verb() {
        let lex = Lexicon::bundled();
        let text =
            "Jo Park, the trust's harbour master, told reporters that the berths were unsafe.";
        let mut k = known();
        k.add_person("Jo Park", Some("Harbour Trust"));
        let ms = mentions(text, &lex, &k);
        let r = report(text, &ms, &[], &lex, &|_, _| None);
        let r = r.expect("a report");
        assert_eq!(r.speaker.as_deref(), Some("Jo Park"));
        assert_eq!(r.claimant.as_deref(), Some("Harbour Trust"));
    }

    #[test]
    fn it_is_the_party_noun_that_opens_the_sentence() {
        let text = "The union balloted Harbour Trust staff over what it called a hostile offer.";
        assert_eq!(
            claimant_resolving(text, "union", "Dock Workers Union").as_deref(),
            Some("Dock Workers Union")
        );
    }

    #[test]
    fn a_subject_after_its_reporting_verb() {
        let r = read("Fees will rise by 4%, says Harbour Trust.", &known());
        assert_eq!(r.and_then(|r| r.claimant).as_deref(), Some("Harbour Trust"));
        // with no comma before the verb, the name after it is what is said, not who says it
        let r = read(
            "Fees will rise as the report says Harbour Trust pays.",
            &known(),
        );
        assert_eq!(r.and_then(|r| r.claimant), None);
    }

    #[test]
    fn a_denial_alone() {
        let r = read("Riverton City Council denies any wrongdoing.", &known());
        assert_eq!(
            r.and_then(|r| r.claimant).as_deref(),
            Some("Riverton City Council")
        );
    }
}
