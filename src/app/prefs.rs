//! What the window remembers between runs (in eframe's storage): the last folder, the recent
//! folders and the theme.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Source;

/// How many recent folders are remembered.
pub const RECENT_MAX: usize = 10;

/// The light or dark theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeChoice {
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
}

/// The window's remembered preferences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The folder open when the window last closed (`None`: the sample).
    pub last_folder: Option<PathBuf>,
    /// Folders opened before, most recent first.
    pub recent: Vec<PathBuf>,
    /// The chosen theme (`None`: follow the system).
    pub theme: Option<ThemeChoice>,
    /// The bundled sample was open when the window last closed (else, with no folder, the
    /// window starts on its start page).
    pub sample_wanted: bool,
}

impl Prefs {
    /// The storage key.
    pub const KEY: &'static str = "parallax.prefs";

    /// Reads the preferences; anything missing or unreadable gives the defaults.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Prefs {
        storage
            .and_then(|s| s.get_string(Prefs::KEY))
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default()
    }

    /// Writes the preferences.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        if let Ok(json) = serde_json::to_string(self) {
            storage.set_string(Prefs::KEY, json);
        }
    }

    /// Remembers that a source was opened.
    pub fn opened(&mut self, source: &Source) {
        match source {
            Source::Sample => {
                self.last_folder = None;
                self.sample_wanted = true;
            }
            Source::Folder(dir) => {
                self.last_folder = Some(dir.clone());
                self.sample_wanted = false;
                self.recent.retain(|d| d != dir);
                self.recent.insert(0, dir.clone());
                self.recent.truncate(RECENT_MAX);
            }
        }
    }

    /// What to show at start when the user asked for `requested`: the sample (the default
    /// of a window started without a folder) gives way to the last folder, if it still exists.
    pub fn start_source(&self, requested: Source) -> Source {
        match (&requested, &self.last_folder) {
            (Source::Sample, Some(dir)) if dir.is_dir() => Source::Folder(dir.clone()),
            _ => requested,
        }
    }

    /// Whether the window starts on its start page: nothing was asked for (`requested` is
    /// the sample, the default), no last folder is left, and the sample was not open last.
    pub fn wants_start_page(&self, requested: &Source) -> bool {
        *requested == Source::Sample
            && self.start_source(requested.clone()) == Source::Sample
            && !self.sample_wanted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::Storage;
    use std::collections::HashMap;

    #[derive(Default)]
    struct Memory(HashMap<String, String>);

    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_string(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn recent_folders_are_deduplicated_most_recent_first_and_capped() {
        let mut p = Prefs::default();
        for i in 0..12 {
            p.opened(&Source::Folder(PathBuf::from(format!("/f{i}"))));
        }
        p.opened(&Source::Folder(PathBuf::from("/f5")));
        assert_eq!(p.recent.len(), RECENT_MAX);
        assert_eq!(p.recent[0], PathBuf::from("/f5"));
        assert_eq!(p.recent.iter().filter(|d| d.ends_with("f5")).count(), 1);
        assert_eq!(p.last_folder, Some(PathBuf::from("/f5")));
        p.opened(&Source::Sample);
        assert_eq!(p.last_folder, None);
        assert_eq!(p.recent.len(), RECENT_MAX);
    }

    #[test]
    fn prefs_round_trip_through_storage_and_survive_garbage() {
        let mut storage = Memory::default();
        assert_eq!(Prefs::load(Some(&storage)), Prefs::default());
        let dir = tempfile::tempdir().unwrap();
        let mut p = Prefs::default();
        p.opened(&Source::Folder(dir.path().to_path_buf()));
        p.theme = Some(ThemeChoice::Dark);
        p.save(&mut storage);
        let back = Prefs::load(Some(&storage));
        assert_eq!(back, p);
        assert_eq!(
            back.start_source(Source::Sample),
            Source::Folder(dir.path().to_path_buf())
        );
        let other = Source::Folder(PathBuf::from("/elsewhere"));
        assert_eq!(back.start_source(other.clone()), other);
        drop(dir);
        assert_eq!(back.start_source(Source::Sample), Source::Sample, "gone");
        storage.set_string(Prefs::KEY, "{not json".into());
        assert!(
            Prefs::default().wants_start_page(&Source::Sample),
            "a first start"
        );
        assert_eq!(Prefs::load(Some(&storage)), Prefs::default());
    }

    #[test]
    fn the_start_page_shows_until_a_folder_or_the_sample_was_open_last() {
        let mut p = Prefs::default();
        assert!(p.wants_start_page(&Source::Sample));
        let asked = Source::Folder(PathBuf::from("/asked"));
        assert!(!p.wants_start_page(&asked), "a folder asked for opens");
        p.opened(&Source::Sample);
        assert!(
            !p.wants_start_page(&Source::Sample),
            "the sample was open last"
        );
        let dir = tempfile::tempdir().unwrap();
        p.opened(&Source::Folder(dir.path().to_path_buf()));
        assert!(
            !p.wants_start_page(&Source::Sample),
            "the last folder opens"
        );
        drop(dir);
        assert!(
            p.wants_start_page(&Source::Sample),
            "the last folder is gone"
        );
    }
}
