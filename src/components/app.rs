use super::{
    consent_dialog::ConsentDialog, deferred_slot::DeferredSlot, fields::ChoiceField, form::FormPanel,
    later_view::Later, link_banner::LinkBanner, resource_panel::ResourcePanel, token_panel::TokenPanel,
};
use crate::actions::{self, Page};
use crate::browser;
use crate::consent::Consent;
use crate::later::split_point;
use crate::part_host::{self, Ask};
use crate::state::{Form, Results, SectionTab, View};
use crate::workshop::Workshop;
use leptos::prelude::*;
use ords_core::{Closed, Key, RunRecord, Section, Theme};
use std::time::Duration;

/// The whole page: the form in a column of its own, beside it the two answers side by side with
/// the sections as tabs under them (one column on a narrow screen).
#[component]
pub fn App() -> impl IntoView {
    let start = crate::persist::start(&browser::page_settings_text());
    let form = Form::new(&start.config, start.source);
    let from_link = start.link.is_some();
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
    let page = Page { form, results, consent, workshop };
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
    if stage_linked {
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
    browser::report_height_to_host();
    // The code the first screen does not need, as soon as the page has drawn it; the helper
    // (simulator, code, diagnosis) starts with it.
    let owner = Owner::current();
    set_timeout(
        move || {
            crate::later::start(move || {
                leptos::task::spawn_local(actions::preload_run_code());
                leptos::task::spawn_local(async move {
                    if let Some(owner) = owner {
                        // Runs need not wait for it; it is tried again once another chunk
                        // arrives (a Retry, or the network back).
                        while keep_up(page, owner.clone()).await.is_err() {
                            crate::later::background_begun();
                            crate::later::next_arrival().await;
                        }
                    }
                    crate::later::background_begun();
                    drop(part_host::preload_host().await);
                });
            });
        },
        Duration::ZERO,
    );
    // Then the offline copy, which fetches every file once more.
    // Then the deferred part (every section but Diagnosis, Share, Lessons, Browse endpoints),
    // where the page shows one.
    let offered = |t: SectionTab| t.offered(|s| start.config.shows(s), start.config.flow);
    if !start.config.embed || SectionTab::DEFERRED.into_iter().any(offered) || view_state.lessons_open.get_untracked() {
        set_timeout(browser::load_deferred, Duration::from_millis(400));
    }
    let update_ready = RwSignal::new(false);
    set_timeout(move || browser::keep_offline_copy(move || update_ready.set(true)), Duration::from_secs(2));
    if let Ok(tick) = set_interval_with_handle(move || results.now_ms.set(browser::now_ms()), Duration::from_secs(1)) {
        on_cleanup(move || tick.clear());
    }
    let embed = form.embed.get_untracked();
    let full_link = move || ords_core::share_link(&browser::page_address(), &form.config().full_page());
    // Only a link that steers requests (where they go, what they send) raises the banner.
    let banner = start.link.filter(|l| l.needs_banner());
    let lessons_open = view_state.lessons_open;
    let share_open = RwSignal::new(false);
    // What Code is written from besides the settings: a count of changes, never the values.
    let code_changes = changes(move || {
        for signal in [form.headers, form.body, form.client_secret, form.password] {
            signal.track();
        }
    });
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
                            <DeferredSlot part="share" />
                        </section>
                    </div>
                }.into_any()
            }}
        </header>
        // For the deferred part: the settings as a share link's fragment (never a secret), a
        // number that changes with what else Code is written from, and the questions it asks
        // (crate::part_host). The runs as stored (settings and outcomes) are for `cargo xtask
        // bench`, which sees a run finish by them.
        <main class="workspace" class:embed=embed data-settings=move || form.config().to_fragment()
            data-code=code_changes
            data-history=move || results.runs.with(|runs| runs.iter().map(RunRecord::to_line).collect::<Vec<_>>()
                .join("\n"))
            on:ords-code=move |ev| part_host::answer(page, view_state, Ask::Code, ev)
            on:ords-postman-import=move |ev| part_host::answer(page, view_state, Ask::PostmanImport, ev)
            on:ords-browse=move |ev| part_host::answer(page, view_state, Ask::Browse, ev)
            on:ords-use-endpoint=move |ev| part_host::answer(page, view_state, Ask::UseEndpoint, ev)
            on:ords-lesson=move |ev| part_host::answer(page, view_state, Ask::Lesson, ev)
            data-lessons-ready=move || workshop.lessons.with(|l| (!l.is_empty()).then_some("1"))
            data-lessons-done=move || workshop.done.with(|d| d.join("\n"))
            data-lesson-hints=move || workshop.hints.get().to_string()
            data-lesson-said=move || workshop.said.get()
            data-lesson-staged=move || crate::workshop::staged_failure(form, workshop)>
            <p class="notice update-ready" role="status" hidden=move || !update_ready.get()>
                    "A newer version of the playground is ready (reloading keeps saved settings, not typed secrets). "
                    <button type="button" class="small" on:click=|_| browser::apply_update()>"Reload to update"</button>
            </p>
            {banner.map(|link| view! { <LinkBanner link compact=embed /> })}
            <div class="form-column">
                <div id="lessons" class="lessons-slot" hidden=move || !lessons_open.get()>
                    <DeferredSlot part="lessons" />
                </div>
                <FormPanel />
            </div>
            <div class="answers">
                <div class="panels">
                    <TokenPanel />
                    <ResourcePanel />
                </div>
                <Later load=super::section_tabs::sections_view />
            </div>
        </main>
        <ConsentDialog />
    }
}

split_point!(
    background,
    preload_background,
    /// What the page keeps up in the background once the form is usable: the inputs' diagnosis,
    /// the simulator's scenario and the workshop's scenarios and lessons, from the helper.
    fn keep_up(page: Page, owner: Owner) -> () {
        owner.with(|| {
            crate::workshop::keep_scenario(page.form, page.results);
            crate::diagnosis::keep_inputs_diagnosed(page.form, page.results);
        });
        page.workshop.load();
    }
);

/// A number that changes whenever what `track` reads changes (an attribute for the deferred
/// part to follow, telling it when without telling it what).
fn changes(track: impl Fn() + 'static) -> impl Fn() -> u32 + 'static {
    let count = std::cell::Cell::new(0u32);
    move || {
        track();
        count.set(count.get().wrapping_add(1));
        count.get()
    }
}
