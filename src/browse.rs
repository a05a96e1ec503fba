//! `Browse endpoints`: the schema's own catalog, fetched with the current flow's credentials
//! under the same rules as every request (the question before credentials go to an origin
//! nobody typed), then read by the helper into endpoints; the endpoint chosen set in the form.
//! The view is `components/browse_view.rs`.

use crate::actions::Page;
use crate::browser;
use crate::state::{Form, Source};
use leptos::prelude::*;
use ords_core::catalog::Endpoint;
use ords_core::helper::{Job, Reply};
use ords_core::{Button, Flow, HttpResponse, Method, ResourceCall, TokenStep};

/// What browsing found: the endpoints, or why there are none (a sentence, and the status the
/// catalog answered when it refused: the view says what that means).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Browsed {
    pub endpoints: Vec<Endpoint>,
    pub problem: Option<String>,
    pub refused: Option<u16>,
}

/// At most this many OpenAPI documents are fetched in one browse.
const MAX_DOCUMENTS: usize = 20;

/// GET `url` as `Call API` would call it: the same run, with its rules for the token held (from
/// this target only, pasted, or fetched first) and its placement; or Basic.
async fn get(page: Page, url: &str) -> Result<HttpResponse, String> {
    let Page { form, results, .. } = page;
    let refused = |e: Vec<ords_core::FieldError>| e.into_iter().map(|e| e.message).collect::<Vec<_>>().join(" ");
    let mut inputs = untrack(|| crate::actions::gather(page, Button::CallApi, browser::now_ms())).map_err(refused)?;
    inputs.call = ResourceCall::get(url);
    if inputs.flow == Flow::Compare {
        inputs.flow = Flow::OAuth2;
    }
    let target = form.target.get_untracked();
    let on_token = move |step: &TokenStep| results.record_token(step.clone(), target, browser::now_ms());
    let outcome = ords_core::run(&inputs, &crate::actions::sender(page, target), &on_token).await.map_err(refused)?;
    match outcome.resource {
        Some(exchange) => exchange.result.map(|r| r.response).map_err(|e| e.to_string()),
        None => Err(outcome.resource_note.unwrap_or(ords_core::NO_CALL_NOTE).to_owned()),
    }
}

/// Reads the catalog of the schema at `base` (`…/ords/<alias>/`) and each listed OpenAPI document.
pub async fn browse(page: Page, base: String) -> Browsed {
    let catalog_url = format!("{base}metadata-catalog/");
    let answer = match get(page, &catalog_url).await {
        Ok(r) => r,
        Err(why) => return Browsed { problem: Some(why), ..Browsed::default() },
    };
    if answer.status != 200 {
        let problem = format!("The catalog answered {} {}.", answer.status, answer.reason);
        return Browsed { problem: Some(problem), refused: Some(answer.status), ..Browsed::default() };
    }
    let entries =
        match browser::ask_helper(Job::CatalogEntries { text: answer.body }).await.and_then(Reply::catalog_entries) {
            Ok(list) => list,
            Err(why) => return Browsed { problem: Some(why), ..Browsed::default() },
        };
    let mut out = Browsed::default();
    let listed = entries.into_iter().filter_map(|e| Some((e.name, e.openapi?)));
    for (module, openapi) in listed.take(MAX_DOCUMENTS) {
        let document = match get(page, &openapi).await {
            Ok(r) if r.status == 200 => r.body,
            Ok(r) => {
                out.problem = Some(format!("The OpenAPI document of {module} answered {} {}.", r.status, r.reason));
                continue;
            }
            Err(why) => {
                out.problem = Some(why);
                continue;
            }
        };
        let job = Job::OpenapiEndpoints { text: document };
        let Ok(list) = browser::ask_helper(job).await.and_then(Reply::endpoints) else { continue };
        out.endpoints.extend(list);
    }
    out
}

/// `Use this endpoint`: sets Resource URL and Method; the sentence to show. The URL came from a
/// response: on another origin, credentials go there only after the question (as with a
/// collection's links), which names the catalog as its source.
pub fn use_endpoint(form: Form, url: &str, method: &str) -> String {
    if ords_core::origin_of(url) != form.resource_url.with_untracked(|u| ords_core::origin_of(u)) {
        form.resource_url_source.set(Source::Catalog);
    }
    form.resource_url.set(url.to_owned());
    if let Some(m) = Method::parse(method) {
        form.method.set(m);
    }
    format!("Resource URL set to {url} ({method}).")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ords_core::PlaygroundConfig;

    fn form_on(resource_url: &str) -> Form {
        let config = PlaygroundConfig { resource_url: resource_url.into(), ..PlaygroundConfig::default() };
        Form::new(&config, Source::Typed)
    }

    #[test]
    fn an_endpoint_on_the_same_origin_stays_typed_another_origin_is_marked_as_the_catalog_s() {
        let form = form_on("https://h.example/ords/hr/emp/");
        let said = use_endpoint(form, "https://h.example/ords/hr/dept/10", "DELETE");
        assert_eq!(said, "Resource URL set to https://h.example/ords/hr/dept/10 (DELETE).");
        assert_eq!(form.resource_url.get_untracked(), "https://h.example/ords/hr/dept/10");
        assert_eq!(form.method.get_untracked(), Method::Delete);
        assert_eq!(form.resource_url_source.get_untracked(), Source::Typed);

        use_endpoint(form, "https://elsewhere.example/ords/hr/x", "NOT-A-METHOD");
        assert_eq!(form.resource_url_source.get_untracked(), Source::Catalog);
        assert_eq!(form.method.get_untracked(), Method::Delete, "an unknown method leaves the method");
    }
}
