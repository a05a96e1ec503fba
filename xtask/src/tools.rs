//! Installs what the commands need, only when missing, from the registries this project may
//! use (rustup, crates, npm, Debian). Versions are pinned: Trunk must never download a tool.

use crate::run::{command, output, root, status};

pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` pin in Cargo.toml and `[tools]` in Trunk.toml.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// The wasm target, Trunk, wasm-bindgen-cli and the npm tools (wasm-opt, playwright-core).
pub fn ensure_build_tools() -> Result<(), String> {
    let expected = Some(WASM_BINDGEN_VERSION.to_owned());
    if pinned_versions() != (expected.clone(), expected) {
        return Err(format!(
            "wasm-bindgen pins disagree {:?}: Cargo.lock, Trunk.toml [tools] and xtask must all say \
                {WASM_BINDGEN_VERSION}, or Trunk will try to download another wasm-bindgen",
            pinned_versions()
        ));
    }
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets.lines().any(|t| t.trim() == "wasm32-unknown-unknown")
        && !status(command("rustup", &["target", "add", "wasm32-unknown-unknown"]))
    {
        return Err("could not add the wasm32-unknown-unknown target with rustup".into());
    }
    // Trunk 0.22 needs a newer rustc than this machine's; a debug build installs in half the time.
    ensure_cargo_tool(
        "trunk",
        &format!("trunk {TRUNK_VERSION}"),
        &["trunk", "--version", TRUNK_VERSION, "--locked", "--debug"],
    )?;
    // No --locked: its lockfile pins a webpki-roots release the registry does not serve.
    ensure_cargo_tool(
        "wasm-bindgen",
        &format!("wasm-bindgen {WASM_BINDGEN_VERSION}"),
        &["wasm-bindgen-cli", "--version", WASM_BINDGEN_VERSION],
    )?;
    if output("curl", &["--version"]).is_none() {
        ensure_apt(&["curl"])?; // the generated curl snippet is run against ords-sim in the tests
    }
    if output("npm", &["--version"]).is_none() {
        ensure_apt(&["nodejs", "npm"])?;
    }
    if !status(command("npm", &["ci", "--no-audit", "--no-fund", "--loglevel=error"])) {
        return Err("npm ci failed (binaryen, playwright-core from package-lock.json)".into());
    }
    if !status(command("cargo", &["fetch", "--locked"])) {
        return Err("cargo fetch --locked failed".into());
    }
    Ok(())
}

/// Python's `requests` (PyPI), which the generated Python snippet imports: the tests run it.
pub fn ensure_python_requests() -> Result<(), String> {
    if status(command("python3", &["-c", "import requests"])) {
        return Ok(());
    }
    let install = ["-m", "pip", "install", "--user", "--quiet", "requests"];
    if status(command("python3", &install)) {
        Ok(())
    } else {
        Err("could not install the Python package requests with pip".into())
    }
}

/// Debian's Chromium and ChromeDriver (never a test tool's own browser download).
pub fn ensure_browser() -> Result<(), String> {
    let have = |p: &str| std::path::Path::new(p).exists();
    if have("/usr/bin/chromium") && have("/usr/bin/chromedriver") {
        return Ok(());
    }
    ensure_apt(&["chromium", "chromium-driver"])
}

/// Debian's nginx, which runs the README's hosting recipe (`docs/nginx.conf`) in the tests.
/// Looked for by path: `/usr/sbin` is not on a normal user's PATH.
pub fn ensure_nginx() -> Result<(), String> {
    if std::path::Path::new("/usr/sbin/nginx").exists() {
        return Ok(());
    }
    ensure_apt(&["nginx-light"])
}

fn ensure_cargo_tool(binary: &str, expected_version: &str, install_args: &[&str]) -> Result<(), String> {
    if output(binary, &["--version"]).is_some_and(|v| v.starts_with(expected_version)) {
        return Ok(());
    }
    let mut args = vec!["install"];
    args.extend_from_slice(install_args);
    if status(command("cargo", &args)) {
        Ok(())
    } else {
        Err(format!("could not install {expected_version} with cargo install"))
    }
}

/// Installs the Debian packages whose commands are missing: `(command, package)`.
pub fn ensure_apt_commands(wanted: &[(&str, &str)]) -> Result<(), String> {
    let missing: Vec<&str> =
        wanted.iter().filter(|(cmd, _)| output("which", &[cmd]).is_none()).map(|(_, p)| *p).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        ensure_apt(&missing)
    }
}

pub fn ensure_apt(packages: &[&str]) -> Result<(), String> {
    let is_root = output("id", &["-u"]).is_some_and(|id| id == "0");
    let run = |args: &[&str]| {
        let mut cmd = if is_root { command(args[0], &args[1..]) } else { command("sudo", args) };
        cmd.env("DEBIAN_FRONTEND", "noninteractive");
        status(cmd)
    };
    let mut install = vec!["apt-get", "install", "-y", "--no-install-recommends"];
    install.extend_from_slice(packages);
    if run(&["apt-get", "update"]) && run(&install) {
        Ok(())
    } else {
        Err(format!("could not install {} with apt-get", packages.join(" ")))
    }
}

/// Reads the workspace's pins so a drift between them fails a test, not a CI build.
pub fn pinned_versions() -> (Option<String>, Option<String>) {
    let read = |name: &str| std::fs::read_to_string(root().join(name)).unwrap_or_default();
    let lock = read("Cargo.lock");
    let lock_version = lock
        .split("\n[[package]]\n")
        .find(|block| block.starts_with("name = \"wasm-bindgen\"\n"))
        .and_then(|block| block.lines().nth(1)?.strip_prefix("version = ")?.trim_matches('"').to_owned().into());
    let trunk_toml = read("Trunk.toml");
    let trunk_version = trunk_toml
        .lines()
        .find_map(|l| l.strip_prefix("wasm_bindgen = ")?.split('#').next()?.trim().trim_matches('"').to_owned().into());
    (lock_version, trunk_version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wasm_bindgen_pins_agree_three_ways() {
        let (lock, trunk) = pinned_versions();
        assert_eq!(lock.as_deref(), Some(WASM_BINDGEN_VERSION), "Cargo.lock");
        assert_eq!(trunk.as_deref(), Some(WASM_BINDGEN_VERSION), "Trunk.toml [tools]");
    }
}
