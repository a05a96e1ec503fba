//! The page's Content-Security-Policy, written into the built `index.html` after each build
//! (Trunk's post-build hook runs `cargo xtask post-build`): scripts only from the page's own origin,
//! WebAssembly compilation, and Trunk's inline loader by its hash; no plugins, no `<base>`, no
//! form posts, no inline styles. `connect-src` stays open: people call any ORDS they type.
//! `frame-ancestors` cannot be set from a `<meta>`; hosts send it as a header (README).

use base64::{engine::general_purpose::STANDARD, Engine as _};
use sha2::{Digest, Sha256};
use std::path::Path;

/// The policy, for these inline script hashes.
pub fn policy(script_hashes: &[String]) -> String {
    let scripts: String = script_hashes.iter().map(|h| format!(" 'sha256-{h}'")).collect();
    [
        "default-src 'self'".to_owned(),
        format!("script-src 'self' 'wasm-unsafe-eval'{scripts}"),
        "style-src 'self'".into(),
        "img-src 'self' data:".into(),
        "connect-src 'self' *".into(),
        "worker-src 'self'".into(),
        "manifest-src 'self'".into(),
        "object-src 'none'".into(),
        "base-uri 'none'".into(),
        "form-action 'none'".into(),
    ]
    .join("; ")
}

/// The contents of every inline `<script>` (one without `src`).
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else { break };
        let tag = &after[..open_end];
        let body = &after[open_end + 1..];
        let Some(close) = body.find("</script>") else { break };
        if !tag.contains(" src=") {
            out.push(&body[..close]);
        }
        rest = &body[close..];
    }
    out
}

/// The HTML with its policy: an existing policy `<meta>` is replaced, else one goes right
/// after `<meta charset…>` (before anything it governs).
pub fn with_policy(html: &str) -> String {
    let hashes: Vec<String> =
        inline_scripts(html).iter().map(|s| STANDARD.encode(Sha256::digest(s.as_bytes()))).collect();
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />", policy(&hashes));
    let marker = "<meta http-equiv=\"Content-Security-Policy\"";
    if let Some(at) = html.find(marker) {
        let end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
        return format!("{}{meta}{}", &html[..at], &html[end..]);
    }
    match html.find("<meta charset").and_then(|at| html[at..].find('>').map(|e| at + e + 1)) {
        Some(after) => format!("{}\n    {meta}{}", &html[..after], &html[after..]),
        None => html.replacen("<head>", &format!("<head>\n    {meta}"), 1),
    }
}

/// Adds the policy to `dir/index.html`.
pub fn write_policy(dir: &Path) -> Result<(), String> {
    let file = dir.join("index.html");
    let html = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    std::fs::write(&file, with_policy(&html)).map_err(|e| format!("cannot write {}: {e}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUILT: &str = "<!DOCTYPE html>\n<html><head>\n<meta charset=\"utf-8\" />\n<script type=\"module\">\nimport \
        init from '/x.js';\n</script>\n<script src=\"/y.js\"></script></head></html>";

    #[test]
    fn the_inline_loader_is_allowed_by_its_hash_and_nothing_else_inline() {
        let html = with_policy(BUILT);
        let hash = STANDARD.encode(Sha256::digest(b"\nimport init from '/x.js';\n"));
        assert!(html.contains(&format!("script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}';")), "{html}");
        assert!(html.contains("<meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\""));
        assert!(html.contains("object-src 'none'; base-uri 'none'; form-action 'none'"));
        assert!(!html.contains("unsafe-inline"));
        assert_eq!(with_policy(&html), html, "running it again changes nothing");
    }
}
