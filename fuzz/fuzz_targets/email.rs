//! E-mail (.eml) and mailboxes (.mbox): never panics; attachments' names never hold a
//! path separator, and a mailbox never yields more than its limit of messages.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax::corpus::formats::email;
use parallax::lexicon::Lexicon;

static LEX: OnceLock<Lexicon> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let lex = LEX.get_or_init(Lexicon::bundled);
    let messages = email::split_mbox(bytes)
        .map(|(m, _)| m)
        .unwrap_or_else(|_| vec![bytes.to_vec()]);
    assert!(messages.len() <= email::MAX_MESSAGES);
    for raw in messages {
        if let Ok(message) = email::read(&raw, lex) {
            assert!(message.attachments.len() <= email::MAX_ATTACHMENTS);
            for (name, _) in &message.attachments {
                assert!(!name.contains('/') && !name.contains('\\'), "{name}");
            }
        }
    }
});
