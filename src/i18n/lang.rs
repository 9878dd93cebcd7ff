//! The user-interface languages and how the user's is found.

/// A user-interface language (in the settings file: "it", "en", "de").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Italiano (default).
    #[default]
    It,
    /// English.
    En,
    /// Deutsch.
    De,
}

impl Lang {
    /// From a code such as "it", "en_GB.UTF-8", "de-AT".
    pub fn from_code(code: &str) -> Option<Lang> {
        let c = code.trim().to_ascii_lowercase();
        match c.get(..2)? {
            "it" => Some(Lang::It),
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }

    /// The user's language: the POSIX variables first (LC_ALL, LC_MESSAGES, LANG, LANGUAGE: how
    /// a Linux session says it, and how anyone overrides it), then the system's preferred
    /// languages in order (`sys-locale`: the Windows and macOS settings); Italian when none of
    /// them is a language Tessera speaks.
    pub fn from_env() -> Lang {
        Self::from_env_vars()
            .or_else(|| sys_locale::get_locales().find_map(|l| Lang::from_code(&l)))
            .unwrap_or_default()
    }

    fn from_env_vars() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .filter(|v| !v.is_empty() && v != "C" && v != "POSIX")
            .find_map(|v| Lang::from_code(&v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("it_IT.UTF-8"), Some(Lang::It));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("de_AT"), Some(Lang::De));
        assert_eq!(Lang::from_code("fr_FR"), None);
    }
}
