//! History: each run's settings and outcome, re-runnable. Never secrets: the settings are
//! the form's non-secret ones, and no request or response is kept.

use crate::actions;
use crate::state::{Form, Results};
use crate::transport::{store_get, store_remove, store_set, Store};
use leptos::prelude::*;
use ords_core::{remember, run_summary, RunRecord, TimelineEntry};

const RUNS_KEY: &str = "ords-playground:history";
const KEPT_KEY: &str = "ords-playground:history-kept";

/// Which button a run came from (and which one a re-run presses).
pub const GET_TOKEN: &str = "Get token";
pub const CALL_API: &str = "Call API";

/// Adds the run that just ended.
pub fn record(results: Results, action: &str, params: Vec<(String, String)>, timeline: &[TimelineEntry]) {
    let number = results.runs.with_untracked(|runs| runs.first().map_or(1, |r| r.number + 1));
    let summary = run_summary(timeline);
    let record = RunRecord { number, at_ms: crate::transport::now_ms(), action: action.to_owned(), params, summary };
    results.runs.update(|runs| remember(runs, record));
}

/// Puts a past run's settings back in the form and presses its button again.
pub fn rerun(form: Form, results: Results, record: &RunRecord) {
    form.apply_params(&record.params);
    if record.action == GET_TOKEN {
        actions::get_token(form, results)
    } else {
        actions::call_api(form, results)
    }
}

/// Restores kept runs, then keeps storage in step with the list and the choice.
pub fn keep(results: Results) {
    if store_get(Store::Local, KEPT_KEY).as_deref() == Some("1") {
        let stored = store_get(Store::Local, RUNS_KEY).unwrap_or_default();
        results.runs.set(stored.lines().filter_map(RunRecord::from_line).collect());
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
