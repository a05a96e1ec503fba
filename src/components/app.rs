use super::lessons_view::lessons_view;
use super::share_view::share_view;
use super::{
    fields::ChoiceField, form::FormPanel, later_view::Later, link_banner::link_banner_view,
    resource_panel::ResourcePanel, token_panel::TokenPanel,
};
use crate::actions::{self, Page};
use crate::browser;
use crate::consent::Consent;
use crate::later::split_point;
use crate::state::{Form, Results, View};
use crate::workshop::Workshop;
use leptos::prelude::*;
use ords_core::{Closed, Key, RunRecord, Section, Theme};
use std::time::Duration;

/// The whole page: the form in a column of its own, beside it the two answers side by side with
/// the sections as tabs under them (one column on a narrow screen).
#[component]
pub fn App() -> impl IntoView {
    let link_text = browser::page_settings_text();
    let start = crate::persist::start(&link_text);
    let form = Form::new(&start.config, start.source);
    let from_link = start.link.is_some();
    if let Some(par) = start.link.as_ref().and_then(|l| l.par.as_ref()) {
        // Its author's, on purpose: memory only, like a typed one.
        form.par_url.set(par.url.url());
    }
    crate::persist::keep(form, from_link);
    let results = Results::new(browser::now_ms());
    crate::history::keep(results);
    // Only the demo's own URLs may end in the in-page simulator without the person choosing it.
    let on_demo = ords_core::demo::is_demo_url(&start.config.token_url)
        && ords_core::demo::is_demo_url(&start.config.resource_url);
    if start.config.target.is_none() && on_demo {
        actions::choose_default_target(form);
    }
    let consent = Consent::new(&browser::page_origin());
    let workshop = Workshop::new();
    provide_context(form);
    provide_context(results);
    provide_context(consent);
    provide_context(workshop);
    let page = Page::new(form, results, consent, workshop);
    provide_context(page);
    // Lessons open for whoever asked: a lesson link, a lesson kept from last time, an embed listing them.
    let view_state = View::new(
        !start.config.lesson.is_empty() || start.config.embed && start.config.shows(Section::Lessons),
        start.config.flow,
    );
    provide_context(view_state);
    Effect::new(move || browser::apply_theme(form.theme.get()));
    Effect::new(move || browser::apply_presentation(form.present.get()));
    // A link naming a lesson but not its scenario (`#lesson=expired-token`) opens it staged.
    let stage_linked =
        start.link.as_ref().is_some_and(|l| l.set.contains(&Key::Lesson) && !l.set.contains(&Key::Scenario));
    browser::report_height_to_host();
    // Only a link that steers requests (where they go, what they send) raises the banner; the
    // page around an embed may raise it too, with settings of its own.
    let host = crate::host_api::HostApi::new(&link_text, start.link.clone());
    let host_origin = start.config.host_origin;
    provide_context(host);
    if browser::in_frame() {
        browser::note_early_messages();
    }
    // The code the first screen does not need, as soon as the page has drawn it; the helper
    // (simulator, code, diagnosis) starts with it.
    let owner = Owner::current();
    let update_ready = RwSignal::new(false);
    set_timeout(
        move || {
            crate::later::start(move || {
                leptos::task::spawn_local(actions::preload_run_code());
                if browser::in_frame() {
                    leptos::task::spawn_local(async move {
                        // The page around waits for `ready`: a failed chunk is tried again.
                        while crate::host_api::listen(page, host, host_origin.clone()).await.is_err() {
                            crate::later::next_arrival().await;
                        }
                    });
                }
                leptos::task::spawn_local(async move {
                    if let Some(owner) = owner {
                        // Runs need not wait for it; it is tried again once another chunk
                        // arrives (a Retry, or the network back).
                        while keep_up(page, owner.clone(), stage_linked, update_ready).await.is_err() {
                            crate::later::background_begun();
                            crate::later::next_arrival().await;
                        }
                    }
                    crate::later::background_begun();
                });
            });
        },
        Duration::ZERO,
    );
    if let Ok(tick) = set_interval_with_handle(move || results.now_ms.set(browser::now_ms()), Duration::from_secs(1)) {
        on_cleanup(move || tick.clear());
    }
    let embed = form.embed.get_untracked();
    // The full page keeps what its author's link included.
    let full_link =
        move || ords_core::share_link(&browser::page_address(), &form.config().full_page(), form.linked_par().as_ref());
    let lessons_open = view_state.lessons_open;
    let share_open = RwSignal::new(false);
    // An embed has Lessons only when it lists them (or a lesson link opened them).
    let lessons_offered = move || !embed || lessons_open.get();
    view! {
        <header class="top" class:embed=embed>
            <h1>"ORDS Auth Playground"</h1>
            {if embed {
                view! {
                    <a class="full" href=full_link target="_blank" rel="noopener">"Open in full playground"</a>
                }.into_any()
            } else {
                view! {
                    <p class="tagline">
                        "Run OAuth2 client credentials or HTTP Basic against an ORDS API from this browser, and see \
                            every exchange."
                    </p>
                    <div class="page-tools">
                        <button type="button" class="small" aria-expanded=move || lessons_open.get().to_string()
                            aria-controls="lessons" on:click=move |_| lessons_open.update(|o| *o =
                                !*o)>"Lessons"</button>
                        <div class="field theme">
                            <ChoiceField label="Theme" id="theme" value=form.theme
                                options=Theme::choices() />
                        </div>
                        <button type="button" class="small present-toggle" aria-pressed=move ||
                            form.present.get().to_string()
                            on:click=move |_| form.present.update(|p| *p = !*p)>"Presentation"</button>
                        <button type="button" class="small" aria-expanded=move || share_open.get().to_string()
                            aria-controls="share" on:click=move |_| share_open.update(|o| *o = !*o)>"Share"</button>
                        <section id="share" class="share panel" aria-label="Share" hidden=move || !share_open.get()>
                            <Later load=share_view />
                        </section>
                    </div>
                }.into_any()
            }}
        </header>
        // The runs as stored (settings and outcomes) are for `cargo xtask bench`, which sees a
        // run finish by them.
        <main class="workspace" class:embed=embed
            data-history=move || results.runs.with(|runs| runs.iter().map(RunRecord::to_line).collect::<Vec<_>>()
                .join("\n"))>
            <p class="notice update-ready" role="status" hidden=move || !update_ready.get()>
                    "A newer version of the playground is ready (reloading keeps saved settings, not typed secrets). "
                    <button type="button" class="small" on:click=|_| browser::apply_update()>"Reload to update"</button>
            </p>
            // The banner's code (every setting's label, the differences) comes after the first
            // load: nothing is sent before a button, and the question guards credentials anyway.
            {move || host.banner.with(Option::is_some).then(|| view! { <Later load=link_banner_view blank=true /> })}
            <Show when=move || host.asking.with(Option::is_some)>
                <Later load=super::host_prompt::host_prompt_view blank=true />
            </Show>
            <div class="form-column">
                <div id="lessons" class="lessons-slot" hidden=move || !lessons_open.get()>
                    <Show when=lessons_offered><Later load=lessons_view /></Show>
                </div>
                <FormPanel />
            </div>
            <div class="answers">
                <div class="panels">
                    <TokenPanel />
                    <ResourcePanel />
                </div>
                // An embed that lists no section fetches no section code.
                <Show when=move || view_state.tabs(&form).1.is_some()>
                    <Later load=super::section_tabs::sections_view />
                </Show>
            </div>
        </main>
        // Only a run asks the question, and the run's code is in the same chunk.
        <Later load=super::consent_dialog::consent_view blank=true />
    }
}

split_point!(
    background,
    preload_background,
    /// What the page keeps up in the background once the form is usable: the inputs' diagnosis,
    /// the simulator's scenario and the workshop's scenarios and lessons, from the helper; a
    /// lesson a link named, staged once the lessons are in; then the offline copy, which
    /// fetches every file once more (`update_ready` when a newer version is waiting).
    fn keep_up(page: Page, owner: Owner, stage_linked: bool, update_ready: RwSignal<bool>) -> () {
        owner.with(|| {
            crate::workshop::keep_scenario(page.form, page.results);
            crate::diagnosis::keep_inputs_diagnosed(page.form, page.results);
            if stage_linked {
                stage_linked_lesson(page);
            }
        });
        page.workshop.load();
        set_timeout(move || browser::keep_offline_copy(move || update_ready.set(true)), Duration::from_secs(2));
    }
);

/// Stages the lesson the page's link named, once the lessons have come from the helper.
fn stage_linked_lesson(page: Page) {
    let Page { form, workshop, .. } = page;
    Effect::new(move |staged: Option<bool>| {
        if staged == Some(true) {
            return true;
        }
        let Some(lesson) =
            workshop.lesson(&form.lesson.get_untracked()).filter(|_| workshop.lessons.with(|l| !l.is_empty()))
        else {
            workshop.lessons.track();
            return false;
        };
        crate::workshop::stage(page.form, page.results, workshop, &lesson);
        true
    });
}
