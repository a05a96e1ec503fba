//! The page, as the part sees it: attributes of `main` it follows (`data-settings`, the
//! share-link fragment; `data-timeline`, which changes with the last run) and questions it asks
//! by events, each answered through the event's detail, `[resolve, reject]`.

use leptos::prelude::*;
use ords_core::catalog::Endpoint;
use ords_core::PlaygroundConfig;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn page_main() -> Option<web_sys::Element> {
    document()?.query_selector("main[data-settings]").ok().flatten()
}

/// The attribute `name` of `element` (`None` when absent), kept current while the page lives.
fn follow_on(element: Option<web_sys::Element>, name: &'static str) -> RwSignal<Option<String>> {
    let Some(element) = element else { return RwSignal::new(None) };
    let read = {
        let element = element.clone();
        move || element.get_attribute(name)
    };
    let text = RwSignal::new(read());
    let changed = Closure::<dyn Fn()>::new(move || text.set(read()));
    if let Ok(observer) = web_sys::MutationObserver::new(changed.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_attribute_filter(&js_sys::Array::of1(&name.into()));
        let _ = observer.observe_with_options(&element, &options);
    }
    changed.forget(); // for the page's life
    text
}

/// `main`'s attribute `name` (empty when absent), kept current.
pub fn follow(name: &'static str) -> Signal<String> {
    let text = follow_on(page_main(), name);
    Signal::derive(move || text.get().unwrap_or_default())
}

/// Asks the page to `choose` a lesson (by id; empty: none), `clear` the progress, show one
/// more `hint`, `reset` the lesson, or `open` a section tab (by key).
pub fn lesson(verb: &str, arg: &str) {
    tell("ords-lesson", verb, arg);
}

/// Asks the page `question` with a verb and its argument, not waiting for the answer: what
/// the page does shows on `main` (a refusal changes nothing).
fn tell(question: &'static str, verb: &str, arg: &str) {
    let (verb, arg) = (verb.to_owned(), arg.to_owned());
    leptos::task::spawn_local(async move {
        let _ = ask_with(question, &[&verb, &arg]).await;
    });
}

/// The page's settings now.
pub fn settings() -> Signal<PlaygroundConfig> {
    let text = follow("data-settings");
    Signal::derive(move || PlaygroundConfig::from_fragment(&text.get()).config)
}

/// Changes whenever something the code is written from changes besides the settings (the
/// call's headers and body, the secrets); a counter, never their values.
pub fn code_changes() -> Signal<String> {
    follow("data-code")
}

/// What [`code`] is asked for the Postman collection (the other keys are `CodeTarget`'s).
pub const POSTMAN: &str = "postman";

/// The code for a target (or the collection, with its environment) as the page's form is now,
/// the secrets in it only when `include`.
pub async fn code(target: &str, include: bool) -> Result<(String, String), String> {
    let args = [target, if include { "1" } else { "" }];
    let answer: js_sys::Array = ask_with("ords-code", &args).await?.dyn_into().map_err(|_| "not a list")?;
    Ok((answer.get(0).as_string().unwrap_or_default(), answer.get(1).as_string().unwrap_or_default()))
}

/// Has the page read a Postman collection or environment into its form; the sentence to show.
pub async fn import_postman(text: String) -> Result<String, String> {
    let answer: js_sys::Array =
        ask_with("ords-postman-import", &[&text]).await?.dyn_into().map_err(|_| "not a list")?;
    Ok(answer.get(0).as_string().unwrap_or_default())
}

/// What browsing found: the endpoints, or why there are none (the page's sentence, and the
/// status and catalog URL when the catalog refused).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub endpoints: Vec<Endpoint>,
    pub problem: Option<String>,
    pub refused: Option<(u16, String)>,
}

/// Has the page read the catalog of the schema at `base` (`…/ords/<alias>/`).
pub async fn browse(base: &str) -> Result<Found, String> {
    let answer: js_sys::Array = ask_with("ords-browse", &[base]).await?.dyn_into().map_err(|_| "not a list")?;
    let texts: Vec<String> = answer.iter().map(|v| v.as_string().unwrap_or_default()).collect();
    let (head, rest) = texts.split_at(texts.len().min(2));
    let problem = head.first().filter(|p| !p.is_empty()).cloned();
    let catalog = format!("{base}metadata-catalog/");
    let refused = head.get(1).and_then(|s| s.parse().ok()).map(|status| (status, catalog));
    let endpoints = rest
        .chunks_exact(5)
        .map(|e| Endpoint {
            method: e[0].clone(),
            url: e[1].clone(),
            params: e[2].lines().map(str::to_owned).collect(),
            needs_auth: match e[3].as_str() {
                "1" => Some(true),
                "0" => Some(false),
                _ => None,
            },
            summary: e[4].clone(),
        })
        .collect();
    Ok(Found { endpoints, problem, refused })
}

/// Has the page set Resource URL and Method to an endpoint; the sentence to show.
pub async fn use_endpoint(url: &str, method: &str) -> Result<String, String> {
    let answer: js_sys::Array =
        ask_with("ords-use-endpoint", &[url, method]).await?.dyn_into().map_err(|_| "not a list")?;
    Ok(answer.get(0).as_string().unwrap_or_default())
}

/// Asks the page `question` with texts after `[resolve, reject]` in the event's detail.
async fn ask_with(question: &str, args: &[&str]) -> Result<JsValue, String> {
    let from = page_main().ok_or("The page is gone.")?;
    let mut ends = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let detail = js_sys::Array::of2(&resolve, &reject);
        for arg in args {
            detail.push(&JsValue::from_str(arg));
        }
        ends = Some(detail);
    });
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&ends.unwrap_or_default());
    let event = web_sys::CustomEvent::new_with_event_init_dict(question, &init)
        .map_err(|_| "The page could not be asked.".to_owned())?;
    let _ = from.dispatch_event(&event);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| "The page could not answer.".into()))
}
