//! What the helper tells the page about the workshop and the identity providers: owned copies
//! of the core's and the simulator's static texts, so the first load does not carry them.

use crate::provider::Provider;

/// A workshop scenario of the in-page ORDS.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioInfo {
    pub name: String,
    pub failure: String,
    pub try_it: String,
}

/// A lesson of the workshop path, as the page shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LessonInfo {
    pub id: String,
    pub title: String,
    pub scenario: String,
    /// Settings over the demo's, in the settings' text form.
    pub stage: String,
    pub intro: String,
    pub minutes: u8,
    pub steps: Vec<StepInfo>,
}

impl LessonInfo {
    /// A lesson of the path as the page shows it (its marks said for people).
    pub fn of(lesson: &crate::lessons::Lesson) -> Self {
        let step = |step: &crate::lessons::Step| StepInfo {
            id: step.id.into(),
            title: step.title.into(),
            goal: step.goal.into(),
            hints: step.hints.iter().map(|h| (*h).to_owned()).collect(),
            marks: step.marks.iter().map(|m| m.describe()).collect(),
            shows: step.shows.map(|s| s.key().to_owned()),
        };
        Self {
            id: lesson.id.into(),
            title: lesson.title.into(),
            scenario: lesson.scenario.unwrap_or_default().into(),
            stage: lesson.stage.into(),
            intro: lesson.intro.into(),
            minutes: lesson.minutes,
            steps: lesson.steps.iter().map(step).collect(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepInfo {
    pub id: String,
    pub title: String,
    pub goal: String,
    pub hints: Vec<String>,
    /// What a run must show, said for people.
    pub marks: Vec<String>,
    /// The section tab the step points at, by key.
    pub shows: Option<String>,
}

/// What the page shows beside an identity provider's preset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderNotes {
    pub provider: Provider,
    pub where_to_find: String,
    /// The provider refuses client_credentials from a browser.
    pub blocked: bool,
    pub says: String,
}
