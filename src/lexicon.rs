//! General vocabulary, kept as data in `assets/*.yaml` and compiled in; a file of the same
//! name in the opened folder (or its `.parallax/` folder) extends it.

use regex::{Regex, RegexBuilder};
use serde::Deserialize;

/// The bundled `assets/actors.yaml`.
pub const ACTORS_YAML: &str = include_str!("../assets/actors.yaml");
/// The bundled `assets/outlets.yaml`.
pub const OUTLETS_YAML: &str = include_str!("../assets/outlets.yaml");
/// The bundled `assets/boilerplate.yaml`.
pub const BOILERPLATE_YAML: &str = include_str!("../assets/boilerplate.yaml");

/// The names of the lexicon files a folder may extend.
pub const LEXICON_FILES: &[&str] = &["actors.yaml", "outlets.yaml", "boilerplate.yaml", "topics.yaml"];

/// Words for organisations and the parties they speak for (`actors.yaml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Actors {
    /// Lower-case words that make a capitalised phrase an organisation.
    pub organisation_words: Vec<String>,
    /// Lower-case office phrases removed to leave a party's name.
    pub office_phrases: Vec<String>,
    /// Lower-case institution words after a party's name.
    pub party_suffixes: Vec<String>,
    /// Lower-case verbs that report what somebody says.
    pub reporting_verbs: Vec<String>,
}

/// A news outlet (`outlets.yaml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Outlet {
    /// Display name.
    pub name: String,
    /// Url hosts (subdomains match too).
    pub hosts: Vec<String>,
    /// House-style paragraph openings only this outlet uses.
    pub markers: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct OutletsFile {
    outlets: Vec<Outlet>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct BoilerplateFile {
    captions: Vec<String>,
    furniture: Vec<String>,
    signoffs: Vec<String>,
}

/// Compiled boilerplate patterns (`boilerplate.yaml`).
#[derive(Debug, Clone, Default)]
pub struct Boilerplate {
    /// Image captions and credits.
    pub captions: Vec<Regex>,
    /// Navigation and sharing furniture.
    pub furniture: Vec<Regex>,
    /// Sign-offs and bylines; a named group `org` may name the publisher.
    pub signoffs: Vec<Regex>,
}

/// All vocabulary the engine uses.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Organisation and party words.
    pub actors: Actors,
    /// Known news outlets.
    pub outlets: Vec<Outlet>,
    /// Boilerplate patterns.
    pub boilerplate: Boilerplate,
    /// Problems met reading a user's lexicon files.
    pub warnings: Vec<String>,
}

impl Lexicon {
    /// The bundled vocabulary.
    pub fn bundled() -> Lexicon {
        let mut lex = Lexicon::default();
        lex.extend("actors.yaml", ACTORS_YAML);
        lex.extend("outlets.yaml", OUTLETS_YAML);
        lex.extend("boilerplate.yaml", BOILERPLATE_YAML);
        debug_assert!(lex.warnings.is_empty(), "bundled lexicon: {:?}", lex.warnings);
        lex
    }

    /// The bundled vocabulary extended by `(file name, yaml text)` pairs from a folder.
    pub fn with_extensions(extensions: &[(String, String)]) -> Lexicon {
        let mut lex = Lexicon::bundled();
        for (name, text) in extensions {
            lex.extend(name, text);
        }
        lex
    }

    /// Adds the entries of one lexicon file; a malformed file adds a warning and nothing else.
    pub fn extend(&mut self, name: &str, text: &str) {
        match name {
            "actors.yaml" => match serde_yaml::from_str::<Actors>(text) {
                Ok(a) => {
                    let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase());
                    self.actors.organisation_words.extend(lower(a.organisation_words));
                    self.actors.office_phrases.extend(lower(a.office_phrases));
                    self.actors.party_suffixes.extend(lower(a.party_suffixes));
                    self.actors.reporting_verbs.extend(lower(a.reporting_verbs));
                    // longest first, so "police and crime commissioner for" beats "pcc"
                    self.actors.office_phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
                    self.actors.party_suffixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
                }
                Err(e) => self.warnings.push(format!("{name}: {e}")),
            },
            "outlets.yaml" => match serde_yaml::from_str::<OutletsFile>(text) {
                Ok(o) => self.outlets.extend(o.outlets),
                Err(e) => self.warnings.push(format!("{name}: {e}")),
            },
            "boilerplate.yaml" => match serde_yaml::from_str::<BoilerplateFile>(text) {
                Ok(b) => {
                    let mut compile = |pats: Vec<String>, into: &mut Vec<Regex>| {
                        for p in pats {
                            match RegexBuilder::new(&p).case_insensitive(true).build() {
                                Ok(r) => into.push(r),
                                Err(e) => self.warnings.push(format!("{name}: pattern {p:?}: {e}")),
                            }
                        }
                    };
                    let bp = &mut self.boilerplate;
                    let (mut c, mut f, mut s) = (
                        std::mem::take(&mut bp.captions),
                        std::mem::take(&mut bp.furniture),
                        std::mem::take(&mut bp.signoffs),
                    );
                    compile(b.captions, &mut c);
                    compile(b.furniture, &mut f);
                    compile(b.signoffs, &mut s);
                    self.boilerplate = Boilerplate {
                        captions: c,
                        furniture: f,
                        signoffs: s,
                    };
                }
                Err(e) => self.warnings.push(format!("{name}: {e}")),
            },
            _ => {}
        }
    }

    /// Whether a lower-case word makes a capitalised phrase an organisation.
    pub fn is_organisation_word(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.actors.organisation_words.iter().any(|o| *o == w)
    }

    /// The party an organisation speaks for: the name with office phrases and institution
    /// suffixes removed ("Northshire Police" → "Northshire"); the name itself when nothing
    /// is left.
    pub fn party_name(&self, organisation: &str) -> String {
        let mut name = organisation.trim().trim_start_matches("the ").to_string();
        for phrase in &self.actors.office_phrases {
            if let Some(pos) = find_words(&name, phrase) {
                name.replace_range(pos..pos + phrase.len(), " ");
                name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            }
        }
        for suffix in &self.actors.party_suffixes {
            let lower = name.to_lowercase();
            if lower.ends_with(&format!(" {suffix}")) {
                name.truncate(name.len() - suffix.len() - 1);
            }
        }
        let name = name
            .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '\'' || c == '’')
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_string();
        let name = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
            .unwrap_or(&name)
            .to_string();
        if name.is_empty() {
            organisation.trim().to_string()
        } else {
            name
        }
    }
}

/// Byte position of `phrase` (lower case) in `text` as whole words, ignoring case.
fn find_words(text: &str, phrase: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return None; // case folding changed byte lengths: do not risk a wrong cut
    }
    let bytes = lower.as_bytes();
    let mut start = 0;
    while let Some(i) = lower[start..].find(phrase) {
        let pos = start + i;
        let end = pos + phrase.len();
        let left_ok = pos == 0 || !bytes[pos - 1].is_ascii_alphanumeric();
        let right_ok = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if left_ok && right_ok {
            return Some(pos);
        }
        start = pos + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_loads_cleanly() {
        let lex = Lexicon::bundled();
        assert!(lex.warnings.is_empty(), "{:?}", lex.warnings);
        assert!(lex.is_organisation_word("Police"));
        assert!(!lex.boilerplate.captions.is_empty());
        assert!(lex.outlets.iter().any(|o| !o.markers.is_empty()));
    }

    #[test]
    fn party_names() {
        let lex = Lexicon::bundled();
        assert_eq!(lex.party_name("Northshire Police"), "Northshire");
        assert_eq!(
            lex.party_name("Police and Crime Commissioner for the Lowland Valleys"),
            "Lowland Valleys"
        );
        assert_eq!(
            lex.party_name("Lowland Valleys Police and Crime Commissioner"),
            "Lowland Valleys"
        );
        assert_eq!(lex.party_name("Riverton City Council"), "Riverton City Council");
        assert_eq!(lex.party_name("Police"), "Police");
    }

    #[test]
    fn folder_extensions_add_and_bad_files_warn() {
        let lex = Lexicon::with_extensions(&[
            ("actors.yaml".into(), "organisation_words: [Syndicate]".into()),
            ("outlets.yaml".into(), "outlets: [{name: Valley Gazette, hosts: [gazette.example]}]".into()),
            ("boilerplate.yaml".into(), "captions: ['(unclosed']".into()),
        ]);
        assert!(lex.is_organisation_word("syndicate"));
        assert!(lex.is_organisation_word("police"));
        assert!(lex.outlets.iter().any(|o| o.name == "Valley Gazette"));
        assert_eq!(lex.warnings.len(), 1, "{:?}", lex.warnings);
    }
}
