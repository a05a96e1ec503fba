//! `Lessons`: the workshop path. Choosing a lesson stages it (`workshop::stage`: the in-page
//! simulator in its scenario, the form as the lesson needs it); each step shows its goal and what
//! will prove it, hints open one at a time, and a step is marked done only when a run shows its
//! marks (`workshop::after_run`).

use crate::state::{Form, Results, SectionTab, View};
use crate::workshop::{self, LessonInfo, StepInfo, Workshop};
use leptos::prelude::*;
use ords_core::Closed;

/// Where a step stands in its lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepState {
    Done,
    /// The first step not done: its goal, marks and hints show.
    Current,
    Ahead,
}

/// Each step's state, given the steps done (`lesson/step`).
pub fn step_states(lesson: &LessonInfo, done: &[String]) -> Vec<StepState> {
    let mut current_seen = false;
    lesson
        .steps
        .iter()
        .map(|step| {
            if done.iter().any(|d| *d == format!("{}/{}", lesson.id, step.id)) {
                StepState::Done
            } else if current_seen {
                StepState::Ahead
            } else {
                current_seen = true;
                StepState::Current
            }
        })
        .collect()
}

#[component]
pub fn LessonsView() -> impl IntoView {
    let form = expect_context::<Form>();
    let results = expect_context::<Results>();
    let workshop = expect_context::<Workshop>();
    // The lessons come from the helper: before then a choice could not be staged.
    let ready = move || workshop.lessons.with(|l| !l.is_empty());
    let chosen = Memo::new(move |_| form.lesson.get());
    let choose = move |id: String| match workshop.lesson(&id) {
        Some(lesson) => workshop::stage(form, results, workshop, &lesson),
        None => form.lesson.set(String::new()),
    };
    let options = move || {
        let chosen = chosen.get();
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
        let lesson = workshop.lesson(&chosen.get())?;
        let states = workshop.done.with(|done| step_states(&lesson, done));
        Some(view! { <LessonSteps lesson states /> })
    };
    view! {
        <section class="panel lessons" aria-label="Lessons">
            <h2>"Lessons"</h2>
            <div class="field">
                <label for="lesson">"Lesson"</label>
                <select id="lesson" disabled=move || !ready() on:change=move |ev| choose(event_target_value(&ev))>
                    <option value="">"Choose a lesson (a 60-90 minute workshop)"</option>
                    {options}
                </select>
            </div>
            <p class="hint" role="status">{move || workshop.said.get()}</p>
            {move || if ready() { body().into_any() } else if chosen.with(|c| !c.is_empty()) {
                view! { <p class="hint">{crate::later::LOADING}</p> }.into_any()
            } else {
                ().into_any()
            }}
            <button type="button" class="small" on:click=move |_| workshop.clear_progress()>"Clear progress"</button>
        </section>
    }
}

#[component]
fn LessonSteps(lesson: LessonInfo, states: Vec<StepState>) -> impl IntoView {
    let form = expect_context::<Form>();
    let results = expect_context::<Results>();
    let workshop = expect_context::<Workshop>();
    let steps = lesson
        .steps
        .iter()
        .zip(&states)
        .enumerate()
        .map(|(i, (step, state))| {
            let done = *state == StepState::Done;
            let here = *state == StepState::Current;
            view! {
                <li class:done=done class:current=here>
                    <strong>{format!("Step {}: {}", i + 1, step.title)}</strong>
                    {done.then_some(view! { <span class="ok">" Done"</span> })}
                    {here.then(|| view! { <CurrentStep step=step.clone() /> })}
                </li>
            }
        })
        .collect_view();
    let finished = (!states.contains(&StepState::Current)).then_some(view! { <p class="ok">"Lesson complete."</p> });
    let staged = move || {
        let failure = workshop::staged_failure(form, workshop);
        (!failure.is_empty()).then(|| view! { <p class="hint">"Staged in the simulated ORDS: " {failure}</p> })
    };
    let reset = {
        let lesson = lesson.clone();
        move |_| workshop::stage(form, results, workshop, &lesson)
    };
    view! {
        <div class="lesson">
            <p class="intro">{lesson.intro}</p>
            {staged}
            <ol class="steps">{steps}</ol>
            {finished}
            <button type="button" class="small" on:click=reset>"Reset lesson"</button>
        </div>
    }
}

/// The step being worked on: its goal, what proves it, the tab it points at, the hints asked for.
#[component]
fn CurrentStep(step: StepInfo) -> impl IntoView {
    let workshop = expect_context::<Workshop>();
    let view_state = expect_context::<View>();
    let total = step.hints.len();
    let all_shown = move || workshop.hints.get() >= total;
    let hints = step.hints.clone();
    let shown = move || hints.iter().take(workshop.hints.get()).map(|h| view! { <li>{h.clone()}</li> }).collect_view();
    let look = step.shows.as_deref().and_then(SectionTab::from_key).map(|tab| {
        view! {
            <p class="hint">
                <button type="button" class="link" on:click=move |_| view_state.open_tab(tab)>
                    {format!("Open {}", tab.label())}
                </button>
                {" below the answers to see it."}
            </p>
        }
    });
    view! {
        <p class="goal">{step.goal.clone()}</p>
        <p class="hint">{format!("Done when {}.", step.marks.join("; "))}</p>
        {look}
        <ul class="hints">{shown}</ul>
        <button type="button" class="small" disabled=all_shown
            on:click=move |_| workshop.hints.update(|n| *n = n.saturating_add(1))>"Show a hint"</button>
    }
}

crate::later::split_point!(
    lessons,
    preload_lessons,
    /// The Lessons panel's view, fetched when the page offers Lessons.
    pub(super) fn lessons_view() -> AnyView {
        view! { <LessonsView /> }.into_any()
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson() -> LessonInfo {
        let step = |id: &str| StepInfo { id: id.into(), title: id.into(), ..Default::default() };
        LessonInfo { id: "dots".into(), steps: vec![step("meet"), step("fix"), step("check")], ..Default::default() }
    }

    #[test]
    fn the_first_step_not_done_is_current_even_after_a_later_one_is_done() {
        use StepState::*;
        assert_eq!(step_states(&lesson(), &[]), [Current, Ahead, Ahead]);
        assert_eq!(step_states(&lesson(), &["dots/meet".into()]), [Done, Current, Ahead]);
        assert_eq!(step_states(&lesson(), &["dots/fix".into()]), [Current, Done, Ahead]);
        // Another lesson's step of the same name is not this one's.
        assert_eq!(step_states(&lesson(), &["other/meet".into(), "dots/meet".into()]), [Done, Current, Ahead]);
        let all = ["dots/meet", "dots/fix", "dots/check"].map(String::from);
        assert_eq!(step_states(&lesson(), &all), [Done, Done, Done]);
    }
}
