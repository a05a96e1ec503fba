//! A response body: pretty JSON with folding, raw text, or a sandboxed HTML preview; with
//! find and copy. Only the rows in view are in the page, so a 10 MB body shows at once.

use super::body_rows::{BodyRows, ROW_PX};
use super::controls::CopyButton;
use leptos::prelude::*;
use ords_core::{contains_secret, is_json, mask_secrets, BodyLines, LARGE_BODY_BYTES};
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
        return view! { <Formatted body secrets revealed is_html json /> }.into_any();
    }
    // Two steps, each its own task: check the JSON, then format it.
    let json = RwSignal::new(None::<bool>);
    let size = ords_core::format_size(body.len());
    let body = StoredValue::new(body);
    let secrets = StoredValue::new(secrets);
    set_timeout(move || json.set(Some(body.with_value(|b| is_json(b)))), std::time::Duration::ZERO);
    let waiting = move || view! { <h4>"Body"</h4><p class="hint" role="status">{format!("Formatting {size}…")}</p> };
    let ready = RwSignal::new(false);
    Effect::new(move || {
        if json.get().is_some() {
            set_timeout(move || ready.set(true), std::time::Duration::ZERO);
        }
    });
    view! {
        <Show when=move || ready.get() fallback=waiting>
            <Formatted body=body.get_value() secrets=secrets.get_value() revealed is_html json=json.get_untracked() ==
                Some(true) />
        </Show>
    }
    .into_any()
}

#[component]
fn Formatted(body: String, secrets: Vec<String>, revealed: RwSignal<bool>, is_html: bool, json: bool) -> impl IntoView {
    let is_json = json;
    if body.trim().is_empty() {
        return view! { <h4>"Body"</h4><p class="empty" data-testid="body">"(empty body)"</p> }.into_any();
    }
    // Only a body that holds a secret gets a masked copy (a 10 MB body is not copied for nothing).
    let masked = contains_secret(&body, &secrets).then(|| mask_secrets(&body, &secrets));
    let mode = RwSignal::new(if is_json { Mode::Pretty } else { Mode::Raw });
    let lines = Memo::new(move |_| {
        let text = match &masked {
            Some(masked) if !revealed.get() => masked,
            _ => &body,
        };
        match mode.get() {
            Mode::Pretty => BodyLines::json(text),
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
