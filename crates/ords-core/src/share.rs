//! What `Share` produces: a link carrying every non-secret setting in its fragment (which
//! browsers never send to the hosting server), and an iframe snippet for documentation pages
//! with the few lines of host script that size the frame to its content. Neither ever holds a
//! secret: [`PlaygroundConfig`] has none, and user info in URLs is dropped.

use crate::config::{PlaygroundConfig, Section};

/// The host page's script: sizes each playground frame to the height it reports. It trusts
/// only messages from its own frames, and only a finite number, kept within sane bounds.
pub const HOST_SCRIPT: &str = r#"<script>
  // Sizes each ORDS Auth Playground frame on this page to its content.
  addEventListener("message", (e) => {
    const d = e.data;
    if (!d || d.type !== "ords-playground:height" || !Number.isFinite(d.height)) return;
    for (const frame of document.querySelectorAll("iframe")) {
      if (frame.contentWindow === e.source) frame.style.height = Math.min(Math.max(d.height, 120), 20000) + "px";
    }
  });
</script>"#;

/// The frame's title (frames need one for screen readers; axe's `frame-title`).
pub const FRAME_TITLE: &str = "ORDS Auth Playground";

/// The link to these settings on the page at `address` (its URL without fragment).
pub fn share_link(address: &str, config: &PlaygroundConfig) -> String {
    let fragment = config.shareable().to_fragment();
    if fragment.is_empty() {
        address.to_owned()
    } else {
        format!("{address}#{fragment}")
    }
}

/// Text for an HTML attribute value in double quotes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// An iframe with these settings in the embed layout, showing `sections` below the two panels,
/// then the host script.
pub fn embed_snippet(address: &str, config: &PlaygroundConfig, sections: &[Section]) -> String {
    let embedded = PlaygroundConfig { embed: true, sections: sections.to_vec(), ..config.clone() };
    let src = attribute(&share_link(address, &embedded));
    format!(
        "<iframe src=\"{src}\" title=\"{FRAME_TITLE}\" width=\"720\" height=\"640\" \
            loading=\"lazy\"></iframe>\n{HOST_SCRIPT}\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Flow;

    const PAGE: &str = "https://your-host/docs/playground/";

    #[test]
    fn the_link_holds_every_non_secret_setting_and_no_user_info() {
        let config = PlaygroundConfig {
            token_url: "https://ana:pw@ords.example.com/ords/hr/oauth/token".into(),
            client_id: "Te8yn-qGmBoX6jzpPhnUXA..".into(),
            flow: Flow::Basic,
            ..PlaygroundConfig::default()
        };
        let link = share_link(PAGE, &config);
        assert!(link.starts_with("https://your-host/docs/playground/#"), "{link}");
        assert!(!link.contains("pw@"), "{link}");
        let back = PlaygroundConfig::from_fragment(link.split_once('#').map(|(_, f)| f).unwrap_or_default());
        assert_eq!(back.config, config.shareable());
        assert_eq!(share_link(PAGE, &PlaygroundConfig::default()), PAGE, "defaults make no fragment");
    }

    #[test]
    fn the_snippet_is_an_embed_frame_with_a_title_and_the_host_script() {
        let config = PlaygroundConfig { client_id: "a\"><script>x</script>".into(), ..PlaygroundConfig::default() };
        let snippet = embed_snippet(PAGE, &config, &[Section::Diagnosis, Section::Code]);
        let first = snippet.lines().next().unwrap_or_default();
        assert!(first.starts_with("<iframe src=\"https://your-host/docs/playground/#"), "{first}");
        assert!(first.contains("embed=1"), "{first}");
        assert!(first.contains("sections=diagnosis%2Ccode") || first.contains("sections=diagnosis,code"), "{first}");
        assert!(
            first.ends_with("title=\"ORDS Auth Playground\" width=\"720\" height=\"640\" loading=\"lazy\"></iframe>")
        );
        assert!(!first.contains("<script>x"), "typed text cannot leave the attribute: {first}");
        assert!(snippet.ends_with("</script>\n"));
    }

    #[test]
    fn the_readme_shows_the_snippet_the_page_makes() {
        let readme = include_str!("../../../README.md");
        let example = embed_snippet(PAGE, &PlaygroundConfig::default(), &[]);
        assert!(readme.contains(&example), "README's embed example must be:\n{example}");
    }
}
