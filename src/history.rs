//! History: each run's settings and outcome. Never secrets: the settings are the form's
//! non-secret ones, and no request or response is kept. (Re-running is in `actions`.)

use crate::browser::{self, store_get, store_remove, store_set, Store};
use crate::state::Results;
use leptos::prelude::*;
use ords_core::{remember, run_summary, Button, PlaygroundConfig, RunRecord, TimelineEntry};

const RUNS_KEY: &str = "ords-playground:history";
const KEPT_KEY: &str = "ords-playground:history-kept";

/// Adds the run that just ended.
pub fn record(results: Results, action: Button, config: PlaygroundConfig, timeline: &[TimelineEntry]) {
    let number = results.runs.with_untracked(|runs| runs.first().map_or(1, |r| r.number.saturating_add(1)));
    let summary = run_summary(timeline);
    results.announcement.set(format!("Finished: {summary}."));
    let record = RunRecord { number, at_ms: browser::now_ms(), action, config: config.shareable(), summary };
    results.runs.update(|runs| remember(runs, record));
}

/// Restores kept runs, then keeps storage in step with the list and the choice.
pub fn keep(results: Results) {
    if store_get(Store::Local, KEPT_KEY).as_deref() == Some("1") {
        let stored = store_get(Store::Local, RUNS_KEY).unwrap_or_default();
        let runs = stored.lines().filter_map(RunRecord::from_line).take(ords_core::HISTORY_LIMIT).collect();
        results.runs.set(runs);
        results.history_kept.set(true);
    }
    Effect::new(move || {
        if results.history_kept.get() {
            let text = results.runs.with(|runs| runs.iter().map(RunRecord::to_line).collect::<Vec<_>>().join("\n"));
            store_set(Store::Local, KEPT_KEY, "1");
            store_set(Store::Local, RUNS_KEY, &text);
        } else {
            store_remove(Store::Local, KEPT_KEY);
            store_remove(Store::Local, RUNS_KEY);
        }
    });
}
