//! Component tests in headless Chromium (wasm-bindgen-test): rendering and masking without a
//! server. Flows over the network are covered end to end in `e2e/`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use ords_core::{
    token_request, ClientAuth, ClientSecret, Exchange, HttpResponse, OAuthSettings, Received, Step, TimedBy,
    TransportError,
};
use ords_playground::{App, ExchangeView};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let document = document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn token_exchange(result: Result<Received, TransportError>) -> Exchange {
    let settings = OAuthSettings {
        token_url: "https://host/ords/hr/oauth/token".into(),
        client_id: "Te8yn-qGmBoX6jzpPhnUXA..".into(),
        client_secret: ClientSecret::new("s3cr3t.."),
        client_auth: ClientAuth::BasicHeader,
        ..Default::default()
    };
    Exchange { step: Step::Token, request: token_request(&settings).unwrap(), result }
}

fn received(status: u16, content_type: &str, body: &str) -> Received {
    let response = HttpResponse {
        status,
        reason: "X".into(),
        headers: vec![("Content-Type".into(), content_type.into())],
        body: body.into(),
    };
    Received { response, elapsed_ms: 12.0, timed_by: TimedBy::ResourceTiming, received_at_ms: 0.0 }
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector).unwrap().unwrap().text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn secrets_are_masked_until_revealed() {
    let root = host();
    let body = r#"{"access_token":"TOKEN-VALUE-22-chars-x","token_type":"bearer","expires_in":3600}"#;
    let exchange = token_exchange(Ok(received(200, "application/json", body)));
    let _mount = mount_to(root.clone(), move || {
        view! { <ExchangeView exchange=exchange secrets=vec!["TOKEN-VALUE-22-chars-x".to_owned()] /> }
    });
    let request = text(&root, "[data-testid=request]");
    assert!(request.contains("Authorization: Basic base64(Te8yn-qGmBoX6jzpPhnUXA..:••••••••)"), "{request}");
    assert!(!request.contains("VGU4"), "the real header is not shown");
    assert!(text(&root, "[data-testid=body]").contains("\"access_token\": \"••••••••\""));
    let button: web_sys::HtmlElement = root.query_selector("button").unwrap().unwrap().unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Show secrets");
    button.click();
    leptos::task::tick().await;
    assert!(text(&root, "[data-testid=request]")
        .contains("Authorization: Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOnMzY3IzdC4u"));
    assert!(text(&root, "[data-testid=body]").contains("TOKEN-VALUE-22-chars-x"));
}

#[wasm_bindgen_test]
fn html_error_pages_are_shown_as_text_not_markup() {
    let root = host();
    let page = "<!DOCTYPE html><html><body><h1>401 Unauthorized</h1><script>window.pwned=1</script></body></html>";
    let exchange = token_exchange(Ok(received(401, "text/html", page)));
    let _mount = mount_to(root.clone(), move || view! { <ExchangeView exchange=exchange /> });
    assert_eq!(text(&root, "[data-testid=body]"), page);
    assert!(root.query_selector("h1").unwrap().is_none(), "no server markup in the DOM");
    assert!(root.query_selector("script").unwrap().is_none());
    assert!(text(&root, "[data-testid=status]").starts_with("401 X"));
    assert!(root.text_content().unwrap().contains("Body (text, shown as sent)"));
}

#[wasm_bindgen_test]
fn a_failed_fetch_names_cors_and_the_ords_fix() {
    let root = host();
    let failed = Err(TransportError::FetchFailed { detail: "TypeError: Failed to fetch".into() });
    let exchange = token_exchange(failed);
    let _mount = mount_to(root.clone(), move || view! { <ExchangeView exchange=exchange /> });
    let shown = root.text_content().unwrap();
    assert!(shown.contains("did not allow this page's origin (CORS)"));
    assert!(shown.contains("Browser said: TypeError: Failed to fetch"));
    assert!(shown.contains("ORDS.SET_MODULE_ORIGINS_ALLOWED"));
    assert!(root.query_selector("[role=alert]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_page_has_the_labelled_controls_and_regions() {
    let root = host();
    let _mount = mount_to(root.clone(), App);
    let labels: Vec<String> = (0..root.query_selector_all("label").unwrap().length())
        .filter_map(|i| root.query_selector_all("label").unwrap().item(i)?.text_content())
        .map(|t| t.trim().to_owned())
        .collect();
    for expected in [
        "OAuth2 client credentials",
        "Basic",
        "Token URL",
        "Client ID",
        "Client secret",
        "Client authentication",
        "Resource URL",
    ] {
        assert!(labels.iter().any(|l| l == expected), "missing label {expected}: {labels:?}");
    }
    for region in ["Token response", "Protected resource"] {
        assert!(root.query_selector(&format!("section[aria-label='{region}'] h2")).unwrap().is_some());
    }
    let secret: web_sys::HtmlInputElement = root.query_selector("#client-secret").unwrap().unwrap().unchecked_into();
    assert_eq!(secret.type_(), "password");
    let basic: web_sys::HtmlInputElement =
        root.query_selector("input[type=radio]:not(:checked)").unwrap().unwrap().unchecked_into();
    basic.click();
    leptos::task::tick().await;
    let hidden =
        |selector: &str| root.query_selector(selector).unwrap().unwrap().closest("[hidden]").unwrap().is_some();
    assert!(!hidden("#username"));
    assert!(hidden("#token-url"));
}

/// `{"items":[{"id":0},…]}`: three pretty lines an item.
fn collection(n: usize) -> String {
    let items: Vec<String> = (0..n).map(|i| format!(r#"{{"id":{i}}}"#)).collect();
    format!(r#"{{"items":[{}],"count":{n}}}"#, items.join(","))
}

fn resource_exchange(body: &str) -> Exchange {
    Exchange { step: Step::Resource, ..token_exchange(Ok(received(200, "application/json", body))) }
}

/// Lets the reactive system and the browser finish the updates a click started.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn button(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

#[wasm_bindgen_test]
async fn a_long_body_keeps_only_the_rows_in_view_and_folds() {
    let root = host();
    let exchange = resource_exchange(&collection(2000));
    let _mount = mount_to(root.clone(), move || view! { <ExchangeView exchange=exchange /> });
    let rows = root.query_selector_all(".row").unwrap().length();
    assert!((20..=100).contains(&rows), "{rows} rows in the DOM for 6,004 lines");
    assert!(text(&root, "[data-testid=body]").starts_with("{\n  \"items\": [\n    {\n      \"id\": 0\n    },"));
    button(&root, "button[aria-label='Collapse line 2']").click();
    settle().await;
    assert_eq!(text(&root, "[data-testid=body]"), "{\n  \"items\": [ … 6000 lines … ],\n  \"count\": 2000\n}");
    button(&root, "button[aria-label='Expand line 2']").click();
    settle().await;
    assert!(text(&root, "[data-testid=body]").contains("\"id\": 1\n"));
}

#[wasm_bindgen_test]
async fn a_body_of_megabytes_is_laid_out_in_steps_masked_then_revealed() {
    // Over the large-body limit and over one layout step (2 MiB): formatted in tasks of its own.
    const SECRET: &str = "SECRET-IN-A-BIG-BODY-22";
    let body = format!(r#"{{"token":"{SECRET}","all":{}}}"#, collection(250_000));
    assert!(body.len() > 2 << 20, "{} bytes", body.len());
    let root = host();
    let exchange = resource_exchange(&body);
    let _mount =
        mount_to(root.clone(), move || view! { <ExchangeView exchange=exchange secrets=vec![SECRET.into()] /> });
    assert!(root.text_content().unwrap_or_default().contains("Formatting"), "not formatted in the task that shows it");
    let mut waited = 0;
    while root.query_selector("[data-testid=body]").unwrap().is_none() {
        waited += 1;
        assert!(waited < 1_000, "formatted within 10 s");
        settle().await;
    }
    assert!(
        text(&root, "[data-testid=body]").starts_with("{\n  \"token\": \"••••••••\",\n  \"all\": {\n    \"items\": [")
    );
    let show = root.query_selector_all("button").unwrap();
    let show: web_sys::HtmlElement = (0..show.length())
        .filter_map(|i| show.item(i))
        .find(|b| b.text_content().as_deref() == Some("Show secrets"))
        .expect("Show secrets")
        .unchecked_into();
    show.click();
    settle().await;
    assert!(text(&root, "[data-testid=body]").starts_with(&format!("{{\n  \"token\": \"{SECRET}\",")));
}

#[wasm_bindgen_test]
async fn a_big_body_dropped_while_it_is_formatted_stops_quietly() {
    // A new run replaces the view between two of its formatting tasks: nothing may panic.
    static PANICKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| PANICKED.store(true, std::sync::atomic::Ordering::SeqCst)));
    for wait in 0..4 {
        let root = host();
        let exchange = resource_exchange(&collection(100_000));
        let mount =
            mount_to(root.clone(), move || view! { <ExchangeView exchange=exchange secrets=vec!["x".into()] /> });
        for _ in 0..wait {
            settle().await;
        }
        drop(mount);
        for _ in 0..20 {
            settle().await;
        }
    }
    std::panic::set_hook(before);
    assert!(!PANICKED.load(std::sync::atomic::Ordering::SeqCst), "a step ran on a dropped view");
}

#[wasm_bindgen_test]
async fn find_counts_matching_lines_and_marks_them() {
    let root = host();
    let exchange = resource_exchange(&collection(30));
    let _mount = mount_to(root.clone(), move || view! { <ExchangeView exchange=exchange /> });
    let input: web_sys::HtmlInputElement = root.query_selector("input[type=search]").unwrap().unwrap().unchecked_into();
    input.set_value("\"ID\": 2");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    leptos::task::tick().await;
    assert!(root.text_content().unwrap().contains("Line 1 of 11 matching lines"), "2 and 20–29");
    input.set_value("nothing-like-this");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    leptos::task::tick().await;
    assert!(root.text_content().unwrap().contains("No match"));
    assert!(root.query_selector("mark").unwrap().is_none());
}

#[wasm_bindgen_test]
fn a_panic_leaves_a_visible_notice_not_a_dead_page() {
    // The panic hook calls this after logging; a panic itself would abort the test's wasm.
    ords_playground::browser::show_crash_notice();
    ords_playground::browser::show_crash_notice();
    let notices = document().query_selector_all("#crash-notice").unwrap();
    assert_eq!(notices.length(), 1, "shown once");
    let notice: web_sys::Element = notices.get(0).unwrap().unchecked_into();
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(notice.text_content().as_deref(), Some(ords_playground::browser::CRASH_NOTICE));
    notice.remove();
}

/// The `aria-selected="true"` tab's text, and which tab panels are shown.
fn tabs_state(root: &web_sys::HtmlElement) -> (String, Vec<String>) {
    let selected = text(root, "[role=tablist] [aria-selected=true]");
    let panels = root.query_selector_all("[role=tabpanel]:not([hidden])").unwrap();
    let shown = (0..panels.length())
        .filter_map(|i| panels.item(i)?.dyn_into::<web_sys::Element>().ok()?.get_attribute("id"))
        .collect();
    (selected, shown)
}

fn press_key(root: &web_sys::HtmlElement, key: &str) {
    let tablist = root.query_selector("[role=tablist]").unwrap().unwrap();
    let press = js_sys::Function::new_with_args(
        "el, key",
        "el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))",
    );
    press.call2(&wasm_bindgen::JsValue::NULL, &tablist, &key.into()).unwrap();
}

#[wasm_bindgen_test]
async fn the_sections_are_tabs_one_open_at_a_time_moved_by_arrows() {
    let root = host();
    let _mount = mount_to(root.clone(), App);
    settle().await;
    assert_eq!(tabs_state(&root), ("Diagnosis".to_owned(), vec!["panel-diagnosis".to_owned()]));
    assert!(button(&root, "#tab-compare").hidden(), "Compare is offered only with Compare both");
    press_key(&root, "ArrowRight");
    settle().await;
    assert_eq!(tabs_state(&root), ("Timeline".to_owned(), vec!["panel-timeline".to_owned()]));
    press_key(&root, "End");
    settle().await;
    assert_eq!(tabs_state(&root).0, "MCP server");
    press_key(&root, "ArrowRight");
    settle().await;
    assert_eq!(tabs_state(&root).0, "Diagnosis", "wraps to the first");
    // Choosing Compare both offers its tab and opens it.
    let compare: web_sys::HtmlInputElement =
        root.query_selector_all("input[name=flow]").unwrap().item(2).unwrap().unchecked_into();
    compare.click();
    settle().await;
    assert_eq!(tabs_state(&root), ("Compare".to_owned(), vec!["panel-compare".to_owned()]));
    assert_eq!(button(&root, "#tab-compare").get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(button(&root, "#tab-diagnosis").get_attribute("tabindex").as_deref(), Some("-1"));
}
