//! Metadata blocks at the top of text files: ```` ```yaml ```` fences, `---` front matter and
//! ` date YYYY-MM-DD ` datelines, read into [`Metadata`].

use std::collections::BTreeMap;

use super::dates::{Published, parse_published};
use super::decode::decode_entities;
use crate::comparison::SourceFormat;

/// What a document says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The article's address.
    pub url: Option<String>,
    /// When it was published.
    pub published: Option<Published>,
    /// Where [`Metadata::published`] came from when not from the metadata itself: a byline
    /// line, or the file name (`None` for the metadata's own date).
    pub published_from: Option<String>,
    /// The area or site name the metadata gives (`area`, `site_name`, `publisher`, …).
    pub site: Option<String>,
    /// Which metadata key gave [`Metadata::site`].
    pub site_key: Option<String>,
    /// The standfirst or summary.
    pub description: Option<String>,
    /// Every scalar field, flattened to lower-case dotted keys (`og.title`), entities decoded.
    pub fields: BTreeMap<String, String>,
}

/// A text split into its metadata and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Which metadata form was found.
    pub format: SourceFormat,
    /// The metadata (empty when none).
    pub meta: Metadata,
    /// Byte offset in the input where the body starts.
    pub body_start: usize,
    /// Problems met (malformed YAML, unterminated fence).
    pub warnings: Vec<String>,
}

const TITLE_KEYS: &[&str] = &[
    "og.title",
    "title",
    "headline",
    "jsonld.headline",
    "name",
    "dc.title",
];
const URL_KEYS: &[&str] = &[
    "url",
    "og.url",
    "canonical",
    "link",
    "source_url",
    "permalink",
    "jsonld.url",
];
const DATE_KEYS: &[&str] = &[
    "publish.date",
    "published",
    "date",
    "pubdate",
    "publish_date",
    "published_date",
    "publication_date",
    "date_published",
    "published_at",
    "published_on",
    "publish.time",
    "datepublished",
    "article.published_time",
    "og.published_time",
    "published_time",
    "jsonld.datepublished",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "created",
    "datecreated",
];
/// Keys that name the publisher itself; [`AREA_KEYS`] may name a place instead.
const SITE_KEYS: &[&str] = &[
    "publisher",
    "publisher.name",
    "jsonld.publisher.name",
    "og.site_name",
    "site_name",
    "site",
    "source",
    "source.name",
    "outlet",
    "newspaper",
    "organisation",
    "organization",
    "application-name",
    "jsonld.author.organisation",
];
/// Keys that hold a region or an outlet: `area: Northshire / Vale` lists places,
/// `area: The Valley Gazette` names an outlet.
const AREA_KEYS: &[&str] = &["area", "region"];
const DESCRIPTION_KEYS: &[&str] = &["description", "og.description", "summary", "excerpt"];

/// Metadata blocks larger than this are not parsed (a press release's is well under 4 KiB).
pub const MAX_METADATA_BYTES: usize = 64 * 1024;

/// YAML nested deeper than this is not parsed. serde_yaml itself refuses 128 levels and
/// caps alias expansion ("billion laughs"), but its scanner does work that grows with the
/// square of the nesting before it refuses.
pub const MAX_YAML_NESTING: usize = 64;

/// Why a YAML text should not be handed to the parser, if it should not: nested deeper than
/// [`MAX_YAML_NESTING`]. The depth is over-estimated (brackets inside quoted strings count),
/// never under-estimated: flow brackets `[` `{` open a level and `]` `}` close one; compact
/// block indicators (`- - - x`) open one each.
pub fn yaml_hazard(yaml: &str) -> Option<String> {
    let mut flow = 0usize;
    let mut deepest = 0usize;
    for line in yaml.lines() {
        let indicators = line
            .split([' ', '\t'])
            .take_while(|w| w.is_empty() || matches!(*w, "-" | "?" | ":"))
            .filter(|w| !w.is_empty())
            .count();
        deepest = deepest.max(indicators + flow);
        for b in line.bytes() {
            match b {
                b'[' | b'{' => {
                    flow += 1;
                    deepest = deepest.max(indicators + flow);
                }
                b']' | b'}' => flow = flow.saturating_sub(1),
                _ => {}
            }
        }
    }
    (deepest > MAX_YAML_NESTING)
        .then(|| format!("YAML nested deeper than {MAX_YAML_NESTING} levels"))
}

/// Finds a metadata block at the top of `text` (after leading blank lines), reads it, and says
/// where the body starts. `plain` is the format to report when there is none.
pub fn split(text: &str, plain: SourceFormat) -> Split {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let first_line = rest.lines().next().unwrap_or("").trim();
    let fence = ["```yaml", "```yml", "~~~yaml", "~~~yml"]
        .iter()
        .find(|f| first_line.eq_ignore_ascii_case(f));
    if let Some(f) = fence {
        return block(
            text,
            lead,
            &f[..3],
            SourceFormat::FencedYaml,
            "```yaml fence",
            plain,
        );
    }
    if first_line == "---" {
        return block(
            text,
            lead,
            "---",
            SourceFormat::Yaml,
            "--- front matter",
            plain,
        );
    }
    if let Some((date, len)) = dateline(rest) {
        let meta = Metadata {
            published: Some(date),
            ..Metadata::default()
        };
        return Split {
            format: SourceFormat::Dateline,
            meta,
            body_start: lead + len,
            warnings: Vec::new(),
        };
    }
    Split {
        format: plain,
        meta: Metadata::default(),
        body_start: 0,
        warnings: Vec::new(),
    }
}

/// A fenced or dashed block starting at `lead`, closed by a line equal to `close`
/// (or `...` for front matter).
fn block(
    text: &str,
    lead: usize,
    close: &str,
    format: SourceFormat,
    what: &str,
    plain: SourceFormat,
) -> Split {
    let open_end = text[lead..].find('\n').map_or(text.len(), |i| lead + i + 1);
    let mut pos = open_end;
    let mut closing = None;
    for line in text[open_end..].split_inclusive('\n') {
        let t = line.trim();
        if t == close || (close == "---" && t == "...") {
            closing = Some((pos, pos + line.len()));
            break;
        }
        pos += line.len();
    }
    let Some((yaml_end, body_start)) = closing else {
        return Split {
            format: plain,
            meta: Metadata::default(),
            body_start: open_end,
            warnings: vec![format!(
                "unterminated {what}: no closing `{close}` line, so the file is read as text"
            )],
        };
    };
    let yaml = &text[open_end..yaml_end];
    let mut warnings = Vec::new();
    let hazard = if yaml.len() > MAX_METADATA_BYTES {
        Some(format!(
            "{} bytes is over the {MAX_METADATA_BYTES} byte limit",
            yaml.len()
        ))
    } else {
        yaml_hazard(yaml)
    };
    if let Some(why) = hazard {
        return Split {
            format,
            meta: Metadata::default(),
            body_start,
            warnings: vec![format!("{what} not read: {why}; metadata ignored")],
        };
    }
    let meta = match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
        Ok(serde_yaml::Value::Mapping(map)) => {
            let mut fields = flatten(&map);
            for (key, kind) in misshapen(&map) {
                fields.remove(&key);
                warnings.push(format!(
                    "{what}: `{key}` is {kind}, not a single value; ignored"
                ));
            }
            metadata_from_fields(fields)
        }
        Ok(serde_yaml::Value::Null) => Metadata::default(),
        Ok(_) => {
            warnings.push(format!(
                "{what} is not a key: value mapping; metadata ignored"
            ));
            Metadata::default()
        }
        Err(e) => {
            warnings.push(format!("malformed YAML in {what}: {e}; metadata ignored"));
            Metadata::default()
        }
    };
    Split {
        format,
        meta,
        body_start,
        warnings,
    }
}

/// ` date 2020-02-28 ` at the very start: returns the date and the bytes it covers
/// (including the space after it).
fn dateline(rest: &str) -> Option<(Published, usize)> {
    let mut words = rest.splitn(3, char::is_whitespace);
    let label = words.next()?;
    if !label.trim_end_matches(':').eq_ignore_ascii_case("date") {
        return None;
    }
    let value = words.next()?;
    let date = parse_published(value)?;
    let consumed = label.len() + 1 + value.len();
    let after = &rest[consumed..];
    let ws = after.len() - after.trim_start().len();
    Some((date, consumed + ws))
}

/// Flattens a YAML mapping into lower-case dotted keys with string values.
pub fn flatten(map: &serde_yaml::Mapping) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    flatten_into("", map, &mut out);
    out
}

fn flatten_into(prefix: &str, map: &serde_yaml::Mapping, out: &mut BTreeMap<String, String>) {
    for (k, v) in map {
        let Some(key) = scalar(k) else { continue };
        let key = normal_key(&key);
        let key = if prefix.is_empty() {
            key
        } else {
            format!("{prefix}.{key}")
        };
        match v {
            serde_yaml::Value::Mapping(m) => flatten_into(&key, m, out),
            serde_yaml::Value::Sequence(items) => {
                let parts: Vec<String> = items.iter().filter_map(scalar).collect();
                if !parts.is_empty() {
                    out.insert(key, decode_entities(&parts.join(", ")));
                }
            }
            other => {
                if let Some(s) = scalar(other) {
                    out.insert(key, decode_entities(s.trim()));
                }
            }
        }
    }
}

/// A metadata key as [`Metadata::fields`] holds it: lower case, `:` as `.`, spaces as `_`
/// (`Publish Date` → `publish_date`, `og:site_name` → `og.site_name`).
pub fn normal_key(key: &str) -> String {
    key.trim()
        .to_lowercase()
        .replace(':', ".")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
}

/// Whether a flattened key is one [`metadata_from_fields`] reads.
fn is_known_key(key: &str) -> bool {
    [
        TITLE_KEYS,
        URL_KEYS,
        DATE_KEYS,
        SITE_KEYS,
        AREA_KEYS,
        DESCRIPTION_KEYS,
    ]
    .iter()
    .any(|keys| keys.contains(&key))
}

/// The known metadata keys whose value has the wrong shape: a list, or a mapping that holds
/// no known key (`publisher: {name: …}` is fine, `date: {year: 2023}` is not), with what
/// it is ("a list", "a mapping").
fn misshapen(map: &serde_yaml::Mapping) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    misshapen_into("", map, &mut out);
    out
}

fn misshapen_into(prefix: &str, map: &serde_yaml::Mapping, out: &mut Vec<(String, &'static str)>) {
    for (k, v) in map {
        let Some(key) = scalar(k) else { continue };
        let key = normal_key(&key);
        let key = if prefix.is_empty() {
            key
        } else {
            format!("{prefix}.{key}")
        };
        match v {
            serde_yaml::Value::Sequence(_) if is_known_key(&key) => out.push((key, "a list")),
            serde_yaml::Value::Mapping(m) => {
                let holds_known = flatten(m)
                    .keys()
                    .any(|child| is_known_key(&format!("{key}.{child}")));
                if is_known_key(&key) && !holds_known {
                    out.push((key.clone(), "a mapping"));
                }
                misshapen_into(&key, m, out);
            }
            _ => {}
        }
    }
}

fn scalar(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        serde_yaml::Value::Tagged(t) => scalar(&t.value),
        _ => None,
    }
}

/// The site a `title: Headline | Site Name` names after its last ` | `.
pub fn title_suffix(meta: &Metadata) -> Option<String> {
    let (_, tail) = meta.fields.get("title")?.rsplit_once(" | ")?;
    let tail = tail.trim();
    (!tail.is_empty()).then(|| tail.to_string())
}

/// Whether a metadata key ([`Metadata::site_key`]) holds a region that may name a place
/// rather than a publisher (`area`, `region`).
pub fn is_area_key(key: &str) -> bool {
    AREA_KEYS.contains(&key)
}

/// Picks title, url, date, site and description out of flattened fields by the usual names.
pub fn metadata_from_fields(fields: BTreeMap<String, String>) -> Metadata {
    let pick = |keys: &[&str]| -> Option<(String, String)> {
        keys.iter().find_map(|k| {
            fields
                .get(*k)
                .filter(|v| !v.trim().is_empty())
                .map(|v| (k.to_string(), v.trim().to_string()))
        })
    };
    // a url under `source` is an address, not a name
    let named = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            fields
                .get(*k)
                .map(|v| v.trim())
                .filter(|v| !v.is_empty() && !v.contains("://"))
                .map(|v| (k.to_string(), v.to_string()))
        })
    };
    let mut site = named(SITE_KEYS).or_else(|| named(AREA_KEYS));
    let title = pick(TITLE_KEYS).map(|(key, t)| {
        // "Headline | Site Name": keep the headline; the suffix names the site.
        if let Some((head, tail)) = t.rsplit_once(" | ").filter(|_| key == "title") {
            if site.is_none() && !tail.trim().is_empty() {
                site = Some(("title suffix".to_string(), tail.trim().to_string()));
            }
            return head.trim().to_string();
        }
        t
    });
    let published = DATE_KEYS
        .iter()
        .filter_map(|k| fields.get(*k))
        .find_map(|v| parse_published(v));
    Metadata {
        title,
        url: pick(URL_KEYS).map(|(_, v)| v),
        published,
        published_from: None,
        site_key: site.as_ref().map(|(k, _)| k.clone()),
        site: site.map(|(_, v)| v),
        description: pick(DESCRIPTION_KEYS).map(|(_, v)| v),
        fields,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fenced_yaml_with_nested_keys_and_entities() {
        let text = "```yaml\narea: Northshire\nog:\n  title: Port deal signed\n  description: A &#163;5m deal &amp; more\npublish:\n  date: 08:57 28/02/2020\ntitle: Port deal signed | Northshire Council\nurl: https://example.org/a?x=1&amp;y=2\n```\n\nBody text.\n";
        let s = split(text, SourceFormat::Plain);
        assert_eq!(s.format, SourceFormat::FencedYaml);
        assert_eq!(&text[s.body_start..], "\nBody text.\n");
        assert_eq!(s.meta.title.as_deref(), Some("Port deal signed"));
        assert_eq!(s.meta.url.as_deref(), Some("https://example.org/a?x=1&y=2"));
        assert_eq!(s.meta.site.as_deref(), Some("Northshire"));
        assert_eq!(s.meta.site_key.as_deref(), Some("area"));
        assert_eq!(
            s.meta.description.as_deref(),
            Some("A \u{a3}5m deal & more")
        );
        assert_eq!(
            s.meta.published.map(Published::to_iso).as_deref(),
            Some("2020-02-28T08:57:00")
        );
        assert!(s.warnings.is_empty());
    }

    #[test]
    fn dashed_front_matter_and_title_suffix() {
        let text =
            "---\ntitle: Rates frozen | Riverton Council\ndate: 2021-06-01\n---\nThe council said…";
        let s = split(text, SourceFormat::Markdown);
        assert_eq!(s.format, SourceFormat::Yaml);
        assert_eq!(s.meta.title.as_deref(), Some("Rates frozen"));
        assert_eq!(s.meta.site.as_deref(), Some("Riverton Council"));
        assert_eq!(&text[s.body_start..], "The council said…");
    }

    #[test]
    fn dateline() {
        let text = " date 2020-02-28 Image caption A ship\n\nThe port opened.";
        let s = split(text, SourceFormat::Plain);
        assert_eq!(s.format, SourceFormat::Dateline);
        assert_eq!(
            &text[s.body_start..],
            "Image caption A ship\n\nThe port opened."
        );
        assert_eq!(
            s.meta.published.map(Published::to_iso).as_deref(),
            Some("2020-02-28")
        );
        // "date" followed by no date is just text
        let s = split("Date night is back.", SourceFormat::Plain);
        assert_eq!(s.format, SourceFormat::Plain);
        assert_eq!(s.body_start, 0);
    }

    #[test]
    fn malformed_yaml_is_reported_and_kept_out_of_the_body() {
        let text = "```yaml\ntitle: [unclosed\n  : :\n```\nBody.";
        let s = split(text, SourceFormat::Plain);
        assert_eq!(s.format, SourceFormat::FencedYaml);
        assert_eq!(&text[s.body_start..], "Body.");
        assert_eq!(s.meta, Metadata::default());
        assert!(s.warnings[0].contains("malformed YAML"), "{:?}", s.warnings);
    }

    #[test]
    fn unterminated_fence_reads_as_text() {
        let text = "```yaml\ntitle: x\nThe rest of the story.";
        let s = split(text, SourceFormat::Plain);
        assert_eq!(s.format, SourceFormat::Plain);
        assert_eq!(&text[s.body_start..], "title: x\nThe rest of the story.");
        assert!(s.warnings[0].contains("unterminated"));
    }

    /// "Billion laughs": nine levels of nine aliases. serde_yaml 0.9 refuses the expansion
    /// ("repetition limit exceeded") instead of building a billion strings.
    #[test]
    fn alias_bomb_is_refused_and_the_body_kept() {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        let mut yaml = String::from("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
        for w in names.windows(2) {
            let refs = vec![format!("*{}", w[0]); 9].join(",");
            yaml.push_str(&format!("{}: &{} [{refs}]\n", w[1], w[1]));
        }
        yaml.push_str("title: *i\n");
        let text = format!("---\n{yaml}---\nThe ferry runs.");
        let s = split(&text, SourceFormat::Markdown);
        assert_eq!(&text[s.body_start..], "The ferry runs.");
        assert_eq!(s.meta, Metadata::default());
        assert_eq!(s.warnings.len(), 1);
        assert!(
            s.warnings[0].contains("repetition limit"),
            "{:?}",
            s.warnings
        );
        // a few aliases are fine
        let s = split(
            "---\nsite: &s Fenbury Council\npublisher: *s\n---\nText.",
            SourceFormat::Plain,
        );
        assert_eq!(s.meta.site.as_deref(), Some("Fenbury Council"));
        assert!(s.warnings.is_empty());
    }

    /// Deep nesting is refused before serde_yaml sees it: its scanner's work grows with the
    /// square of the depth (100,000 brackets take minutes) before its own limit (128) says no;
    /// 20,000 brackets stay under the size limit, so it is the depth that refuses them.
    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        for yaml in [
            format!("title: {}x{}\n", "[".repeat(20_000), "]".repeat(20_000)),
            format!("title: {}x\n", "{a: ".repeat(65)),
            format!("list:\n{}x\n", "- ".repeat(65)),
            format!("list:\n- {}x\n", "[".repeat(64)),
        ] {
            assert!(yaml_hazard(&yaml).is_some(), "{}", &yaml[..40]);
            let text = format!("---\n{yaml}---\nBody.");
            let s = split(&text, SourceFormat::Plain);
            assert_eq!(&text[s.body_start..], "Body.");
            assert_eq!(s.meta, Metadata::default());
            assert!(
                s.warnings[0].contains("nested deeper than 64"),
                "{:?}",
                s.warnings
            );
        }
        // ordinary nesting passes; past 128 levels serde_yaml would refuse it anyway
        let ok = format!(
            "title: {}x{}\nog:\n  site_name: A\n",
            "[".repeat(64),
            "]".repeat(64)
        );
        assert_eq!(yaml_hazard(&ok), None);
        assert_eq!(yaml_hazard("a:\n  - - - x\n  - [b, {c: d}]\n"), None);
        let deep_but_parsed = format!("x: {}1{}\n", "[".repeat(130), "]".repeat(130));
        assert!(serde_yaml::from_str::<serde_yaml::Value>(&deep_but_parsed).is_err());
    }

    #[test]
    fn oversized_metadata_is_not_parsed() {
        let text = format!(
            "---\ntitle: x\nnote: {}\n---\nBody.",
            "y".repeat(MAX_METADATA_BYTES)
        );
        let s = split(&text, SourceFormat::Plain);
        assert_eq!(&text[s.body_start..], "Body.");
        assert_eq!(s.meta.title, None);
        assert!(s.warnings[0].contains("byte limit"), "{:?}", s.warnings);
    }

    #[test]
    fn known_keys_of_the_wrong_shape_are_ignored_with_a_warning() {
        let text = "---\ntitle: [Fares, rise]\ndate: {year: 2023}\npublisher:\n  - One\n  - Two\nog:\n  site_name: Ferry Co\nauthors: [A, B]\n---\nBody.";
        let s = split(text, SourceFormat::Plain);
        assert_eq!(s.meta.title, None);
        assert_eq!(s.meta.published, None);
        assert_eq!(s.meta.site.as_deref(), Some("Ferry Co"));
        assert_eq!(
            s.meta.fields.get("authors").map(String::as_str),
            Some("A, B")
        );
        let mut w = s.warnings.clone();
        w.sort();
        assert_eq!(
            w,
            vec![
                "--- front matter: `date` is a mapping, not a single value; ignored",
                "--- front matter: `publisher` is a list, not a single value; ignored",
                "--- front matter: `title` is a list, not a single value; ignored",
            ]
        );
        // a mapping that holds a known key is the usual shape
        let s = split(
            "---\npublisher:\n  name: Ferry Co\n---\nBody.",
            SourceFormat::Plain,
        );
        assert_eq!(s.meta.site.as_deref(), Some("Ferry Co"));
        assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    }

    #[test]
    fn other_keys_for_the_date_and_the_publisher() {
        let date = |yaml: &str| {
            split(&format!("---\n{yaml}\n---\nText."), SourceFormat::Plain)
                .meta
                .published
                .map(Published::to_iso)
        };
        assert_eq!(
            date("publish date: 2023-04-01").as_deref(),
            Some("2023-04-01")
        );
        assert_eq!(
            date("Publish Date: 1 April 2023").as_deref(),
            Some("2023-04-01")
        );
        assert_eq!(
            date("pubDate: April 1, 2023").as_deref(),
            Some("2023-04-01")
        );
        assert_eq!(date("published: 2023-04").as_deref(), Some("2023-04"));
        assert_eq!(date("date: 2021").as_deref(), Some("2021"));
        assert_eq!(
            date("publish: {date: '07:45 01/04/2023'}").as_deref(),
            Some("2023-04-01T07:45:00")
        );
        assert_eq!(
            date("date_published: 2023-04-01T07:45:00+01:00").as_deref(),
            Some("2023-04-01T07:45:00")
        );
        let meta =
            |yaml: &str| split(&format!("---\n{yaml}\n---\nText."), SourceFormat::Plain).meta;
        let m = meta("headline: Striker signs\nsource: Vale Sports Daily");
        assert_eq!(m.title.as_deref(), Some("Striker signs"));
        assert_eq!(m.site.as_deref(), Some("Vale Sports Daily"));
        assert_eq!(m.site_key.as_deref(), Some("source"));
        // a publisher key beats an area; a url under `source` is no name
        let m = meta("area: Valeshire\npublisher: Valeshire Council");
        assert_eq!(m.site.as_deref(), Some("Valeshire Council"));
        let m = meta("source: https://gazette.example/a\nsite: Town Gazette");
        assert_eq!(m.site.as_deref(), Some("Town Gazette"));
        assert!(is_area_key("area") && !is_area_key("publisher"));
        let m = meta("title: Ward opens | Northfield Hospital\narea: Northfield / Southfield");
        assert_eq!(title_suffix(&m).as_deref(), Some("Northfield Hospital"));
        assert_eq!(normal_key(" Publish  Date "), "publish_date");
    }

    #[test]
    fn no_metadata() {
        let s = split("Just a story.\n", SourceFormat::Plain);
        assert_eq!(s.format, SourceFormat::Plain);
        assert_eq!(s.body_start, 0);
        assert!(s.warnings.is_empty());
    }
}
