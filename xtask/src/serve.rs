//! `cargo xtask serve`: the simulator and the page, pre-filled for it.

use crate::run::{command, status, target_dir};
use crate::tools;

pub fn serve(args: &[String]) -> i32 {
    if let Some(extra) = args.first() {
        eprintln!(
            "xtask serve takes no arguments (got {extra}); edit flags in xtask/src/serve.rs or run ords-sim yourself"
        );
        return 2;
    }
    if let Err(message) = tools::ensure_build_tools() {
        eprintln!("xtask: {message}");
        return 1;
    }
    if !status(command("cargo", &["build", "--locked", "-p", "ords-sim", "--bin", "ords-sim"])) {
        return 1;
    }
    let sim_path = target_dir().join("debug").join("ords-sim");
    let mut sim = match command(&sim_path.to_string_lossy(), &[]).spawn() {
        Ok(child) => child,
        Err(e) => {
            eprintln!("xtask: could not start ords-sim: {e}");
            return 1;
        }
    };
    println!("\nThe playground will be at  http://127.0.0.1:8080/  (pre-filled for ords-sim on 127.0.0.1:8181)");
    println!("Press Ctrl-C to stop both.\n");
    let ok = status(crate::split::trunk(&["serve", "--offline", "--locked"]));
    let _ = sim.kill();
    i32::from(!ok)
}
