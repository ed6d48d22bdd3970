//! A generator of realistic press material on invented subjects, for benchmarks and tests.
//!
//! Each story has three or four parties (councils, trusts, companies, a local paper) with
//! named spokespeople; every party issues a release and the paper reports, so a story's
//! documents share claims, reword them, quote each other, disagree on figures and dates,
//! deny each other's claims and take credit for the same outcome. Front matter comes in
//! the three forms the document store reads. Deterministic for a given seed.
//!
//! ```
//! let files = parallax::generate::corpus(12, 7);
//! assert_eq!(files.len(), 12);
//! assert!(files.iter().all(|f| f.text.contains('"')));
//! assert_eq!(files, parallax::generate::corpus(12, 7));
//! ```

use std::path::Path;

/// One generated article file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the corpus folder, `/` separated.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// A small deterministic pseudo-random generator (SplitMix64).
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ash", "bro", "cal", "dun", "el", "fen", "gar", "hol", "ing", "kel", "lin", "mor", "nor", "ox",
    "pen", "quar", "ros", "sel", "tam", "ul", "ver", "wick", "yar", "zen", "bel", "cor",
];
const PLACE_ENDS: &[&str] = &[
    "ton", "bury", "field", "ford", "mouth", "stead", "wick", "ham",
];
const FIRST: &[&str] = &[
    "Ann", "Ben", "Carla", "David", "Erin", "Farid", "Grace", "Hugo", "Ines", "Jonah", "Kemi",
    "Liam", "Maya", "Nils", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tess",
];
const LAST: &[&str] = &[
    "Hale",
    "Okafor",
    "Brandt",
    "Moreno",
    "Lindqvist",
    "Patel",
    "Fairclough",
    "Ndiaye",
    "Castell",
    "Oyelaran",
    "Whitlock",
    "Serrano",
    "Kowalski",
    "Ashdown",
    "Tremaine",
];
const FACILITIES: &[&str] = &[
    "ferry service",
    "swimming baths",
    "bus depot",
    "flood barrier",
    "library network",
    "recycling centre",
    "harbour wall",
    "tram extension",
    "community hospital",
    "market hall",
];
const BODIES: &[(&str, &str)] = &[
    ("Council", "Councillor"),
    ("Water Trust", "Chief Executive"),
    ("Transport Authority", "Director"),
    ("Housing Association", "Chair"),
    ("Health Board", "Medical Director"),
    ("Chamber of Commerce", "President"),
];

/// A party of a story.
struct Party {
    org: String,
    person: String,
    role: String,
}

/// A story: a subject and the parties that speak about it.
struct Story {
    place: String,
    facility: String,
    parties: Vec<Party>,
    paper: String,
    reporter_host: String,
    cost_m: u32,
    cost_alt_m: u32,
    share: u32,
    share_alt: u32,
    month: usize,
    month_alt: usize,
    year: u32,
    months: u32,
}

/// The English name of month `index` (0 = January), as chrono spells it.
fn month_name(index: usize) -> &'static str {
    chrono::Month::try_from(index as u8 % 12 + 1).map_or("January", |m| m.name())
}

fn word(rng: &mut Rng) -> String {
    let mut w = String::new();
    for _ in 0..2 {
        w.push_str(rng.pick(SYLLABLES));
    }
    w.push_str(rng.pick(PLACE_ENDS));
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => w,
    }
}

fn story(rng: &mut Rng) -> Story {
    let place = word(rng);
    let n = 3 + rng.below(2);
    let mut used: Vec<usize> = Vec::new();
    let mut parties = Vec::new();
    while parties.len() < n - 1 {
        let b = rng.below(BODIES.len());
        if used.contains(&b) {
            continue;
        }
        used.push(b);
        let (body, role) = BODIES[b];
        let org = if body == "Council" {
            format!("{place} {body}")
        } else {
            format!("{} {body}", word(rng))
        };
        parties.push(Party {
            org,
            person: format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
            role: role.to_string(),
        });
    }
    let paper = format!("{} Gazette", word(rng));
    let month = rng.below(12);
    let cost_m = 2 + rng.below(60) as u32;
    let share = 10 + rng.below(70) as u32;
    Story {
        reporter_host: paper.to_lowercase().replace(' ', ""),
        facility: rng.pick(FACILITIES).to_string(),
        place,
        parties,
        paper,
        cost_m,
        cost_alt_m: cost_m + 1 + rng.below(9) as u32,
        share,
        share_alt: share + 5 + rng.below(15) as u32,
        month,
        month_alt: (month + 1 + rng.below(10)) % 12,
        year: 2015 + rng.below(10) as u32,
        months: 6 + rng.below(30) as u32,
    }
}

/// Sentences of a party's release; `{A}` is the party, `{B}` another party, `{P}` the
/// place, `{F}` the facility, `{M}` money, `{S}` a share, `{D}` a date, `{N}` months.
const NARRATIVE: &[&str] = &[
    "{A} has agreed to take over the running of the {P} {F} from {D}.",
    "The {F} has been operated jointly by {A} and {B} since {Y}.",
    "By agreeing this deal, {A} has ensured that the {P} {F} is now sustainable.",
    "The cost of the works is estimated at £{M}m, to be paid over {N} months.",
    "About {S}% of users of the {F} live outside {P}, according to figures published this week.",
    "{A} says it has been subsidising the {F} for years - a claim {B} disputes.",
    "The new agreement is on a full cost recovery basis, at no cost to local taxpayers.",
    "Work on the {F} is due to finish in {MO}, after delays caused by the weather.",
    "{B} will continue to provide maintenance for the {F} on a temporary basis.",
    "Staff at the {F} will transfer to the new operator under existing terms.",
    "Residents were consulted over the summer and more than {K} responses were received.",
    "The {F} will remain open throughout the changes, {A} said.",
    "{A} rejected the suggestion that the {F} would close.",
    "A public meeting on the future of the {F} will be held at {P} town hall.",
    "The plans were approved by the planning committee on {DAY} {MO}.",
    "Passenger numbers rose by {S}% last year, the highest since records began.",
    "{A} has invested in new equipment, signage and a booking system.",
    "Opening hours will be extended in the evenings and at weekends.",
    "The arrangement will be reviewed after {N} months.",
    "Local businesses have welcomed the decision.",
];

/// Quotations a spokesperson gives; `{A}` is their own party.
const QUOTES: &[&str] = &[
    "This is a real opportunity for {P} to secure the long-term future of the {F}.",
    "Having looked in detail at every option available to us, we are confident this is the right decision for {P}.",
    "We have always been clear that the {F} must pay its way, and this agreement makes sure it does.",
    "There cannot be further delays; residents have waited long enough.",
    "I want to thank the staff who have worked tirelessly to keep the {F} running.",
    "The figures speak for themselves: the {F} was losing money every single week.",
    "We will not let the {F} become unsustainable on our watch.",
    "Our priority is a safe, reliable service that people in {P} can depend on.",
];

fn fill(t: &str, s: &Story, a: usize, b: usize, alt: bool, rng: &mut Rng) -> String {
    let (m, sh, mo) = if alt {
        (s.cost_alt_m, s.share_alt, s.month_alt)
    } else {
        (s.cost_m, s.share, s.month)
    };
    t.replace("{A}", &s.parties[a].org)
        .replace("{B}", &s.parties[b].org)
        .replace("{P}", &s.place)
        .replace("{F}", &s.facility)
        .replace("{M}", &m.to_string())
        .replace("{S}", &sh.to_string())
        .replace("{D}", &format!("{} {}", month_name(mo), s.year + 1))
        .replace("{MO}", month_name(mo))
        .replace("{Y}", &s.year.to_string())
        .replace("{N}", &s.months.to_string())
        .replace("{DAY}", &(1 + rng.below(28)).to_string())
        .replace("{K}", &(200 + rng.below(3000)).to_string())
}

/// One document of a story: party `a`'s release (or the paper's report when `a` is the
/// number of parties).
fn document(s: &Story, a: usize, i: usize, rng: &mut Rng) -> GeneratedFile {
    let n = s.parties.len();
    let is_paper = a == n;
    let speaker = if is_paper { rng.below(n) } else { a };
    let me = speaker;
    let other = (me + 1 + rng.below(n - 1)) % n;
    let alt = a % 2 == 1;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut order: Vec<usize> = (0..NARRATIVE.len()).collect();
    for k in (1..order.len()).rev() {
        order.swap(k, rng.below(k + 1));
    }
    let take = 12 + rng.below(6);
    for (k, &t) in order.iter().take(take).enumerate() {
        paragraphs.push(fill(NARRATIVE[t], s, me, other, alt, rng));
        if k == 3 || k == 8 {
            let p = &s.parties[speaker];
            let q1 = fill(rng.pick(QUOTES), s, me, other, alt, rng);
            let q2 = fill(rng.pick(QUOTES), s, me, other, alt, rng);
            let lead = if rng.below(2) == 0 {
                format!("{} {}, of {}, said: \"{q1} {q2}\"", p.role, p.person, p.org)
            } else {
                format!(
                    "\"{q1}\" said {}, {} of {}. \"{q2}\"",
                    p.person, p.role, p.org
                )
            };
            paragraphs.push(lead);
        }
    }
    let body = paragraphs.join("\n\n");
    let title = format!("Future of the {} {} agreed", s.place, s.facility);
    let publisher = if is_paper {
        s.paper.clone()
    } else {
        s.parties[a].org.clone()
    };
    let day = 1 + rng.below(28);
    let text = match i % 3 {
        0 => format!(
            "```yaml\narea: {publisher}\ntitle: {title} | {publisher}\npublish:\n  date: 09:{:02} {day:02}/03/2021\nurl: https://{}.example/news/{i}?a=1&amp;b=2\n```\n\n{body}\n",
            i % 60,
            if is_paper {
                s.reporter_host.clone()
            } else {
                publisher.to_lowercase().replace(' ', "-")
            },
        ),
        1 => format!(
            "---\ntitle: {title}\npublisher: {publisher}\ndate: 2021-04-{day:02}\n---\n{body}\n"
        ),
        _ => format!(" date 2021-05-{day:02} {publisher}: {title}\n\n{body}\n"),
    };
    GeneratedFile {
        path: format!("batch{:03}/story{i:05}.txt", i / 250),
        text,
    }
}

/// `count` documents of stories of three to five documents each.
pub fn corpus(count: usize, seed: u64) -> Vec<GeneratedFile> {
    let mut rng = Rng(seed);
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let s = story(&mut rng);
        for a in 0..=s.parties.len() {
            if out.len() == count {
                break;
            }
            let i = out.len();
            out.push(document(&s, a, i, &mut rng));
        }
    }
    out
}

/// Writes [`corpus`]`(count, seed)` into `dir`.
pub fn write(dir: &Path, count: usize, seed: u64) -> std::io::Result<()> {
    for f in corpus(count, seed) {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, f.text)?;
    }
    Ok(())
}
