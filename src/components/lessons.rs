//! `Lessons`: the workshop path. Choosing a lesson stages it (the in-page simulator in its
//! scenario, the form as the lesson needs it); each step shows its goal and what will prove
//! it, hints open one at a time, and a step is marked done only when a run shows its marks.
//! The lesson is drawn in one piece (it is small), the hints apart so their button keeps focus.

use crate::actions::Page;
use crate::state::{Form, SectionTab, View};
use crate::workshop::{self, LessonInfo, Workshop};
use leptos::prelude::*;
use ords_core::Closed;

#[component]
pub fn LessonsPanel() -> impl IntoView {
    let form = expect_context::<Form>();
    let page = expect_context::<Page>();
    let workshop = expect_context::<Workshop>();
    let choose = move |ev: leptos::ev::Event| match workshop.lesson(&event_target_value(&ev)) {
        Some(lesson) => workshop::stage(page.form, page.results, workshop, &lesson),
        None => form.lesson.set(String::new()),
    };
    let options = move || {
        let chosen = form.lesson.get();
        workshop.lessons.with(|all| {
            all.iter()
                .enumerate()
                .map(|(i, l)| {
                    let label = format!("{}. {} ({} min)", i + 1, l.title, l.minutes);
                    view! { <option value=l.id.clone() selected=l.id == chosen>{label}</option> }
                })
                .collect_view()
        })
    };
    let body = move || {
        let lesson = workshop.lesson(&form.lesson.get())?;
        workshop.done.track();
        Some(lesson_view(page, workshop, lesson))
    };
    view! {
        <section class="panel lessons" aria-label="Lessons">
            <h2>"Lessons"</h2>
            <div class="field">
                <label for="lesson">"Lesson"</label>
                <select id="lesson" on:change=choose>
                    <option value="">"Choose a lesson (a 60-90 minute workshop)"</option>
                    {options}
                </select>
            </div>
            <p class="hint" role="status">{move || workshop.said.get()}</p>
            {body}
            <button type="button" class="small" on:click=move |_| workshop.clear_progress()>"Clear progress"</button>
        </section>
    }
}

fn lesson_view(page: Page, workshop: Workshop, lesson: LessonInfo) -> impl IntoView {
    let view_state = expect_context::<View>();
    let current = workshop.current_step(&lesson).map(|s| s.id);
    let staged = workshop
        .scenarios
        .with_untracked(|all| all.iter().find(|s| s.name == lesson.scenario).map(|s| s.failure.clone()));
    let steps =
        lesson
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let done = workshop.is_done(&lesson.id, &step.id);
                let here = current.as_deref() == Some(step.id.as_str());
                let detail = here.then(|| {
                let hints = step.hints.clone();
                let total = hints.len();
                let all_shown = move || workshop.hints.get() >= total;
                let shown = move || hints.iter().take(workshop.hints.get()).map(|h| view! { <li>{h.clone()}</li>
                    }).collect_view();
                // The tab a step points at, by the section's key the lesson names.
                let look = step.shows.as_deref().and_then(SectionTab::from_key).map(|tab| view! {
                    <button type="button" class="link" on:click=move |_| view_state.open_tab(tab)>{format!("Open {}",
                        tab.label())}</button>
                    {" below the answers to see it."}
                });
                view! {
                    <p class="goal">{step.goal.clone()}</p>
                    <p class="hint">{format!("Done when {}.", step.marks.join("; "))}</p>
                    {look.map(|look| view! { <p class="hint">{look}</p> })}
                    <ul class="hints">{shown}</ul>
                    <button type="button" class="small" disabled=all_shown on:click=move |_| workshop.hints.update(|n|
                        *n += 1)>"Show a hint"</button>
                }
            });
                view! {
                    <li class:done=done class:current=here>
                        <strong>{format!("Step {}: {}", i + 1, step.title)}</strong>
                        {done.then_some(view! { <span class="ok">" Done"</span> })}
                        {detail}
                    </li>
                }
            })
            .collect_view();
    let finished = current.is_none().then_some(view! { <p class="ok">"Lesson complete."</p> });
    view! {
        <div class="lesson">
            <p class="intro">{lesson.intro.clone()}</p>
            {staged.map(|f| view! { <p class="hint">"Staged in the simulated ORDS: " {f}</p> })}
            <ol class="steps">{steps}</ol>
            {finished}
            <button type="button" class="small" on:click=move |_| workshop::stage(page.form, page.results, workshop,
                &lesson)>"Reset lesson"</button>
        </div>
    }
}
