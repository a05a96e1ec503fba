//! The service worker of a release build: `sw.js` beside `index.html`, listing the build's own
//! files (their names are hashed, so the list is made after each build) with each file's
//! SHA-256, which the worker checks before it stores an answer, under a version that changes
//! whenever any file does, which is what makes the page offer `Reload to update`.

use sha2::{Digest, Sha256};
use std::path::Path;

const TEMPLATE: &str = include_str!("sw.js");
pub const FILE: &str = "sw.js";

/// Every file under `dir` (relative, `/`-separated, sorted), except the worker itself.
fn built_files(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                let name = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                if name != FILE {
                    out.push(name);
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The worker's text for these files and contents.
pub fn service_worker(files: &[(String, Vec<u8>)]) -> String {
    let mut hash = Sha256::new();
    for (name, body) in files {
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name.as_bytes());
        hash.update((body.len() as u64).to_le_bytes());
        hash.update(body);
    }
    let version: String = hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    let names: Vec<String> = files.iter().map(|(name, _)| format!("./{name}")).collect();
    let hashes: Vec<String> = files.iter().map(|(_, body)| hex(&Sha256::digest(body))).collect();
    let json = |list: &[String]| serde_json::to_string(list).unwrap_or_else(|_| "[]".into());
    TEMPLATE.replacen("__VERSION__", &version, 1).replacen("__FILES__", &json(&names), 1).replacen(
        "__SHA256__",
        &json(&hashes),
        1,
    )
}

/// Writes `dir/sw.js` for the files in `dir`.
pub fn write_service_worker(dir: &Path) -> Result<(), String> {
    let files = built_files(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut contents = Vec::with_capacity(files.len());
    for name in files {
        let body = std::fs::read(dir.join(&name)).map_err(|e| format!("cannot read {name}: {e}"))?;
        contents.push((name, body));
    }
    std::fs::write(dir.join(FILE), service_worker(&contents)).map_err(|e| format!("cannot write {FILE}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(index: &str) -> Vec<(String, Vec<u8>)> {
        vec![("index.html".into(), index.as_bytes().to_vec()), ("app-1a2b.wasm".into(), vec![0, 97, 115, 109])]
    }

    #[test]
    fn lists_the_build_and_versions_it_by_content() {
        let sw = service_worker(&files("<html>"));
        assert!(sw.contains("const FILES = [\"./index.html\",\"./app-1a2b.wasm\"];"), "{sw}");
        assert!(!sw.contains("__"), "every placeholder filled");
        // SHA-256 of "<html>" and of the four wasm bytes, in the order of the files.
        assert!(
            sw.contains(
                "const SHA256 = [\"b7d082ee12e91b756ea22e8513b8594eebcf5d39fab813da3cb55794dc888ad7\",\
                 \"cd5d4935a48c0672cb06407bb443bc0087aff947c6b864bac886982c73b3027f\"];"
            ),
            "{sw}"
        );
        let version = |sw: &str| sw.lines().find(|l| l.starts_with("const VERSION")).unwrap_or_default().to_owned();
        assert_eq!(version(&sw), version(&service_worker(&files("<html>"))));
        assert_ne!(version(&sw), version(&service_worker(&files("<html> "))), "one byte changes the version");
    }

    #[test]
    fn writes_beside_index_without_listing_itself() {
        let dir = std::env::temp_dir().join(format!("xtask-sw-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("snippets")).unwrap();
        std::fs::write(dir.join("index.html"), "<html>").unwrap();
        std::fs::write(dir.join("snippets/a.js"), "x").unwrap();
        write_service_worker(&dir).unwrap();
        write_service_worker(&dir).unwrap(); // again: its own old copy is not listed
        let sw = std::fs::read_to_string(dir.join(FILE)).unwrap();
        assert!(sw.contains("const FILES = [\"./index.html\",\"./snippets/a.js\"];"), "{sw}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
