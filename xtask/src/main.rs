//! The project's task runner: `cargo xtask serve`, `test`, `bench`, `dist`, `screenshots`.
//! Each command installs what is missing first, so a fresh machine needs nothing else.

mod attribute;
mod bench;
mod bench_report;
mod csp;
mod dist;
mod minify;
mod offline;
mod run;
mod screenshots;
mod serve;
mod source_checks;
mod split;
mod test;
mod tools;

const USAGE: &str = "\
usage: cargo xtask <command>

  serve   install what is missing, start ords-sim (127.0.0.1:8181) and the playground
          (http://127.0.0.1:8080/), pre-filled for the simulator
  test    install what is missing, then fmt, clippy, native tests, wasm tests in headless
          Chromium, the release build and end-to-end tests; ends with `N passed, N failed`
  bench   install what is missing, then measure transfer size and load time beside Swagger UI,
          flow overhead, a 10 MB collection and ords-sim throughput; prints a table
  attribute
          where the first load's wasm goes, by crate and by the page's components (twiggy on the
          release build with names kept; installs twiggy if missing); writes target/bench/attribution.md
  dist    install what is missing, then build the page for hosting into target/dist/ords-playground
          (and a .tar.gz); --public-url /path/ for an absolute prefix (default ./, works anywhere)
  screenshots
          install what is missing, build the page and write the README's pictures (desktop,
          dark theme, phone, a 720 px docs embed) into docs/images/
  post-build
          Trunk's post-build hook: the page's split chunks placed beside it, in release builds
          the JavaScript glue minified (terser), then the Content-Security-Policy into index.html
          and, in release builds, the service worker with the build's file list
  split-bindgen
          wasm-bindgen as Trunk calls it (xtask puts it first on Trunk's PATH): splits the
          page's wasm into the first screen and chunks loaded later, then runs wasm-bindgen
";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("serve") => serve::serve(&args[1..]),
        Some("test") => test::test(),
        Some("bench") => bench::bench(),
        Some("attribute") => attribute::attribute(),
        Some("dist") => dist::dist(&args[1..]),
        Some("screenshots") => screenshots::screenshots(),
        Some("post-build") => post_build(&args[1..]),
        Some("split-bindgen") => split::bindgen(&args[1..]),
        _ => {
            eprint!("{USAGE}");
            2
        }
    };
    std::process::exit(code);
}

/// `cargo xtask post-build [DIR]` (DIR defaults to Trunk's staging dir, then `dist`).
fn post_build(args: &[String]) -> i32 {
    let dir =
        args.first().cloned().or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()).unwrap_or_else(|| "dist".into());
    let dir = std::path::Path::new(&dir);
    let release = std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    if let Err(message) = split::place_chunks(dir, release) {
        eprintln!("xtask post-build: {message}");
        return 1;
    }
    if release {
        if let Err(message) = minify::minify_glue(dir) {
            eprintln!("xtask post-build: {message}");
            return 1;
        }
    }
    if let Err(message) = csp::write_policy(dir) {
        eprintln!("xtask post-build: {message}");
        return 1;
    }
    // Development builds get none: a cached page would hide every rebuild.
    if release {
        if let Err(message) = offline::write_service_worker(dir) {
            eprintln!("xtask post-build: {message}");
            return 1;
        }
    }
    0
}
