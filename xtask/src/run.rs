//! Running commands: in the workspace root, with the project's tool paths, streaming output.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// The cargo target directory (respects CARGO_TARGET_DIR).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("target"))
}

/// A command run from the root, with `node_modules/.bin` first on PATH (npm's wasm-opt must
/// win over any Debian binaryen) and Trunk told not to look for updates.
pub fn command(program: &str, args: &[&str]) -> Command {
    command_with_first_on_path(program, args, None)
}

/// [`command`] with `first` before everything else on PATH (Trunk's splitting wasm-bindgen).
pub fn command_with_first_on_path(program: &str, args: &[&str], first: Option<PathBuf>) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(root());
    let bin = root().join("node_modules").join(".bin");
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths: Vec<PathBuf> = first.into_iter().chain([bin]).collect();
    paths.extend(std::env::split_paths(&path));
    if let Ok(joined) = std::env::join_paths(paths) {
        cmd.env("PATH", joined);
    }
    cmd.env("TRUNK_SKIP_VERSION_CHECK", "true");
    cmd
}

/// Runs to completion with inherited output; true on success.
pub fn status(mut cmd: Command) -> bool {
    announce(&cmd);
    cmd.status().map(|s| s.success()).unwrap_or_else(|e| {
        eprintln!("xtask: could not start {:?}: {e}", cmd.get_program());
        false
    })
}

/// Runs to completion, echoing stdout and returning it too (for counting test results).
pub fn captured(mut cmd: Command) -> (bool, String) {
    announce(&cmd);
    cmd.stdout(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(e) => {
            eprintln!("xtask: could not start {:?}: {e}", cmd.get_program());
            return (false, String::new());
        }
    };
    let mut out = String::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            out.push_str(&line);
            out.push('\n');
        }
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    (ok, out)
}

/// Output of a quick query command (e.g. `--version`), if it ran.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = command(program, args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn announce(cmd: &Command) {
    let args: Vec<_> = cmd.get_args().map(|a| a.to_string_lossy()).collect();
    println!("\n==> {} {}", cmd.get_program().to_string_lossy(), args.join(" "));
}

/// Sums `N passed` / `N failed` from cargo test and node --test output.
pub fn count_results(output: &str) -> (u32, u32) {
    let number_before = |line: &str, word: &str| -> u32 {
        line.split(';')
            .filter_map(|part| part.trim().strip_suffix(word))
            .filter_map(|n| n.trim().rsplit(' ').next()?.parse::<u32>().ok())
            .sum()
    };
    let (mut passed, mut failed) = (0, 0);
    for line in output.lines() {
        if line.starts_with("test result:") {
            passed += number_before(line, "passed");
            failed += number_before(line, "failed");
        } else if let Some(n) = line.strip_prefix("# pass ") {
            passed += n.trim().parse::<u32>().unwrap_or(0);
        } else if let Some(n) = line.strip_prefix("# fail ") {
            failed += n.trim().parse::<u32>().unwrap_or(0);
        }
    }
    (passed, failed)
}

#[cfg(test)]
mod tests {
    use super::count_results;

    #[test]
    fn counts_cargo_and_node_results() {
        let out = "test result: ok. 23 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
                   test result: FAILED. 4 passed; 2 failed; 0 ignored\n# tests 9\n# pass 8\n# fail 1\n";
        assert_eq!(count_results(out), (35, 3));
        assert_eq!(count_results("nothing here"), (0, 0));
    }
}
