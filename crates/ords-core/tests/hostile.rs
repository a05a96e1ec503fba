//! Nothing from outside makes the core panic or produce unbounded output: arbitrary text as a
//! response body, a token, a URL, typed headers, a link's settings, an imported collection, a
//! stored history line; arbitrary responses through the diagnosis.

use ords_core::{
    bearer_request, decode_jwt, diagnose_run, embed_snippet, follow_link, import_postman, mask_secrets,
    parse_error_body, parse_header_lines, parse_token_grant, share_link, AccessToken, CollectionPage, Exchange,
    HeldToken, HttpResponse, HttpUrl, Inputs, PlaygroundConfig, Probe, Purpose, Received, ResourceCall, RunFacts,
    RunRecord, SharedPar, Step, TimedBy, TimelineEntry, TokenPlacement,
};
use proptest::prelude::*;

fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(vec![
            "[", "{", "\"", "\\", "%", "%zz", "&", "=", "#", "?", "://", "@", ".", "e30", "eyJ", "\n", "\0",
            "18446744073709551615", "-9223372036854775808", "1e999", "access_token", "items", "offset", "links",
            "\"href\":", "https://", "http://", "token_url=", "extra=", "&extra=n%3D", "%0A", "é", "🙂",
        ]).prop_map(str::to_owned),
        1 => any::<String>(),
        1 => (1usize..2000).prop_map(|n| "[".repeat(n)),
    ];
    proptest::collection::vec(piece, 0..30).prop_map(|p| p.concat())
}

fn response(status: u16, body: String, headers: Vec<(String, String)>) -> HttpResponse {
    HttpResponse { status, reason: String::new(), headers, body }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn response_readers_never_panic(body in hostile(), status in any::<u16>()) {
        let r = response(status, body.clone(), vec![("Content-Type".into(), body.chars().take(40).collect())]);
        let _ = parse_token_grant(&r);
        let _ = parse_error_body(&body);
        let _ = ords_core::is_json(&body);
        if let Some(page) = CollectionPage::parse(&body) {
            let shown = page.indicator();
            prop_assert!(shown.len() < 200);
            for (_, href) in &page.links {
                let _ = follow_link("https://h/ords/a/e/", href);
            }
        }
        if let Some(jwt) = decode_jwt(&body) {
            prop_assert!(jwt.claims.len() <= body.len() * 4);
            let held = HeldToken::new(AccessToken::new(body.clone()), String::new(), None, 1e12);
            let _ = held.seconds_left(f64::MAX);
        }
    }

    #[test]
    fn typed_and_linked_text_never_panics(text in hostile()) {
        let _ = HttpUrl::parse(&text);
        let _ = follow_link(&text, &text);
        let _ = parse_header_lines(&text);
        let _ = import_postman(&text);
        let _ = RunRecord::from_line(&text);
        let decoded = PlaygroundConfig::from_fragment(&text);
        // Read back from its own text form, a link's settings are what the link set.
        let again = PlaygroundConfig::from_fragment(&decoded.config.to_fragment());
        prop_assert_eq!(again.config, decoded.config.shareable());
        prop_assert!(decoded.ignored.len() <= text.len() + 1);
        let masked = mask_secrets(&text, &[text.chars().take(3).collect::<String>()]);
        prop_assert!(masked.len() <= text.len() * 9 + 24);
    }

    #[test]
    fn any_answer_is_diagnosed_without_panic(body in hostile(), status in any::<u16>(), challenge in hostile(), url in
        hostile()) {
        let call = ResourceCall::get("https://h/ords/a/hr/e/");
        let held = HeldToken::new(AccessToken::new("t"), String::new(), None, 0.0);
        let request = bearer_request(&call, &held, &TokenPlacement::default()).unwrap();
        let headers = vec![("WWW-Authenticate".into(), challenge), ("Content-Type".into(), "text/html".into())];
        let received = Received { response: response(status, body, headers), elapsed_ms: 1.0, timed_by:
            TimedBy::PageClock, received_at_ms: 0.0 };
        let exchange = Exchange { step: Step::Resource, request, result: Ok(received) };
        let _ = exchange.issued_token();
        let inputs = Inputs { resource_url: url.clone(), token_url: url, ..Default::default() };
        let entries = [TimelineEntry { purpose: Purpose::Resource, exchange }];
        for probe in [Probe::NotProbed, Probe::Unreachable] {
            let found = diagnose_run(&inputs, &entries, RunFacts { probe, token_expired: status % 2 == 0 });
            prop_assert!(found.len() < 10);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Share's link and snippet hold a pre-authenticated URL's token only when it was given on
    /// purpose, and no typed text breaks out of the snippet's attribute.
    #[test]
    fn share_holds_a_par_token_only_when_included(text in hostile(), token in "[A-Za-z0-9_-]{12,40}") {
        let url = format!("https://h.example/ords/hr/_/par/{token}/hr/employees/");
        let config = PlaygroundConfig {
            flow: ords_core::Flow::Par,
            resource_url: url.clone(),
            client_id: text.clone(),
            token_url: text,
            ..PlaygroundConfig::default()
        };
        let page = "https://docs.example/p/";
        for sections in [vec![], ords_core::Section::ALL.to_vec()] {
            let link = share_link(page, &config, None);
            let snippet = embed_snippet(page, &config, &sections, None);
            prop_assert!(!link.contains(&token) && !snippet.contains(&token), "{link}");
            let src = snippet.split('"').nth(1).unwrap_or_default();
            prop_assert!(!src.contains('<') && !src.contains('>'), "{src}");
            prop_assert!(snippet.starts_with("<iframe src=\""));
            prop_assert!(snippet.contains("\" title=\"ORDS Auth Playground\""));
        }
        let par = SharedPar { url: ords_core::ParUrl::parse(&url).unwrap(), expires_at_s: Some(4_000_000_000) };
        let link = share_link(page, &config, Some(&par));
        prop_assert_eq!(link.matches(token.as_str()).count(), 1, "once, as par=");
        let fragment = link.split_once('#').map(|(_, f)| f).unwrap_or_default();
        // A link longer than 64 KB is not read at all (its whole text is listed as ignored).
        let back = PlaygroundConfig::from_fragment(fragment);
        prop_assert_eq!(back.par, (fragment.len() <= 64 * 1024).then_some(par));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    /// A hostile MCP server (any status, body and content type at every hop, a challenge that
    /// leads on) never makes the walk panic or loop: it ends within its nine hops.
    #[test]
    fn any_mcp_server_is_walked_to_an_end(
        body in hostile(),
        status in proptest::sample::select(vec![200u16, 202, 401, 404, 500]),
        sse in any::<bool>(),
    ) {
        let send = |request: ords_core::PreparedRequest| {
            let kind = if sse { "text/event-stream" } else { "application/json" };
            let mut headers = vec![("Content-Type".to_owned(), kind.to_owned())];
            let first = request.wire.url.ends_with("/mcp") && request.wire.header("Authorization").is_none();
            if first {
                headers.push(("WWW-Authenticate".into(), "Bearer resource_metadata=\"https://h.example/m\"".into()));
            }
            let code = if first { 401 } else { status };
            std::future::ready(Ok(Received {
                response: response(code, body.clone(), headers),
                elapsed_ms: 1.0,
                timed_by: TimedBy::Simulated,
                received_at_ms: 0.0,
            }))
        };
        let inputs = ords_core::mcp::McpInputs {
            mcp_url: "https://h.example/mcp".into(),
            oauth: ords_core::OAuthSettings {
                client_id: "c".into(),
                client_secret: ords_core::ClientSecret::new("s"),
                ..Default::default()
            },
            own_token: Some(AccessToken::new(body.clone())),
            audience: String::new(),
            access: ords_core::mcp::McpAccess::Scope,
            now_s: 0,
        };
        let run = block_now(ords_core::mcp::walk(&inputs, &send));
        prop_assert!(run.hops.len() <= 9);
        let before_last = run.hops.len().saturating_sub(1);
        prop_assert!(run.hops.iter().take(before_last).all(|h| h.ok), "the walk stops at the first failure");
    }
}

/// Runs a future that never waits (the senders here answer at once).
fn block_now<F: std::future::Future>(future: F) -> F::Output {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

#[test]
fn no_type_holding_a_secret_prints_it_through_debug() {
    use ords_core::{
        token_request, BasicSettings, ClientSecret, CodeInput, OAuthSettings, Password, Plan, PostmanImport,
    };
    let oauth = OAuthSettings {
        token_url: "https://h/ords/a/oauth/token".into(),
        client_id: "id".into(),
        client_secret: ClientSecret::new("S3KR1T-1"),
        ..Default::default()
    };
    let basic = BasicSettings { username: "u".into(), password: Password::new("S3KR1T-2") };
    let call = ResourceCall::get("https://h/ords/a/x/");
    let inputs = Inputs { client_secret: ClientSecret::new("S3KR1T-4"), ..Default::default() };
    let placement = TokenPlacement::default();
    let code = CodeInput {
        flow: ords_core::Flow::Compare,
        oauth: &oauth,
        basic: &basic,
        call: &call,
        placement: &placement,
        include_secrets: true,
        page_origin: "o",
    };
    let held = HeldToken::new(AccessToken::new("S3KR1T-5"), String::new(), None, 0.0);
    let imported = PostmanImport {
        client_secret: Some(ClientSecret::new("S3KR1T-6")),
        password: Some(Password::new("S3KR1T-7")),
        ..Default::default()
    };
    let request = token_request(&oauth).unwrap();
    let printed =
        format!("{oauth:?}{basic:?}{inputs:?}{:?}{held:?}{imported:?}{request:?}{:?}", Plan::new(&code), request.wire);
    assert!(!printed.contains("S3KR1T"), "{printed}");
}
