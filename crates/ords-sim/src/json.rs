//! Hand-written JSON in ORDS's field order (serde_json's map would sort the keys).

/// A JSON string literal.
pub fn string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// An object from already-encoded values, keeping the given order.
pub fn object(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{}:{v}", string(k))).collect();
    format!("{{{}}}", body.join(","))
}

/// An array from already-encoded values.
pub fn array(items: &[String]) -> String {
    format!("[{}]", items.join(","))
}

/// `{"rel":…,"href":…}`.
pub fn link(rel: &str, href: &str) -> String {
    object(&[("rel", string(rel)), ("href", string(href))])
}
