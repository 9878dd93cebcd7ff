//! The user's cache folder for public card data (see `tessera_core::card::cie::memory`):
//! `$XDG_CACHE_HOME/tessera/cards` (else `~/.cache/tessera/cards`) on Linux, `~/Library/Caches/
//! tessera/cards` on macOS, `%LOCALAPPDATA%\tessera\cards` on Windows; `TESSERA_CACHE_DIR`
//! overrides it. The folder is created private (0700 on Unix); each record is one file, written
//! atomically and private (0600: a new file is the temporary file renamed, which `tempfile`
//! creates 0600). A key is a hex hash; anything else is refused.

use std::path::{Path, PathBuf};

/// The cache folder, if the system has one.
pub fn dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("TESSERA_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    dirs::cache_dir().map(|d| d.join("tessera").join("cards"))
}

fn path_of(dir: &Path, key: &str) -> Option<PathBuf> {
    (!key.is_empty() && key.len() <= 128 && key.bytes().all(|b| b.is_ascii_hexdigit())).then(|| dir.join(format!("{key}.json")))
}

/// The record saved under `key` in `dir` (at most 64 KiB: a larger file is not ours).
pub fn load(dir: &Path, key: &str) -> Option<Vec<u8>> {
    let path = path_of(dir, key)?;
    let meta = std::fs::symlink_metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > 64 * 1024 {
        return None;
    }
    std::fs::read(path).ok()
}

/// Saves `bytes` under `key` in `dir`, creating the folder (private) if needed.
pub fn save(dir: &Path, key: &str, bytes: &[u8]) -> std::io::Result<()> {
    let path = path_of(dir, key).ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a cache key"))?;
    if !dir.is_dir() {
        let mut b = std::fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(dir)?;
    }
    crate::atomic::write(&path, bytes, crate::atomic::Existing::Replace)
}

/// The folder's load and save as a pair of functions, for the card layer's store
/// (`tessera_core::card::cie::memory::install`); `None` when the system has no cache folder.
/// A record that cannot be written is not remembered, and said at debug level.
#[allow(clippy::type_complexity)]
pub fn functions() -> Option<(impl Fn(&str) -> Option<Vec<u8>> + Send + Sync, impl Fn(&str, &[u8]) + Send + Sync)> {
    let dir = dir()?;
    let d = dir.clone();
    Some((move |key: &str| load(&d, key), move |key: &str, bytes: &[u8]| {
        if let Err(e) = save(&dir, key, bytes) {
            tracing::debug!(dir = %dir.display(), error = %e, "card cache: not written");
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_private_and_keys_cannot_leave_the_folder() {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = tmp.path().join("tessera").join("cards");
        save(&dir, "ab12", b"{}").expect("save");
        assert_eq!(load(&dir, "ab12").as_deref(), Some(&b"{}"[..]));
        save(&dir, "ab12", b"{\"x\":1}").expect("replace");
        assert_eq!(load(&dir, "ab12").as_deref(), Some(&b"{\"x\":1}"[..]));
        assert!(save(&dir, "../escape", b"x").is_err());
        assert!(load(&dir, "../escape").is_none());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode(&dir), 0o700);
            assert_eq!(mode(&dir.join("ab12.json")), 0o600);
        }
    }
}
