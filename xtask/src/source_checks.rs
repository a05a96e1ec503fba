//! Checks of the Rust sources that rustfmt and clippy do not make: no line longer than
//! rustfmt's `max_width` (rustfmt leaves a line it cannot shorten as it is, without a word),
//! and no cycle among the modules of one folder, at every depth (each module depends on
//! modules below it, so it can be read and moved alone): a file of `src/components/` that
//! uses a sibling which uses it back is a cycle as much as two top-level modules are.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// rustfmt.toml's `max_width`.
pub const MAX_WIDTH: usize = 120;

/// The folders that hold the project's Rust sources, each a crate's `src` or its tests.
const SOURCES: [&str; 8] = [
    "src",
    "tests",
    "xtask/src",
    "crates/body-lines",
    "crates/ords-core",
    "crates/ords-sim",
    "crates/ords-worker",
    "benches",
];

/// The crates whose top-level modules must not form cycles.
pub const CRATES: [&str; 5] =
    ["src", "xtask/src", "crates/ords-core/src", "crates/ords-sim/src", "crates/ords-worker/src"];

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

/// The module a file is (`diagnose/wire.rs` → `diagnose::wire`, `components/mod.rs` →
/// `components`, the crate root → none); None for test-only files.
fn module_of(src: &Path, file: &Path) -> Option<Vec<String>> {
    let relative = file.strip_prefix(src).ok()?;
    let file_name = file.file_name()?.to_str()?;
    if file_name == "tests.rs" || file_name.ends_with("_tests.rs") {
        return None;
    }
    let mut path: Vec<String> =
        relative.components().filter_map(|c| c.as_os_str().to_str()).map(String::from).collect();
    let last = path.pop()?;
    match last.trim_end_matches(".rs") {
        "mod" => {}
        "lib" | "main" if path.is_empty() => {}
        name => path.push(name.to_owned()),
    }
    Some(path)
}

/// The code of a file without its trailing `#[cfg(test)] mod tests { … }`.
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests {").map_or(text, |at| &text[..at])
}

fn ident(text: &str) -> String {
    text.trim_start().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
}

/// The module paths a path names (`a::b::Type` → `a::b`; `a::f()` → `a`; `{a, b::c}` → `a`
/// and `b::c`): its lower-case segments, up to the first item.
fn named_paths(rest: &str) -> Vec<Vec<String>> {
    let mut path = Vec::new();
    let mut at = rest;
    loop {
        let trimmed = at.trim_start();
        if let Some(group) = trimmed.strip_prefix('{') {
            return group_items(group)
                .into_iter()
                .flat_map(named_paths)
                .map(|inner| path.iter().cloned().chain(inner).collect())
                .collect();
        }
        let name = ident(trimmed);
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_lowercase()) || name == "self" {
            return vec![path];
        }
        let after = &trimmed[name.len()..];
        if let Some(next) = after.strip_prefix("::") {
            path.push(name);
            at = next;
            continue;
        }
        // The last segment: a module (`use super::one;`), unless called (a function, a macro).
        if !after.trim_start().starts_with(['(', '!']) {
            path.push(name);
        }
        return vec![path];
    }
}

/// The items of a `{…}` group (its text after `{`), at its own depth.
fn group_items(group: &str) -> Vec<&str> {
    let (mut depth, mut items, mut start) = (0usize, Vec::new(), 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.retain(|item| !item.trim().is_empty());
    items
}

/// The modules the code of module `at` names through `crate::`, `super::` or `self::`, as
/// paths from the crate root.
fn references(code: &str, at: &[String]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    for (start, _) in code.match_indices("::") {
        let word_start = code[..start].rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
        let word = &code[word_start..start];
        if word_start > 1 && &bytes[word_start - 2..word_start] == b"::" {
            continue; // the middle of a path already read
        }
        let mut base: Vec<String> = match word {
            "crate" => Vec::new(),
            "self" => at.to_vec(),
            "super" => at[..at.len().saturating_sub(1)].to_vec(),
            _ => continue,
        };
        let mut rest = &code[start + 2..];
        while let Some(next) = rest.trim_start().strip_prefix("super::") {
            base.pop();
            rest = next;
        }
        for path in named_paths(rest) {
            found.push(base.iter().cloned().chain(path).collect());
        }
    }
    found
}

/// Which modules each module uses among its siblings (the modules of the same folder), named
/// by their paths (`components::form`); the crate's top-level modules are siblings too.
pub fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let Some(module) = module_of(src, &file) else { continue };
        if !module.is_empty() {
            graph.entry(module.join("::")).or_default();
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let code: String = without_tests(&text)
            .lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        for target in references(&code, &module) {
            let common = module.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if module.len() > common && target.len() > common {
                let from = module[..=common].join("::");
                let to = target[..=common].join("::");
                graph.entry(from).or_default().insert(to.clone());
                graph.entry(to).or_default();
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

    fn paths(list: &[&str]) -> Vec<Vec<String>> {
        list.iter().map(|p| p.split("::").filter(|s| !s.is_empty()).map(String::from).collect()).collect()
    }

    #[test]
    fn paths_and_groups_name_their_modules() {
        assert_eq!(named_paths("diagnose::wire::text(x)"), paths(&["diagnose::wire"]));
        // A lower-case last segment may be a function: it can only ever name a node with no edges.
        assert_eq!(named_paths("{demo, url::strip_user_info};"), paths(&["demo", "url::strip_user_info"]));
        assert_eq!(named_paths("{\n    a::{b, c},\n    d,\n};"), paths(&["a::b", "a::c", "d"]));
        assert_eq!(named_paths("Flow::Basic"), paths(&[""]));
        let at = paths(&["components::form"]).remove(0);
        assert_eq!(
            references("use super::{later_view::Later, options::X};\nlet a = crate::state::Form::new();", &at),
            paths(&["components::later_view", "components::options", "state"])
        );
        assert_eq!(references("super::super::x::y()", &at), paths(&["x"]));
        assert_eq!(references("self::inner::f()", &at), paths(&["components::form::inner"]));
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

    #[test]
    fn a_cycle_between_two_files_of_one_folder_is_reported() {
        let root = std::env::temp_dir().join(format!("source-checks-deep-{}", std::process::id()));
        let src = root.join("src");
        std::fs::create_dir_all(src.join("ui")).unwrap();
        std::fs::write(src.join("lib.rs"), "mod ui;\n").unwrap();
        std::fs::write(src.join("ui").join("mod.rs"), "mod one;\nmod two;\nmod three;\n").unwrap();
        std::fs::write(src.join("ui").join("one.rs"), "use super::two::Two;\n").unwrap();
        std::fs::write(src.join("ui").join("two.rs"), "pub fn f() { crate::ui::one::g() }\n").unwrap();
        std::fs::write(src.join("ui").join("three.rs"), "use super::one;\nuse crate::ui::{two};\n").unwrap();
        let graph = module_graph(&src);
        assert_eq!(cycles(&graph), vec![vec!["ui::one".to_owned(), "ui::two".to_owned()]]);
        std::fs::write(src.join("ui").join("two.rs"), "pub fn f() {}\n").unwrap();
        assert!(cycles(&module_graph(&src)).is_empty(), "a layer is no cycle");
        std::fs::remove_dir_all(&root).unwrap();
    }
}
