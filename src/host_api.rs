//! The embed's side of its API for the page around it (`ords_core::host_api`): who may talk to
//! it (the origin its link names, or the page that framed it once the person allows it), what
//! each message does (settings as a link's, under the banner and the question about
//! credentials; a press of `Get token` or `Call API`; reset; theme). `ran` is `host_report`'s.
//! The listener comes with the code fetched after the first screen.

use crate::actions::{self, Page};
use crate::browser;
use crate::state::Source;
use leptos::prelude::*;
use ords_core::host_api::{read_message, settings_after, FromHost};
use ords_core::{demo, Decoded, PlaygroundConfig, Target};

/// What the page keeps about its host: the banner (a message's settings raise it as a link's
/// do) and the origin asking to be allowed.
#[derive(Clone, Copy)]
pub struct HostApi {
    pub banner: RwSignal<Option<Decoded>>,
    pub asking: RwSignal<Option<String>>,
    /// The person answered the question (either way): it is not asked again.
    pub answered: RwSignal<bool>,
    link_text: StoredValue<String>,
}

impl HostApi {
    pub fn new(link_text: &str, link: Option<Decoded>) -> Self {
        Self {
            banner: RwSignal::new(link.filter(Decoded::needs_banner)),
            asking: RwSignal::new(None),
            answered: RwSignal::new(false),
            link_text: StoredValue::new(link_text.to_owned()),
        }
    }

    /// `Allow`: the asking origin may talk to the embed from now on.
    pub fn allow(self) {
        if let Some(origin) = self.asking.get_untracked() {
            browser::allow_host(&origin, ords_core::host_api::READY);
        }
        self.answered.set(true);
        self.asking.set(None);
    }

    pub fn decline(self) {
        self.answered.set(true);
        self.asking.set(None);
    }
}

crate::later::split_point!(
    host_api,
    preload_host_api,
    /// In a frame: listens to the parent window (each message handled as it arrives, in order),
    /// and tells the origin the link names `ready`. Fetched with the code that comes after the
    /// first screen: a host waits for `ready` before it sends.
    pub fn listen(page: Page, host: HostApi, named: String) -> () {
        let named = (!named.is_empty()).then_some(named);
        let referrer = browser::referrer_origin();
        let ask = named.is_none();
        let asked_early = browser::early_message_origins().into_iter().any(|o| referrer.as_deref() == Some(&o));
        if ask && asked_early {
            host.asking.set(referrer.clone());
        }
        browser::listen_to_parent(move |from, json| match browser::host_origin() {
            Some(allowed) if allowed == from => handle(page, host, &json),
            _ => {
                // The page that framed this one may ask once to be allowed; its message is not
                // acted on (it sends again after `ready`).
                if ask && referrer.as_deref() == Some(&from) && !host.answered.get_untracked() {
                    host.asking.set(Some(from));
                }
                browser::ignore_message();
            }
        });
        if let Some(origin) = named {
            browser::allow_host(&origin, ords_core::host_api::READY);
        }
    }
);

fn handle(page: Page, host: HostApi, json: &str) {
    let Page { form, results, .. } = page;
    match read_message(json) {
        Err(_) => browser::ignore_message(),
        Ok(FromHost::Settings(text)) => {
            let decoded = host.link_text.with_value(|link| settings_after(link, &text));
            apply(page, &decoded.config);
            host.banner.set(Some(decoded).filter(Decoded::needs_banner));
        }
        Ok(FromHost::Run(_)) if results.busy.get_untracked().is_some() => browser::ignore_message(),
        Ok(FromHost::Run(button)) => actions::press(page, button),
        Ok(FromHost::Reset) => {
            let decoded = host.link_text.with_value(|link| PlaygroundConfig::from_fragment(link));
            apply(page, &decoded.config);
            host.banner.set(Some(decoded).filter(Decoded::needs_banner));
            results.forget_run();
        }
        Ok(FromHost::Theme(theme)) => form.theme.set(theme),
    }
}

/// Settings from the host, as a link's: URLs count as the link's (the question about
/// credentials applies), the demo's public secrets only while everything points at the demo, and
/// requests go over the network once the settings name a server other than the demo's.
fn apply(page: Page, config: &PlaygroundConfig) {
    let form = page.form;
    form.apply(config, Source::Link);
    let (secret, password) = config.demo_secrets();
    let keep = |field: RwSignal<String>, demo_value: &str, wanted: Option<&str>| match wanted {
        Some(value) if field.with_untracked(String::is_empty) => field.set(value.to_owned()),
        None if field.with_untracked(|v| v == demo_value) => field.set(String::new()),
        _ => {}
    };
    keep(form.client_secret, demo::CLIENT_SECRET, secret);
    keep(form.password, demo::PASSWORD, password);
    let on_demo = demo::is_demo_url(&config.token_url) && demo::is_demo_url(&config.resource_url);
    if config.target.is_none() && !on_demo && form.target_source.get_untracked() == Source::Default {
        form.target.set(Target::Network);
    }
}
