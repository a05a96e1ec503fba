//! `cargo xtask dist [--public-url /path/]`: the release build as a folder to host anywhere,
//! and a `.tar.gz` of it. The default public URL `./` makes every link in it relative, so the
//! same folder works at `/`, at `/docs/playground/` or from ORDS's document root.

use crate::run::{command, status, target_dir};
use crate::tools;
use std::path::PathBuf;

/// Where the folder and the archive go.
pub fn folder() -> PathBuf {
    target_dir().join("dist").join("ords-playground")
}

fn archive() -> PathBuf {
    target_dir().join("dist").join("ords-playground.tar.gz")
}

/// The public URL from the arguments: `--public-url X` or `--public-url=X`, default `./`.
pub fn public_url(args: &[String]) -> Result<String, String> {
    let mut url = "./".to_owned();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--public-url" {
            url = rest.next().ok_or("--public-url needs a value, such as /docs/playground/")?.clone();
        } else if let Some(value) = arg.strip_prefix("--public-url=") {
            url = value.to_owned();
        } else {
            return Err(format!("unknown argument {arg}; usage: cargo xtask dist [--public-url /path/]"));
        }
    }
    if !(url.starts_with('/') || url.starts_with("./") || url.starts_with("http")) {
        return Err(format!("--public-url {url}: give a path such as /docs/playground/, ./ or a full URL"));
    }
    if !url.ends_with('/') {
        url.push('/'); // the built files sit beside index.html, under this prefix
    }
    Ok(url)
}

/// Builds the release page into `out` (Trunk's hook adds the CSP and the service worker).
pub fn build(public_url: &str, out: &std::path::Path) -> bool {
    let out_text = out.to_string_lossy();
    let args = ["build", "--release", "--offline", "--locked", "--public-url", public_url, "--dist", &*out_text];
    status(crate::split::trunk(&args))
}

/// The folder for `public_url`, then the archive of it.
pub fn package(public_url: &str) -> bool {
    if !build(public_url, &folder()) {
        return false;
    }
    let parent = target_dir().join("dist");
    status(command("tar", &["-czf", &archive().to_string_lossy(), "-C", &parent.to_string_lossy(), "ords-playground"]))
}

pub fn dist(args: &[String]) -> i32 {
    let url = match public_url(args) {
        Ok(url) => url,
        Err(message) => {
            eprintln!("xtask dist: {message}");
            return 2;
        }
    };
    if let Err(message) = tools::ensure_build_tools() {
        eprintln!("xtask: {message}");
        return 1;
    }
    if !package(&url) {
        return 1;
    }
    println!(
        "\nThe playground, built for {url}:\n  folder   {}\n  archive  {}",
        folder().display(),
        archive().display()
    );
    println!("Serve the folder's files as they are (README: Host it).");
    0
}

#[cfg(test)]
mod tests {
    use super::public_url;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn public_url_defaults_to_relative_and_always_ends_with_a_slash() {
        assert_eq!(public_url(&[]).as_deref(), Ok("./"));
        assert_eq!(public_url(&args(&["--public-url", "/docs/playground"])).as_deref(), Ok("/docs/playground/"));
        assert_eq!(public_url(&args(&["--public-url=/p/"])).as_deref(), Ok("/p/"));
        assert!(public_url(&args(&["--public-url"])).is_err());
        assert!(public_url(&args(&["--public-url", "docs"])).is_err());
        assert!(public_url(&args(&["--release"])).is_err());
    }
}

#[cfg(test)]
mod workflow {
    #[test]
    fn the_pages_workflow_builds_with_this_command_and_publishes_its_folder() {
        let workflow =
            std::fs::read_to_string(crate::run::root().join(".github/workflows/pages.yml")).unwrap_or_default();
        assert!(workflow.contains("run: cargo xtask dist --public-url \"/${{ github.event.repository.name }}/\""));
        assert!(workflow.contains("path: target/dist/ords-playground\n"));
        assert!(
            super::folder().ends_with("target/dist/ords-playground") || std::env::var_os("CARGO_TARGET_DIR").is_some()
        );
    }
}
