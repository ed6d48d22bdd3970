//! The file-system side of the built-in picker, without egui: what a typed path lists, Tab
//! completion, `~` for the home folder.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

/// At most this many entries are listed (a folder of a million files stays quick).
pub const MAX_ENTRIES: usize = 2_000;

/// A typed path made absolute: `~` is the home folder, a relative path is taken from home.
pub fn expand(typed: &str, home: &Path) -> PathBuf {
    let typed = typed.trim();
    if typed == "~" {
        return home.to_path_buf();
    }
    if let Some(rest) = typed
        .strip_prefix("~/")
        .or_else(|| typed.strip_prefix(&format!("~{MAIN_SEPARATOR}")))
    {
        return home.join(rest);
    }
    let p = PathBuf::from(typed);
    if p.is_absolute() { p } else { home.join(p) }
}

/// Whether `typed` ends with a path separator (its folder's content is wanted, not its
/// siblings).
fn ends_with_separator(typed: &str) -> bool {
    typed.ends_with('/') || typed.ends_with(MAIN_SEPARATOR)
}

/// What a typed path lists: the folder and the start of the names kept. `/a/b/` lists `b`
/// whole; `/a/b` lists the names in `a` starting with `b`.
pub fn listing_of(typed: &str, home: &Path) -> (PathBuf, String) {
    let path = expand(typed, home);
    if typed.trim().is_empty() || typed.trim() == "~" || ends_with_separator(typed) {
        return (path, String::new());
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => (parent.to_path_buf(), name.to_string_lossy().into_owned()),
        _ => (path, String::new()),
    }
}

/// The entries of a folder whose names start with `prefix` (any case): its subfolders, and
/// its files with one of `extensions` (none: no files). Hidden entries are left out unless
/// the prefix starts with a dot. Sorted by name, case-insensitively.
pub fn entries(
    dir: &Path,
    prefix: &str,
    extensions: &[&str],
) -> Result<(Vec<String>, Vec<String>), String> {
    let read = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let lower = prefix.to_lowercase();
    let mut folders = Vec::new();
    let mut files = Vec::new();
    for entry in read.flatten().take(MAX_ENTRIES * 10) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if (name.starts_with('.') && !prefix.starts_with('.'))
            || !name.to_lowercase().starts_with(&lower)
        {
            continue;
        }
        // follows symbolic links: a link to a folder is a folder
        let path = entry.path();
        if path.is_dir() {
            folders.push(name);
        } else if extensions.iter().any(|e| {
            Path::new(&name)
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case(e))
        }) {
            files.push(name);
        }
    }
    for list in [&mut folders, &mut files] {
        list.sort_by_key(|n| n.to_lowercase());
        list.truncate(MAX_ENTRIES);
    }
    Ok((folders, files))
}

/// Tab completion of a typed path over the folders it lists: the longest start the
/// matching folders share; a single match is completed with a separator after it (so its
/// content is listed next). `None` when nothing matches or nothing would be added.
pub fn complete(typed: &str, home: &Path) -> Option<String> {
    let (dir, prefix) = listing_of(typed, home);
    let (folders, _) = entries(&dir, &prefix, &[]).ok()?;
    let first = folders.first()?;
    let common = folders.iter().skip(1).fold(first.clone(), |acc, name| {
        acc.chars()
            .zip(name.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a)
            .collect()
    });
    let mut out = dir.join(&common).to_string_lossy().into_owned();
    if folders.len() == 1 {
        out.push(MAIN_SEPARATOR);
    }
    // a shorter common start than what is typed (names differing in case): keep the typing
    (out.len() > expand(typed, home).to_string_lossy().len() || folders.len() == 1)
        .then_some(out)
        .filter(|o| o != typed)
}

/// A folder's path as the field shows it: with a separator at the end.
pub fn folder_text(dir: &Path) -> String {
    let mut s = dir.to_string_lossy().into_owned();
    if !ends_with_separator(&s) {
        s.push(MAIN_SEPARATOR);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let t = tempfile::tempdir().unwrap();
        for d in [
            "harbour-2024",
            "harbour-2025",
            "Hill farm",
            ".hidden",
            "zinc",
        ] {
            std::fs::create_dir(t.path().join(d)).unwrap();
        }
        std::fs::write(t.path().join("harbour.html"), "x").unwrap();
        std::fs::write(t.path().join("notes.txt"), "x").unwrap();
        t
    }

    #[test]
    fn a_trailing_separator_lists_the_folder_itself_otherwise_its_parent_by_prefix() {
        let home = Path::new("/home/someone");
        assert_eq!(
            listing_of("/srv/news/", home),
            (PathBuf::from("/srv/news/"), String::new())
        );
        assert_eq!(
            listing_of("/srv/news", home),
            (PathBuf::from("/srv"), "news".to_string())
        );
        assert_eq!(
            listing_of("~/Doc", home),
            (PathBuf::from("/home/someone"), "Doc".to_string())
        );
        assert_eq!(expand("~", home), PathBuf::from("/home/someone"));
        assert_eq!(expand("inbox", home), PathBuf::from("/home/someone/inbox"));
    }

    #[test]
    fn entries_keep_folders_and_wanted_files_by_prefix_without_hidden_ones() {
        let t = tree();
        let (folders, files) = entries(t.path(), "h", &["html"]).unwrap();
        assert_eq!(folders, ["harbour-2024", "harbour-2025", "Hill farm"]);
        assert_eq!(files, ["harbour.html"]);
        let (folders, files) = entries(t.path(), "", &[]).unwrap();
        assert_eq!(folders.len(), 4, "{folders:?}");
        assert!(files.is_empty());
        let (folders, _) = entries(t.path(), ".", &[]).unwrap();
        assert_eq!(folders, [".hidden"]);
        assert!(entries(&t.path().join("missing"), "", &[]).is_err());
    }

    #[test]
    fn tab_completes_the_shared_start_and_a_single_match_with_a_separator() {
        let t = tree();
        let home = Path::new("/nowhere");
        let base = t.path().to_string_lossy().into_owned();
        let shared = complete(&format!("{base}/har"), home).unwrap();
        assert_eq!(shared, format!("{base}{MAIN_SEPARATOR}harbour-202"));
        let single = complete(&format!("{base}/z"), home).unwrap();
        assert_eq!(
            single,
            format!("{base}{MAIN_SEPARATOR}zinc{MAIN_SEPARATOR}")
        );
        assert_eq!(complete(&format!("{base}/q"), home), None);
    }
}
