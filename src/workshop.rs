//! Workshop glue: the scenario list and the lesson path come from the page's helper (they live
//! in the simulator crate and the core, so the first load does not carry their text); progress
//! is kept in `localStorage` (lesson and step ids only); after each run the current step is
//! checked against the run's evidence by the helper. The view is `components/lessons_view.rs`.

use crate::browser::{self, store_get, store_set, Store};
use crate::state::{Form, Results, Source};
use leptos::prelude::*;
use ords_core::helper::{Job, Reply};
pub use ords_core::helper::{LessonInfo, ScenarioInfo, StepInfo};
use ords_core::lessons::RunEvidence;
use ords_core::{Flow, PlaygroundConfig, Target};

const PROGRESS_KEY: &str = "ords-playground:lessons";

/// The workshop's state beside the form.
#[derive(Clone, Copy)]
pub struct Workshop {
    pub scenarios: RwSignal<Vec<ScenarioInfo>>,
    pub lessons: RwSignal<Vec<LessonInfo>>,
    /// Steps done, as `lesson/step`.
    pub done: RwSignal<Vec<String>>,
    /// Hints shown for the current step.
    pub hints: RwSignal<usize>,
    /// Which marks of the current step some run has shown.
    pub met: RwSignal<Vec<bool>>,
    /// The last thing the workshop said (a live region).
    pub said: RwSignal<String>,
}

impl Workshop {
    pub fn new() -> Self {
        let done = store_get(Store::Local, PROGRESS_KEY)
            .map(|t| t.lines().filter(|l| l.len() < 100).take(200).map(str::to_owned).collect())
            .unwrap_or_default();
        let workshop = Self {
            scenarios: RwSignal::new(Vec::new()),
            lessons: RwSignal::new(Vec::new()),
            done: RwSignal::new(done),
            hints: RwSignal::new(0),
            met: RwSignal::new(Vec::new()),
            said: RwSignal::new(String::new()),
        };
        Effect::new(move || {
            let lines = workshop.done.with(|d| d.join("\n"));
            store_set(Store::Local, PROGRESS_KEY, &lines);
        });
        workshop
    }

    /// Asks the helper for the scenarios and the lessons.
    pub fn load(self) {
        leptos::task::spawn_local(async move {
            if let Ok(list) = browser::ask_helper(Job::Scenarios).await.and_then(Reply::scenarios) {
                self.scenarios.set(list);
            }
            if let Ok(list) = browser::ask_helper(Job::Lessons).await.and_then(Reply::lessons) {
                self.lessons.set(list);
            }
        });
    }

    pub fn lesson(self, id: &str) -> Option<LessonInfo> {
        self.lessons.with(|all| all.iter().find(|l| l.id == id).cloned())
    }

    pub fn is_done(self, lesson: &str, step: &str) -> bool {
        self.done.with(|d| d.iter().any(|k| k == &format!("{lesson}/{step}")))
    }

    /// The first step of the lesson not done yet.
    pub fn current_step(self, lesson: &LessonInfo) -> Option<StepInfo> {
        lesson.steps.iter().find(|s| !self.is_done(&lesson.id, &s.id)).cloned()
    }

    pub fn clear_progress(self) {
        self.done.set(Vec::new());
        self.met.set(Vec::new());
        self.hints.set(0);
        self.said.set("Progress cleared.".into());
    }
}

/// Opens a lesson: the form as the lesson stages it (on the in-page simulator, in its
/// scenario, with the demo's public secrets), the lesson's progress forgotten.
pub fn stage(form: Form, results: Results, workshop: Workshop, lesson: &LessonInfo) {
    let keep = form.config();
    let base = format!("target=simulated&scenario={}&lesson={}&{}", lesson.scenario, lesson.id, lesson.stage);
    let staged = PlaygroundConfig {
        embed: keep.embed,
        sections: keep.sections,
        theme: keep.theme,
        present: keep.present,
        host_origin: keep.host_origin,
        ..PlaygroundConfig::from_fragment(&base).config
    };
    form.apply(&staged, Source::Typed);
    form.client_secret.set(ords_core::demo::CLIENT_SECRET.into());
    form.password.set(ords_core::demo::PASSWORD.into());
    workshop.done.update(|d| d.retain(|k| !k.starts_with(&format!("{}/", lesson.id))));
    workshop.met.set(Vec::new());
    workshop.hints.set(0);
    results.forget_run();
    workshop.said.set(format!("Lesson {} started.", lesson.title));
}

/// Keeps the in-page simulator in the form's scenario: restarted (its tokens forgotten, so the
/// page forgets the one it holds from it) whenever the scenario changes.
pub fn keep_scenario(form: Form, results: Results) {
    Effect::new(move |before: Option<String>| {
        let scenario = form.scenario.get();
        if before.as_ref() != Some(&scenario) {
            let name = scenario.clone();
            let first = before.is_none();
            leptos::task::spawn_local(async move {
                // On its first run only the scenario may differ from the one already running.
                if let Err(why) = browser::reset_scenario(&name, !first).await {
                    results.notice.set(Some(format!(
                        "The simulated ORDS could not start that scenario ({why}); it runs healthy."
                    )));
                    form.scenario.set(String::new());
                }
            });
            if before.is_some() && untrack(|| results.held_from.get()) == Target::Simulated {
                results.held.set(None);
            }
        }
        scenario
    });
}

/// After a run: checks the current lesson step against what the run showed.
pub fn after_run(form: Form, results: Results, workshop: Workshop, flow: Flow) {
    check_step(form, workshop, || {
        let mut findings = results.input_findings.get_untracked();
        results.findings.with_untracked(|f| findings.extend(f.iter().cloned()));
        results.timeline.with_untracked(|t| RunEvidence::from_run(flow, t, &findings))
    });
}

/// After a walk of the MCP chain: checks the current lesson step against its hops.
pub fn after_mcp_walk(form: Form, workshop: Workshop, run: &ords_core::mcp::McpRun) {
    check_step(form, workshop, || RunEvidence::from_mcp(run));
}

/// Reads the evidence only when a lesson step is open to check it against.
fn check_step(form: Form, workshop: Workshop, evidence: impl FnOnce() -> RunEvidence) {
    let Some(lesson) = workshop.lesson(&form.lesson.get_untracked()) else { return };
    let Some(step) = workshop.current_step(&lesson) else { return };
    let evidence = evidence().to_text();
    leptos::task::spawn_local(async move {
        let job = Job::LessonCheck { lesson: lesson.id.clone(), step: step.id.clone(), evidence };
        let Ok(this_run) = browser::ask_helper(job).await.and_then(Reply::marks) else { return };
        let mut met = workshop.met.get_untracked();
        met.resize(this_run.len(), false);
        for (seen, now) in met.iter_mut().zip(&this_run) {
            *seen |= *now;
        }
        if !met.is_empty() && met.iter().all(|m| *m) {
            workshop.done.update(|d| d.push(format!("{}/{}", lesson.id, step.id)));
            workshop.met.set(Vec::new());
            workshop.hints.set(0);
            workshop.said.set(format!("Step done: {}.", step.title));
        } else {
            workshop.met.set(met);
        }
    });
}

/// What the open lesson staged in the in-page ORDS, said for people (empty: nothing).
pub fn staged_failure(form: Form, workshop: Workshop) -> String {
    let Some(lesson) = workshop.lesson(&form.lesson.get()) else { return String::new() };
    workshop
        .scenarios
        .with(|all| all.iter().find(|s| s.name == lesson.scenario).map(|s| s.failure.clone()))
        .unwrap_or_default()
}
