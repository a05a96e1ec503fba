//! What `Share` produces: a link carrying every non-secret setting in its fragment (which
//! browsers never send to the hosting server), and an iframe snippet for documentation pages
//! with the few lines of host script that size the frame to its content. Neither holds a secret
//! ([`PlaygroundConfig`] has none, and user info in URLs is dropped) unless the person ticked
//! `Include the pre-authenticated URL`: then a [`SharedPar`] rides along, on purpose.

use crate::config::{PlaygroundConfig, Section};
use crate::par::SharedPar;

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

/// The link to these settings on the page at `address` (its URL without fragment), with `par`
/// when the person chose to include it.
pub fn share_link(address: &str, config: &PlaygroundConfig, par: Option<&SharedPar>) -> String {
    let mut fragment = config.shareable().to_fragment();
    if let Some(par) = par {
        let pairs = par.pairs();
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let extra = crate::encode::form_body(&borrowed);
        fragment = if fragment.is_empty() { extra } else { format!("{fragment}&{extra}") };
    }
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
pub fn embed_snippet(
    address: &str,
    config: &PlaygroundConfig,
    sections: &[Section],
    par: Option<&SharedPar>,
) -> String {
    let embedded = PlaygroundConfig { embed: true, sections: sections.to_vec(), ..config.clone() };
    let src = attribute(&share_link(address, &embedded, par));
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
        let link = share_link(PAGE, &config, None);
        assert!(link.starts_with("https://your-host/docs/playground/#"), "{link}");
        assert!(!link.contains("pw@"), "{link}");
        let back = PlaygroundConfig::from_fragment(link.split_once('#').map(|(_, f)| f).unwrap_or_default());
        assert_eq!(back.config, config.shareable());
        assert_eq!(share_link(PAGE, &PlaygroundConfig::default(), None), PAGE, "defaults make no fragment");
    }

    #[test]
    fn the_snippet_is_an_embed_frame_with_a_title_and_the_host_script() {
        let config = PlaygroundConfig { client_id: "a\"><script>x</script>".into(), ..PlaygroundConfig::default() };
        let snippet = embed_snippet(PAGE, &config, &[Section::Diagnosis, Section::Code], None);
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
    fn a_par_goes_in_only_when_given_and_reads_back_with_its_expiry() {
        let url = "https://h.example/ords/hr/_/par/Tok-1_x/hr/employees/?q=1";
        let config = PlaygroundConfig { flow: Flow::Par, resource_url: url.into(), ..PlaygroundConfig::default() };
        let without = share_link(PAGE, &config, None);
        assert!(!without.contains("Tok-1_x"), "{without}");
        let par = SharedPar { url: crate::ParUrl::parse(url).unwrap(), expires_at_s: Some(1_796_659_200) };
        let link = share_link(PAGE, &config, Some(&par));
        assert!(
            link.ends_with(
                "&par=https%3A%2F%2Fh.example%2Fords%2Fhr%2F_%2Fpar%2FTok-1_x%2Fhr%2Femployees%2F%3Fq%3D1\
                                &par_expires=1796659200"
            ),
            "{link}"
        );
        let back = PlaygroundConfig::from_fragment(link.split_once('#').map(|(_, f)| f).unwrap_or_default());
        assert_eq!(back.par, Some(par.clone()));
        assert!(back.needs_banner());
        assert_eq!(back.config.flow, Flow::Par);
        let bare = share_link(PAGE, &PlaygroundConfig::default(), Some(&par));
        assert!(bare.starts_with("https://your-host/docs/playground/#par="), "{bare}");
        let snippet = embed_snippet(PAGE, &config, &[], Some(&par));
        assert!(snippet.contains("&amp;par=https%3A%2F%2Fh.example"), "{snippet}");
        assert!(!snippet.contains("&par="), "every & is escaped in the attribute: {snippet}");
    }

    #[test]
    fn the_readme_shows_the_snippet_the_page_makes() {
        let readme = include_str!("../../../README.md");
        let example = embed_snippet(PAGE, &PlaygroundConfig::default(), &[], None);
        assert!(readme.contains(&example), "README's embed example must be:\n{example}");
    }
}
