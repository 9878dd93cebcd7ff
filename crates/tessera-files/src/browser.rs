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

/// The file's line ending: CR LF when its first line ends so (NSS on Windows, a file edited
/// there), else LF. Whatever Tessera adds uses it.
fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if text[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// `pkcs11.txt` with `library` added as `name` (unchanged text when it is listed already): the
/// text as it was, then the entry in NSS's own form (its lines, then an empty line), in the
/// file's line ending.
pub fn with_module(text: &str, library: &str, name: &str) -> String {
    if lists_module(text, library) {
        return text.to_owned();
    }
    let eol = line_ending(text);
    let mut out = text.to_owned();
    // The entry goes after an empty line, as NSS separates its entries.
    if !out.is_empty() {
        if !out.ends_with('\n') {
            out.push_str(eol);
        }
        if !out.split_inclusive('\n').next_back().is_some_and(is_blank) {
            out.push_str(eol);
        }
    }
    out.push_str(&format!("library={library}{eol}name={name}{eol}{eol}"));
    out
}

/// `pkcs11.txt` without the entries of `library` named `name` (Tessera's own); an entry the
/// user made for the same library under another name stays. `None` when nothing changes.
/// Every other byte stays as it was: each entry of ours goes with the empty line after it (or,
/// at the end of the file, the one before it), so that adding then removing gives the file
/// back unchanged, whatever its line endings.
pub fn without_module(text: &str, library: &str, name: &str) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut drop = vec![false; lines.len()];
    let mut i = 0;
    let mut changed = false;
    while i < lines.len() {
        if is_blank(lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !is_blank(lines[i]) {
            i += 1;
        }
        let block: Vec<&str> = lines[start..i].iter().map(|l| l.strip_suffix('\n').unwrap_or(l)).collect();
        if value(&block, "library") == Some(library) && value(&block, "name") == Some(name) {
            changed = true;
            drop[start..i].iter_mut().for_each(|d| *d = true);
            if i < lines.len() {
                drop[i] = true;
                i += 1;
            } else if start > 0 && is_blank(lines[start - 1]) && !drop[start - 1] {
                drop[start - 1] = true;
            }
        }
    }
    changed.then(|| lines.iter().zip(&drop).filter(|(_, d)| !**d).map(|(l, _)| *l).collect())
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

    /// Adding then removing gives the file back byte for byte, in LF and CR LF, and what is
    /// added uses the file's line ending.
    #[test]
    fn add_then_remove_gives_the_file_back_in_its_own_line_endings() {
        let crlf = INTERNAL.replace('\n', "\r\n");
        for original in [INTERNAL.to_owned(), crlf.clone(), "library=\nname=x\n".into(), "library=\r\nname=x".into(), String::new()] {
            let added = with_module(&original, "/lib/x.so", "Tessera");
            assert!(lists_module(&added, "/lib/x.so"), "{original:?}");
            if original.contains("\r\n") {
                assert!(!added.replace("\r\n", "").contains('\n'), "LF only lines in a CR LF file: {added:?}");
            }
            let back = without_module(&added, "/lib/x.so", "Tessera").expect("removed");
            if original.ends_with("\n\n") || original.ends_with("\r\n\r\n") || original.is_empty() {
                assert_eq!(back, original, "NSS's own form comes back byte for byte");
            }
            assert!(!lists_module(&back, "/lib/x.so") && back.starts_with(original.trim_end()), "{original:?} -> {back:?}");
        }
        assert_eq!(with_module(&crlf, "/lib/x.so", "T"), format!("{crlf}library=/lib/x.so\r\nname=T\r\n\r\n"));
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
