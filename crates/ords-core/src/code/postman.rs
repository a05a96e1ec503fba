//! Postman Collection v2.1 that runs unattended, in Newman (Postman's CLI) and in the app's
//! collection runner: every URL a complete string, a first `Get token` request whose test stores
//! the token in a collection variable, the protected calls sending it (or Basic), and secrets as
//! `{{client_secret}}` and `{{password}}`, whose values are in a separate environment export
//! (placeholders unless the person asks for the secrets). The app's OAuth2 helper settings stay
//! on the collection. Import reads these collections, their environments, and hand-written ones.

use super::plan::Plan;
use crate::settings::{ClientAuth, TokenPlacement};
use serde_json::{json, Value};

pub use super::postman_import::{import_postman, PostmanImport};

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

fn kv(key: &str, value: impl Into<Value>) -> Value {
    json!({ "key": key, "value": value.into(), "type": "string" })
}

fn headers(list: &[(String, String)]) -> Vec<Value> {
    list.iter().map(|(k, v)| json!({ "key": k, "value": v })).collect()
}

/// A test script (one line per array entry, as Postman stores it).
fn test(lines: &[&str]) -> Value {
    json!([{ "listen": "test", "script": { "type": "text/javascript", "exec": lines } }])
}

const CALL_OK: [&str; 1] =
    ["pm.test(\"the call succeeded\", function () { pm.expect(pm.response.code).to.be.within(200, 299); });"];

/// The token request: the form's fields, the secret as a variable (Postman encodes the fields).
fn get_token(p: &Plan) -> Value {
    let mut fields: Vec<Value> = crate::encode::parse_form(&p.token_body)
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| json!({ "key": k, "value": v, "type": "text" }))
        .collect();
    let auth = if p.secret_in_body {
        fields.push(json!({ "key": "client_secret", "value": "{{client_secret}}", "type": "text" }));
        json!({ "type": "noauth" })
    } else {
        json!({ "type": "basic", "basic": [kv("username", p.client_id_for_basic.as_str()), kv("password",
            "{{client_secret}}")] })
    };
    json!({
        "name": "Get token",
        "event": test(&[
            "pm.test(\"a token was issued\", function () { pm.response.to.have.status(200); });",
            "pm.collectionVariables.set(\"access_token\", pm.response.json().access_token);",
        ]),
        "request": {
            "method": "POST", "url": "{{token_url}}", "auth": auth, "header": headers(&p.token_headers),
            "body": { "mode": "urlencoded", "urlencoded": fields },
        },
    })
}

fn call(p: &Plan, name: &str, url: String, auth: Value, extra_header: Option<(String, String)>) -> Value {
    let mut list = p.call_headers.clone();
    list.extend(extra_header);
    let mut request = json!({ "method": p.method.as_str(), "url": url, "auth": auth, "header": headers(&list) });
    if !p.call_body.is_empty() {
        request["body"] = json!({ "mode": "raw", "raw": p.call_body, "options": { "raw": { "language": "json" } } });
    }
    json!({ "name": name, "event": test(&CALL_OK), "request": request })
}

/// The app's OAuth2 helper settings, kept so its "Get New Access Token" still works.
fn helper_settings(p: &Plan) -> Value {
    let mut oauth = vec![
        kv("grant_type", "client_credentials"),
        kv("accessTokenUrl", "{{token_url}}"),
        kv("clientId", "{{client_id}}"),
        kv("clientSecret", "{{client_secret}}"),
        kv("client_authentication", if p.client_auth == ClientAuth::RequestBody { "body" } else { "header" }),
        kv("tokenName", "ORDS Auth Playground"),
    ];
    if !p.scope.is_empty() {
        oauth.push(kv("scope", p.scope.as_str()));
    }
    oauth.push(kv(
        "addTokenTo",
        if matches!(p.placement, TokenPlacement::Query { .. }) { "queryParams" } else { "header" },
    ));
    json!({ "type": "oauth2", "oauth2": oauth })
}

/// Through a pre-authenticated URL: the one call, its token `{{par_token}}` (in the environment).
fn par_collection(p: &Plan) -> Value {
    let url = crate::par::ParUrl::parse(&p.resource_url).map(|par| par.written("{{par_token}}"));
    let item = call(
        p,
        "Protected resource (pre-authenticated URL)",
        url.unwrap_or_default(),
        json!({ "type": "noauth" }),
        None,
    );
    json!({ "info": { "name": "ORDS Auth Playground", "schema": SCHEMA }, "item": [item] })
}

/// The collection for the flow chosen: `Get token` and the protected call with that token, the
/// call with Basic, or all three (Compare both). A Basic collection has no token variables.
pub fn export_postman(p: &Plan) -> String {
    if p.flow == crate::config::Flow::Par {
        return serde_json::to_string_pretty(&par_collection(p)).unwrap_or_default();
    }
    let (url, auth, header) = match &p.placement {
        TokenPlacement::Header { name, prefix } if name.eq_ignore_ascii_case("authorization") && prefix == "Bearer" => {
            (
                "{{resource_url}}".to_owned(),
                json!({ "type": "bearer", "bearer": [kv("token", "{{access_token}}")] }),
                None,
            )
        }
        TokenPlacement::Header { name, prefix } => {
            let value = if prefix.is_empty() {
                "{{access_token}}".to_owned()
            } else {
                format!("{prefix} {{{{access_token}}}}")
            };
            ("{{resource_url}}".to_owned(), json!({ "type": "noauth" }), Some((name.clone(), value)))
        }
        TokenPlacement::Query { name } => {
            let join = if p.resource_url.contains('?') { '&' } else { '?' };
            let name = crate::encode::form_encode(name);
            (format!("{{{{resource_url}}}}{join}{name}={{{{access_token}}}}"), json!({ "type": "noauth" }), None)
        }
    };
    let basic =
        json!({ "type": "basic", "basic": [kv("username", p.username.as_str()), kv("password", "{{password}}")] });
    let oauth = p.flow.uses_oauth();
    let mut items = Vec::new();
    let mut variables = vec![kv("resource_url", p.resource_url.as_str())];
    if oauth {
        items.push(get_token(p));
        items.push(call(p, "Protected resource (OAuth2 client credentials)", url, auth, header));
        variables.splice(0..0, [kv("token_url", p.token_url.as_str()), kv("client_id", p.client_id.as_str())]);
        variables.push(kv("access_token", ""));
    }
    if p.flow.uses_basic() {
        items.push(call(p, "Protected resource (Basic)", "{{resource_url}}".to_owned(), basic, None));
    }
    let mut collection = json!({ "info": { "name": "ORDS Auth Playground", "schema": SCHEMA } });
    if oauth {
        collection["auth"] = helper_settings(p);
    }
    collection["variable"] = Value::from(variables);
    collection["item"] = Value::from(items);
    serde_json::to_string_pretty(&collection).unwrap_or_default()
}

/// The environment holding the secrets: their values when asked for, placeholders otherwise.
pub fn export_postman_environment(p: &Plan) -> String {
    let secret = if p.encode_credentials { "<client secret, form-encoded>" } else { p.client_secret.placeholder };
    let value =
        |s: &super::plan::SecretRef, placeholder: &str| s.value.clone().unwrap_or_else(|| placeholder.to_owned());
    // With form-encoding on, the Basic header carries the encoded secret: so does the variable.
    let client_secret = match &p.client_secret.value {
        Some(v) if p.encode_credentials => crate::encode::form_encode(v),
        _ => value(&p.client_secret, secret),
    };
    // Only the secrets the flow's requests use.
    let mut values = Vec::new();
    if p.flow.uses_oauth() {
        values.push(json!({ "key": "client_secret", "value": client_secret, "type": "secret", "enabled": true }));
    }
    if p.flow.uses_basic() {
        let password = value(&p.password, p.password.placeholder);
        values.push(json!({ "key": "password", "value": password, "type": "secret", "enabled": true }));
    }
    if p.flow == crate::config::Flow::Par {
        let token = value(&p.par_token, p.par_token.placeholder);
        values.push(json!({ "key": "par_token", "value": token, "type": "secret", "enabled": true }));
    }
    let environment = json!({
        "name": "ORDS Auth Playground",
        "values": values,
        "_postman_variable_scope": "environment",
    });
    serde_json::to_string_pretty(&environment).unwrap_or_default()
}
