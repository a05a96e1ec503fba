//! An ORDS schema's own description of its endpoints: `…/metadata-catalog/` lists modules and
//! REST-enabled objects, each with an `alternate` link to its OpenAPI document
//! (`…/open-api-catalog/<name>/`, OpenAPI 3.0 since ORDS 22.2, Swagger 2.0 before). Read here
//! into endpoints a person can pick: method, URL template, path parameters, and whether the
//! document says it needs authentication. Everything read is bounded.

use crate::diagnose::{Finding, FindingId, Severity};
use crate::url::HttpUrl;
use serde_json::Value;

/// At most this many catalog entries and endpoints are read.
pub const MAX_ENTRIES: usize = 200;
pub const MAX_ENDPOINTS: usize = 1000;

/// A module or object the catalog lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogEntry {
    pub name: String,
    /// Its OpenAPI document (the `alternate` link), if listed.
    pub openapi: Option<String>,
}

/// One operation of an OpenAPI document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub method: String,
    /// The absolute URL with `{parameters}` in place.
    pub url: String,
    pub params: Vec<String>,
    /// `Some(true)` when the document asks for security, `Some(false)` when it says none,
    /// `None` when it says nothing.
    pub needs_auth: Option<bool>,
    pub summary: String,
}

/// The schema's base, `…/ords/<alias>/` (or `…/pls/apex/<workspace>/`), from a resource or token URL.
pub fn ords_base(url: &str) -> Option<String> {
    let parsed = HttpUrl::parse(url).ok()?;
    let segments = parsed.segments();
    let end = match segments.as_slice() {
        ["pls", "apex", _, ..] => 3,
        _ => segments.iter().position(|s| *s == "ords")? + 2,
    };
    (segments.len() >= end).then(|| format!("{}/{}/", parsed.origin(), segments[..end].join("/")))
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// The catalog's entries.
pub fn parse_metadata_catalog(body: &str) -> Result<Vec<CatalogEntry>, String> {
    let root: Value = serde_json::from_str(body).map_err(|_| "The catalog is not JSON.".to_owned())?;
    let items = root.get("items").and_then(Value::as_array).ok_or("The catalog has no items list.")?;
    Ok(items
        .iter()
        .take(MAX_ENTRIES)
        .map(|item| {
            let links = item.get("links").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
            let openapi = links
                .iter()
                .find(|l| l.get("rel").and_then(Value::as_str) == Some("alternate"))
                .map(|l| text(l, "href"))
                .filter(|h| !h.is_empty());
            CatalogEntry { name: text(item, "name"), openapi }
        })
        .collect())
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

fn security(v: Option<&Value>) -> Option<bool> {
    v.and_then(Value::as_array).map(|list| !list.is_empty())
}

/// The endpoints of an OpenAPI 3.0 or Swagger 2.0 document.
pub fn parse_openapi(body: &str) -> Result<Vec<Endpoint>, String> {
    let doc: Value = serde_json::from_str(body).map_err(|_| "The OpenAPI document is not JSON.".to_owned())?;
    let base = if doc.get("openapi").is_some() {
        doc.pointer("/servers/0/url").and_then(Value::as_str).unwrap_or_default().to_owned()
    } else if doc.get("swagger").is_some() {
        let scheme = doc.pointer("/schemes/0").and_then(Value::as_str).unwrap_or("https");
        format!("{scheme}://{}{}", text(&doc, "host"), text(&doc, "basePath"))
    } else {
        return Err("This is neither OpenAPI 3 nor Swagger 2.0.".into());
    };
    let global = security(doc.get("security"));
    let paths = doc.get("paths").and_then(Value::as_object).ok_or("The OpenAPI document has no paths.")?;
    let mut out = Vec::new();
    for (path, item) in paths {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            if out.len() == MAX_ENDPOINTS {
                return Ok(out);
            }
            let mut params: Vec<String> = Vec::new();
            let declared = [item.get("parameters"), op.get("parameters")];
            for p in declared.iter().flatten().filter_map(|v| v.as_array()).flatten() {
                let name = text(p, "name");
                if text(p, "in") == "path" && !name.is_empty() && !params.contains(&name) {
                    params.push(name);
                }
            }
            // Parameters written in the path but not declared still need a value.
            for piece in path.split('{').skip(1) {
                if let Some((name, _)) = piece.split_once('}') {
                    if !params.iter().any(|p| p == name) {
                        params.push(name.to_owned());
                    }
                }
            }
            let summary = [text(op, "summary"), text(op, "description")].into_iter().find(|s| !s.is_empty());
            out.push(Endpoint {
                method: method.to_ascii_uppercase(),
                url: format!("{}/{}", base.trim_end_matches('/'), path.trim_start_matches('/')),
                params,
                needs_auth: security(op.get("security")).or(global),
                summary: summary.unwrap_or_default(),
            });
        }
    }
    Ok(out)
}

/// The URL with each `{parameter}` replaced by its value, percent-encoded as one path segment.
pub fn fill_path(template: &str, values: &[(String, String)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &crate::encode::form_encode(value).replace('+', "%20"));
    }
    out
}

/// Why the catalog was refused, and how to get it.
pub fn catalog_refusal(status: u16, url: &str) -> Option<Finding> {
    let evidence = format!("GET {url} answered {status}");
    match status {
        401 | 403 => Some(
            Finding::new(
                FindingId::CatalogProtected,
                Severity::Problem,
                "The schema's catalog needs credentials: it was REST-enabled with p_auto_rest_auth => TRUE, which \
                    protects metadata-catalog too.",
                evidence,
            )
            .fix(
                "Browse with credentials that hold the schema's AutoREST role (a user or client of this schema), or \
                    have the schema enabled with p_auto_rest_auth => FALSE (ORDS.ENABLE_SCHEMA).",
            ),
        ),
        404 => Some(
            Finding::new(
                FindingId::CatalogNotFound,
                Severity::Problem,
                "No catalog at this address: the schema alias is most likely wrong, or the schema is not REST-enabled.",
                evidence,
            )
            .fix(
                "Check the alias (SELECT pattern FROM user_ords_schemas) and that ORDS.ENABLE_SCHEMA was run for the \
                    schema.",
            ),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
