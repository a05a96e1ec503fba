//! `cargo xtask screenshots`: the README's pictures (docs/images/*.png). Builds the release
//! page, drives it against the in-page simulator in headless Chromium (e2e/screenshots.mjs)
//! and writes each picture as a small PNG: quantised with Debian's pngquant when present.

use crate::run::{command, root, status, target_dir};
use crate::{dist, tools};

pub fn screenshots() -> i32 {
    let ready = tools::ensure_build_tools()
        .and_then(|()| tools::ensure_browser())
        .and_then(|()| tools::ensure_apt_commands(&[("pngquant", "pngquant")]));
    if let Err(message) = ready {
        eprintln!("xtask screenshots: {message}");
        return 1;
    }
    let built = target_dir().join("screenshots").join("page");
    if !dist::build("./", &built) {
        return 1;
    }
    let images = root().join("docs").join("images");
    let mut shoot = command("node", &["e2e/screenshots.mjs"]);
    shoot.env("PLAYGROUND_DIST", &built).env("SHOTS_DIR", &images);
    if !status(shoot) {
        return 1;
    }
    let pictures: Vec<String> = std::fs::read_dir(&images)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "png")))
        .map(|p| p.map(|p| p.to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    let mut args = vec!["--force", "--skip-if-larger", "--ext", ".png", "--quality", "70-90", "--strip"];
    args.extend(pictures.iter().map(String::as_str));
    // Exit 98/99 only means a picture was already smaller than its quantised copy.
    let _ = status(command("pngquant", &args));
    for p in &pictures {
        let size = std::fs::metadata(p).map(|m| m.len() / 1024).unwrap_or(0);
        println!("{p}: {size} KB");
    }
    0
}
