//! `MCP server`: ORDS's MCP server (26.2) walked hop by hop from this page. The chain and its
//! verdicts are the core's (`ords_core::mcp::walk`); this view takes the MCP URL and the MCP
//! profile's audience, sends through the page's sender (so the question before credentials go
//! to a host nobody typed applies to the token endpoint the metadata names), and shows each hop
//! with its exchanges, then the tools.

use super::exchange_view::ExchangeView;
use super::mcp_code::{McpCode, McpRole, McpRoleFields};
use crate::actions::{sender, Page};
use leptos::prelude::*;
use ords_core::mcp::{probe_said, walk, HopResult, McpInputs, McpRun, Tool, MCP_PATH};
use ords_core::AccessToken;

/// The MCP URL a Resource URL suggests: its host's `/mcp`.
fn mcp_url_for(resource_url: &str) -> String {
    ords_core::origin_of(resource_url).map(|o| format!("{o}{MCP_PATH}")).unwrap_or_default()
}

#[component]
pub fn McpView() -> impl IntoView {
    let page = expect_context::<Page>();
    let form = page.form;
    let url = RwSignal::new(mcp_url_for(&form.resource_url.get_untracked()));
    let audience = RwSignal::new(String::new());
    let role = McpRole::default();
    let walking = Action::new_local(move |inputs: &McpInputs| {
        let inputs = inputs.clone();
        async move {
            let run = walk(&inputs, &sender(page, form.target.get_untracked())).await;
            crate::workshop::after_mcp_walk(form, page.workshop, &run);
            run
        }
    });
    let start = move |_| {
        let mcp_url = url.get_untracked().trim().to_owned();
        // Typed here: the MCP host is the person's; the token endpoint it leads to is asked about.
        page.consent.typed("", &mcp_url);
        let own = form.own_token_on.get_untracked().then(|| AccessToken::new(form.own_token.get_untracked()));
        walking.dispatch_local(McpInputs {
            mcp_url,
            oauth: form.oauth(),
            own_token: own,
            audience: audience.get_untracked(),
            access: role.access(),
            now_s: (crate::browser::now_ms() / 1000.0) as i64,
        });
    };
    view! {
        <section class="panel mcp" aria-label="MCP server">
        <h2>"MCP server"</h2>
        <p class="hint">"ORDS 26.2 and later (standalone): /mcp on the host. The walk follows the chain an MCP client \
            follows, with Client ID and Client secret above as the identity provider's client (or Use my own token), \
            and stops at the first hop that fails, saying what to change. The in-page simulator has no identity \
            provider: run ords-sim and send requests over the network."</p>
        <div class="pair">
            <div class="field">
                <label for="mcp-url">"MCP URL"</label>
                <input id="mcp-url" type="text" spellcheck="false" autocomplete="off" prop:value=move || url.get()
                    on:input=move |ev| url.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="mcp-audience">"MCP profile audience"</label>
                <input id="mcp-audience" type="text" spellcheck="false" autocomplete="off"
                    placeholder="empty: the metadata's resource" prop:value=move || audience.get()
                    on:input=move |ev| audience.set(event_target_value(&ev)) />
            </div>
        </div>
        <McpRoleFields role />
        <button type="button" class="primary" disabled=move || walking.pending().get() on:click=start>
            {move || if walking.pending().get() { "Walking…" } else { "Walk the chain" }}
        </button>
        {move || walking.value().get().map(|run| view! { <McpRunView run /> })}
        <McpCode url role token_url=Signal::derive(move || walking.value().with(|r| r.as_ref()?.token_url.clone())) />
        </section>
    }
}

#[component]
fn McpRunView(run: McpRun) -> impl IntoView {
    let tools = run.tools.clone();
    view! {
        <ol class="mcp-hops" aria-label="The chain, hop by hop">
            {run.hops.into_iter().map(|hop| view! { <HopView hop /> }).collect_view()}
        </ol>
        {tools.map(|list| view! {
            <h3>{format!("Tools ({})", list.tools.len() + list.left_out)}</h3>
            <ul class="mcp-tools">{list.tools.into_iter().map(|tool| view! { <ToolView tool /> }).collect_view()}</ul>
            {(list.left_out > 0).then(|| view! {
                <p class="hint">{format!("{} more not shown (the list is cut at {}).", list.left_out,
                    ords_core::mcp::MAX_TOOLS)}</p>
            })}
        })}
    }
}

#[component]
fn HopView(hop: HopResult) -> impl IntoView {
    let verdict = if hop.ok { "ok" } else { "failed" };
    // An answer the browser would not let the page read: a no-cors request tells a refused
    // origin from a host that is not there, as the diagnosis does for REST calls.
    let target = expect_context::<Page>().form.target.get_untracked();
    let probed = hop.unread_url().filter(|_| !hop.ok).map(str::to_owned).map(|url| {
        LocalResource::new(move || {
            let url = url.clone();
            async move { probe_said(crate::browser::probe(target, &url).await, &url) }
        })
    });
    view! {
        <li class="mcp-hop" class:failed=!hop.ok data-hop=hop.hop.label()>
            <p><strong>{hop.hop.label()}</strong>" "<span class="verdict">{verdict}</span>": "{hop.said}</p>
            {move || probed.and_then(|p| p.get().flatten()).map(|said| view! { <p class="probe">{said}</p> })}
            {hop.fix.map(|fix| view! { <p class="fix">{format!("Fix: {fix}")}</p> })}
            {hop.exchanges.into_iter().map(|exchange| view! {
                <details>
                    <summary>{format!("{} {}", exchange.request.shown.method, exchange.request.shown.url)}</summary>
                    <ExchangeView exchange />
                </details>
            }).collect_view()}
        </li>
    }
}

#[component]
fn ToolView(tool: Tool) -> impl IntoView {
    view! {
        <li>
            <code>{tool.name}</code>" "{tool.description}
            {(!tool.input_schema.is_empty()).then(|| view! {
                <details>
                    <summary>"Input schema"</summary>
                    <pre class="wire" tabindex="0">{tool.input_schema}</pre>
                </details>
            })}
        </li>
    }
}

crate::later::split_point!(
    mcp,
    preload_mcp,
    /// The MCP server's view, fetched when its tab is first opened.
    pub(super) fn mcp_view() -> AnyView {
        view! { <McpView /> }.into_any()
    }
);

#[cfg(test)]
mod tests {
    #[test]
    fn the_mcp_url_starts_from_the_resource_url_s_host() {
        assert_eq!(super::mcp_url_for("https://h.example:8443/ords/hr/emp/"), "https://h.example:8443/mcp");
        assert_eq!(super::mcp_url_for("not a url"), "");
    }
}
