//! Release builds: the JavaScript glue that wasm-bindgen writes is minified with terser (npm),
//! because Trunk's `minify` leaves it as written (56 KB, 9.6 KB gzipped; minified 7.4 KB). The
//! page's glue is fetched with Subresource Integrity, so its `integrity` in `index.html` is
//! recomputed; the file keeps Trunk's name (a fresh build still gets a fresh name).

use base64::{engine::general_purpose::STANDARD, Engine as _};
use sha2::{Digest, Sha384};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The `integrity` value of these bytes.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", STANDARD.encode(Sha384::digest(bytes)))
}

/// The glue files of a build: wasm-bindgen's `.js` beside each `_bg.wasm` (the page's and the
/// helper's), not Trunk's loaders or the service worker.
pub fn glue_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.strip_suffix(".js").is_some_and(|stem| dir.join(format!("{stem}_bg.wasm")).is_file())
        })
        .collect();
    out.sort();
    Ok(out)
}

/// terser from the project's `node_modules` (installed by `npm ci`, as every command does).
fn terser() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../node_modules/terser/bin/terser")
}

/// Minifies one JavaScript module in place.
pub fn minify_file(file: &Path) -> Result<(), String> {
    let terser = terser();
    if !terser.is_file() {
        return Err(format!("{} is missing: run `npm ci` (cargo xtask serve/test do)", terser.display()));
    }
    let status = Command::new("node")
        .arg(&terser)
        .arg(file)
        .args(["--module", "--compress", "--mangle", "--output"])
        .arg(file)
        .status()
        .map_err(|e| format!("cannot run node (terser): {e}"))?;
    if !status.success() {
        return Err(format!("terser failed on {} ({status})", file.display()));
    }
    Ok(())
}

/// Minifies the glue in `dir` in place and updates its integrity in `dir/index.html`.
pub fn minify_glue(dir: &Path) -> Result<(), String> {
    let index = dir.join("index.html");
    let mut html = std::fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    for file in glue_files(dir)? {
        let before = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        minify_file(&file)?;
        let after = std::fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        html = html.replace(&integrity(&before), &integrity(&after));
    }
    std::fs::write(&index, html).map_err(|e| format!("cannot write {}: {e}", index.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_is_sha384_in_base64_as_browsers_check_it() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(integrity(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }

    #[test]
    fn glue_is_the_js_beside_a_bg_wasm_only() {
        let dir = std::env::temp_dir().join(format!("xtask-minify-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for name in ["app-1.js", "app-1_bg.wasm", "worker.js", "worker_bg.wasm", "worker_loader.js", "sw.js"] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        let names: Vec<String> =
            glue_files(&dir).unwrap().iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(names, ["app-1.js", "worker.js"]);
    }
}
