//! Writing files without losing data: a new file is created with O_EXCL (never over an existing
//! file or a planted symlink, no "exists?" check that races with the write); a replacement goes
//! through a temporary file with a random name in the same folder (O_EXCL, `tempfile`), gets the
//! original file's permissions, and is renamed over it in one step. On any error (a full disk,
//! say) the temporary file is removed and the original is untouched.

use std::io::Write;
use std::path::Path;

/// What to do when the target exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse: [`std::io::ErrorKind::AlreadyExists`].
    Refuse,
    /// Replace it atomically, keeping its permissions.
    Replace,
}

/// Writes `bytes` to `path` (see the module's rules).
pub fn write(path: &Path, bytes: &[u8], existing: Existing) -> std::io::Result<()> {
    match existing {
        Existing::Refuse => write_new(path, bytes, None),
        Existing::Replace => replace(path, bytes),
    }
}

/// Creates `path` (never over anything, like [`Existing::Refuse`]) with the permissions of
/// `like` from the start: a copy of a private file is as private as it (a backup beside a 0600
/// original is 0600, never readable by others for a moment).
pub fn write_new_like(path: &Path, bytes: &[u8], like: &Path) -> std::io::Result<()> {
    write_new(path, bytes, Some(std::fs::metadata(like)?.permissions()))
}

fn write_new(path: &Path, bytes: &[u8], perms: Option<std::fs::Permissions>) -> std::io::Result<()> {
    // create_new: O_CREAT|O_EXCL, which also refuses a dangling symlink at `path`.
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if let Some(p) = &perms {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(p.mode() & 0o777);
    }
    let mut f = options.open(path)?;
    if let Some(p) = perms {
        // Exactly the original's (the umask may have taken bits away; it never adds any).
        f.set_permissions(p)?;
    }
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    if written.is_err() {
        drop(f);
        let _ = std::fs::remove_file(path);
    }
    written
}

fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // The mode of what is there now (not of what a symlink points to); a new file gets the
    // default of a new file.
    let mode = std::fs::symlink_metadata(path).ok().filter(|m| m.is_file()).map(|m| m.permissions());
    let mut tmp = tempfile::Builder::new().prefix(".tessera-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Some(p) = mode {
        tmp.as_file().set_permissions(p)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_files_never_replace_and_replacements_keep_the_mode() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("a.pem");
        write(&p, b"one", Existing::Refuse).expect("new");
        let e = write(&p, b"two", Existing::Refuse).expect_err("exists");
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&p).expect("read"), b"one");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).expect("chmod");
            write(&p, b"three", Existing::Replace).expect("replace");
            assert_eq!(std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777, 0o600);
            // A planted symlink is never followed.
            let target = dir.path().join("victim");
            std::fs::write(&target, b"precious").expect("victim");
            let link = dir.path().join("link.pem");
            std::os::unix::fs::symlink(&target, &link).expect("symlink");
            assert!(write(&link, b"x", Existing::Refuse).is_err());
            write(&link, b"x", Existing::Replace).expect("replaces the link itself");
            assert_eq!(std::fs::read(&target).expect("victim"), b"precious");
        }
        assert_eq!(std::fs::read(&p).expect("read"), b"three");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().ends_with(".tmp")).collect();
        assert!(leftovers.is_empty());
    }
}
