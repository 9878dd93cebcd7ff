//! Remembered settings (language, window size, theme, text size), in `<config dir>/tessera/settings.json`.

use std::path::PathBuf;

/// What Tessera remembers between runs.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// "it", "en" or "de"; `None` = from the system locale.
    pub lang: Option<String>,
    /// Window inner size in screen units (logical pixels).
    pub window: Option<[f32; 2]>,
    /// "system", "light" or "dark"; `None` = the system's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// Text size in percent (100, 125, 150, 200); `None` = 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
        if let Ok(b) = serde_json::to_vec_pretty(self)
            && let Err(e) = std::fs::write(&p, b) {
                tracing::debug!("settings not saved: {e}");
            }
    }
}
