//! The page's build with the `lazy` feature keeps the linker's relocations, which the split
//! (`xtask/src/split.rs`) reads to tell which code each split point reaches. Only this binary:
//! the helper's wasm would carry them to the browser.

fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_LAZY").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
