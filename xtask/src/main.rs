//! The project's task runner: `cargo xtask serve`, `cargo xtask test`.
//! Each command installs what is missing first, so a fresh machine needs nothing else.

mod bench;
mod bench_report;
mod csp;
mod run;
mod serve;
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
  csp     write the Content-Security-Policy into a built index.html (Trunk's post-build hook)
";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("serve") => serve::serve(&args[1..]),
        Some("test") => test::test(),
        Some("bench") => bench::bench(),
        Some("csp") => csp::csp(&args[1..]),
        _ => {
            eprint!("{USAGE}");
            2
        }
    };
    std::process::exit(code);
}
