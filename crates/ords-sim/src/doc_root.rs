//! Static files beside the API, as ORDS standalone serves its document root
//! (`standalone.doc.root`): a built playground placed there is on the API's own origin, so its
//! requests need no CORS at all. Paths under `/ords/` always go to the model. Only files inside
//! the root are ever read: `..`, encoded separators and symlinks leading out are refused.

use std::path::{Path, PathBuf};

/// Files larger than this are not served (the playground's largest is well under 1 MiB).
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// What a request path finds under the root.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    File {
        bytes: Vec<u8>,
        content_type: &'static str,
    },
    /// A folder asked for without its trailing slash: `Location` adds it (relative links in
    /// the page then resolve inside the folder).
    Redirect(String),
    /// Not a file here: the model answers (ORDS-shaped 404 or an API route).
    Nothing,
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Percent-decodes a path; None for bad escapes, NUL, or an encoded `/` or `\`.
fn decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            let byte = u8::from_str_radix(hex, 16).ok()?;
            if matches!(byte, b'/' | b'\\' | 0) {
                return None;
            }
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Looks `target` (a request target such as `/playground/?x=1`) up under `root`.
pub fn find(root: &Path, target: &str) -> Found {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') || path == "/ords" || path.starts_with("/ords/") {
        return Found::Nothing;
    }
    let Some(decoded) = decode(path) else { return Found::Nothing };
    let mut file = root.to_path_buf();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Found::Nothing,
            s if s.contains('\\') || s.contains('\0') => return Found::Nothing,
            s => file.push(s),
        }
    }
    let (Ok(real_root), Ok(mut real)) = (root.canonicalize(), file.canonicalize()) else { return Found::Nothing };
    if !real.starts_with(&real_root) {
        return Found::Nothing; // a symlink leading out of the root
    }
    if real.is_dir() {
        if !path.ends_with('/') {
            return Found::Redirect(format!("{path}/"));
        }
        real.push("index.html");
    }
    match std::fs::metadata(&real) {
        Ok(meta) if meta.is_file() && meta.len() <= MAX_FILE_BYTES => match std::fs::read(&real) {
            Ok(bytes) => Found::File { bytes, content_type: content_type(&real) },
            Err(_) => Found::Nothing,
        },
        _ => Found::Nothing,
    }
}

/// A root given on the command line: it must be an existing folder.
pub fn checked_root(text: &str) -> Result<PathBuf, String> {
    let root = PathBuf::from(text);
    if root.is_dir() {
        Ok(root)
    } else {
        Err(format!("--doc-root {text}: not a folder"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("ords-sim-docroot-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("playground")).unwrap();
        std::fs::write(root.join("playground/index.html"), "<html>").unwrap();
        std::fs::write(root.join("playground/app_bg.wasm"), [0, 97, 115, 109]).unwrap();
        std::fs::write(root.parent().unwrap().join("ords-sim-outside.txt"), "secret").unwrap();
        root
    }

    #[test]
    fn serves_files_folders_and_redirects_like_a_document_root() {
        let root = site("serves");
        assert_eq!(
            find(&root, "/playground/?token_url=x"),
            Found::File { bytes: b"<html>".to_vec(), content_type: "text/html; charset=utf-8" }
        );
        assert_eq!(
            find(&root, "/playground/app_bg.wasm"),
            Found::File { bytes: vec![0, 97, 115, 109], content_type: "application/wasm" }
        );
        assert_eq!(find(&root, "/playground"), Found::Redirect("/playground/".into()));
        assert_eq!(find(&root, "/playground/missing.js"), Found::Nothing);
        assert_eq!(find(&root, "/ords/demo/oauth/token"), Found::Nothing, "the API is the model's");
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn nothing_outside_the_root_is_ever_read() {
        let root = site("outside");
        for target in [
            "/../ords-sim-outside.txt",
            "/playground/../../ords-sim-outside.txt",
            "/%2e%2e/ords-sim-outside.txt",
            "/playground%2f..%2f..%2fords-sim-outside.txt",
            "/..%5cords-sim-outside.txt",
            "/playground/%00",
            "/%zz",
            "relative",
        ] {
            assert_eq!(find(&root, target), Found::Nothing, "{target}");
        }
        #[cfg(unix)]
        {
            let _ = std::os::unix::fs::symlink(root.parent().unwrap(), root.join("out"));
            assert_eq!(find(&root, "/out/ords-sim-outside.txt"), Found::Nothing, "a symlink out");
        }
        let _ = std::fs::remove_dir_all(&root);
    }
}
