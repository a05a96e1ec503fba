//! Postman Collection v2.1: export the current setup (secrets only when asked), and import
//! such a collection back into the form's settings.

use super::plan::Plan;
use crate::call::Method;
use crate::config::{Flow, PlaygroundConfig};
use crate::secret::{ClientSecret, Password};
use crate::settings::{ClientAuth, ExtraParam, ParamPlace, TokenPlacement};
use serde_json::{json, Value};

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

fn kv(key: &str, value: impl Into<Value>) -> Value {
    json!({ "key": key, "value": value.into(), "type": "string" })
}

fn request(p: &Plan, auth: Value) -> Value {
    let header: Vec<Value> = p.call_headers.iter().map(|(k, v)| json!({ "key": k, "value": v })).collect();
    let mut r =
        json!({ "method": p.method.as_str(), "header": header, "url": { "raw": p.resource_url }, "auth": auth });
    if !p.call_body.is_empty() {
        r["body"] = json!({ "mode": "raw", "raw": p.call_body, "options": { "raw": { "language": "json" } } });
    }
    r
}

/// The collection: the resource with OAuth2, and the same with Basic.
pub fn export_postman(p: &Plan) -> String {
    let mut oauth = vec![
        kv("grant_type", "client_credentials"),
        kv("accessTokenUrl", p.token_url.as_str()),
        kv("clientId", p.client_id.as_str()),
        kv("client_authentication", if p.secret_in_body { "body" } else { "header" }),
        kv("tokenName", "ORDS Auth Playground"),
    ];
    if let Some(secret) = &p.client_secret.value {
        oauth.push(kv("clientSecret", secret.as_str()));
    }
    if !p.scope.is_empty() {
        oauth.push(kv("scope", p.scope.as_str()));
    }
    match &p.placement {
        TokenPlacement::Header { prefix, .. } => {
            oauth.push(kv("addTokenTo", "header"));
            oauth.push(kv("headerPrefix", prefix.as_str()));
        }
        TokenPlacement::Query { .. } => oauth.push(kv("addTokenTo", "queryParams")),
    }
    if !p.extras.is_empty() {
        let send_as = |place| match place {
            ParamPlace::Body => "request_body",
            ParamPlace::Query => "request_url",
            ParamPlace::Header => "request_header",
        };
        let params: Vec<Value> = p
            .extras
            .iter()
            .map(|e| json!({ "key": e.name, "value": e.value, "enabled": true, "send_as": send_as(e.place) }))
            .collect();
        oauth.push(json!({ "key": "tokenRequestParams", "value": params, "type": "any" }));
    }
    let mut basic = vec![kv("username", p.username.as_str())];
    if let Some(password) = &p.password.value {
        basic.push(kv("password", password.as_str()));
    }
    let collection = json!({
        "info": { "name": "ORDS Auth Playground", "schema": SCHEMA },
        "item": [
            { "name": "Protected resource (OAuth2 client credentials)", "request": request(p, json!({ "type": "oauth2", "oauth2": oauth })) },
            { "name": "Protected resource (Basic)", "request": request(p, json!({ "type": "basic", "basic": basic })) },
        ],
    });
    serde_json::to_string_pretty(&collection).unwrap_or_default()
}

/// What a collection holds: the settings, and the secrets it carries (kept apart, so the page
/// can put them only in the secret fields).
#[derive(Clone, Debug, Default)]
pub struct PostmanImport {
    pub config: PlaygroundConfig,
    pub client_secret: Option<ClientSecret>,
    pub password: Option<Password>,
}

/// The first request with OAuth2 or Basic auth (its own, or the collection's), as settings.
pub fn import_postman(text: &str) -> Result<PostmanImport, String> {
    let root: Value = serde_json::from_str(text).map_err(|e| format!("Not JSON: {e}."))?;
    if root.pointer("/info/schema").and_then(Value::as_str).is_none_or(|s| !s.contains("collection")) {
        return Err("This is not a Postman collection (no info.schema naming a collection format).".into());
    }
    let mut requests = Vec::new();
    collect(&root, &mut requests, 0);
    let inherited = root.get("auth");
    let pick = requests.iter().find_map(|r| {
        let auth = r.get("auth").filter(|a| a.get("type").and_then(Value::as_str) != Some("inherit")).or(inherited)?;
        matches!(auth.get("type")?.as_str()?, "oauth2" | "basic").then_some((*r, auth))
    });
    let (request, auth) = pick.ok_or("No request in the collection uses OAuth2 or Basic auth.")?;
    let mut out = PostmanImport::default();
    let c = &mut out.config;
    c.resource_url = match request.get("url") {
        Some(Value::String(s)) => s.clone(),
        Some(u) => u.get("raw").and_then(Value::as_str).unwrap_or_default().to_owned(),
        None => String::new(),
    };
    if let Some(m) = request.get("method").and_then(Value::as_str).and_then(Method::parse) {
        c.method = m;
    }
    let field = |list: &str, key: &str| -> Option<Value> {
        auth.get(list)?
            .as_array()?
            .iter()
            .find(|e| e.get("key").and_then(Value::as_str) == Some(key))?
            .get("value")
            .cloned()
    };
    let text_of = |v: Option<Value>| v.and_then(|v| v.as_str().map(str::to_owned));
    if auth["type"] == "basic" {
        c.flow = Flow::Basic;
        c.username = text_of(field("basic", "username")).unwrap_or_default();
        out.password = text_of(field("basic", "password")).map(Password::new);
        return Ok(out);
    }
    let grant = text_of(field("oauth2", "grant_type")).unwrap_or_else(|| "authorization_code".into());
    if grant != "client_credentials" {
        return Err(format!(
            "This collection's OAuth2 uses the {grant} grant; the playground runs client_credentials only."
        ));
    }
    c.flow = Flow::OAuth2;
    c.token_url = text_of(field("oauth2", "accessTokenUrl")).unwrap_or_default();
    c.client_id = text_of(field("oauth2", "clientId")).unwrap_or_default();
    let body = text_of(field("oauth2", "client_authentication")).as_deref() == Some("body");
    c.client_auth = if body { ClientAuth::RequestBody } else { ClientAuth::BasicHeader };
    c.scope = text_of(field("oauth2", "scope")).unwrap_or_default();
    if text_of(field("oauth2", "addTokenTo")).as_deref() == Some("queryParams") {
        c.token_in_query = true;
        c.token_name = "access_token".into();
    } else {
        c.token_prefix = text_of(field("oauth2", "headerPrefix")).unwrap_or_else(|| "Bearer".into());
    }
    let params = field("oauth2", "tokenRequestParams").and_then(|v| v.as_array().cloned()).unwrap_or_default();
    for p in params.iter().take(crate::config::MAX_EXTRAS) {
        let (Some(k), Some(v)) = (p.get("key").and_then(Value::as_str), p.get("value").and_then(Value::as_str)) else {
            continue;
        };
        let place = match p.get("send_as").and_then(Value::as_str) {
            Some("request_url") => ParamPlace::Query,
            Some("request_header") => ParamPlace::Header,
            _ => ParamPlace::Body,
        };
        c.extra.push(ExtraParam { name: k.into(), value: v.into(), place });
    }
    out.client_secret = text_of(field("oauth2", "clientSecret")).map(ClientSecret::new);
    Ok(out)
}

/// Folders nest; a collection is walked at most this deep (a crafted file cannot go on forever).
const MAX_FOLDER_DEPTH: usize = 32;

fn collect<'a>(node: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if let Some(r) = node.get("request") {
        out.push(r);
    }
    if depth >= MAX_FOLDER_DEPTH {
        return;
    }
    for item in node.get("item").and_then(Value::as_array).into_iter().flatten() {
        collect(item, out, depth + 1);
    }
}
