//! Finding briefing files among the paths a user names.

use std::path::{Path, PathBuf};

/// True for a file name that ends in `.yaml` or `.yml` (any case) after at
/// least one other byte, as a path's extension says it.
fn has_briefing_extension(name: &[u8]) -> bool {
    let ends = |ext: &[u8]| {
        name.len() > ext.len() && name[name.len() - ext.len()..].eq_ignore_ascii_case(ext)
    };
    ends(b".yaml") || ends(b".yml")
}

/// The briefing files a path names: the file itself, or every `*.yaml` and `*.yml`
/// under a folder, at any depth, in name order. Hidden entries are skipped.
pub fn briefing_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        // Let the loader report a missing or unreadable file with its own message.
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found = Vec::new();
    let mut folders = vec![path.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            let path = entry.path();
            // The name read from the path's bytes: a hundred thousand names
            // are not copied out, nor parsed as paths, twice each.
            let bytes = path.as_os_str().as_encoded_bytes();
            let name = bytes.rsplit(|&b| b == b'/').next().unwrap_or_default();
            if name.starts_with(b".") {
                continue;
            }
            if entry.file_type()?.is_dir() {
                folders.push(path);
            } else if has_briefing_extension(name) {
                found.push(path);
            }
        }
    }
    // By the paths' bytes: comparing them component by component costs more,
    // a hundred thousand times over.
    found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    Ok(found)
}
