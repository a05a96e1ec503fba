//! The MCP server's view, its parts: role mode's fields (ORDS's MCP profile authorizing by a role
//! rather than the MCP scope), and the chain as code (a curl script and an MCP client's
//! configuration), written by the core with the secrets as variables, and only while shown.

use super::controls::CopyButton;
use crate::actions::Page;
use leptos::prelude::*;
use ords_core::mcp::{client_config, curl_script, McpAccess, McpCodeInput};

/// Role mode (`mcp.role`): the claim the profile reads the role at, and the role.
#[derive(Clone, Copy)]
pub(super) struct McpRole {
    pub on: RwSignal<bool>,
    claim: RwSignal<String>,
    name: RwSignal<String>,
}

impl Default for McpRole {
    fn default() -> Self {
        Self { on: RwSignal::new(false), claim: RwSignal::new("/roles".into()), name: RwSignal::new(String::new()) }
    }
}

impl McpRole {
    pub fn access(self) -> McpAccess {
        if self.on.get_untracked() {
            McpAccess::Role { claim: self.claim.get_untracked(), role: self.name.get_untracked() }
        } else {
            McpAccess::Scope
        }
    }
}

#[component]
pub(super) fn McpRoleFields(role: McpRole) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=move || role.on.get()
                on:change=move |ev| role.on.set(event_target_checked(&ev)) />
            " Role mode: the MCP profile wants a role, not the scope urn:oracle:dbtools:ords:mcpserver:all"
        </label>
        <div class="pair" hidden=move || !role.on.get()>
            <div class="field">
                <label for="mcp-role-claim">"Role claim (JSON Pointer)"</label>
                <input id="mcp-role-claim" type="text" spellcheck="false" autocomplete="off"
                    prop:value=move || role.claim.get() on:input=move |ev| role.claim.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="mcp-role-name">"Role name"</label>
                <input id="mcp-role-name" type="text" spellcheck="false" autocomplete="off"
                    prop:value=move || role.name.get() on:input=move |ev| role.name.set(event_target_value(&ev)) />
            </div>
        </div>
    }
}

/// The chain as a curl script and as an MCP client's configuration, secrets as variables. The
/// script trusts the token endpoint a walk reached (the person's consent), no other.
#[component]
pub(super) fn McpCode(url: RwSignal<String>, role: McpRole, token_url: Signal<Option<String>>) -> impl IntoView {
    let form = expect_context::<Page>().form;
    let script = move || {
        let oauth = form.oauth();
        let token_url = token_url.get();
        curl_script(&McpCodeInput {
            mcp_url: url.get().trim(),
            client_id: &oauth.client_id,
            secret_in_body: oauth.client_auth == ords_core::ClientAuth::RequestBody,
            own_token: form.own_token_on.get(),
            role_mode_scope: role.on.get().then_some(oauth.scope.as_str()),
            token_url: token_url.as_deref(),
        })
    };
    let config = move || client_config(url.get().trim());
    // Written only while open: closed, typing in the form writes no script.
    let open = RwSignal::new(false);
    view! {
        <details class="mcp-code" on:toggle=move |ev| {
            open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"));
        }>
            <summary>"Code for it"</summary>
            <p class="hint">"bash and curl for the whole chain: the client secret is read from MCP_CLIENT_SECRET (or \
                the token from ORDS_MCP_TOKEN), and sent only to the token endpoint a walk here reached, or to the one \
                MCP_TOKEN_URL names."</p>
            <CopyButton label="Copy the script" text=Callback::new(move |()| untrack(script)) />
            <pre class="wire" tabindex="0" aria-label="The chain in curl">{move || open.get().then(script)}</pre>
            <p class="hint">"An MCP client's configuration (VS Code, .vscode/mcp.json): the client asks for the token \
                when it starts and keeps it in its secret storage."</p>
            <CopyButton label="Copy the configuration" text=Callback::new(move |()| untrack(config)) />
            <pre class="wire" tabindex="0" aria-label="MCP client configuration">{move || open.get().then(config)}</pre>
        </details>
    }
}
