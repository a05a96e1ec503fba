//! The scrolling rows of a body. Only the rows in view (plus a margin) are in the DOM; a
//! spacer of the full height keeps the scrollbar true to the whole body.

use leptos::prelude::*;
use ords_core::BodyLines;
use std::collections::BTreeSet;

/// One row's height in CSS pixels (`.rows` sets the same line-height).
pub const ROW_PX: i32 = 24;
/// Rows rendered at once: more than fill the viewport, so fast scrolling shows no gap.
const WINDOW: usize = 80;
const MARGIN: usize = 20;

#[component]
pub fn BodyRows(
    lines: Memo<BodyLines>,
    collapsed: RwSignal<BTreeSet<u32>>,
    scroll: NodeRef<leptos::html::Div>,
    query: RwSignal<String>,
    current: Signal<Option<u32>>,
) -> impl IntoView {
    let visible = Memo::new(move |_| collapsed.with(|c| lines.with(|l| l.visible(c))));
    let top = RwSignal::new(0);
    let to_top = move |_: &(), _: Option<&()>, _: Option<()>| {
        if let Some(el) = scroll.get_untracked() {
            el.set_scroll_top(0);
        }
    };
    Effect::watch(move || lines.track(), to_top, false);
    let first = move || (top.get() / ROW_PX).max(0) as usize;
    let rows = move || {
        let start = first().saturating_sub(MARGIN).min(visible.with(Vec::len));
        let shown: Vec<u32> = visible.with(|v| v[start..(start + WINDOW).min(v.len())].to_vec());
        let needle = query.get();
        let current = current.get();
        lines.with(|l| {
            let last = (l.len() as u32).saturating_sub(1);
            shown.into_iter().map(|i| row(l, i, i == last, collapsed, &needle, current == Some(i))).collect_view()
        })
    };
    let offset = move || {
        let start = first().saturating_sub(MARGIN).min(visible.with(Vec::len));
        format!("{}px", start as i32 * ROW_PX)
    };
    view! {
        <div class="rows-scroll" tabindex="0" node_ref=scroll on:scroll=move |ev|
            top.set(event_target::<web_sys::Element>(&ev).scroll_top())>
            // style: properties (set through the CSSOM), never a style attribute: the page's
            // Content-Security-Policy allows no inline styles.
            <div class="rows-spacer" style:height=move || format!("{}px", visible.with(Vec::len) as i32 * ROW_PX)>
                <pre class="wire body rows" data-testid="body" style:top=offset>{rows}</pre>
            </div>
        </div>
    }
}

/// A row: fold toggle (for an opener), the text with matches marked, then a newline so the
/// text copied from the page keeps its lines.
fn row(
    lines: &BodyLines,
    i: u32,
    is_last: bool,
    collapsed: RwSignal<BTreeSet<u32>>,
    needle: &str,
    current: bool,
) -> AnyView {
    let folded = collapsed.with_untracked(|c| c.contains(&i));
    let toggle = lines.folds(i).then(|| {
        let label = format!("{} line {}", if folded { "Expand" } else { "Collapse" }, i + 1);
        view! {
            <button type="button" class="fold" aria-expanded=(!folded).to_string() aria-label=label
                on:click=move |_| collapsed.update(|c| if !c.remove(&i) { c.insert(i); })></button>
        }
    });
    let mut text = lines.line_text(i).to_owned();
    if folded {
        let close = lines.line(i).close;
        let hidden = close.saturating_sub(i).saturating_sub(1);
        text = format!("{text} … {hidden} lines … {}", lines.line_text(close));
    }
    // Indentation is a number per row (never stored as spaces): written out only for rows on screen.
    let indent = " ".repeat(lines.indent(i));
    let newline = if is_last || lines.line(i + 1).continued { "" } else { "\n" };
    view! {
        <span class=if current { "row current" } else { "row" }>
            <span class="gutter">{toggle}</span>{indent}{marked(&text, needle)}{newline}
        </span>
    }
    .into_any()
}

/// The text with every case-insensitive occurrence of `needle` in `<mark>`. Matched on ASCII
/// case only, so positions in the lower-cased copy are positions in the text (Unicode case
/// mapping can move them and split a character); other rows still show, unmarked.
fn marked(text: &str, needle: &str) -> AnyView {
    let lower = text.to_ascii_lowercase();
    let needle = needle.to_ascii_lowercase();
    if needle.is_empty() || !lower.contains(&needle) {
        return text.to_owned().into_any();
    }
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, _) in lower.match_indices(&needle) {
        if start < at {
            continue;
        }
        parts.push(text[at..start].to_owned().into_any());
        parts.push(view! { <mark>{text[start..start + needle.len()].to_owned()}</mark> }.into_any());
        at = start + needle.len();
    }
    parts.push(text[at..].to_owned().into_any());
    parts.into_iter().collect_view().into_any()
}
