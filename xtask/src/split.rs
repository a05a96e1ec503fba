//! Splitting the page's wasm so that the first load carries only the first screen (issue 25).
//!
//! The page marks functions whose code may come later with `wasm_split` (`src/later.rs`); a
//! tool (`wasm_split_cli_support`, the library behind cargo-leptos's `--split`) moves the code
//! only they reach into chunks, loaded on their first call. Trunk has no step for it
//! (trunk-rs/trunk#1022), so two steps wrap its pipeline:
//! - every Trunk run by xtask finds `wasm-bindgen` first in `target/xtask-bin`: this program,
//!   which splits the page's wasm (only that one) before handing the main part to the real
//!   wasm-bindgen with `--keep-lld-exports` (the chunks link to the main module's exports);
//! - the post-build hook places the chunks beside the page (wasm-opt in release builds, names
//!   hashed by content like Trunk's, so hosts may cache them for good) and fixes the loader's
//!   names (`__wasm_split.js`, which the page's glue imports). A chunk that does not arrive
//!   within [`STALL_MS`] fails its load, so the page can say so and retry.

use crate::run::target_dir;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The page's wasm, as cargo names it; the helper's is not split.
const PAGE: &str = "ords-playground";
/// The loader the split writes; the page's glue imports it by this name.
const LOADER: &str = "__wasm_split.js";
/// How long a chunk may take to arrive before its load fails: the page's one stall limit,
/// which its helper's code also keeps.
pub const STALL_MS: u32 = ords_core::STALL_MS;

/// Where the wrapper puts a profile's split (`release` or `debug`).
fn split_dir(profile: &str) -> PathBuf {
    target_dir().join("wasm-split").join(profile)
}

/// Trunk with `args`, finding the splitting `wasm-bindgen` first on its PATH.
pub fn trunk(args: &[&str]) -> Command {
    let wrapper = wrapper_dir().map_err(|message| eprintln!("xtask: {message}")).ok();
    crate::run::command_with_first_on_path("trunk", args, wrapper)
}

/// The folder holding the `wasm-bindgen` wrapper, made on first use.
fn wrapper_dir() -> Result<PathBuf, String> {
    let dir = target_dir().join("xtask-bin");
    let me = std::env::current_exe().map_err(|e| format!("cannot find xtask itself: {e}"))?;
    let script = format!("#!/bin/sh\nexec '{}' split-bindgen \"$@\"\n", me.display());
    let path = dir.join("wasm-bindgen");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(&script) {
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        std::fs::write(&path, &script).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        use std::os::unix::fs::PermissionsExt;
        let executable = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(&path, executable).map_err(|e| format!("cannot chmod {}: {e}", path.display()))?;
    }
    Ok(dir)
}

/// The real wasm-bindgen: the first on PATH that is not the wrapper.
fn real_bindgen() -> Option<PathBuf> {
    let wrapper = target_dir().join("xtask-bin");
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).filter(|d| *d != wrapper).map(|d| d.join("wasm-bindgen")).find(|p| p.is_file())
}

/// `cargo xtask split-bindgen ARGS`: wasm-bindgen as Trunk calls it, splitting the page first.
pub fn bindgen(args: &[String]) -> i32 {
    let Some(real) = real_bindgen() else {
        eprintln!("xtask split-bindgen: no wasm-bindgen on PATH (cargo xtask serve/test install it)");
        return 1;
    };
    let input = args.iter().position(|a| !a.starts_with('-') && a.ends_with(".wasm"));
    let page = input.map(|at| Path::new(&args[at])).filter(|p| p.file_stem().is_some_and(|s| s == PAGE));
    let mut args = args.to_vec();
    if let (Some(at), Some(wasm)) = (input, page) {
        let profile = wasm.parent().and_then(Path::file_name).map(|p| p.to_string_lossy().into_owned());
        let out = split_dir(profile.as_deref().unwrap_or("debug"));
        match split(wasm, &out) {
            Ok(main) => {
                args[at] = main.to_string_lossy().into_owned();
                args.push("--keep-lld-exports".into());
            }
            Err(message) => {
                eprintln!("xtask split-bindgen: {message}");
                return 1;
            }
        }
    }
    match Command::new(real).args(&args).status() {
        Ok(status) => status.code().unwrap_or(1),
        Err(e) => {
            eprintln!("xtask split-bindgen: cannot run wasm-bindgen: {e}");
            1
        }
    }
}

/// Splits `wasm` into `out` (emptied first): the main module, the chunks and the loader.
pub fn split(wasm: &Path, out: &Path) -> Result<PathBuf, String> {
    let bytes = std::fs::read(wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let _ = std::fs::remove_dir_all(out);
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let main = out.join(format!("{PAGE}.wasm"));
    let main_module = format!("./{PAGE}.js");
    let mut options = wasm_split_cli_support::Options::new(&bytes);
    options.output_dir = out;
    options.main_out_path = &main;
    options.main_module = &main_module;
    options.link_name = "./__wasm_split.js";
    wasm_split_cli_support::transform(options).map_err(|e| format!("cannot split {}: {e}", wasm.display()))?;
    Ok(main)
}

/// Post-build: the chunks and the loader of this build's split into `dir` (Trunk's staging
/// folder), beside the page's glue. Nothing to do when the page was built without one.
pub fn place_chunks(dir: &Path, release: bool) -> Result<(), String> {
    let glue = crate::minify::glue_files(dir)?
        .into_iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .find(|n| n.starts_with(&format!("{PAGE}-")));
    // A plain `trunk build` leaves the split points' imports unresolved: the page would not start.
    let unsplit = glue.as_ref().and_then(|g| std::fs::read_to_string(dir.join(g)).ok());
    if unsplit.is_some_and(|text| text.contains("__wasm_split_placeholder__")) {
        return Err("the page's wasm was not split: build it with `cargo xtask dist` or `cargo xtask serve` \
            (they give Trunk the wasm-bindgen that splits it)"
            .into());
    }
    let from = split_dir(if release { "release" } else { "debug" });
    let Ok(loader) = std::fs::read_to_string(from.join(LOADER)) else {
        return Ok(());
    };
    let glue = glue.ok_or_else(|| format!("no glue for {PAGE} in {}", dir.display()))?;
    let mut loader = loader.replace(&format!("\"./{PAGE}.js\""), &format!("\"./{glue}\""));
    let main = format!("{PAGE}.wasm");
    let entries = std::fs::read_dir(&from).map_err(|e| format!("cannot list {}: {e}", from.display()))?;
    let mut chunks: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "wasm") && !p.ends_with(&main))
        .collect();
    chunks.sort();
    for chunk in &chunks {
        let stem = chunk.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = if release { optimized(chunk)? } else { read(chunk)? };
        let hash: String = Sha256::digest(&bytes).iter().take(8).map(|b| format!("{b:02x}")).collect();
        let name = format!("{stem}-{hash}.wasm");
        std::fs::write(dir.join(&name), &bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
        loader = loader.replace(&format!("\"./{stem}.wasm\""), &format!("\"./{name}\""));
    }
    loader = with_stall_limit(&loader, chunks.len())?;
    std::fs::write(dir.join(LOADER), loader).map_err(|e| format!("cannot write {LOADER}: {e}"))?;
    if release {
        crate::minify::minify_file(&dir.join(LOADER))?;
    }
    Ok(())
}

/// The loader with each chunk's fetch given up after [`STALL_MS`]: a failed load is retried
/// on the next call, a stalled one would hold every later call.
fn with_stall_limit(loader: &str, chunks: usize) -> Result<String, String> {
    let fetch = "import.meta.url))";
    let found = loader.matches(fetch).count();
    if found != chunks {
        return Err(format!(
            "the split's loader fetches {found} chunks in a form this build does not know, not {chunks}"
        ));
    }
    Ok(loader.replace(fetch, &format!("import.meta.url), {{ signal: AbortSignal.timeout({STALL_MS}) }})")))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// A chunk through wasm-opt -Oz, as Trunk treats the page's main module.
fn optimized(chunk: &Path) -> Result<Vec<u8>, String> {
    let out = chunk.with_extension("opt.wasm");
    let features = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext"];
    let mut cmd = crate::run::command("wasm-opt", &["-Oz", "--enable-mutable-globals", "--enable-reference-types"]);
    cmd.args(features).arg(chunk).arg("-o").arg(&out);
    // Its warnings about the split's name section are noise: shown only when it fails.
    let ran = cmd.output().map_err(|e| format!("cannot run wasm-opt: {e}"))?;
    if !ran.status.success() {
        let said = String::from_utf8_lossy(&ran.stderr);
        return Err(format!("wasm-opt failed on {} ({}): {said}", chunk.display(), ran.status));
    }
    let bytes = read(&out)?;
    let _ = std::fs::remove_file(&out);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_chunk_fetch_gets_the_stall_limit() {
        let loader =
            "a(fetch(new URL(\"./x.wasm\", import.meta.url)));\nb(fetch(new URL(\"./y.wasm\", import.meta.url)));";
        let limited = with_stall_limit(loader, 2).unwrap();
        assert_eq!(limited.matches("AbortSignal.timeout(30000)").count(), 2);
        assert!(limited.contains("new URL(\"./x.wasm\", import.meta.url), { signal: AbortSignal.timeout(30000) })"));
    }

    #[test]
    fn a_loader_of_another_form_is_refused_not_shipped_without_the_limit() {
        let loader = "fetch(new URL(\"./x.wasm\", base));";
        assert!(with_stall_limit(loader, 1).unwrap_err().contains("fetches 0 chunks"));
    }
}
