//! Who published a document, and the evidence for it.
//!
//! The signals, strongest first: the metadata's site or area; the url's host (a known
//! outlet, or a name in the text that the host spells); the text itself (an outlet's house
//! style, a sign-off that names an organisation, an organisation as the opening subject).
//! When nothing says, the publisher is unknown: the engine never presents a guess as fact.

use super::front_matter::Metadata;
use crate::lexicon::Lexicon;

/// A document's publisher.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Publisher {
    /// The organisation as named by the evidence (`None` = unknown).
    pub organisation: Option<String>,
    /// The party it speaks for (the organisation without office words), the side's name.
    pub party: Option<String>,
    /// Why the engine thinks so, or why it cannot tell.
    pub evidence: String,
}

impl Publisher {
    fn found(lex: &Lexicon, organisation: &str, evidence: String) -> Publisher {
        Publisher {
            organisation: Some(organisation.to_string()),
            party: Some(lex.party_name(organisation)),
            evidence,
        }
    }
}

/// Finds the publisher of a document from its metadata and body.
pub fn find(meta: &Metadata, body: &str, lex: &Lexicon) -> Publisher {
    if let Some(site) = &meta.site {
        let key = meta.site_key.as_deref().unwrap_or("site");
        return Publisher::found(lex, site, format!("front matter {key}: {site}"));
    }
    let paras: Vec<&str> = super::paragraphs(body)
        .into_iter()
        .map(|p| body[p.span].trim())
        .collect();
    if let Some(p) = meta
        .url
        .as_deref()
        .and_then(|u| from_url(u, meta, &paras, lex))
    {
        return p;
    }
    for outlet in &lex.outlets {
        for marker in outlet.markers.iter().filter(|m| !m.is_empty()) {
            if paras.iter().any(|p| p.starts_with(marker.as_str())) {
                return Publisher::found(
                    lex,
                    &outlet.name,
                    format!(
                        "house style: a paragraph opens with “{marker}”, as {} pages do",
                        outlet.name
                    ),
                );
            }
        }
    }
    for p in paras.iter().rev().take(3) {
        for re in &lex.boilerplate.signoffs {
            let Some(org) = re.captures(p).and_then(|c| c.name("org")) else {
                continue;
            };
            if let Some(org) = organisations_in(org.as_str(), lex).pop() {
                return Publisher::found(lex, &org, format!("sign-off: “{p}”"));
            }
        }
    }
    if let Some((org, sentence)) = opening_subject(&paras, lex) {
        return Publisher::found(lex, &org, format!("opening subject: “{sentence}”"));
    }
    Publisher {
        organisation: None,
        party: None,
        evidence: "unknown: no metadata, url, house style, sign-off or opening subject names it"
            .to_string(),
    }
}

/// The publisher from the url host: a known outlet's host, or an organisation named in the
/// title or text whose letters the host spells (`northshire.police.example` ↔ "Northshire
/// Police"), or else the host's leading label.
fn from_url(url: &str, meta: &Metadata, paras: &[&str], lex: &Lexicon) -> Option<Publisher> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.to_lowercase();
    let host = host.trim_start_matches("www.").to_string();
    for outlet in &lex.outlets {
        if outlet
            .hosts
            .iter()
            .any(|h| host == *h || host.ends_with(&format!(".{h}")))
        {
            return Some(Publisher::found(
                lex,
                &outlet.name,
                format!("url host {host}: {}", outlet.name),
            ));
        }
    }
    let labels: Vec<&str> = host.split('.').collect();
    let title = meta.title.as_deref().unwrap_or("");
    let texts = std::iter::once(title).chain(paras.iter().copied());
    for text in texts {
        for phrase in capitalised_phrases(text) {
            let party = lex.party_name(&phrase);
            let keys = [squash(&phrase), squash(&party)];
            if labels.iter().any(|l| keys.iter().any(|k| k == l)) {
                let org = organisations_in(&phrase, lex)
                    .into_iter()
                    .next()
                    .unwrap_or(phrase);
                return Some(Publisher::found(
                    lex,
                    &org,
                    format!("url host {host} spells “{party}”, named in the text"),
                ));
            }
        }
    }
    let label = labels.first().filter(|l| l.len() > 2)?;
    let mut name = label.to_string();
    if let Some(first) = name.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    Some(Publisher::found(lex, &name, format!("url host {host}")))
}

/// Lower-case letters and digits only.
fn squash(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

const CONNECTORS: &[&str] = &["and", "of", "for", "the", "&", "on", "in"];

/// Runs of capitalised words (with `and`, `of`, `for`, `the` inside) in a text.
pub fn capitalised_phrases(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
        while run.last().is_some_and(|w| CONNECTORS.contains(w)) {
            run.pop();
        }
        if !run.is_empty() {
            out.push(run.join(" "));
        }
        run.clear();
    };
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        let ends_clause = raw.ends_with([',', '.', ';', ':', '"', '”', ')']);
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital || (!run.is_empty() && CONNECTORS.contains(&word)) {
            run.push(word);
            if ends_clause {
                flush(&mut run, &mut out);
            }
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The organisations named in a text: capitalised runs holding an organisation word
/// (`Police`, `Council`, …), in order.
fn organisations_in(text: &str, lex: &Lexicon) -> Vec<String> {
    capitalised_phrases(text)
        .into_iter()
        .map(|p| p.strip_prefix("The ").map(str::to_string).unwrap_or(p))
        .filter(|p| p.split_whitespace().any(|w| lex.is_organisation_word(w)))
        .collect()
}

/// The organisation the first real paragraph opens with, when it is the subject of a
/// verb that is not a reporting verb ("Northshire Council has agreed …", not
/// "Northshire Council said …", which is a report about it).
fn opening_subject(paras: &[&str], lex: &Lexicon) -> Option<(String, String)> {
    let is_furniture = |p: &str| {
        lex.boilerplate
            .captions
            .iter()
            .chain(&lex.boilerplate.furniture)
            .any(|re| re.is_match(p))
    };
    let first = paras.iter().find(|p| !is_furniture(p))?;
    let sentence = first.split_inclusive(". ").next().unwrap_or(first).trim();
    let phrase = capitalised_phrases(sentence).into_iter().next()?;
    let rest = sentence
        .strip_prefix(&phrase)
        .or_else(|| {
            sentence
                .strip_prefix("The ")
                .and_then(|s| s.strip_prefix(phrase.trim_start_matches("The ")))
        })?
        .trim_start();
    let next = rest.split_whitespace().next()?;
    let next_lower = next.to_lowercase();
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    if !starts_lower || lex.actors.reporting_verbs.contains(&next_lower) {
        return None;
    }
    let org = phrase.strip_prefix("The ").unwrap_or(&phrase).to_string();
    if !org.split_whitespace().any(|w| lex.is_organisation_word(w)) {
        return None;
    }
    Some((org, sentence.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Metadata {
        Metadata::default()
    }

    #[test]
    fn front_matter_wins() {
        let m = Metadata {
            site: Some("Riverton".into()),
            site_key: Some("area".into()),
            url: Some("https://bbc.co.uk/x".into()),
            ..meta()
        };
        let p = find(&m, "Acme Council has agreed.", &Lexicon::bundled());
        assert_eq!(p.party.as_deref(), Some("Riverton"));
        assert_eq!(p.evidence, "front matter area: Riverton");
    }

    #[test]
    fn url_host_of_an_outlet_and_of_a_named_party() {
        let lex = Lexicon::bundled();
        let m = Metadata {
            url: Some("https://www.bbc.co.uk/news/uk-1".into()),
            ..meta()
        };
        assert_eq!(find(&m, "Text.", &lex).party.as_deref(), Some("BBC News"));
        let m = Metadata {
            url: Some("https://www.lowvalley.police.example/news/1".into()),
            ..meta()
        };
        let p = find(
            &m,
            "Officers from Low Valley Police arrested two men.",
            &lex,
        );
        assert_eq!(p.organisation.as_deref(), Some("Low Valley Police"));
        assert_eq!(p.party.as_deref(), Some("Low Valley"));
        assert!(
            p.evidence.contains("url host lowvalley.police.example"),
            "{}",
            p.evidence
        );
    }

    #[test]
    fn house_style_of_an_outlet() {
        let p = find(
            &meta(),
            "Image caption The harbour at dusk\n\nHarbour Trust says fees will rise.",
            &Lexicon::bundled(),
        );
        assert_eq!(p.party.as_deref(), Some("BBC News"));
        assert!(p.evidence.starts_with("house style"));
    }

    #[test]
    fn sign_off_naming_an_organisation() {
        let p = find(
            &meta(),
            "Fees will rise in May.\n\nIssued by the Press Office, Harbour Trust",
            &Lexicon::bundled(),
        );
        assert_eq!(p.organisation.as_deref(), Some("Harbour Trust"));
        // a sign-off naming a person and a team is not an organisation's name
        let p = find(
            &meta(),
            "an update.\n\nIssued by JB, Corporate Communications",
            &Lexicon::bundled(),
        );
        assert_eq!(p.organisation, None);
    }

    #[test]
    fn opening_subject_of_a_release_not_of_a_report() {
        let lex = Lexicon::bundled();
        let p = find(
            &meta(),
            "Northshire Fire and Rescue Service has agreed to share two stations.\nMore text.",
            &lex,
        );
        assert_eq!(
            p.organisation.as_deref(),
            Some("Northshire Fire and Rescue Service")
        );
        assert!(p.evidence.starts_with("opening subject"));
        // reported speech about a party is not a release by it
        let p = find(
            &meta(),
            "Acme Holdings plc said on Monday it would cut jobs.",
            &lex,
        );
        assert_eq!(p.organisation, None);
        // a passive opening names nobody
        let p = find(
            &meta(),
            "An agreement has been reached for Northshire Police to share stations.",
            &lex,
        );
        assert_eq!(p.organisation, None);
        assert!(p.evidence.starts_with("unknown"));
    }

    #[test]
    fn phrases() {
        assert_eq!(
            capitalised_phrases(
                "Talks between the Police and Crime Commissioner for the Vale and Acme Ltd, today."
            ),
            vec![
                "Talks",
                "Police and Crime Commissioner for the Vale and Acme Ltd"
            ]
        );
    }
}
