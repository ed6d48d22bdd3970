//! ZIP containers (`.docx`, `.odt`), read with limits: the number of entries and the size
//! they expand to are checked before anything is inflated, and every read is bounded again
//! while it inflates (a ZIP's declared sizes can lie).

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// A container whose entries expand, in all, to more than this is refused (a ZIP bomb): a
/// press release's `.docx` expands to well under 1 MiB.
pub const ZIP_MAX_EXPANDED_BYTES: u64 = 64 * 1024 * 1024;

/// A container with more entries than this is refused.
pub const ZIP_MAX_ENTRIES: usize = 10_000;

/// An opened container, with what is left of its expansion budget.
pub(crate) struct Zip<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl<'a> Zip<'a> {
    /// Opens a container, refusing one with too many entries or that declares more than
    /// [`ZIP_MAX_EXPANDED_BYTES`] in all.
    pub(crate) fn open(bytes: &'a [u8], what: &str) -> Result<Zip<'a>, String> {
        let mut archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("not {what} file (not a readable ZIP container: {e})"))?;
        if archive.len() > ZIP_MAX_ENTRIES {
            return Err(format!(
                "its ZIP container holds {} entries, over the limit of {ZIP_MAX_ENTRIES}",
                archive.len()
            ));
        }
        let mut declared = 0u64;
        for i in 0..archive.len() {
            let size = archive
                .by_index_raw(i)
                .map_err(|e| format!("a damaged ZIP container: {e}"))?
                .size();
            declared = declared.saturating_add(size);
        }
        if declared > ZIP_MAX_EXPANDED_BYTES {
            return Err(format!(
                "its ZIP container expands to {declared} bytes, over the {ZIP_MAX_EXPANDED_BYTES} byte limit (a ZIP bomb?)"
            ));
        }
        Ok(Zip {
            archive,
            budget: ZIP_MAX_EXPANDED_BYTES,
        })
    }

    /// The text of an entry (`None` when there is none), inflated within what is left of
    /// the budget; bytes that are not UTF-8 are replaced.
    pub(crate) fn text(&mut self, name: &str) -> Result<Option<String>, String> {
        let entry = match self.archive.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(format!("cannot read {name} in its ZIP container: {e}")),
        };
        let mut bytes = Vec::new();
        entry
            .take(self.budget.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot inflate {name} in its ZIP container: {e}"))?;
        let used = bytes.len() as u64;
        if used > self.budget {
            return Err(format!(
                "its ZIP container expands to more than {ZIP_MAX_EXPANDED_BYTES} bytes (a ZIP bomb?)"
            ));
        }
        self.budget -= used;
        Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
    }
}
