//! General vocabulary, kept as data in `assets/*.yaml` and compiled in; a file of the same
//! name in the opened folder (or its `.parallax/` folder) extends it.

use std::collections::BTreeMap;

use regex::{Regex, RegexBuilder};

use crate::text::{Phrases, WordMap, WordSet};
use serde::Deserialize;

/// The bundled `assets/actors.yaml`.
pub const ACTORS_YAML: &str = include_str!("../assets/actors.yaml");
/// The bundled `assets/outlets.yaml`.
pub const OUTLETS_YAML: &str = include_str!("../assets/outlets.yaml");
/// The bundled `assets/boilerplate.yaml`.
pub const BOILERPLATE_YAML: &str = include_str!("../assets/boilerplate.yaml");

/// The bundled `assets/reading.yaml`.
pub const READING_YAML: &str = include_str!("../assets/reading.yaml");
/// The bundled `assets/topics.yaml`.
pub const TOPICS_YAML: &str = include_str!("../assets/topics.yaml");
/// The bundled compare vocabulary (`assets/compare.yaml`).
pub const COMPARE_YAML: &str = include_str!("../assets/compare.yaml");

/// The names of the lexicon files a folder may extend.
pub const LEXICON_FILES: &[&str] = &[
    "actors.yaml",
    "outlets.yaml",
    "boilerplate.yaml",
    "topics.yaml",
    "reading.yaml",
    "compare.yaml",
];

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

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct ReadingFile {
    speech_verbs: Vec<String>,
    claim_verbs: Vec<String>,
    denial_verbs: Vec<String>,
    claim_nouns: Vec<String>,
    party_pronouns: Vec<String>,
    person_pronouns: Vec<String>,
    titles: Vec<String>,
    role_words: Vec<String>,
    abbreviations: Vec<String>,
    numeric_abbreviations: Vec<String>,
    function_words: Vec<String>,
    affiliations: Vec<String>,
    clause_breaks: Vec<String>,
    organisation_cues: Vec<String>,
    calendar_words: Vec<String>,
    attribution_openers: Vec<String>,
    joint_nouns: Vec<String>,
    past_markers: Vec<String>,
    office_titles: Vec<String>,
    document_nouns: Vec<String>,
    party_nouns: BTreeMap<String, Vec<String>>,
    stances: BTreeMap<String, Vec<String>>,
}

/// Words of attribution and sentence structure (`reading.yaml`), all lower case.
#[derive(Debug, Clone, Default)]
pub struct ReadingWords {
    /// Verbs that introduce or follow a quotation (`said`, `added`).
    pub speech_verbs: WordSet<String>,
    /// Verbs that make a sentence about a party a reported claim (`says`, `claimed`).
    pub claim_verbs: WordSet<String>,
    /// Verbs that deny another party's claim (`disputes`).
    pub denial_verbs: WordSet<String>,
    /// Nouns that name a claim (`claim`, `allegation`).
    pub claim_nouns: WordSet<String>,
    /// Pronouns that stand for an organisation (`it`).
    pub party_pronouns: WordSet<String>,
    /// Pronouns that stand for a person (`he`, `she`).
    pub person_pronouns: WordSet<String>,
    /// Titles before a name (`mr`, `dr`).
    pub titles: WordSet<String>,
    /// Words of an office or job (`chief`, `executive`).
    pub role_words: WordSet<String>,
    /// Abbreviations whose full stop does not end a sentence (`mr`, `e.g`).
    pub abbreviations: WordSet<String>,
    /// Abbreviations that keep their full stop before a number (`no`).
    pub numeric_abbreviations: WordSet<String>,
    /// Capitalised sentence openers that never start a name (`the`, `under`).
    pub function_words: WordSet<String>,
    /// Political affiliations that may stand between a role and a name.
    pub affiliations: WordSet<String>,
    /// Clause openings that may start a second attribution in one sentence
    /// (`, but `, `, while `): lower case, with their spaces and punctuation.
    pub clause_breaks: Vec<String>,
    /// Nouns after an organisation's name that show it is one (`spokesperson`, `source`).
    pub organisation_cues: WordSet<String>,
    /// Weekdays and months: capitalised, never part of a name.
    pub calendar_words: WordSet<String>,
    /// First words of an opening phrase of an attribution that is not its speaker
    /// (`in`, `speaking`): "In a statement, the club said".
    pub attribution_openers: WordSet<String>,
    /// Plural nouns for several parties of one class (`forces`, `unions`): "the forces
    /// said" speaks for no one party when the document names two of that class.
    pub joint_nouns: WordSet<String>,
    /// Words that put a role in the past (`former`, `ex`, `then`, `was`): a former officer
    /// speaks for themselves, not for the body they served.
    pub past_markers: WordSet<String>,
    /// Heads of a government office held by one person (`secretary`, `minister`): a
    /// capitalised title of them with no body named ("Health Secretary Jo Roe") is the
    /// party itself.
    pub office_titles: WordSet<String>,
    /// Nouns for a text a party issued (`statement`, `letter`): "the statement says" is
    /// the party the document named when it first spoke of that text.
    pub document_nouns: WordSet<String>,
    /// Common nouns that stand for a party of the folder, by class (`union` → `union`,
    /// `unions`; `company` → `firm`, `business`, …): word → class.
    pub party_nouns: WordMap<String, String>,
    /// The stance of each reporting verb (`denied` → `denies`): verb → stance.
    pub stances: WordMap<String, String>,
}

/// A topic of `topics.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Topic {
    /// The id written into statements (`subsidy`).
    pub id: String,
    /// A human-readable name.
    pub label: String,
    /// Words matched on their stems.
    pub words: Vec<String>,
    /// Multi-word phrases matched on the stems of their words, in order.
    pub phrases: Vec<String>,
    /// Acronyms matched exactly, case included (`IT`).
    pub acronyms: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct TopicsFile {
    topics: Vec<Topic>,
}

/// A pair of opposite readings of one matter (`compare.yaml`, `polarity`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Polarity {
    /// A name for the matter (`subsidy`).
    pub id: String,
    /// Words or phrases of one reading, lower case.
    pub positive: Vec<String>,
    /// Words or phrases of the opposite reading, lower case.
    pub negative: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct CompareFile {
    stop_words: Vec<String>,
    synonyms: Vec<Vec<String>>,
    credit_verbs: Vec<String>,
    denial_phrases: Vec<String>,
    polarity: Vec<Polarity>,
    event_verbs: Vec<String>,
    schedule_words: Vec<String>,
    frame_heads: Vec<String>,
    time_verbs: Vec<String>,
    rebuttal_phrases: Vec<String>,
    blame_phrases: Vec<String>,
    contest_phrases: Vec<String>,
    rate_words: Vec<String>,
    number_words: WordMap<String, f64>,
    frame_synonyms: Vec<Vec<String>>,
}

/// Words of the compare stage (`compare.yaml`), all lower case.
#[derive(Debug, Clone, Default)]
pub struct CompareWords {
    /// Words left out of the similarity index.
    pub stop_words: WordSet<String>,
    /// A word → the first word of its synonym list.
    pub synonyms: WordMap<String, String>,
    /// Verbs (and short verb phrases) by which an agent takes credit for an outcome.
    pub credit_verbs: Vec<String>,
    /// Phrases that reject another party's claim.
    pub denial_phrases: Vec<String>,
    /// Opposite readings of the same matter.
    pub polarity: Vec<Polarity>,
    /// Verbs that mark an event in time ("end", "launch"): two sides timing the same event
    /// (verb and what it acts on) differently conflict.
    pub event_verbs: WordSet<String>,
    /// Words that say an event is scheduled ("due", "set"): "the deal is due to end".
    pub schedule_words: WordSet<String>,
    /// Head nouns of claim frames ("offer", "cost", "jobs"): what a figure measures. Two
    /// parties giving different values next to the same head conflict.
    pub frame_heads: WordSet<String>,
    /// Verbs whose time is a claim of its own ("founded", "began", "ends"): different
    /// dates or years beside one of them conflict.
    pub time_verbs: WordSet<String>,
    /// Phrases by which a statement rebuts what another says ("not true", "misleading").
    pub rebuttal_phrases: Vec<String>,
    /// Phrases by which a statement lays blame ("blamed", "is responsible for").
    pub blame_phrases: Vec<String>,
    /// Phrases by which a party answers or contests another ("replied that", "insisted"),
    /// beside reading.yaml's `denies` and `accuses` stances.
    pub contest_phrases: Vec<String>,
    /// Words after which a duration is a rate, not a length ("a day" in "£1m a day").
    pub rate_words: WordSet<String>,
    /// Numbers written as words ("nine" → 9).
    pub number_words: WordMap<String, f64>,
    /// Frame heads that name the same thing (a word → the first word of its list): "the
    /// offer is worth 9%" and "a 3.5% rise" measure one thing.
    pub frame_synonyms: WordMap<String, String>,
}

impl CompareWords {
    /// Adds the entries of one `compare.yaml`.
    fn add(&mut self, c: CompareFile) {
        let lower = |s: String| s.trim().to_lowercase();
        self.stop_words.extend(c.stop_words.into_iter().map(lower));
        for list in c.synonyms {
            let mut words = list.into_iter().map(lower);
            if let Some(head) = words.next() {
                for w in words {
                    self.synonyms.insert(w, head.clone());
                }
            }
        }
        self.credit_verbs
            .extend(c.credit_verbs.into_iter().map(lower));
        // longest first, so "helped ensure" beats "ensure"
        self.credit_verbs
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        self.credit_verbs.dedup();
        self.denial_phrases
            .extend(c.denial_phrases.into_iter().map(lower));
        self.event_verbs
            .extend(c.event_verbs.into_iter().map(lower));
        self.schedule_words
            .extend(c.schedule_words.into_iter().map(lower));
        self.frame_heads
            .extend(c.frame_heads.into_iter().map(lower));
        self.time_verbs.extend(c.time_verbs.into_iter().map(lower));
        self.rebuttal_phrases
            .extend(c.rebuttal_phrases.into_iter().map(lower));
        self.blame_phrases
            .extend(c.blame_phrases.into_iter().map(lower));
        self.contest_phrases
            .extend(c.contest_phrases.into_iter().map(lower));
        self.rate_words.extend(c.rate_words.into_iter().map(lower));
        for list in c.frame_synonyms {
            let mut words = list.into_iter().map(lower);
            if let Some(head) = words.next() {
                for w in words {
                    self.frame_synonyms.insert(w, head.clone());
                }
            }
        }
        self.number_words.extend(
            c.number_words
                .into_iter()
                .map(|(k, v)| (k.trim().to_lowercase(), v)),
        );
        for p in c.polarity {
            let p = Polarity {
                id: p.id,
                positive: p.positive.into_iter().map(lower).collect(),
                negative: p.negative.into_iter().map(lower).collect(),
            };
            match self.polarity.iter_mut().find(|k| k.id == p.id) {
                Some(known) => {
                    known.positive.extend(p.positive);
                    known.negative.extend(p.negative);
                }
                None => self.polarity.push(p),
            }
        }
    }
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
    /// Words of attribution and sentence structure.
    pub reading: ReadingWords,
    /// Topics, in file order; a folder's topic replaces a bundled one of the same id.
    pub topics: Vec<Topic>,
    /// The vocabulary of the compare stage.
    pub compare: CompareWords,
    /// [`Actors::organisation_words`] as a set, for fast look-ups.
    organisation_set: WordSet<String>,
    /// Outlets by the key of their name, then of their hosts' main labels ([`outlet_key`]):
    /// one look-up instead of a scan of every outlet.
    outlet_keys: WordMap<String, usize>,
    /// Outlets by each host they list (the first outlet listing it): [`Lexicon::outlet_by_host`].
    outlet_hosts: WordMap<String, usize>,
    /// Problems met reading a user's lexicon files.
    pub warnings: Vec<String>,
    /// [`Actors::office_phrases`] as one automaton (a caller who changes the public list
    /// gets the plain search).
    office_finder: Option<Phrases>,
    /// [`ReadingWords::clause_breaks`] as one automaton, ASCII case-insensitive.
    clause_finder: Option<Phrases>,
}

impl Lexicon {
    /// The bundled vocabulary: parsed and compiled once per process (its long boilerplate
    /// patterns take a tenth of a second to compile), then cloned; compiled regexes share
    /// their programs between clones.
    pub fn bundled() -> Lexicon {
        static BUNDLED: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        BUNDLED.get_or_init(Lexicon::compile_bundled).clone()
    }

    /// Parses and compiles the bundled files.
    fn compile_bundled() -> Lexicon {
        let mut lex = Lexicon::default();
        lex.extend("actors.yaml", ACTORS_YAML);
        lex.extend("outlets.yaml", OUTLETS_YAML);
        lex.extend("boilerplate.yaml", BOILERPLATE_YAML);
        lex.extend("reading.yaml", READING_YAML);
        lex.extend("topics.yaml", TOPICS_YAML);
        lex.extend("compare.yaml", COMPARE_YAML);
        debug_assert!(
            lex.warnings.is_empty(),
            "bundled lexicon: {:?}",
            lex.warnings
        );
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
                    self.actors
                        .organisation_words
                        .extend(lower(a.organisation_words));
                    self.organisation_set =
                        self.actors.organisation_words.iter().cloned().collect();
                    self.actors.office_phrases.extend(lower(a.office_phrases));
                    self.actors.party_suffixes.extend(lower(a.party_suffixes));
                    self.actors.reporting_verbs.extend(lower(a.reporting_verbs));
                    // longest first, so "police and crime commissioner for" beats "pcc"
                    self.actors
                        .office_phrases
                        .sort_by_key(|p| std::cmp::Reverse(p.len()));
                    self.office_finder = Phrases::new(&self.actors.office_phrases, false);
                    self.actors
                        .party_suffixes
                        .sort_by_key(|p| std::cmp::Reverse(p.len()));
                }
                Err(e) => self.warnings.push(format!("{name}: {e}")),
            },
            "outlets.yaml" => match serde_yaml::from_str::<OutletsFile>(text) {
                Ok(o) => {
                    self.outlets.extend(o.outlets);
                    self.index_outlets();
                }
                Err(e) => self.warnings.push(format!("{name}: {e}")),
            },
            "boilerplate.yaml" => match serde_yaml::from_str::<BoilerplateFile>(text) {
                Ok(b) => {
                    // compiled on all cores (the bundled patterns take a tenth of a second
                    // on one), kept in the file's order
                    let mut compile = |pats: Vec<String>, into: &mut Vec<Regex>| {
                        let built = map_on_threads(&pats, |p| {
                            RegexBuilder::new(p).case_insensitive(true).build()
                        });
                        for (p, r) in pats.iter().zip(built) {
                            match r {
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
            "reading.yaml" => match serde_yaml::from_str::<ReadingFile>(text) {
                Ok(r) => {
                    let add = |v: Vec<String>, into: &mut WordSet<String>| {
                        into.extend(v.into_iter().map(|s| s.trim().to_lowercase()));
                    };
                    let w = &mut self.reading;
                    add(r.speech_verbs, &mut w.speech_verbs);
                    add(r.claim_verbs, &mut w.claim_verbs);
                    add(r.denial_verbs, &mut w.denial_verbs);
                    add(r.claim_nouns, &mut w.claim_nouns);
                    add(r.party_pronouns, &mut w.party_pronouns);
                    add(r.person_pronouns, &mut w.person_pronouns);
                    add(r.titles, &mut w.titles);
                    add(r.role_words, &mut w.role_words);
                    add(r.abbreviations, &mut w.abbreviations);
                    add(r.numeric_abbreviations, &mut w.numeric_abbreviations);
                    add(r.function_words, &mut w.function_words);
                    add(r.affiliations, &mut w.affiliations);
                    add(r.organisation_cues, &mut w.organisation_cues);
                    add(r.calendar_words, &mut w.calendar_words);
                    add(r.attribution_openers, &mut w.attribution_openers);
                    add(r.joint_nouns, &mut w.joint_nouns);
                    add(r.past_markers, &mut w.past_markers);
                    add(r.office_titles, &mut w.office_titles);
                    add(r.document_nouns, &mut w.document_nouns);
                    for (class, words) in r.party_nouns {
                        let class = class.trim().to_lowercase();
                        for word in words {
                            w.party_nouns
                                .insert(word.trim().to_lowercase(), class.clone());
                        }
                        w.party_nouns.insert(class.clone(), class);
                    }
                    for (stance, verbs) in r.stances {
                        for verb in verbs {
                            w.stances
                                .insert(verb.trim().to_lowercase(), stance.trim().to_lowercase());
                        }
                    }
                    for b in r.clause_breaks {
                        let b = b.to_lowercase();
                        if !b.trim().is_empty() && !w.clause_breaks.contains(&b) {
                            w.clause_breaks.push(b);
                        }
                    }
                    self.clause_finder = Phrases::new(&self.reading.clause_breaks, true);
                }
                Err(e) => self.warnings.push(format!("{name}: {e}")),
            },
            "topics.yaml" => match serde_yaml::from_str::<TopicsFile>(text) {
                Ok(t) => {
                    for topic in t.topics {
                        if topic.id.trim().is_empty() {
                            self.warnings.push(format!("{name}: a topic without an id"));
                            continue;
                        }
                        match self.topics.iter_mut().find(|k| k.id == topic.id) {
                            // a topic of the same id gains the folder's words
                            Some(known) => {
                                if !topic.label.trim().is_empty() {
                                    known.label = topic.label;
                                }
                                for (into, from) in [
                                    (&mut known.words, topic.words),
                                    (&mut known.phrases, topic.phrases),
                                    (&mut known.acronyms, topic.acronyms),
                                ] {
                                    for w in from {
                                        if !into.contains(&w) {
                                            into.push(w);
                                        }
                                    }
                                }
                            }
                            None => self.topics.push(topic),
                        }
                    }
                }
                Err(e) => self.warnings.push(format!("{name}: {e}")),
            },
            "compare.yaml" => match serde_yaml::from_str::<CompareFile>(text) {
                Ok(c) => self.compare.add(c),
                Err(e) => self.warnings.push(format!("{name}: {e}")),
            },
            _ => {}
        }
    }

    /// Rebuilds the outlet look-up: names first, then host labels, first come first kept.
    fn index_outlets(&mut self) {
        let mut keys: WordMap<String, usize> = WordMap::default();
        for (i, o) in self.outlets.iter().enumerate() {
            keys.entry(outlet_key(&o.name)).or_insert(i);
        }
        let mut hosts: WordMap<String, usize> = WordMap::default();
        for (i, o) in self.outlets.iter().enumerate() {
            for h in &o.hosts {
                keys.entry(outlet_key(host_label(h))).or_insert(i);
                hosts.entry(h.clone()).or_insert(i);
            }
        }
        keys.remove("");
        self.outlet_keys = keys;
        self.outlet_hosts = hosts;
    }

    /// The first outlet (in list order) with a host that is `host` or a domain `host` is
    /// under (`news.example.co.uk` is under `example.co.uk`): one look-up per dot of the
    /// host instead of a scan of every outlet's hosts.
    pub fn outlet_by_host(&self, host: &str) -> Option<&Outlet> {
        let mut first: Option<usize> = None;
        let mut rest = host;
        loop {
            if let Some(&i) = self.outlet_hosts.get(rest) {
                first = Some(first.map_or(i, |f| f.min(i)));
            }
            match rest.split_once('.') {
                Some((_, after)) => rest = after,
                None => break,
            }
        }
        first.map(|i| &self.outlets[i])
    }

    /// The known outlet whose name or host label has this [`outlet_key`].
    pub fn outlet_by_key(&self, key: &str) -> Option<&Outlet> {
        self.outlet_keys.get(key).map(|&i| &self.outlets[i])
    }

    /// Whether a lower-case word makes a capitalised phrase an organisation.
    pub fn is_organisation_word(&self, word: &str) -> bool {
        if self.organisation_set.contains(word) {
            return true;
        }
        if word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            return false; // already lower case: no second look
        }
        let w = word.to_lowercase();
        self.organisation_set.contains(&w)
    }

    /// Where the first clause break ([`ReadingWords::clause_breaks`], ASCII case ignored)
    /// starts in `text`, with its length; the shortest-starting, then shortest, when several
    /// start at one place.
    pub fn first_clause_break(&self, text: &str) -> Option<(usize, usize)> {
        let breaks = &self.reading.clause_breaks;
        match &self.clause_finder {
            Some(finder) if finder.built_from(breaks) => {
                finder.find_all(text).map(|(_, r)| (r.start, r.len())).min()
            }
            _ => breaks
                .iter()
                .filter_map(|b| find_ascii_ci(text, b).map(|i| (i, b.len())))
                .min(),
        }
    }

    /// The party an organisation speaks for: the name with office phrases and institution
    /// suffixes removed ("Northshire Police" → "Northshire"); the name itself when nothing
    /// is left.
    pub fn party_name(&self, organisation: &str) -> String {
        let mut name = organisation.trim().trim_start_matches("the ").to_string();
        // the lower-case name is made again only when the name changes
        let mut lower = name.to_lowercase();
        let phrases = &self.actors.office_phrases;
        // which phrases occur at all, in one pass (all of them when the automaton is stale)
        let present = |lower: &str| -> Vec<bool> {
            match &self.office_finder {
                Some(finder) if finder.built_from(phrases) => {
                    let mut found = vec![false; phrases.len()];
                    for (k, _) in finder.find_all(lower) {
                        found[k] = true;
                    }
                    found
                }
                _ => vec![true; phrases.len()],
            }
        };
        let mut occurs = present(&lower);
        for (k, phrase) in phrases.iter().enumerate() {
            if !occurs[k] {
                continue;
            }
            if let Some(pos) = find_words(&name, &lower, phrase) {
                name.replace_range(pos..pos + phrase.len(), " ");
                name = name.split_whitespace().collect::<Vec<_>>().join(" ");
                lower = name.to_lowercase();
                occurs = present(&lower);
            }
        }
        for suffix in &self.actors.party_suffixes {
            let cut = lower.len().checked_sub(suffix.len() + 1);
            if let Some(cut) = cut
                && lower.ends_with(suffix.as_str())
                && lower.as_bytes()[cut] == b' '
            {
                name.truncate(name.len() - suffix.len() - 1);
                lower = name.to_lowercase();
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

/// Byte position of `phrase` (lower case) in `text` as whole words, ignoring case
/// (`lower` is `text` in lower case).
fn find_words(text: &str, lower: &str, phrase: &str) -> Option<usize> {
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

/// Byte position of an ASCII `needle` in `text`, ignoring ASCII case.
fn find_ascii_ci(text: &str, needle: &str) -> Option<usize> {
    let (t, n) = (text.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > t.len() {
        return None;
    }
    (0..=t.len() - n.len())
        .find(|&i| text.is_char_boundary(i) && t[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// The key an outlet is known by: its name in lower-case letters and digits, `&` read as
/// "and", a leading "the" dropped (`The Express & Star` → `expressandstar`).
pub fn outlet_key(name: &str) -> String {
    let lower = name.trim().to_lowercase().replace('&', " and ");
    let lower = lower.trim_start();
    let lower = lower.strip_prefix("the ").unwrap_or(lower);
    lower.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// `f` of each item, in order, on as many plain threads as there are cores: for compiling
/// regular expressions, which runs inside one-time initialisers that a rayon worker may
/// reach again while it waits (plain threads never take another task).
pub(crate) fn map_on_threads<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let per = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(per)
            .map(|chunk| scope.spawn(move || chunk.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The registrable label of a host: `bbc` of `www.bbc.co.uk`, `sky` of `news.sky.com`.
pub fn host_label(host: &str) -> &str {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let second_level = n >= 3
        && labels[n - 1].len() == 2
        && matches!(labels[n - 2], "co" | "com" | "org" | "net" | "gov" | "ac");
    match (second_level, n) {
        (true, _) => labels[n - 3],
        (false, 2..) => labels[n - 2],
        _ => labels[0],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outlet_is_found_by_its_host_or_a_domain_under_it() {
        let lex = Lexicon::bundled();
        // the scan the index replaces: the first outlet with the host or a parent domain
        let scan = |host: &str| {
            (lex.outlets.iter())
                .find(|o| (o.hosts.iter()).any(|h| host == h || host.ends_with(&format!(".{h}"))))
                .map(|o| o.name.as_str())
        };
        let mut hosts: Vec<String> = Vec::new();
        for o in &lex.outlets {
            for h in &o.hosts {
                hosts.extend([
                    h.clone(),
                    format!("news.{h}"),
                    format!("a.b.{h}"),
                    format!("x{h}"),
                ]);
            }
        }
        hosts.extend(["".into(), "example".into(), "co.uk".into(), "a..b".into()]);
        assert!(hosts.len() > 100, "the bundled outlets list hosts");
        for host in &hosts {
            assert_eq!(
                lex.outlet_by_host(host).map(|o| o.name.as_str()),
                scan(host),
                "{host}"
            );
        }
        assert!(
            lex.outlet_by_host(&format!("news.{}", lex.outlets[0].hosts[0]))
                .is_some()
        );
    }

    #[test]
    fn bundled_lexicon_loads_cleanly() {
        let lex = Lexicon::bundled();
        assert!(lex.warnings.is_empty(), "{:?}", lex.warnings);
        assert!(lex.is_organisation_word("Police"));
        assert!(!lex.boilerplate.captions.is_empty());
        assert!(lex.outlets.iter().any(|o| !o.markers.is_empty()));
        assert!(lex.reading.speech_verbs.contains("said"));
        assert!(lex.topics.len() >= 10);
    }

    #[test]
    fn folder_topics_extend_and_override() {
        let lex = Lexicon::with_extensions(&[(
            "topics.yaml".into(),
            "topics: [{id: subsidy, label: Grants, words: [grant]}, {id: fishing, words: [trawler]}]"
                .into(),
        )]);
        // a topic of the same id keeps its words and gains the folder's, under its new label
        let subsidy = lex.topics.iter().find(|t| t.id == "subsidy").unwrap();
        assert_eq!(subsidy.label, "Grants");
        assert!(subsidy.words.contains(&"grant".to_string()));
        assert!(subsidy.words.len() > 1, "{:?}", subsidy.words);
        assert!(lex.topics.iter().any(|t| t.id == "fishing"));
        assert!(lex.topics.iter().any(|t| t.id == "timeline"));
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
        assert_eq!(
            lex.party_name("Riverton City Council"),
            "Riverton City Council"
        );
        assert_eq!(lex.party_name("Police"), "Police");
    }

    #[test]
    fn folder_extensions_add_and_bad_files_warn() {
        let lex = Lexicon::with_extensions(&[
            (
                "actors.yaml".into(),
                "organisation_words: [Syndicate]".into(),
            ),
            (
                "outlets.yaml".into(),
                "outlets: [{name: Valley Gazette, hosts: [gazette.example]}]".into(),
            ),
            ("boilerplate.yaml".into(), "captions: ['(unclosed']".into()),
        ]);
        assert!(lex.is_organisation_word("syndicate"));
        assert!(lex.is_organisation_word("police"));
        assert!(lex.outlets.iter().any(|o| o.name == "Valley Gazette"));
        assert_eq!(lex.warnings.len(), 1, "{:?}", lex.warnings);
    }
}
