//! E-mail: `.eml` (one message) and `.mbox` (many, one document each), parsed by
//! mail-parser (MIME, encoded words, transfer encodings, character sets).
//!
//! The subject is the title and the `Date` header the publication date; the sender's
//! organisation is the publisher's evidence (its display name when that names an
//! organisation, else the domain of its address, spelled as the text spells it). The
//! plain-text part is read, the HTML part when that is all there is. Quoted replies
//! (`> …`, `On … wrote:`, `-----Original Message-----`) and the signature (after `-- `)
//! are set apart as paragraphs of their own at the end, which the reading stage marks as
//! boilerplate (`assets/boilerplate.yaml`). Attached PDF, Word, OpenDocument and e-mail
//! files become documents of their own.

use std::collections::BTreeMap;

use mail_parser::{MessageParser, MimeHeaders};

use super::Extracted;
use super::vocab::vocab;
use crate::corpus::dates::parse_published;
use crate::corpus::publisher::{capitalised_phrases, names_an_organisation, outlet_named};
use crate::lexicon::Lexicon;

/// A mailbox with more messages than this is read up to it, with a warning.
pub const MAX_MESSAGES: usize = 10_000;

/// At most this many attachments of a message are read as articles.
pub const MAX_ATTACHMENTS: usize = 64;

/// A message read: its text and metadata, and its attachments that may be articles
/// (`(file name, bytes)`).
#[derive(Debug, Clone, Default)]
pub struct Message {
    /// The message's own text and metadata.
    pub extracted: Extracted,
    /// Attached files with an article's extension.
    pub attachments: Vec<(String, Vec<u8>)>,
}

/// The raw messages of an mbox file, in order: at most [`MAX_MESSAGES`], and whether
/// there were more.
pub fn split_mbox(bytes: &[u8]) -> Result<(Vec<Vec<u8>>, bool), String> {
    if !bytes.starts_with(b"From ") {
        return Err("not an mbox mailbox (it does not start with a “From ” line)".to_string());
    }
    let mut out = Vec::new();
    for message in mail_parser::mailbox::mbox::MessageIterator::new(bytes) {
        let message = message.map_err(|e| format!("cannot read the mailbox: {e}"))?;
        if out.len() == MAX_MESSAGES {
            return Ok((out, true));
        }
        out.push(message.unwrap_contents());
    }
    Ok((out, false))
}

/// Reads one message.
pub fn read(raw: &[u8], lexicon: &Lexicon) -> Result<Message, String> {
    let message = MessageParser::default()
        .parse(raw)
        .filter(|m| !m.headers().is_empty())
        .ok_or("not an e-mail message (no headers)")?;
    let mut warnings = Vec::new();
    let mut meta = crate::corpus::Metadata::default();
    let mut fields = BTreeMap::new();
    if let Some(subject) = message.subject() {
        let subject = strip_reply_prefix(subject);
        if !subject.is_empty() {
            meta.title = Some(subject.to_string());
            fields.insert("email.subject".to_string(), subject.to_string());
        }
    }
    if let Some(date) = message.date() {
        let iso = date.to_rfc3339();
        fields.insert("email.date".to_string(), iso.clone());
        meta.published = parse_published(&iso);
        if meta.published.is_some() {
            meta.published_from = Some("e-mail Date header".to_string());
        }
    }
    let part = message.text_part(0);
    let text = match part {
        Some(p) if p.is_text_html() => {
            warnings.push("the message has no plain-text part: its HTML part is read".to_string());
            let html = p.text_contents().unwrap_or("");
            match crate::corpus::markup::html_hazard(html) {
                Some(why) => {
                    warnings.push(format!("its HTML part is not read: {why}"));
                    String::new()
                }
                None => super::webpage::read_page(html).body,
            }
        }
        Some(p) => p.text_contents().unwrap_or("").to_string(),
        None => String::new(),
    };
    let body = set_apart_replies(&text);
    let sender = message.from().and_then(|a| a.first());
    let name = sender.and_then(|s| s.name()).map(str::trim);
    let address = sender.and_then(|s| s.address()).map(str::trim);
    if let Some(a) = address {
        fields.insert("email.from".to_string(), a.to_string());
    }
    if let Some((key, site)) = sender_organisation(name, address, &body, lexicon) {
        meta.site_key = Some(key);
        meta.site = Some(site);
    }
    meta.fields = fields;
    let mut attachments = Vec::new();
    for part in message.attachments() {
        let Some(name) = part.attachment_name() else {
            continue;
        };
        if super::Kind::of(name).is_none() {
            continue;
        }
        if attachments.len() == MAX_ATTACHMENTS {
            warnings.push(format!(
                "only the first {MAX_ATTACHMENTS} attached articles are read"
            ));
            break;
        }
        let name: String = name
            .chars()
            .map(|c| {
                if c == '/' || c == '\\' || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        attachments.push((name, part.contents().to_vec()));
    }
    if body.trim().is_empty() && !attachments.is_empty() {
        warnings.push("the message has no text of its own: its attachments are read".into());
    }
    Ok(Message {
        extracted: Extracted {
            meta,
            body,
            warnings,
            keep_empty: !attachments.is_empty(),
        },
        attachments,
    })
}

/// `Re: Fwd: Subject` → `Subject`.
fn strip_reply_prefix(subject: &str) -> &str {
    let mut s = subject.trim();
    loop {
        let lower = s.to_ascii_lowercase();
        let cut = ["re:", "fwd:", "fw:", "aw:", "tr:"]
            .iter()
            .find(|p| lower.starts_with(**p))
            .map(|p| p.len());
        match cut {
            Some(n) => s = s[n..].trim_start(),
            None => return s,
        }
    }
}

/// The message's own text first, then its signature and the quoted text it replies to,
/// each one paragraph (its blank lines dropped) so the reading marks each boilerplate.
fn set_apart_replies(text: &str) -> String {
    let mut own: Vec<&str> = Vec::new();
    let mut signature: Vec<&str> = Vec::new();
    let mut quoted: Vec<&str> = Vec::new();
    let mut in_original = false;
    let mut in_signature = false;
    for line in text.lines() {
        let t = line.trim_end();
        let lower = t.trim_start().to_ascii_lowercase();
        if in_original {
            quoted.push(t);
        } else if lower.starts_with("-----original message")
            || lower.starts_with("----- original message")
        {
            in_original = true;
            quoted.push(t);
        } else if t.starts_with('>') || (lower.starts_with("on ") && lower.ends_with("wrote:")) {
            quoted.push(t);
        } else if t == "--" || line == "-- " {
            in_signature = true;
            signature.push("--");
        } else if in_signature {
            signature.push(t);
        } else {
            own.push(t);
        }
    }
    let mut out = own.join("\n").trim().to_string();
    for block in [signature, quoted] {
        let lines: Vec<&str> = block.into_iter().filter(|l| !l.trim().is_empty()).collect();
        if lines.len() > usize::from(lines.first() == Some(&"--")) {
            out.push_str("\n\n");
            out.push_str(&lines.join("\n"));
        }
    }
    out
}

/// The sender's organisation and the evidence key for it: the display name when it names
/// an organisation or a known outlet; else the address's domain, when it is a known
/// outlet's host or the text spells it (`press@vale-water.example` and “Vale Water” in
/// the text); webmail domains name nobody.
fn sender_organisation(
    name: Option<&str>,
    address: Option<&str>,
    body: &str,
    lexicon: &Lexicon,
) -> Option<(String, String)> {
    if let Some(name) = name.filter(|n| !n.is_empty() && !n.contains('@')) {
        if let Some(outlet) = outlet_named(name, lexicon) {
            return Some(("e-mail sender".to_string(), outlet.name.clone()));
        }
        // `Vale Water Press Office` is Vale Water's press office
        let lower = name.to_lowercase();
        let organisation = vocab()
            .sender_suffixes
            .iter()
            .find_map(|suffix| {
                let cut = lower.strip_suffix(suffix.as_str())?;
                let cut = cut.trim_end_matches([' ', '-', '–', '|', ',']);
                (cut.len() < lower.len() && !cut.is_empty()).then(|| &name[..cut.len()])
            })
            .unwrap_or(name);
        if organisation != name {
            let key = format!("e-mail sender “{name}”");
            return Some((key, organisation.to_string()));
        }
        if names_an_organisation(name, lexicon) {
            return Some(("e-mail sender".to_string(), name.to_string()));
        }
    }
    let domain = address?.rsplit_once('@')?.1.to_ascii_lowercase();
    if vocab().webmail_domains.contains(&domain) {
        return None;
    }
    let key = format!("e-mail sender's domain {domain}");
    if let Some(outlet) = lexicon.outlet_by_host(&domain) {
        return Some((key, outlet.name.clone()));
    }
    // the domain's labels, the organisation's own first (`press.vale-water.example`)
    let squash = |s: &str| {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase()
    };
    let labels: Vec<String> = domain.split('.').map(squash).collect();
    capitalised_phrases(body)
        .into_iter()
        .find(|phrase| {
            let p = squash(phrase);
            p.len() >= 4 && labels.contains(&p)
        })
        .map(|phrase| (key, phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_and_signatures_are_set_apart() {
        let text = "Thanks, see the figures below.\n\n-- \nSam Reed\nPress Officer\n\nOn Tue, 3 Mar 2023, Ann wrote:\n> Can you confirm?\n>\n> Ann\n";
        assert_eq!(
            set_apart_replies(text),
            "Thanks, see the figures below.\n\n--\nSam Reed\nPress Officer\n\nOn Tue, 3 Mar 2023, Ann wrote:\n> Can you confirm?\n>\n> Ann"
        );
        let outlook = "Yes.\n\n-----Original Message-----\nFrom: A\nSent: Monday\n\nThe question.";
        assert_eq!(
            set_apart_replies(outlook),
            "Yes.\n\n-----Original Message-----\nFrom: A\nSent: Monday\nThe question."
        );
    }

    #[test]
    fn a_mailbox_is_read_up_to_its_limit() {
        let one = "From a@b.example Sat Mar  4 09:00:00 2023\nSubject: n\n\nBody.\n\n";
        let (messages, more) = split_mbox(one.repeat(3).as_bytes()).unwrap();
        assert_eq!((messages.len(), more), (3, false));
        assert!(String::from_utf8_lossy(&messages[2]).contains("Body."));
        let (messages, more) = split_mbox(one.repeat(MAX_MESSAGES + 1).as_bytes()).unwrap();
        assert_eq!((messages.len(), more), (MAX_MESSAGES, true));
        assert!(split_mbox(b"Subject: not a mailbox").is_err());
    }

    #[test]
    fn reply_prefixes_are_not_the_title() {
        assert_eq!(
            strip_reply_prefix("Re: FW: Bridge reopens"),
            "Bridge reopens"
        );
        assert_eq!(strip_reply_prefix("Rebate scheme"), "Rebate scheme");
    }

    #[test]
    fn the_senders_organisation() {
        let lex = Lexicon::bundled();
        let body = "Vale Water said today that supplies are safe.";
        let by_name = sender_organisation(
            Some("Vale Water Press Office"),
            Some("a@b.example"),
            body,
            &lex,
        );
        assert_eq!(
            by_name,
            Some((
                "e-mail sender “Vale Water Press Office”".into(),
                "Vale Water".into()
            ))
        );
        let council = sender_organisation(Some("Hill District Council"), None, body, &lex);
        assert_eq!(
            council,
            Some(("e-mail sender".into(), "Hill District Council".into()))
        );
        let by_domain = sender_organisation(
            Some("Sam Reed"),
            Some("sam@press.valewater.example"),
            body,
            &lex,
        );
        assert_eq!(
            by_domain,
            Some((
                "e-mail sender's domain press.valewater.example".into(),
                "Vale Water".into()
            ))
        );
        assert_eq!(
            sender_organisation(Some("Sam Reed"), Some("sam@gmail.com"), body, &lex),
            None
        );
        assert_eq!(
            sender_organisation(None, Some("sam@other.example"), body, &lex),
            None
        );
    }
}
