//! `Configured by a link`: what a link set on this page, where credentials will go, and what
//! it tried to set that was not used. Shown whenever the page's URL carried settings.

use crate::state::Form;
use leptos::prelude::*;
use ords_core::{Decoded, Key};

/// In an embed (`compact`), the details start closed: the hosts stay in view.
#[component]
pub fn LinkBanner(link: Decoded, compact: bool) -> impl IntoView {
    let form = expect_context::<Form>();
    let hosts = Memo::new(move |_| form.config().credential_hosts());
    let changed: Vec<(Key, String)> = link.config.differences();
    let ignored = link.ignored;
    view! {
        <section class="link-banner" class:compact=compact aria-labelledby="link-banner-title">
            <h2 id="link-banner-title">"Configured by a link"</h2>
            {(!compact).then(|| view! {
                <p>"This page was opened with settings in its link. Check them before you type a secret: nothing is \
                    sent until you press a button, and the page asks before credentials go to a server you did not \
                    type."</p>
            })}
            <p class="hosts">"Credentials will go to: "
                {move || hosts.with(|h| match h.is_empty() {
                    _ if form.flow.get() == ords_core::Flow::Par => match form.linked_par() {
                        Some(par) => format!("none of yours: Call API sends the pre-authenticated URL the link's \
                            author included to {}", ords_core::origin_of(&par.url.prefix).unwrap_or_default()),
                        None => "the host of the pre-authenticated URL you type".to_owned(),
                    },
                    true => "(no valid URL yet)".to_owned(),
                    false => h.join(", "),
                })}
            </p>
            {link.par.map(|par| view! {
                <p class="hint" data-testid="link-par">{format!("The link includes a pre-authenticated URL, {}, put \
                    there by its author: anyone with the link can call {} with it until it expires.", par.url.masked(),
                    par.url.path)}</p>
            })}
            {crate::browser::host_origin().map(|origin| view! {
                <p class="hint">{format!("{origin}, the page around this embed, may change these settings and press \
                    the buttons.")}</p>
            })}
            {(!changed.is_empty()).then(|| view! {
                <details open=!compact>
                    <summary>{format!("Settings the link changed ({})", changed.len())}</summary>
                    <ul>
                        {changed.into_iter().map(|(key, value)| {
                            let place = key.section().map(|s| format!(" (in {})", s.label())).unwrap_or_default();
                            view! { <li><span class="key">{format!("{}{place}: ",
                                key.label())}</span><code>{value}</code></li> }
                        }).collect_view()}
                    </ul>
                </details>
            })}
            {(!ignored.is_empty()).then(|| view! {
                <details open=!compact>
                    <summary>{format!("Ignored ({})", ignored.len())}</summary>
                    <ul>
                        {ignored.into_iter().map(|i| view! { <li><code>{i.key}</code>{format!(": {}", i.why)}</li>
                            }).collect_view()}
                    </ul>
                </details>
            })}
            {(!compact).then(|| view! {
                <p class="hint">"Secrets remembered in this tab are never restored into a page opened from a link."</p>
            })}
        </section>
    }
}

/// The banner for what the page's link (or the page around an embed) set, while there is one.
#[component]
fn BannerSlot() -> impl IntoView {
    let host = expect_context::<crate::host_api::HostApi>();
    let compact = expect_context::<Form>().embed.get_untracked();
    move || host.banner.get().map(|link| view! { <LinkBanner link compact /> })
}

crate::later::split_point!(
    link_banner,
    preload_link_banner,
    /// `Configured by a link`, fetched once the form is usable.
    pub(super) fn link_banner_view() -> AnyView {
        view! { <BannerSlot /> }.into_any()
    }
);
