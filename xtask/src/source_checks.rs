//! Checks of the Rust sources that rustfmt and clippy do not make: no line longer than
//! rustfmt's `max_width` (rustfmt leaves a line it cannot shorten as it is, without a word),
//! and no cycle among a crate's top-level modules (each module depends on modules below it, so
//! it can be read and moved alone).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// rustfmt.toml's `max_width`.
pub const MAX_WIDTH: usize = 120;

/// The folders that hold the project's Rust sources, each a crate's `src` or its tests.
const SOURCES: [&str; 9] = [
    "src",
    "tests",
    "xtask/src",
    "crates/body-lines",
    "crates/ords-core",
    "crates/ords-sim",
    "crates/ords-worker",
    "crates/ords-later",
    "benches",
];

/// The crates whose top-level modules must not form cycles.
pub const CRATES: [&str; 6] = [
    "src",
    "xtask/src",
    "crates/ords-core/src",
    "crates/ords-sim/src",
    "crates/ords-worker/src",
    "crates/ords-later/src",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && !path.ends_with("target") {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `file:line (n columns)` for every line over [`MAX_WIDTH`] characters.
pub fn long_lines(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for dir in SOURCES {
        rust_files(&root.join(dir), &mut files);
    }
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let width = line.chars().count();
            if width > MAX_WIDTH {
                let shown = file.strip_prefix(root).unwrap_or(&file).display();
                found.push(format!("{shown}:{} ({width} columns)", n + 1));
            }
        }
    }
    found
}

/// The top-level module a file belongs to (`diagnose/wire.rs` → `diagnose`); None for the
/// crate root and for test-only files.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    let file_name = file.file_name()?.to_str()?;
    let test_only = file_name == "tests.rs" || file_name.ends_with("_tests.rs");
    (!matches!(name, "lib" | "main") && !test_only).then(|| name.to_owned())
}

/// The code of a file without its trailing `#[cfg(test)] mod tests { … }`.
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests {").map_or(text, |at| &text[..at])
}

/// The first path segments after `crate::`: one name, or each of a `{a, b::c}` group.
fn named(rest: &str) -> Vec<String> {
    let ident = |t: &str| t.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
    let Some(group) = rest.strip_prefix('{') else { return vec![ident(rest)] };
    let (mut depth, mut names, mut start) = (0usize, Vec::new(), 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                names.push(ident(&group[start..i]));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                names.push(ident(&group[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

/// Which top-level modules each one names through `crate::`.
pub fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let Some(module) = module_of(src, &file) else { continue };
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let uses = graph.entry(module.clone()).or_default();
        let code: String = without_tests(&text)
            .lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        for rest in code.split("crate::").skip(1) {
            for name in named(rest) {
                if name != module && name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                    uses.insert(name);
                }
            }
        }
    }
    graph
}

/// The groups of modules that reach each other (strongly connected components of two or more).
pub fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_owned()];
        while let Some(m) = todo.pop() {
            for next in graph.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> = graph.keys().map(|m| (m, reach(m))).collect();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for (m, from_m) in &reaches {
        if groups.iter().any(|g| g.contains(m)) {
            continue;
        }
        let group: Vec<String> =
            from_m.iter().filter(|other| reaches.get(other).is_some_and(|r| r.contains(*m))).cloned().collect();
        if group.len() > 1 {
            groups.push(group);
        }
    }
    groups
}

/// Every cycle of every crate, said for people: `crate: a → b → a`.
pub fn module_cycles(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for krate in CRATES {
        let graph = module_graph(&root.join(krate));
        for group in cycles(&graph) {
            let edges: Vec<String> = group
                .iter()
                .map(|m| {
                    let inside: Vec<&str> = graph[m].iter().filter(|n| group.contains(n)).map(String::as_str).collect();
                    format!("{m} → {}", inside.join(", "))
                })
                .collect();
            found.push(format!("{krate}: {}", edges.join("; ")));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry((*a).into()).or_default().insert((*b).into());
            g.entry((*b).into()).or_default();
        }
        g
    }

    #[test]
    fn paths_and_groups_name_their_first_segments() {
        assert_eq!(named("diagnose::wire::text(x)"), vec!["diagnose"]);
        assert_eq!(named("{demo, url::strip_user_info};"), vec!["demo", "url"]);
        assert_eq!(named("{\n    a::{b, c},\n    d,\n};"), vec!["a", "d"]);
    }

    #[test]
    fn cycles_are_found_and_layers_are_not() {
        assert!(cycles(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])).is_empty());
        let found = cycles(&graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("e", "d"), ("d", "e")]));
        assert_eq!(found, vec![vec!["a", "b", "c"], vec!["d", "e"]]);
    }

    #[test]
    fn a_long_line_and_a_cycle_in_a_crate_are_reported() {
        let root = std::env::temp_dir().join(format!("source-checks-{}", std::process::id()));
        let src = root.join("src");
        std::fs::create_dir_all(src.join("b")).unwrap();
        let long = format!("// {}", "é".repeat(MAX_WIDTH - 2));
        std::fs::write(src.join("a.rs"), format!("use crate::{{b::x, c}};\n{long}\n")).unwrap();
        std::fs::write(src.join("b").join("x.rs"), "// crate::a in a comment\nfn f() { crate::c::g() }\n").unwrap();
        std::fs::write(src.join("c.rs"), "use crate::a;\n#[cfg(test)]\nmod tests {\n use crate::b;\n}\n").unwrap();
        std::fs::write(src.join("b.rs"), "mod x;\n").unwrap();
        assert_eq!(
            long_lines(&root),
            vec![format!("src{}a.rs:2 ({} columns)", std::path::MAIN_SEPARATOR, MAX_WIDTH + 1)]
        );
        let graph = module_graph(&src);
        let set = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<BTreeSet<String>>();
        assert_eq!(graph["b"], set(&["c"]), "not the comment's");
        assert_eq!(graph["c"], set(&["a"]), "not the tests'");
        assert_eq!(cycles(&graph), vec![vec!["a".to_owned(), "b".to_owned(), "c".to_owned()]]);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
