//! Who published a document, and the evidence for it.
//!
//! The signals, strongest first: the metadata's publisher or site name; its `area` when
//! that names an outlet or an organisation (a list of places, `Northshire / Vale`, names
//! nobody, and a known outlet's url host wins over a single place); the url's host when it
//! is a known outlet's; a byline or date line at the top of the text (`Valley Gazette,
//! 4 March 2023`); a press office's own blocks (`About X`, `Notes to editors`, `Media
//! contact`, `Ends`); any other url host (a name in the text that the host spells, or its
//! leading label); the text itself (an outlet's house style, a sign-off that names an
//! organisation); a known outlet named by the file name (`2023-03-04_valley-gazette_…`),
//! else the source part of such a name spelled out; an organisation as the opening
//! subject. When nothing says, the publisher is unknown:
//! the engine never presents a guess as fact.

use super::front_matter::{Metadata, is_area_key, title_suffix};
use crate::lexicon::{Lexicon, Outlet};

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

/// Words of a masthead: a name holding one is an outlet's (`Valley Gazette`, `Metro Radio`).
const MASTHEAD_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "herald",
    "journal",
    "gazette",
    "echo",
    "star",
    "mail",
    "mirror",
    "express",
    "standard",
    "guardian",
    "observer",
    "chronicle",
    "courier",
    "advertiser",
    "reporter",
    "press",
    "media",
    "radio",
    "tv",
    "television",
    "magazine",
    "weekly",
    "daily",
    "sentinel",
    "argus",
    "mercury",
    "record",
    "tribune",
    "telegraph",
    "independent",
    "review",
    "bulletin",
    "wire",
    "online",
    "live",
    "today",
    "examiner",
    "citizen",
    "gazette",
    "broadcasting",
    "fm",
    "am",
    "newspaper",
    "newspapers",
    "dispatch",
    "leader",
    "enquirer",
    "inquirer",
    "register",
    "post-gazette",
    "week",
];

/// Finds the publisher of the document at `path` (relative to the corpus root) from its
/// metadata and body.
pub fn find(path: &str, meta: &Metadata, body: &str, lex: &Lexicon) -> Publisher {
    let paras: Vec<&str> = super::paragraphs(body)
        .into_iter()
        .map(|p| body[p.span].trim())
        .collect();
    let url_outlet = meta.url.as_deref().and_then(|u| outlet_of_url(u, lex));
    // an area that is not a publisher: (the area, why)
    let mut places: Option<(String, &str)> = None;
    if let Some(site) = &meta.site {
        let key = meta.site_key.as_deref().unwrap_or("site");
        // an e-mail's sender names itself (`e-mail sender: …`); other keys are metadata's
        let evidence = if key.starts_with("e-mail") {
            format!("{key}: {site}")
        } else {
            format!("front matter {key}: {site}")
        };
        if !is_area_key(key) {
            return Publisher::found(lex, site, evidence);
        }
        if lists_places(site) {
            places = Some((site.clone(), "lists places"));
        } else if let Some(outlet) = outlet_named(site, lex) {
            return Publisher::found(lex, &outlet.name, evidence);
        } else if url_outlet.is_none() || names_an_organisation(site, lex) {
            return Publisher::found(lex, site, evidence);
        } else {
            places = Some((site.clone(), "taken for a place"));
        }
    }
    if let Some(site) = places.as_ref().and_then(|_| title_suffix(meta)) {
        return Publisher::found(lex, &site, format!("title suffix: {site}"));
    }
    if let Some((outlet, host)) = url_outlet {
        let mut evidence = format!("url host {host}: {}", outlet.name);
        if let Some((site, why)) = &places {
            evidence.push_str(&format!(" (front matter area “{site}” {why})"));
        }
        return Publisher::found(lex, &outlet.name, evidence);
    }
    if let Some(p) = from_byline(body, lex) {
        return p;
    }
    if let Some(p) = from_release(&paras, lex) {
        return p;
    }
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
    if let Some((outlet, part)) = outlet_of_file_name(path, lex) {
        return Publisher::found(
            lex,
            &outlet.name,
            format!("file name: “{part}” is {}", outlet.name),
        );
    }
    if let Some((name, part)) = source_of_file_name(path) {
        return Publisher::found(
            lex,
            &name,
            format!("file name: its source part “{part}”; nothing in the text names one"),
        );
    }
    if let Some((org, sentence)) = opening_subject(&paras, lex) {
        return Publisher::found(lex, &org, format!("opening subject: “{sentence}”"));
    }
    let evidence = match places {
        Some((site, why)) => format!(
            "unknown: front matter area “{site}” {why}; no url, house style, sign-off or opening subject names it"
        ),
        None => "unknown: no metadata, url, house style, sign-off or opening subject names it"
            .to_string(),
    };
    Publisher {
        organisation: None,
        party: None,
        evidence,
    }
}

/// Whether a metadata `area` lists places (`Northshire / Vale`, `Hightown, Lowtown`)
/// rather than naming one publisher.
fn lists_places(site: &str) -> bool {
    site.contains(['/', ',', ';', '|'])
}

/// Whether a name is an outlet's or an organisation's (`The Valley Gazette`, `Northshire
/// Council`), not a bare place (`Northshire`): it holds a masthead or organisation word.
pub(crate) fn names_an_organisation(name: &str, lex: &Lexicon) -> bool {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| MASTHEAD_WORDS.contains(&w.as_str()) || lex.is_organisation_word(&w))
}

/// The known outlet a url's host belongs to, with the host.
fn outlet_of_url<'a>(url: &str, lex: &'a Lexicon) -> Option<(&'a Outlet, String)> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.to_lowercase();
    let host = host.trim_start_matches("www.").to_string();
    let outlet = lex.outlet_by_host(&host)?;
    Some((outlet, host))
}

/// A name's letters for comparing outlet names: lower case, `&` as `and`, no leading
/// `the`, letters and digits only (`The Express & Star` → `expressandstar`).
/// The known outlet a name stands for: its name (`Express and Star` for `Express &
/// Star`, `BBC News`), or its host's label (`BBC`, `inews`, `CityAM`).
pub(crate) fn outlet_named<'a>(name: &str, lex: &'a Lexicon) -> Option<&'a Outlet> {
    lex.outlet_by_key(&crate::lexicon::outlet_key(name))
}

/// The publisher a byline or date line at the top of the body names: the known outlet it
/// stands for, else the name as written.
fn from_byline(body: &str, lex: &Lexicon) -> Option<Publisher> {
    let known = |name: &str| outlet_named(name, lex).is_some();
    let byline = super::byline::find(body, &known)?;
    let name = byline.outlet.as_deref()?;
    let name = outlet_named(name, lex).map_or(name, |o| o.name.as_str());
    Some(Publisher::found(
        lex,
        name,
        format!("byline: “{}”", byline.line),
    ))
}

/// The source part of a file name named `DATE_source-words_story-words.ext`, the name
/// it spells (`northvale-echo` → "Northvale Echo"), with the part: `None` unless a date
/// starts the name and a third part follows.
fn source_of_file_name(path: &str) -> Option<(String, String)> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    super::dates::from_file_name(name)?;
    let mut parts = name.split('_');
    parts.next()?;
    let part = parts.next()?;
    parts.next()?;
    let words: Vec<String> = part
        .split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect();
    let letters = words.iter().any(|w| w.chars().any(char::is_alphabetic));
    (letters && words.len() <= 6).then(|| (words.join(" "), part.to_string()))
}

/// The outlet part of a file name (`2019-10-04_valley-gazette_story.txt`): the part after
/// a leading date, when a third part follows, read as a known outlet (or its first words,
/// for `gazette-and-radio`), with that part.
fn outlet_of_file_name<'a>(path: &str, lex: &'a Lexicon) -> Option<(&'a Outlet, String)> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    super::dates::from_file_name(name)?;
    let mut parts = name.split('_');
    parts.next()?;
    let part = parts.next()?;
    parts.next()?;
    let words: Vec<&str> = part.split('-').filter(|w| !w.is_empty()).collect();
    (1..=words.len()).rev().find_map(|n| {
        let candidate = words[..n].join(" ");
        outlet_named(&candidate, lex).map(|o| (o, part.to_string()))
    })
}

/// A press office's own release: an `About X` block in the second half names X; otherwise
/// `Notes to editors`, `Media contact`, `Press office` or `Ends` blocks mark a release, and
/// the organisation its contact block names, or its first paragraph opens with, is the
/// publisher.
fn from_release(paras: &[&str], lex: &Lexicon) -> Option<Publisher> {
    let half = paras.len() / 2;
    for p in paras.iter().skip(half.max(1)) {
        let first_line = p.lines().next().unwrap_or(p).trim();
        let Some(rest) = strip_word_ci(first_line, "about") else {
            continue;
        };
        let org = rest.trim_end_matches(':').trim();
        let org = org.strip_prefix("the ").unwrap_or(org);
        let words = org.split_whitespace().count();
        let capitalised = capitalised_phrases(org).first().map(String::as_str) == Some(org);
        if (1..=10).contains(&words) && capitalised && !org.ends_with('.') {
            return Some(Publisher::found(
                lex,
                org,
                format!("press release: “{first_line}”"),
            ));
        }
    }
    // `Ends`, `-ENDS-`, `###`, `-30-` close a release
    let marker = paras.iter().enumerate().skip(1).find(|(_, p)| {
        let lower = p.to_lowercase();
        let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
        matches!(lower, "ends" | "end" | "30")
            || p.trim() == "###"
            || [
                "notes to editors",
                "note to editors",
                "editors' notes",
                "editor's notes",
                "notes for editors",
                "media contact",
                "media enquiries",
                "media inquiries",
                "press contact",
                "press enquiries",
                "press office",
                "for media enquiries",
                "for further information",
            ]
            .iter()
            .any(|m| lower.starts_with(m))
    })?;
    let (at, marker_text) = marker;
    let marker_line = marker_text.lines().next().unwrap_or(marker_text).trim();
    let generic = |org: &str| {
        org.split_whitespace().all(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "press"
                    | "office"
                    | "media"
                    | "communications"
                    | "team"
                    | "relations"
                    | "enquiries"
                    | "news"
                    | "desk"
                    | "contact"
                    | "contacts"
                    | "notes"
                    | "editors"
                    | "for"
                    | "and"
                    | "the"
                    | "of"
            )
        })
    };
    for p in &paras[at..] {
        // an organisation word first; else the last name of two or more words, after the
        // person the block may name ("Media contact: Jane Doe, Northvale Rovers")
        let named = organisations_in(p, lex)
            .into_iter()
            .find(|o| !generic(o))
            .or_else(|| {
                capitalised_phrases(p)
                    .into_iter()
                    .rev()
                    .map(|c| c.strip_prefix("The ").map(str::to_string).unwrap_or(c))
                    .filter(|c| c.split_whitespace().count() >= 2 && !generic(c))
                    .find(|c| !c.split_whitespace().any(is_office_word))
            });
        if let Some(org) = named {
            return Some(Publisher::found(
                lex,
                &org,
                format!("press release: “{marker_line}” block names {org}"),
            ));
        }
    }
    let first = paras.first()?;
    let org = organisations_in(first, lex).into_iter().next()?;
    Some(Publisher::found(
        lex,
        &org,
        format!("press release (“{marker_line}”) opening with {org}"),
    ))
}

/// A word of a press office's name (`Communications Team`, `Media Relations`).
fn is_office_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "press"
            | "office"
            | "media"
            | "communications"
            | "team"
            | "relations"
            | "desk"
            | "contact"
            | "contacts"
            | "enquiries"
            | "newsroom"
    )
}

/// `text` without a leading whole word `word` (any case), trimmed.
fn strip_word_ci<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let head = text.get(..word.len())?;
    let rest = &text[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// The publisher from a url host that is not a known outlet's: an organisation named in
/// the title or text whose letters the host spells (`northshire.police.example` ↔
/// "Northshire Police"), or else the host's leading label.
fn from_url(url: &str, meta: &Metadata, paras: &[&str], lex: &Lexicon) -> Option<Publisher> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.to_lowercase();
    let host = host.trim_start_matches("www.").to_string();
    let labels: Vec<&str> = host.split('.').collect();
    let title = meta.title.as_deref().unwrap_or("");
    let texts = std::iter::once(title).chain(paras.iter().copied());
    for text in texts {
        for phrase in capitalised_phrases(text) {
            let party = lex.party_name(&phrase);
            // the whole name, its party, or its first words (`valleyclinic` for "The Valley
            // Clinic Trust")
            let bare = phrase.strip_prefix("The ").unwrap_or(&phrase);
            let words: Vec<&str> = bare.split_whitespace().collect();
            let mut keys = vec![squash(&phrase), squash(&party)];
            keys.extend((2..words.len()).map(|n| squash(&words[..n].join(" "))));
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
        let lex = Lexicon::bundled();
        let m = Metadata {
            site: Some("Riverton Rovers FC".into()),
            site_key: Some("publisher".into()),
            url: Some("https://bbc.co.uk/x".into()),
            ..meta()
        };
        let p = find("story.txt", &m, "Acme Council has agreed.", &lex);
        assert_eq!(p.organisation.as_deref(), Some("Riverton Rovers FC"));
        assert_eq!(p.evidence, "front matter publisher: Riverton Rovers FC");
        // an area wins when no known outlet's host says otherwise, or when it names an
        // organisation or an outlet
        for (area, url, want) in [
            ("Riverton", "https://riverton.example/news/1", "Riverton"),
            (
                "Riverton Council",
                "https://bbc.co.uk/x",
                "Riverton Council",
            ),
            (
                "The Valley Gazette",
                "https://news.yahoo.com/x",
                "The Valley Gazette",
            ),
            ("Sky News", "https://news.yahoo.com/x", "Sky News"),
        ] {
            let m = Metadata {
                site: Some(area.into()),
                site_key: Some("area".into()),
                url: Some(url.into()),
                ..meta()
            };
            let p = find("story.txt", &m, "Acme Council has agreed.", &lex);
            assert_eq!(p.organisation.as_deref(), Some(want), "{area}");
            assert_eq!(p.evidence, format!("front matter area: {area}"));
        }
    }

    #[test]
    fn a_known_outlets_host_wins_over_an_area_of_places() {
        let lex = Lexicon::bundled();
        for area in ["Riverton", "Northshire / Vale", "Hightown, Lowtown"] {
            let m = Metadata {
                site: Some(area.into()),
                site_key: Some("area".into()),
                url: Some("https://www.theguardian.com/sport/2023/x".into()),
                ..meta()
            };
            let p = find("story.md", &m, "The club has agreed a deal.", &lex);
            assert_eq!(p.organisation.as_deref(), Some("The Guardian"), "{area}");
            assert!(p.evidence.contains(area), "{}", p.evidence);
        }
        // places and no url: nobody, and the evidence says why
        let m = Metadata {
            site: Some("Northshire / Vale".into()),
            site_key: Some("area".into()),
            ..meta()
        };
        let p = find("story.md", &m, "Fans said the deal was good.", &lex);
        assert_eq!(p.organisation, None);
        assert!(p.evidence.contains("lists places"), "{}", p.evidence);
        // an unknown host: a name the text spells beats the bare label
        let m = Metadata {
            site: Some("Northshire / Vale".into()),
            site_key: Some("area".into()),
            url: Some("https://www.valleyclinic.example/news/1".into()),
            ..meta()
        };
        let p = find(
            "story.md",
            &m,
            "The Valley Clinic Trust opened a ward.",
            &lex,
        );
        assert_eq!(p.organisation.as_deref(), Some("Valley Clinic Trust"));
    }

    #[test]
    fn url_host_of_an_outlet_and_of_a_named_party() {
        let lex = Lexicon::bundled();
        let m = Metadata {
            url: Some("https://www.bbc.co.uk/news/uk-1".into()),
            ..meta()
        };
        assert_eq!(
            find("story.txt", &m, "Text.", &lex).party.as_deref(),
            Some("BBC News")
        );
        let m = Metadata {
            url: Some("https://www.lowvalley.police.example/news/1".into()),
            ..meta()
        };
        let p = find(
            "story.txt",
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
            "story.txt",
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
            "story.txt",
            &meta(),
            "Fees will rise in May.\n\nIssued by the Press Office, Harbour Trust",
            &Lexicon::bundled(),
        );
        assert_eq!(p.organisation.as_deref(), Some("Harbour Trust"));
        // a sign-off naming a person and a team is not an organisation's name
        let p = find(
            "story.txt",
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
            "story.txt",
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
            "story.txt",
            &meta(),
            "Acme Holdings plc said on Monday it would cut jobs.",
            &lex,
        );
        assert_eq!(p.organisation, None);
        // a passive opening names nobody
        let p = find(
            "story.txt",
            &meta(),
            "An agreement has been reached for Northshire Police to share stations.",
            &lex,
        );
        assert_eq!(p.organisation, None);
        assert!(p.evidence.starts_with("unknown"));
    }

    #[test]
    fn a_press_offices_own_release() {
        let lex = Lexicon::bundled();
        let body = "Fans will get cheaper season tickets next year, the club said today.\n\nPrices fall by a tenth.\n\nEnds\n\nAbout Northvale Rovers Football Club\n\nThe club was founded in 1889.";
        let p = find("release.txt", &meta(), body, &lex);
        assert_eq!(
            p.organisation.as_deref(),
            Some("Northvale Rovers Football Club")
        );
        assert!(p.evidence.starts_with("press release"), "{}", p.evidence);
        // no "About": the contact block names the organisation, not the press office
        let body = "A new app lets patients book blood tests.\n\nIt opens on Monday.\n\nNotes to editors\n\nMedia contact: Press Office, Eastfield Hospital Trust, 01234 567890";
        let p = find("release.txt", &meta(), body, &lex);
        assert_eq!(p.organisation.as_deref(), Some("Eastfield Hospital Trust"));
        let body = "Season tickets go on sale.\n\nPrices are frozen.\n\nMedia contact: Jane Doe, Northvale Rovers, 01234 567890";
        let p = find("release.txt", &meta(), body, &lex);
        assert_eq!(p.organisation.as_deref(), Some("Northvale Rovers"));
        let body = "Members back the deal.\n\nVoting closed on Friday.\n\nMedia contact: Communications Team, Guild of Northvale Writers";
        let p = find("release.txt", &meta(), body, &lex);
        assert_eq!(
            p.organisation.as_deref(),
            Some("Guild of Northvale Writers")
        );
        // a release that only ends: the organisation its first paragraph names
        let body =
            "Brightware Ltd said it would open a lab in the town.\n\nForty jobs follow.\n\n###";
        let p = find("release.txt", &meta(), body, &lex);
        assert_eq!(p.organisation.as_deref(), Some("Brightware Ltd"));
        // "About" as a word of prose is no block
        let body = "Rents rose.\n\nTenants complained.\n\nAbout 200 people came to the meeting.";
        let p = find("story.txt", &meta(), body, &lex);
        assert_eq!(p.organisation, None);
    }

    #[test]
    fn a_byline_names_the_outlet() {
        let lex = Lexicon::bundled();
        let p = find(
            "story.txt",
            &meta(),
            "Council tax to rise\nNorthvale Echo, 4 March 2023\n\nThe council agreed a rise.",
            &lex,
        );
        assert_eq!(p.organisation.as_deref(), Some("Northvale Echo"));
        assert_eq!(p.evidence, "byline: “Northvale Echo, 4 March 2023”");
        // a known outlet is named as it names itself
        let p = find(
            "story.txt",
            &meta(),
            "Striker signs\nBy Jane Doe, Reuters\nThe club said…",
            &lex,
        );
        assert_eq!(p.organisation.as_deref(), Some("Reuters"));
        let p = find(
            "story.txt",
            &meta(),
            "Striker signs\nBBC, 2 May 2022\nThe club…",
            &lex,
        );
        assert_eq!(p.organisation.as_deref(), Some("BBC News"));
    }

    #[test]
    fn a_known_outlet_in_the_file_name() {
        let lex = Lexicon::bundled();
        let body = "Waiting lists fell this winter, figures show.";
        for (path, want) in [
            (
                "2023-02-01_guardian_waiting-lists.txt",
                Some("The Guardian"),
            ),
            ("2023-02_express-and-star_lists.txt", Some("Express & Star")),
            ("2023_inews_lists.txt", Some("i")),
            ("2023-02-01_bbc-itv_lists.txt", Some("BBC News")),
            // no date first, no third part, or no outlet: nothing
            ("guardian_waiting-lists_2023.txt", None),
            ("2023-02-01_guardian.txt", None),
        ] {
            let p = find(path, &meta(), body, &lex);
            assert_eq!(p.organisation.as_deref(), want, "{path}");
            if want.is_some() {
                assert!(p.evidence.starts_with("file name"), "{}", p.evidence);
            }
        }
        // an unknown source part is spelled out, as the last fallback but one
        let p = find("2023-02-01_northfield-trust_lists.txt", &meta(), body, &lex);
        assert_eq!(p.organisation.as_deref(), Some("Northfield Trust"));
        assert!(p.evidence.contains("source part"), "{}", p.evidence);
        // the text's own signals come first
        let p = find(
            "2023-02-01_guardian_lists.txt",
            &meta(),
            "Lists fell\nNorthvale Echo, 1 February 2023\nText.",
            &lex,
        );
        assert_eq!(p.organisation.as_deref(), Some("Northvale Echo"));
    }

    #[test]
    fn outlets_by_name_or_host() {
        let lex = Lexicon::bundled();
        let name = |n: &str| outlet_named(n, &lex).map(|o| o.name.as_str());
        assert_eq!(name("Express and Star"), Some("Express & Star"));
        assert_eq!(name("the guardian"), Some("The Guardian"));
        assert_eq!(name("CityAM"), Some("City A.M."));
        assert_eq!(name("BBC"), Some("BBC News"));
        assert_eq!(name("Northvale Echo"), None);
        assert_eq!(crate::lexicon::host_label("news.sky.com"), "sky");
        assert_eq!(crate::lexicon::host_label("www.bbc.co.uk"), "bbc");
        assert_eq!(crate::lexicon::host_label("pa.media"), "pa");
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
