//! `cargo xtask attribute`: where the first load's wasm goes, by crate and by the page's
//! components. twiggy (installed with cargo if missing) reads the main part of the page's wasm
//! as cargo builds it for the release and the split leaves it (`crate::split`: the chunks load
//! after the form is usable), before wasm-bindgen and wasm-opt strip the names; sizes are of that build
//! (code and data; the name sections and wasm-bindgen's describe functions, which are not
//! shipped, left out), so they give shares, not the gzip figure. Generic framework code
//! instantiated for our views is named after the framework function (tachys, reactive_graph):
//! the page's share is larger than its own line says.

use crate::run::{command, output, root, status, target_dir};
use serde_json::Value;
use std::collections::BTreeMap;

/// Crates named in item paths, most specific first (a generic of ours instantiated inside a
/// framework function is counted where twiggy names the function).
const CRATES: [&str; 19] = [
    "ords_playground",
    "ords_core",
    "body_lines",
    "gloo_net",
    "leptos",
    "tachys",
    "reactive_graph",
    "serde_json",
    "serde_core",
    "serde",
    "wasm_bindgen",
    "web_sys",
    "js_sys",
    "hashbrown",
    "indexmap",
    "dlmalloc",
    "alloc",
    "core",
    "std",
];

/// The crate an item belongs to: the first known crate named in it.
fn crate_of(name: &str) -> &'static str {
    let first = |c: &&str| name.find(&format!("{c}::")).or_else(|| name.find(&format!("{c}[")));
    CRATES.iter().filter_map(|c| first(c).map(|at| (at, *c))).min().map_or("other (data, glue)", |(_, c)| c)
}

/// `components::<file>` of the page, when the item is one of its views.
fn component_of(name: &str) -> Option<String> {
    let rest = &name[name.find("ords_playground::components::")? + "ords_playground::components::".len()..];
    Some(rest.split("::").next().unwrap_or(rest).to_owned())
}

pub fn attribute() -> i32 {
    if output("twiggy", &["--version"]).is_none() && !status(command("cargo", &["install", "twiggy", "--locked"])) {
        eprintln!("xtask attribute: could not install twiggy with cargo install");
        return 1;
    }
    let build = [
        "build",
        "--locked",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "-p",
        "ords-playground",
        "--features",
        "lazy",
    ];
    if !status(command("cargo", &build)) {
        return 1;
    }
    let built = target_dir().join("wasm32-unknown-unknown").join("release").join("ords-playground.wasm");
    let wasm = match crate::split::split(&built, &target_dir().join("wasm-split").join("attribute")) {
        Ok(main) => main.to_string_lossy().into_owned(),
        Err(message) => {
            eprintln!("xtask attribute: {message}");
            return 1;
        }
    };
    let Some(json) = output("twiggy", &["top", "-n", "1000000", "--format", "json", &wasm]) else {
        eprintln!("xtask attribute: twiggy could not read {wasm}");
        return 1;
    };
    let items: Vec<Value> = serde_json::from_str(&json).unwrap_or_default();
    let (mut crates, mut components) = (BTreeMap::<&str, u64>::new(), BTreeMap::<String, u64>::new());
    let mut total = 0u64;
    for item in &items {
        let name = item["name"].as_str().unwrap_or_default();
        let size = item["shallow_size"].as_u64().unwrap_or(0);
        // Not shipped: the name sections, and wasm-bindgen's describe functions, which it reads
        // and removes.
        let dropped = ["function names", "__wasm_bindgen_unstable", "custom section", "__wbindgen_describe"];
        if dropped.iter().any(|d| name.contains(d)) {
            continue;
        }
        total += size;
        *crates.entry(crate_of(name)).or_default() += size;
        if let Some(component) = component_of(name) {
            *components.entry(component).or_default() += size;
        }
    }
    let table = |title: &str, rows: Vec<(String, u64)>| {
        let mut rows = rows;
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let mut out = format!("| {title} | bytes | share |\n|---|---|---|\n");
        for (name, size) in rows {
            out.push_str(&format!("| {name} | {size} | {:.1}% |\n", size as f64 * 100.0 / total.max(1) as f64));
        }
        out
    };
    let by_crate = table("crate", crates.into_iter().map(|(k, v)| (k.to_owned(), v)).collect());
    let by_component = table(
        "component (the page's own code in it)",
        components.into_iter().map(|(k, v)| (format!("`{k}`"), v)).collect(),
    );
    let report = format!(
        "First-load wasm before wasm-bindgen and wasm-opt, names kept: {total} bytes of code and data.\n\n\
         {by_crate}\n{by_component}"
    );
    println!("{report}");
    let out = target_dir().join("bench");
    let _ = std::fs::create_dir_all(&out);
    let written = std::fs::write(out.join("attribution.md"), &report).is_ok();
    println!("Written: {}", out.join("attribution.md").strip_prefix(root()).unwrap_or(&out).display());
    i32::from(!written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_counted_in_their_crate_and_component() {
        assert_eq!(
            crate_of("ords_playground::components::form::__component_form_panel::{{closure}}"),
            "ords_playground"
        );
        assert_eq!(crate_of("<tachys::view::Foo as tachys::view::Render>::build"), "tachys");
        assert_eq!(crate_of("reactive_graph::graph::subscriber::untrack_with_diagnostics::h49dd"), "reactive_graph");
        assert_eq!(crate_of("data segment \".rodata\""), "other (data, glue)");
        assert_eq!(crate_of("<core[c5930c85a12de822]::str::pattern::StrSearcher>::next_match"), "core");
        assert_eq!(
            component_of("ords_playground::components::code_panel::__component_code_panel::{{closure}}").as_deref(),
            Some("code_panel")
        );
        assert_eq!(component_of("ords_core::config::codec::from_fragment"), None);
    }
}
