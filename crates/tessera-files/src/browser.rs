//! The browser files Tessera reads and edits, as pure text functions (no I/O, fuzzed): NSS's
//! `pkcs11.txt` module list, Firefox's `profiles.ini`, and the enterprise `policies.json`.
//! The app does the file I/O around them.

/// Blocks of `pkcs11.txt`: groups of `key=value` lines separated by blank lines.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut cur = Vec::new();
    // Lines end at LF; a CR before it stays part of the line (rewrites keep lines as they
    // were), and is ignored when a value is read.
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn value<'a>(block: &[&'a str], key: &str) -> Option<&'a str> {
    block.iter().find_map(|l| l.strip_prefix(key)?.strip_prefix('=')).map(|v| v.strip_suffix('\r').unwrap_or(v))
}

/// Whether `pkcs11.txt` lists `library` (under any name).
pub fn lists_module(text: &str, library: &str) -> bool {
    blocks(text).iter().any(|b| value(b, "library") == Some(library))
}

/// `pkcs11.txt` with `library` added as `name` (unchanged text when it is listed already).
pub fn with_module(text: &str, library: &str, name: &str) -> String {
    if lists_module(text, library) {
        return text.to_owned();
    }
    let mut out = text.trim_end_matches('\n').to_owned();
    out.push_str(&format!("\n\nlibrary={library}\nname={name}\n"));
    out
}

/// `pkcs11.txt` without the entries of `library` named `name` (Tessera's own); an entry the
/// user made for the same library under another name stays. `None` when nothing changes.
pub fn without_module(text: &str, library: &str, name: &str) -> Option<String> {
    let ours = |b: &Vec<&str>| value(b, "library") == Some(library) && value(b, "name") == Some(name);
    let all = blocks(text);
    let kept: Vec<String> = all.iter().filter(|b| !ours(b)).map(|b| b.join("\n")).collect();
    (kept.len() != all.len()).then(|| kept.join("\n\n") + "\n")
}

/// A Firefox profile listed in `profiles.ini`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirefoxProfile {
    /// Its name (the path when it has none).
    pub name: String,
    /// Its folder: relative to the folder of `profiles.ini` when `relative`.
    pub path: String,
    /// `IsRelative=1`.
    pub relative: bool,
}

/// The `[Profile…]` sections of a `profiles.ini`; an unreadable file lists none.
pub fn firefox_profiles(ini_text: &str) -> Vec<FirefoxProfile> {
    let Ok(ini) = ini::Ini::load_from_str(ini_text) else { return Vec::new() };
    ini.iter()
        .filter(|(section, _)| section.is_some_and(|s| s.starts_with("Profile")))
        .filter_map(|(_, props)| {
            let path = props.get("Path")?.to_owned();
            Some(FirefoxProfile {
                name: props.get("Name").unwrap_or(&path).to_owned(),
                relative: props.get("IsRelative") == Some("1"),
                path,
            })
        })
        .collect()
}

/// Why a `policies.json` is not one Tessera can add to without losing something.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// Not JSON.
    #[error("not valid JSON ({0})")]
    NotJson(String),
    /// JSON, but not shaped as Firefox expects.
    #[error("{0}")]
    Shape(&'static str),
}

/// `policies.json` (empty: a new file) with `library` added as security device `name`, every
/// other policy kept. Refuses a file it cannot read rather than dropping what it says.
pub fn with_security_device(policies_json: &[u8], name: &str, library: &str) -> Result<String, PolicyError> {
    let mut v: serde_json::Value = if policies_json.is_empty() {
        serde_json::json!({})
    } else {
        serde_json::from_slice(policies_json).map_err(|e| PolicyError::NotJson(e.to_string()))?
    };
    let root = v.as_object_mut().ok_or(PolicyError::Shape("the file is not a JSON object"))?;
    let policies = root
        .entry("policies")
        .or_insert_with(|| serde_json::json!({}))
        .as_object_mut()
        .ok_or(PolicyError::Shape("\"policies\" is not an object"))?;
    let devices = policies
        .entry("SecurityDevices")
        .or_insert_with(|| serde_json::json!({}))
        .as_object_mut()
        .ok_or(PolicyError::Shape("\"SecurityDevices\" is not an object"))?;
    devices.insert(name.into(), serde_json::Value::String(library.to_owned()));
    Ok(serde_json::to_string_pretty(&v).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    const INTERNAL: &str = "library=\nname=NSS Internal PKCS #11 Module\nNSS=Flags=internal,critical\n\n";

    #[test]
    fn add_list_remove_only_ours() {
        let t = with_module(INTERNAL, "/lib/x.so", "Tessera");
        assert!(lists_module(&t, "/lib/x.so"));
        assert_eq!(with_module(&t, "/lib/x.so", "Tessera"), t);
        let back = without_module(&t, "/lib/x.so", "Tessera").expect("changed");
        assert!(!lists_module(&back, "/lib/x.so") && back.contains("NSS Internal"));
        let users = format!("{INTERNAL}library=/lib/x.so\nname=Mine\n");
        assert_eq!(without_module(&users, "/lib/x.so", "Tessera"), None);
    }

    #[test]
    fn policies_are_merged_or_refused() {
        let out = with_security_device(br#"{"policies":{"DisableTelemetry":true}}"#, "T", "/l.so").expect("merged");
        assert!(out.contains("DisableTelemetry") && out.contains("/l.so"));
        assert!(matches!(with_security_device(b"{", "T", "/l.so"), Err(PolicyError::NotJson(_))));
        assert!(matches!(with_security_device(b"[]", "T", "/l.so"), Err(PolicyError::Shape(_))));
        assert!(matches!(with_security_device(br#"{"policies":1}"#, "T", "/l.so"), Err(PolicyError::Shape(_))));
    }

    #[test]
    fn blocks_split_on_blank_lines() {
        let b = blocks("a=1\nb=2\n\n\nlibrary=/x\nname=y\n");
        assert_eq!(b.len(), 2);
        assert_eq!(value(&b[1], "library"), Some("/x"));
    }

    #[test]
    fn profiles_from_ini() {
        let p = firefox_profiles("[General]\nStartWithLastProfile=1\n\n[Profile0]\nName=default\nIsRelative=1\nPath=abc.default\n");
        assert_eq!(p, vec![FirefoxProfile { name: "default".into(), path: "abc.default".into(), relative: true }]);
        assert!(firefox_profiles("[[[").is_empty() || firefox_profiles("[[[").len() < 2);
    }
}
