//! `cargo xtask test`: every check, in order of cost, then one summary line.

use crate::run::{captured, command, count_results, root, status, target_dir};
use crate::{dist, source_checks, tools};

/// The path prefix of the absolute-URL build (a GitHub Pages project site's).
const PAGES_PREFIX: &str = "/ords-auth-playground/";

struct Tally {
    passed: u32,
    failed: u32,
    stages: Vec<(String, bool)>,
}

impl Tally {
    /// A check without its own test count (fmt, clippy, a build) counts as one.
    fn check(&mut self, name: &str, ok: bool) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
        }
        self.stages.push((name.to_owned(), ok));
    }

    /// A test run counts its tests; a run that failed without a failing test counts one failure.
    fn tests(&mut self, name: &str, (ok, output): (bool, String)) {
        let (passed, failed) = count_results(&output);
        self.passed += passed;
        self.failed += if !ok && failed == 0 { 1 } else { failed };
        self.stages.push((format!("{name}: {passed} passed, {failed} failed"), ok));
    }
}

pub fn test() -> i32 {
    let started = std::time::Instant::now();
    let ready = tools::ensure_build_tools()
        .and_then(|()| tools::ensure_browser())
        .and_then(|()| tools::ensure_python_requests())
        .and_then(|()| tools::ensure_nginx());
    if let Err(message) = ready {
        eprintln!("xtask: {message}");
        println!("0 passed, 1 failed");
        return 1;
    }
    let tmp = target_dir().join("tmp"); // chromedriver leaves profiles in TMPDIR
    let _ = std::fs::create_dir_all(&tmp);
    let mut t = Tally { passed: 0, failed: 0, stages: Vec::new() };

    t.check("cargo fmt --check", status(command("cargo", &["fmt", "--all", "--check"])));
    t.check("the design card's packages in the page", design_card_packages());
    let long = source_checks::long_lines(&root());
    t.check(&format!("no Rust line over {} columns", source_checks::MAX_WIDTH), none_found(&long));
    t.check(
        "no cycle among the modules of a folder, at every depth",
        none_found(&source_checks::module_cycles(&root())),
    );
    let clippy = ["clippy", "--locked", "--workspace", "--all-targets", "--", "-D", "warnings"];
    t.check("clippy (native)", status(command("cargo", &clippy)));
    let clippy_wasm = [
        "clippy",
        "--locked",
        "-p",
        "ords-playground",
        "-p",
        "ords-worker",
        "--all-targets",
        "--target",
        "wasm32-unknown-unknown",
        // The page as built (its split points); native clippy checks it without them.
        "--features",
        "ords-playground/lazy",
        "--",
        "-D",
        "warnings",
    ];
    t.check("clippy (wasm32)", status(command("cargo", &clippy_wasm)));
    let native = [
        "test",
        "--locked",
        "-p",
        "body-lines",
        "-p",
        "ords-core",
        "-p",
        "ords-sim",
        "-p",
        "ords-worker",
        "-p",
        "xtask",
        "-p",
        "ords-playground",
    ];
    t.tests("native tests", captured(command("cargo", &native)));

    let mut wasm = command(
        "cargo",
        &["test", "--locked", "-p", "ords-playground", "--target", "wasm32-unknown-unknown", "--test", "web"],
    );
    wasm.env("CHROMEDRIVER", "/usr/bin/chromedriver").env("TMPDIR", &tmp);
    wasm.env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", root().join("webdriver.json"));
    t.tests("wasm component tests (headless Chromium)", captured(wasm));

    let sim_built = status(command("cargo", &["build", "--locked", "-p", "ords-sim", "--bin", "ords-sim"]));
    // The end-to-end tests drive what `cargo xtask dist` makes (relative links), and a build
    // for an absolute prefix, as the GitHub Pages workflow makes it.
    let page_built = dist::package("./");
    t.check("release page build (cargo xtask dist)", sim_built && page_built);
    let pages = target_dir().join("dist").join("pages");
    let pages_built = dist::build(PAGES_PREFIX, &pages);
    t.check("release page build for /ords-auth-playground/", pages_built);
    if sim_built && page_built && pages_built {
        let mut e2e = command("node", &["--test", "--test-concurrency=2", "e2e/"]);
        e2e.env("ORDS_SIM_BIN", target_dir().join("debug").join("ords-sim"));
        e2e.env("PLAYGROUND_DIST", dist::folder()).env("PAGES_DIST", &pages).env("PAGES_PREFIX", PAGES_PREFIX);
        t.tests("end-to-end (headless Chromium vs ords-sim)", captured(e2e));
    }

    println!("\n==> summary ({} s)", started.elapsed().as_secs());
    for (stage, ok) in &t.stages {
        println!("  {} {stage}", if *ok { "ok  " } else { "FAIL" });
    }
    println!("{} passed, {} failed", t.passed, t.failed);
    i32::from(t.failed > 0)
}

/// True when nothing was found; else each finding, on stderr.
fn none_found(found: &[String]) -> bool {
    for f in found {
        eprintln!("  {f}");
    }
    found.is_empty()
}

/// The packages the project was specified with, each used by the page: its own dependencies,
/// and serde through the core (`cargo tree` of the page, normal dependencies, two levels).
const DESIGN_CARD: [&str; 7] =
    ["wasm-bindgen", "web-sys", "gloo-net", "leptos", "serde", "serde_json", "console_error_panic_hook"];

fn design_card_packages() -> bool {
    let args = ["tree", "--locked", "-p", "ords-playground", "-e", "normal", "--depth", "2", "--prefix", "depth"];
    let tree = crate::run::output("cargo", &args).unwrap_or_default();
    let names: Vec<(u32, &str)> = tree
        .lines()
        .filter_map(|l| {
            let depth_end = l.find(|c: char| !c.is_ascii_digit())?;
            Some((l[..depth_end].parse().ok()?, l[depth_end..].split(' ').next()?))
        })
        .collect();
    let missing: Vec<&str> =
        DESIGN_CARD.into_iter().filter(|p| !names.iter().any(|(d, n)| n == p && (*d == 1 || *p == "serde"))).collect();
    if !missing.is_empty() {
        eprintln!("the page does not depend on {missing:?} (cargo tree -p ords-playground)");
    }
    missing.is_empty()
}
