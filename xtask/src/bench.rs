//! `cargo xtask bench`: how small and fast the playground is, beside Swagger UI. Prints a
//! table and writes it, with the raw figures, to target/bench/. Figures, not assertions.

use crate::bench_report::Sizes;
use crate::run::{command, output, root, status, target_dir};
use crate::tools;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const SWAGGER_VERSION: &str = "5.35.0";

/// `(name, raw, gzip -9, brotli -q 11)` of each file.
fn compressed(program: &str, args: &[&str], file: &Path) -> u64 {
    let out = std::process::Command::new(program).args(args).arg(file).output();
    out.map(|o| o.stdout.len() as u64).unwrap_or(0)
}

fn sizes(files: &[PathBuf]) -> Sizes {
    files
        .iter()
        .map(|f| {
            let raw = std::fs::metadata(f).map(|m| m.len()).unwrap_or(0);
            let name = f.file_name().unwrap_or_default().to_string_lossy().into_owned();
            (name, raw, compressed("gzip", &["-9", "-c"], f), compressed("brotli", &["-q", "11", "-c"], f))
        })
        .collect()
}

/// A minimal Swagger UI page with an OAuth2 clientCredentials scheme, from swagger-ui-dist.
fn swagger_page(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let npm_dir = target_dir().join("bench").join("swagger-npm");
    let dist = npm_dir.join("node_modules").join("swagger-ui-dist");
    if !dist.join("swagger-ui-bundle.js").exists() {
        let prefix = npm_dir.to_string_lossy().into_owned();
        let package = format!("swagger-ui-dist@{SWAGGER_VERSION}");
        let args = ["install", "--prefix", &prefix, "--no-save", "--no-audit", "--no-fund", &package];
        if !status(command("npm", &args)) {
            return Err("npm install swagger-ui-dist failed".into());
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    for f in ["swagger-ui-bundle.js", "swagger-ui.css"] {
        std::fs::copy(dist.join(f), dir.join(f)).map_err(|e| format!("{f}: {e}"))?;
    }
    let spec = json!({
        "openapi": "3.0.3",
        "info": { "title": "ORDS HR", "version": "1" },
        "servers": [{ "url": "http://127.0.0.1:8181/ords/demo" }],
        "components": { "securitySchemes": { "ords": { "type": "oauth2", "flows": { "clientCredentials": {
            "tokenUrl": "http://127.0.0.1:8181/ords/demo/oauth/token", "scopes": {} } } } } },
        "security": [{ "ords": [] }],
        "paths": { "/hr/employees/": { "get": { "summary": "Employees", "responses": { "200": { "description": "OK" } }
            } } }
    });
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Swagger UI</title>\
         <link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"swagger-ui.css\"></head>\
         <body><div id=\"swagger-ui\"></div><script src=\"swagger-ui-bundle.js\"></script>\
         <script>window.ui = SwaggerUIBundle({{ dom_id: '#swagger-ui', spec: {spec} }});</script></body></html>\n"
    );
    std::fs::write(dir.join("index.html"), html).map_err(|e| e.to_string())?;
    Ok(["index.html", "swagger-ui.css", "swagger-ui-bundle.js"].iter().map(|f| dir.join(f)).collect())
}

/// The built files: those the first load fetches (`index.html`, what it names, the
/// wasm-bindgen snippets and the split's loader the page's glue imports), and those fetched
/// later (the split's chunks and the helper worker, after the form is usable).
fn our_files() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let dist = root().join("dist");
    let list = |dir: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir).map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default()
    };
    let (mut files, mut folders) = (Vec::new(), list(&dist));
    while let Some(path) = folders.pop() {
        if path.is_dir() {
            folders.extend(list(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    // Named as `./<name>` or `/<path>/<name>`, quoted or not (release HTML is minified).
    let names = |text: &str, name: &str| {
        text.match_indices(&format!("/{name}"))
            .any(|(at, m)| text[at + m.len()..].chars().next().is_none_or(|c| matches!(c, '"' | '\'' | ' ' | '>')))
    };
    let file_name = |f: &PathBuf| f.file_name().unwrap_or_default().to_string_lossy().into_owned();
    // What index.html names, and what the scripts it names import (the split's loader).
    let scripts: String = files
        .iter()
        .filter(|f| f.extension().is_some_and(|x| x == "js") && names(&index, &file_name(f)))
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    files.into_iter().partition(|f| {
        let name = file_name(f);
        name == "index.html"
            || names(&index, &name)
            || names(&scripts, &name)
            || f.strip_prefix(&dist).is_ok_and(|p| p.starts_with("snippets"))
    })
}

/// Requests per second and errors of one bounded wrk run.
fn wrk(args: &[&str]) -> (f64, u64) {
    let text = output("wrk", args).unwrap_or_default();
    println!("{text}");
    let number = |label: &str| -> Vec<f64> {
        text.lines()
            .find(|l| l.trim_start().starts_with(label))
            .map(|l| l.split(|c: char| !c.is_ascii_digit() && c != '.').filter_map(|n| n.parse().ok()).collect())
            .unwrap_or_default()
    };
    let rate = number("Requests/sec").first().copied().unwrap_or(0.0);
    let errors = number("Non-2xx").first().copied().unwrap_or(0.0) + number("Socket errors").iter().sum::<f64>();
    (rate, errors as u64)
}

fn throughput() -> Result<Value, String> {
    let sim = target_dir().join("release").join("ords-sim");
    let mut child = std::process::Command::new(&sim)
        .args(["--listen", "127.0.0.1:18181"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("ords-sim: {e}"))?;
    std::thread::sleep(std::time::Duration::from_millis(500));
    let base = "http://127.0.0.1:18181/ords/demo";
    let basic = "VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm0yUXg3ZFZiVWFFNGtSOXBMd1Qxc0EuLg==";
    let lua = target_dir().join("bench").join("token.lua");
    let script = format!(
        "wrk.method = \"POST\"\nwrk.body = \"grant_type=client_credentials\"\n\
         wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\nwrk.headers[\"Authorization\"] = \
             \"Basic {basic}\"\n"
    );
    std::fs::write(&lua, script).map_err(|e| e.to_string())?;
    let lua = lua.to_string_lossy().into_owned();
    // 5 s keeps the issued tokens under the simulator's cap of 50,000.
    let token = wrk(&["-t2", "-c32", "-d5s", "-s", &lua, &format!("{base}/oauth/token")]);
    let grant = output(
        "curl",
        &[
            "-s",
            "-H",
            &format!("Authorization: Basic {basic}"),
            "-d",
            "grant_type=client_credentials",
            &format!("{base}/oauth/token"),
        ],
    )
    .unwrap_or_default();
    let access = serde_json::from_str::<Value>(&grant)
        .ok()
        .and_then(|v| v["access_token"].as_str().map(str::to_owned))
        .unwrap_or_default();
    let get = wrk(&[
        "-t2",
        "-c32",
        "-d10s",
        "-H",
        &format!("Authorization: Bearer {access}"),
        &format!("{base}/hr/employees/"),
    ]);
    let _ = child.kill();
    let _ = child.wait();
    Ok(json!({ "token_rps": token.0, "token_errors": token.1, "get_rps": get.0, "get_errors": get.1 }))
}

pub fn bench() -> i32 {
    let prepared = tools::ensure_build_tools()
        .and_then(|()| tools::ensure_browser())
        .and_then(|()| tools::ensure_nginx())
        .and_then(|()| tools::ensure_apt_commands(&[("brotli", "brotli"), ("wrk", "wrk"), ("gzip", "gzip")]));
    if let Err(message) = prepared {
        eprintln!("xtask: {message}");
        return 1;
    }
    let built = status(command("cargo", &["build", "--locked", "--release", "-p", "ords-sim", "--bin", "ords-sim"]))
        && status(crate::split::trunk(&["build", "--release", "--offline", "--locked"]));
    if !built {
        return 1;
    }
    let swagger_dir = target_dir().join("bench").join("swagger-page");
    let theirs = match swagger_page(&swagger_dir) {
        Ok(files) => sizes(&files),
        Err(message) => {
            eprintln!("xtask: {message}");
            return 1;
        }
    };
    let (first, later) = our_files();
    let (ours, later) = (sizes(&first), sizes(&later));
    let mut node =
        command("node", &["bench/browser.mjs", &root().join("dist").to_string_lossy(), &swagger_dir.to_string_lossy()]);
    node.env("ORDS_SIM_BIN", target_dir().join("release").join("ords-sim"));
    println!("\n==> node bench/browser.mjs (15 cold loads each, 30 flows and a plain-JS baseline, 5 large payloads)");
    let browser: Value = match node.output() {
        Ok(out) if out.status.success() => serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
        Ok(out) => {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
            return 1;
        }
        Err(e) => {
            eprintln!("xtask: node: {e}");
            return 1;
        }
    };
    let sim = match throughput() {
        Ok(v) => v,
        Err(message) => {
            eprintln!("xtask: {message}");
            return 1;
        }
    };
    let report = crate::bench_report::Report { ours, later, theirs, browser, sim };
    let table = report.table();
    println!("\n{table}");
    let dir = target_dir().join("bench");
    let _ = std::fs::write(dir.join("bench.json"), serde_json::to_string_pretty(&report.json()).unwrap_or_default());
    let _ = std::fs::write(dir.join("table.md"), &table);
    println!("Written: {}/bench.json and table.md", dir.display());
    0
}
