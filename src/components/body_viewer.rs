//! A response body: pretty JSON with folding, raw text, or a sandboxed HTML preview; with
//! find and copy. Only the rows in view are in the page, so a 10 MB body shows at once.

use super::body_rows::{BodyRows, ROW_PX};
use super::controls::CopyButton;
use leptos::prelude::*;
use ords_core::{contains_secret, is_json, mask_secrets, BodyLines, JsonSteps, LARGE_BODY_BYTES};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Pretty,
    Raw,
    Preview,
}

/// Stops a search from scanning on after this many matching lines.
const MATCH_LIMIT: usize = 10_000;

/// `secrets` are masked in what is shown and copied until `revealed`.
#[component]
pub fn BodyViewer(body: String, secrets: Vec<String>, revealed: RwSignal<bool>, is_html: bool) -> impl IntoView {
    if body.len() <= LARGE_BODY_BYTES {
        let json = is_json(&body);
        let masked = masked_copy(&body, &secrets);
        return view! { <Formatted body masked laid_out=None revealed is_html json /> }.into_any();
    }
    // In steps, each its own task of at most about 40 ms for 10 MB: check the JSON, look for
    // the secrets, then lay the JSON out a slice at a time.
    let size = ords_core::format_size(body.len());
    let body = StoredValue::new(body);
    let json = StoredValue::new(false);
    let masked = StoredValue::new(None::<String>);
    let laid_out = StoredValue::new(None::<LaidOut>);
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        // Each step is its own task and reads the stored values with `try_`: a new run may have
        // dropped this view in between, and then the steps stop.
        crate::browser::next_task().await;
        let Some(is) = body.try_with_value(|b| is_json(b)) else { return };
        json.set_value(is);
        crate::browser::next_task().await;
        let Some(copy) = body.try_with_value(|b| masked_copy(b, &secrets)) else { return };
        let revealed = copy.is_some() && revealed.try_get_untracked() == Some(true);
        masked.set_value(copy);
        if is {
            let mut steps = None::<JsonSteps>;
            let lines = loop {
                crate::browser::next_task().await;
                let step = body.try_with_value(|b| {
                    masked.try_with_value(|m| {
                        let text = shown(b, m, revealed);
                        steps.get_or_insert_with(|| BodyLines::json_in_steps(text)).step(text, STEP_BYTES)
                    })
                });
                match step.flatten() {
                    None => return,
                    Some(Some(lines)) => break lines,
                    Some(None) => {}
                }
            };
            laid_out.set_value(Some(LaidOut { revealed, lines }));
        }
        ready.set(true);
    });
    let waiting = move || view! { <h4>"Body"</h4><p class="hint" role="status">{format!("Formatting {size}…")}</p> };
    view! {
        <Show when=move || ready.get() fallback=waiting>
            <Formatted body=taken(body) masked=taken(masked) laid_out=taken(laid_out) revealed is_html
                json=json.try_get_value() == Some(true) />
        </Show>
    }
    .into_any()
}

/// A stored value taken, not copied (a 10 MB body): `ready` turns true once.
fn taken<T: Default + Send + Sync + 'static>(value: StoredValue<T>) -> T {
    value.try_update_value(std::mem::take).unwrap_or_default()
}

/// How much JSON is laid out per task (about 15 ms here).
const STEP_BYTES: usize = 2 << 20;

/// Pretty lines made before the body was shown, and of which text (masked or not).
struct LaidOut {
    revealed: bool,
    lines: BodyLines,
}

/// What is shown: the masked copy until the secrets are revealed.
fn shown<'a>(body: &'a str, masked: &'a Option<String>, revealed: bool) -> &'a str {
    match masked {
        Some(masked) if !revealed => masked,
        _ => body,
    }
}

/// The body with `secrets` masked; only a body that holds one gets a copy (a 10 MB body is not
/// copied for nothing).
fn masked_copy(body: &str, secrets: &[String]) -> Option<String> {
    contains_secret(body, secrets).then(|| mask_secrets(body, secrets))
}

#[component]
fn Formatted(
    body: String,
    masked: Option<String>,
    laid_out: Option<LaidOut>,
    revealed: RwSignal<bool>,
    is_html: bool,
    json: bool,
) -> impl IntoView {
    let is_json = json;
    if body.trim().is_empty() {
        return view! { <h4>"Body"</h4><p class="empty" data-testid="body">"(empty body)"</p> }.into_any();
    }
    let mode = RwSignal::new(if is_json { Mode::Pretty } else { Mode::Raw });
    let laid_out = StoredValue::new(laid_out);
    let lines = Memo::new(move |_| {
        let revealed = masked.is_some() && revealed.get();
        let text = shown(&body, &masked, revealed);
        match mode.get() {
            Mode::Pretty => laid_out
                .try_update_value(Option::take)
                .flatten()
                .filter(|l| l.revealed == revealed)
                .map_or_else(|| BodyLines::json(text), |l| l.lines),
            Mode::Raw | Mode::Preview => BodyLines::text(text),
        }
    });
    let collapsed = RwSignal::new(BTreeSet::<u32>::new());
    let query = RwSignal::new(String::new());
    let current = RwSignal::new(0usize);
    let matches =
        Memo::new(move |_| query.with(|q| lines.with(|l| l.find_with(q, MATCH_LIMIT, crate::browser::lowercase))));
    // A new text (view switched, secrets revealed) has new line numbers: unfold everything.
    Effect::watch(move || lines.track(), move |_, _, _| collapsed.set(BTreeSet::new()), false);
    let scroll = NodeRef::<leptos::html::Div>::new();
    let jump = move |step: isize| {
        let found = matches.get_untracked();
        if found.is_empty() {
            return;
        }
        let next = (current.get_untracked() as isize + step).rem_euclid(found.len() as isize) as usize;
        current.set(next);
        let line = found[next];
        lines.with_untracked(|l| collapsed.update(|c| l.enclosing(line).iter().for_each(|o| _ = c.remove(o))));
        let position = lines.with_untracked(|l| l.visible(&collapsed.get_untracked())).partition_point(|&i| i < line);
        if let Some(el) = scroll.get_untracked() {
            el.set_scroll_top(((position as i32) - 3).max(0) * ROW_PX);
        }
    };
    let heading = if is_json { "Body (JSON)" } else { "Body (text, shown as sent)" };
    let copy = Callback::new(move |()| lines.with_untracked(BodyLines::to_text));
    let tab = move |m: Mode, label: &'static str| {
        view! {
            <button type="button" role="tab" class="small" aria-selected=move || (mode.get() == m).to_string()
                on:click=move |_| mode.set(m)>{label}</button>
        }
    };
    let preview = move || {
        let text = lines.with(BodyLines::to_text);
        view! { <iframe class="preview" sandbox="" srcdoc=preview_document(&text)
        title="Rendered preview (scripts off, nothing loaded)"></iframe> }
    };
    view! {
        <div class="block-head body-head">
            <h4>{heading}</h4>
            <div class="tabs" role="tablist" aria-label="Body view">
                {is_json.then(|| view! { {tab(Mode::Pretty, "Pretty")} {tab(Mode::Raw, "Raw")} })}
                {is_html.then(|| view! { {tab(Mode::Raw, "Text")} {tab(Mode::Preview, "Preview")} })}
            </div>
        </div>
        <Show when=move || mode.get() != Mode::Preview fallback=preview>
            <div class="body-tools">
                <label class="find">"Find in response"
                    <input type="search" prop:value=move || query.get()
                        on:input=move |ev| { current.set(0); query.set(event_target_value(&ev)) }
                        on:keydown=move |ev| if ev.key() == "Enter" { jump(if ev.shift_key() { -1 } else { 1 }) } />
                </label>
                <button type="button" class="small" on:click=move |_| jump(-1)>"Previous match"</button>
                <button type="button" class="small" on:click=move |_| jump(1)>"Next match"</button>
                <span class="hint" role="status">{move || match_status(query.with(String::is_empty),
                    matches.with(Vec::len), current.get())}</span>
                <span class="folds" hidden=move || mode.get() != Mode::Pretty>
                    <button type="button" class="small" on:click=move |_|
                        collapsed.set(lines.with_untracked(BodyLines::inner_openers))>"Collapse all"</button>
                    <button type="button" class="small" on:click=move |_|
                        collapsed.set(BTreeSet::new())>"Expand all"</button>
                </span>
                <CopyButton label="Copy body" text=copy />
            </div>
            <BodyRows lines=lines collapsed=collapsed scroll=scroll query=query
                current=Signal::derive(move || matches.with(|m| m.get(current.get()).copied())) />
        </Show>
    }
    .into_any()
}

fn match_status(no_query: bool, found: usize, current: usize) -> String {
    match (no_query, found) {
        (true, _) => String::new(),
        (false, 0) => "No match".to_owned(),
        (false, MATCH_LIMIT) => format!("Line {} of the first {MATCH_LIMIT} matching lines", current + 1),
        (false, n) => format!("Line {} of {n} matching lines", current + 1),
    }
}

/// No scripts (the sandbox), and nothing fetched: an error page's images, styles and fonts
/// would otherwise go to hosts the person never entered.
const PREVIEW_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The page to preview, its policy first so it governs everything after it.
fn preview_document(html: &str) -> String {
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{PREVIEW_CSP}\">{html}")
}
