//! Remembered settings (language, window size, theme, text size), in `<config dir>/tessera/settings.json`.

use crate::gui::theme::Choice;
use crate::i18n::Lang;
use std::path::PathBuf;

/// A remembered choice Tessera no longer knows (an older or newer version's word) is forgotten
/// alone: the other settings stay.
fn lenient<'de, D: serde::Deserializer<'de>, T: serde::de::DeserializeOwned>(d: D) -> Result<Option<T>, D::Error> {
    let value = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
    Ok(serde_json::from_value(value).ok())
}

/// What Tessera remembers between runs.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// The window's language ("it", "en", "de" in the file); `None` = from the system locale.
    #[serde(default, deserialize_with = "lenient")]
    pub lang: Option<Lang>,
    /// Window inner size in screen units (logical pixels).
    pub window: Option<[f32; 2]>,
    /// Theme ("system", "light", "dark" in the file); `None` = the system's.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "lenient")]
    pub theme: Option<Choice>,
    /// Text size in percent (100, 125, 150, 200); `None` = 100.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "lenient")]
    pub text_size: Option<u16>,
    /// Where to save (tests); `None` = the user's config folder.
    #[serde(skip)]
    pub file: Option<PathBuf>,
}

impl Settings {
    /// The settings file (`TESSERA_CONFIG_DIR` overrides the folder, for tests).
    pub fn path() -> Option<PathBuf> {
        let dir = std::env::var_os("TESSERA_CONFIG_DIR").map(PathBuf::from).or_else(|| dirs::config_dir().map(|d| d.join("tessera")))?;
        Some(dir.join("settings.json"))
    }

    /// Loads the settings; defaults when missing or unreadable.
    pub fn load() -> Self {
        Self::path().map(|p| Self::load_from(&p)).unwrap_or_default()
    }

    /// Loads the settings from `path`; defaults when missing or unreadable.
    pub fn load_from(path: &std::path::Path) -> Self {
        std::fs::read(path).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }

    /// Saves the settings (errors are logged, never shown: nothing depends on them).
    pub fn save(&self) {
        let Some(p) = self.file.clone().or_else(Self::path) else { return };
        if let Some(dir) = p.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        // Atomic, like every file Tessera writes: a crash mid-save leaves the old settings.
        if let Ok(b) = serde_json::to_vec_pretty(self)
            && let Err(e) = tessera_files::atomic::write(&p, &b, tessera_files::atomic::Existing::Replace) {
                tracing::debug!("settings not saved: {e}");
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_settings_read_the_old_words_and_forget_an_unknown_one_alone() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("settings.json");
        std::fs::write(&p, r#"{"lang":"de","window":[800.0,600.0],"theme":"purple","text_size":150}"#).expect("write");
        let s = Settings::load_from(&p);
        assert_eq!((s.lang, s.window, s.theme, s.text_size), (Some(Lang::De), Some([800.0, 600.0]), None, Some(150)));
        let saved = serde_json::to_string(&Settings { theme: Some(Choice::Dark), ..s }).expect("json");
        assert!(saved.contains(r#""lang":"de""#) && saved.contains(r#""theme":"dark""#), "{saved}");
    }
}
