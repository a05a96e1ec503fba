//! What the page shows, as opposed to what it sends: the open section tab under the answers,
//! whether the Lessons panel is open, and in an embed, whether the whole form is open.

use leptos::prelude::*;
use ords_core::{Flow, Section};

/// The status line's element id: focus moves there after a run on a narrow screen.
pub const STATUS_ID: &str = "status-line";

/// The sections under the two answers, one open at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionTab {
    Diagnosis,
    Compare,
    Timeline,
    Code,
    History,
    Database,
    Mcp,
}

impl SectionTab {
    pub const ALL: [Self; 7] =
        [Self::Diagnosis, Self::Compare, Self::Timeline, Self::Code, Self::History, Self::Database, Self::Mcp];

    /// Used in element ids and `data-section`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Compare => "compare",
            other => other.section().map(Section::key).unwrap_or_default(),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Compare => "Compare",
            other => other.section().map(Section::label).unwrap_or_default(),
        }
    }

    /// The setting that lists it in an embed (`sections=`); Compare has none: it follows the flow.
    pub fn section(self) -> Option<Section> {
        match self {
            Self::Diagnosis => Some(Section::Diagnosis),
            Self::Compare => None,
            Self::Timeline => Some(Section::Timeline),
            Self::Code => Some(Section::Code),
            Self::History => Some(Section::History),
            Self::Database => Some(Section::Database),
            Self::Mcp => Some(Section::Mcp),
        }
    }

    /// The tab showing a section, if any (Lessons has its own panel).
    pub fn of(section: Section) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.section() == Some(section))
    }

    /// True when the page offers this tab: the embed lists its sections, Compare needs its flow.
    pub fn offered(self, shows: impl Fn(Section) -> bool, flow: Flow) -> bool {
        match self.section() {
            Some(section) => shows(section),
            None => flow == Flow::Compare,
        }
    }
}

impl ords_core::Closed for SectionTab {
    fn all() -> &'static [Self] {
        &Self::ALL
    }

    fn key_of(self) -> &'static str {
        self.key()
    }
}

/// The page's view state, shared by the header, the form and the answers.
#[derive(Clone, Copy)]
pub struct View {
    /// The tab chosen last; the first offered one opens when it is not offered.
    pub tab: RwSignal<SectionTab>,
    pub lessons_open: RwSignal<bool>,
    /// In an embed: the whole form instead of the card's summary line.
    pub editing: RwSignal<bool>,
    /// `Paste a command`: its panel open, the text in it, and a count of pastes into a URL
    /// field (each read at once).
    pub paste_open: RwSignal<bool>,
    pub paste_text: RwSignal<String>,
    pub paste_asked: RwSignal<u32>,
}

impl View {
    /// Compare both opens on its table; every other flow on Diagnosis.
    pub fn new(lessons_open: bool, flow: Flow) -> Self {
        let first = if flow == Flow::Compare { SectionTab::Compare } else { SectionTab::Diagnosis };
        Self {
            tab: RwSignal::new(first),
            lessons_open: RwSignal::new(lessons_open),
            editing: RwSignal::new(false),
            paste_open: RwSignal::new(false),
            paste_text: RwSignal::new(String::new()),
            paste_asked: RwSignal::new(0),
        }
    }

    /// The tabs offered now (an embed lists its sections; Compare needs its flow), and the open
    /// one: the one chosen last, else the first offered.
    pub fn tabs(&self, form: &super::Form) -> (Vec<SectionTab>, Option<SectionTab>) {
        let offered: Vec<SectionTab> =
            SectionTab::ALL.into_iter().filter(|t| t.offered(|s| form.shows(s), form.flow.get())).collect();
        let chosen = self.tab.get();
        let open = if offered.contains(&chosen) { Some(chosen) } else { offered.first().copied() };
        (offered, open)
    }

    /// True while `tab` is the open one (tracked).
    pub fn is_open(&self, form: &super::Form, tab: SectionTab) -> bool {
        self.tabs(form).1 == Some(tab)
    }

    /// A command pasted into a URL field: opens `Paste a command` with it, read at once.
    pub fn paste_command(&self, text: String) {
        self.paste_text.set(text);
        self.paste_open.set(true);
        self.paste_asked.update(|n| *n = n.wrapping_add(1));
    }

    /// Opens `tab` and moves the focus to its panel (from a link in the status line or a lesson).
    pub fn open_tab(&self, tab: SectionTab) {
        self.tab.set(tab);
        crate::browser::focus_when_shown(&format!("panel-{}", tab.key()), true);
    }
}
