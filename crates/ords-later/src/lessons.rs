//! `Lessons`: the workshop path. Choosing a lesson has the page stage it (the in-page simulator
//! in its scenario, the form as the lesson needs it); each step shows its goal and what will
//! prove it, hints open one at a time, and a step is marked done only when a run shows its
//! marks (the page checks each run). The page shows its progress on `main` (`data-lessons-done`,
//! `data-lesson-hints`, `data-lesson-said`, `data-lesson-staged`: ids, a count and sentences).

use crate::host;
use leptos::prelude::*;
use ords_core::helper::LessonInfo;
use ords_core::lessons::LESSONS;
use ords_core::Closed;
use ords_playground::state::SectionTab;

/// The page's progress, as it shows it.
#[derive(Clone, Copy)]
struct Progress {
    done: Signal<Vec<String>>,
    hints: Signal<usize>,
    staged: Signal<String>,
}

impl Progress {
    fn is_done(&self, lesson: &str, step: &str) -> bool {
        self.done.with(|d| d.iter().any(|k| k == &format!("{lesson}/{step}")))
    }
}

#[component]
pub fn LessonsView() -> impl IntoView {
    let settings = host::settings();
    let text = host::follow;
    let progress = Progress {
        done: {
            let lines = text("data-lessons-done");
            Signal::derive(move || lines.with(|l| l.lines().map(str::to_owned).collect()))
        },
        hints: {
            let count = text("data-lesson-hints");
            Signal::derive(move || count.with(|c| c.parse().unwrap_or(0)))
        },
        staged: text("data-lesson-staged"),
    };
    let said = text("data-lesson-said");
    // The page stages a lesson once its helper has the lessons: a step shown, or a lesson
    // chosen, before then would be run with the settings not staged.
    let staged_by_page = text("data-lessons-ready");
    let lessons: Vec<LessonInfo> = LESSONS.iter().map(LessonInfo::of).collect();
    let chosen = Memo::new(move |_| settings.with(|c| c.lesson.clone()));
    let options = {
        let lessons = lessons.clone();
        move || {
            let chosen = chosen.get();
            lessons
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let label = format!("{}. {} ({} min)", i + 1, l.title, l.minutes);
                    view! { <option value=l.id.clone() selected=l.id == chosen>{label}</option> }
                })
                .collect_view()
        }
    };
    let body = move || {
        let id = chosen.get();
        let lesson = lessons.iter().find(|l| l.id == id)?.clone();
        if staged_by_page.with(String::is_empty) {
            return Some(view! { <p class="hint">"Loading…"</p> }.into_any());
        }
        progress.done.track();
        Some(lesson_view(progress, lesson).into_any())
    };
    view! {
        <section class="panel lessons" aria-label="Lessons">
            <h2>"Lessons"</h2>
            <div class="field">
                <label for="lesson">"Lesson"</label>
                // Until the page has the lessons it could not stage a choice.
                <select id="lesson" disabled=move || staged_by_page.with(String::is_empty)
                    on:change=move |ev| host::lesson("choose", &event_target_value(&ev))>
                    <option value="">"Choose a lesson (a 60-90 minute workshop)"</option>
                    {options}
                </select>
            </div>
            <p class="hint" role="status">{move || said.get()}</p>
            {body}
            <button type="button" class="small" on:click=|_| host::lesson("clear", "")>"Clear progress"</button>
        </section>
    }
}

fn lesson_view(progress: Progress, lesson: LessonInfo) -> impl IntoView {
    let current = lesson.steps.iter().find(|s| !progress.is_done(&lesson.id, &s.id)).map(|s| s.id.clone());
    let steps = lesson
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let done = progress.is_done(&lesson.id, &step.id);
            let here = current.as_deref() == Some(step.id.as_str());
            let detail = here.then(|| {
                let hints = step.hints.clone();
                let total = hints.len();
                let all_shown = move || progress.hints.get() >= total;
                let shown = move || {
                    hints.iter().take(progress.hints.get()).map(|h| view! { <li>{h.clone()}</li> }).collect_view()
                };
                // The tab a step points at, by the section's key the lesson names.
                let look = step.shows.as_deref().and_then(SectionTab::from_key).map(|tab| {
                    view! {
                        <button type="button" class="link" on:click=move |_| host::lesson("open", tab.key())>
                            {format!("Open {}", tab.label())}
                        </button>
                        {" below the answers to see it."}
                    }
                });
                view! {
                    <p class="goal">{step.goal.clone()}</p>
                    <p class="hint">{format!("Done when {}.", step.marks.join("; "))}</p>
                    {look.map(|look| view! { <p class="hint">{look}</p> })}
                    <ul class="hints">{shown}</ul>
                    <button type="button" class="small" disabled=all_shown on:click=|_| host::lesson("hint", "")>
                        "Show a hint"
                    </button>
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
    let staged = move || {
        let failure = progress.staged.get();
        (!failure.is_empty()).then(|| view! { <p class="hint">"Staged in the simulated ORDS: " {failure}</p> })
    };
    view! {
        <div class="lesson">
            <p class="intro">{lesson.intro}</p>
            {staged}
            <ol class="steps">{steps}</ol>
            {finished}
            <button type="button" class="small" on:click=|_| host::lesson("reset", "")>"Reset lesson"</button>
        </div>
    }
}
