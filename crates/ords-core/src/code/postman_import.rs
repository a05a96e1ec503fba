//! Reading Postman's formats back: a collection (ours, with its variables, or one written by
//! hand, with folders and inherited auth) into the form's settings, and an environment into
//! the secrets it holds. Secrets are kept apart so the page puts them only in secret fields.

use crate::call::Method;
use crate::config::{Flow, PlaygroundConfig};
use crate::secret::{ClientSecret, Password};
use crate::settings::{ClientAuth, ExtraParam, ParamPlace};
use serde_json::Value;

/// What a collection or an environment holds.
#[derive(Clone, Debug, Default)]
pub struct PostmanImport {
    /// The settings, or None for an environment (it holds only variables).
    pub config: Option<PlaygroundConfig>,
    pub client_secret: Option<ClientSecret>,
    pub password: Option<Password>,
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

/// `{{name}}` replaced by the collection's variables; None while an unknown one is left (a
/// secret kept in an environment, say).
fn resolve(text: &str, variables: &[(String, String)]) -> Option<String> {
    let mut out = text.to_owned();
    for (name, value) in variables {
        out = out.replace(&format!("{{{{{name}}}}}"), value);
    }
    (!out.contains("{{")).then_some(out)
}

fn pairs(list: Option<&Value>) -> Vec<(String, String)> {
    let items = list.and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    items
        .iter()
        .filter_map(|e| {
            Some((e.get("key")?.as_str()?.to_owned(), e.get("value")?.as_str().unwrap_or_default().to_owned()))
        })
        .collect()
}

fn url_of(request: &Value) -> String {
    match request.get("url") {
        Some(Value::String(s)) => s.clone(),
        Some(u) => u.get("raw").and_then(Value::as_str).unwrap_or_default().to_owned(),
        None => String::new(),
    }
}

fn auth_type(auth: Option<&Value>) -> &str {
    auth.and_then(|a| a.get("type")).and_then(Value::as_str).unwrap_or("inherit")
}

/// An environment's secrets (placeholders such as `<client secret>` are not secrets).
fn environment(root: &Value) -> PostmanImport {
    let values = pairs(root.get("values"));
    let secret = |k: &str| {
        values.iter().find(|(key, v)| key == k && !v.is_empty() && !v.starts_with('<')).map(|(_, v)| v.clone())
    };
    PostmanImport {
        config: None,
        client_secret: secret("client_secret").map(ClientSecret::new),
        password: secret("password").map(Password::new),
    }
}

/// A collection's settings: OAuth2 from the collection's or a request's OAuth2 settings (or a
/// `Get token` request and a bearer call, as exported here), else Basic.
pub fn import_postman(text: &str) -> Result<PostmanImport, String> {
    let root: Value = serde_json::from_str(text).map_err(|e| format!("Not JSON: {e}."))?;
    if root.get("_postman_variable_scope").and_then(Value::as_str) == Some("environment") {
        return Ok(environment(&root));
    }
    if root.pointer("/info/schema").and_then(Value::as_str).is_none_or(|s| !s.contains("collection")) {
        return Err(
            "This is neither a Postman collection (no info.schema naming a collection format) nor an environment."
                .into(),
        );
    }
    let variables = pairs(root.get("variable"));
    let text_of = |v: &str| resolve(v, &variables);
    let mut requests = Vec::new();
    collect(&root, &mut requests, 0);
    let inherited = root.get("auth");
    fn own_or<'a>(r: &'a Value, inherited: Option<&'a Value>) -> Option<&'a Value> {
        match auth_type(r.get("auth")) {
            "inherit" => inherited,
            _ => r.get("auth"),
        }
    }
    let auths: Vec<&Value> = requests.iter().filter_map(|r| own_or(r, inherited)).collect();
    let oauth = auths.iter().copied().chain(inherited).find(|a| auth_type(Some(a)) == "oauth2");
    let mut out = PostmanImport::default();
    let mut c = PlaygroundConfig::default();
    if let Some(auth) = oauth {
        let field = |key: &str| pairs(auth.get("oauth2")).into_iter().find(|(k, _)| k == key).map(|(_, v)| v);
        let grant = field("grant_type").unwrap_or_else(|| "authorization_code".into());
        if grant != "client_credentials" {
            return Err(format!(
                "This collection's OAuth2 uses the {grant} grant; the playground runs client_credentials only."
            ));
        }
        c.flow = Flow::OAuth2;
        c.token_url = field("accessTokenUrl").and_then(|v| text_of(&v)).unwrap_or_default();
        c.client_id = field("clientId").and_then(|v| text_of(&v)).unwrap_or_default();
        let body = field("client_authentication").as_deref() == Some("body");
        c.client_auth = if body { ClientAuth::RequestBody } else { ClientAuth::BasicHeader };
        c.scope = field("scope").unwrap_or_default();
        if field("addTokenTo").as_deref() == Some("queryParams") {
            c.token_in_query = true;
            c.token_name = "access_token".into();
        } else {
            c.token_prefix = field("headerPrefix").unwrap_or_else(|| "Bearer".into());
        }
        out.client_secret = field("clientSecret").and_then(|v| text_of(&v)).map(ClientSecret::new);
        let params = auth.get("oauth2").and_then(Value::as_array).into_iter().flatten();
        let extra = params
            .filter(|p| p.get("key").and_then(Value::as_str) == Some("tokenRequestParams"))
            .filter_map(|p| p.get("value")?.as_array());
        for p in extra.flatten().take(crate::config::MAX_EXTRAS) {
            let (Some(k), Some(v)) = (p.get("key").and_then(Value::as_str), p.get("value").and_then(Value::as_str))
            else {
                continue;
            };
            let place = match p.get("send_as").and_then(Value::as_str) {
                Some("request_url") => ParamPlace::Query,
                Some("request_header") => ParamPlace::Header,
                _ => ParamPlace::Body,
            };
            c.extra.push(ExtraParam { name: k.into(), value: v.into(), place });
        }
    }
    // The protected call: the first request that is not the token request.
    let token_url = c.token_url.clone();
    let call = requests
        .iter()
        .copied()
        .find(|r| text_of(&url_of(r)).is_some_and(|u| u != token_url && !u.is_empty()))
        .ok_or("No request in the collection calls a resource.")?;
    let mut basics = auths.iter().copied().filter(|a| auth_type(Some(a)) == "basic");
    let basic = basics.clone().next();
    if oauth.is_none() {
        let auth = basic.ok_or("No request in the collection uses OAuth2 or Basic auth.")?;
        c.flow = Flow::Basic;
        let fields = pairs(auth.get("basic"));
        let get = |k: &str| fields.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
        c.username = get("username").and_then(|v| text_of(&v)).unwrap_or_default();
        out.password = get("password").and_then(|v| text_of(&v)).map(Password::new);
    } else {
        // Ours: a Basic call beside the OAuth2 one (the token request's Basic user is the client).
        let user = basics.find_map(|a| {
            pairs(a.get("basic")).into_iter().find(|(k, v)| k == "username" && !v.contains("{{") && *v != c.client_id)
        });
        if let Some((_, user)) = user {
            c.username = user;
        }
    }
    c.resource_url = text_of(&url_of(call)).unwrap_or_default();
    if let Some(m) = call.get("method").and_then(Value::as_str).and_then(Method::parse) {
        c.method = m;
    }
    out.config = Some(c);
    Ok(out)
}
