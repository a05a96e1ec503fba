//! Python with requests: bodies sent as UTF-8 bytes, Base64 of UTF-8 for Basic.

use super::exprs::{self, Names};
use super::plan::{Plan, SecretRef};
use crate::quote::python as lit;

const NAMES: Names = Names {
    base64: "b64",
    form_encode: "form_encode",
    client_secret: "client_secret",
    password: "password",
    url_encoded_token: "urllib.parse.quote(token, safe=\"\")",
};

fn assign(var: &str, s: &SecretRef) -> String {
    match &s.value {
        Some(v) => format!("{var} = {}", lit(v)),
        None => format!("{var} = os.environ[{}]  # export {}='{}'", lit(s.env), s.env, s.placeholder),
    }
}

fn dict(headers: &[(String, String)], first: Option<String>) -> String {
    let mut items: Vec<String> = first.into_iter().collect();
    items.extend(headers.iter().map(|(k, v)| format!("{}: {}", lit(k), crate::quote::python_header(v))));
    format!("{{\n{}    }}", items.iter().map(|i| format!("        {i},\n")).collect::<String>())
}

pub(super) fn requests(p: &Plan) -> String {
    let [token_title, bearer_title, basic_title] = p.titles();
    let mut out = format!("# {}\nimport base64\nimport os\nimport urllib.parse\n\nimport requests\n\n", p.intro());
    // Only the secrets this flow sends: os.environ raises KeyError for an unset one.
    if token_title.is_some() {
        out.push_str(&format!("{}\n", assign("client_secret", &p.client_secret)));
    }
    if basic_title.is_some() {
        out.push_str(&format!("{}\n", assign("password", &p.password)));
    }
    out.push_str("\ndef b64(text):\n    return base64.b64encode(text.encode(\"utf-8\")).decode(\"ascii\")\n\n\n");
    out.push_str(
        "def form_encode(text):\n    return urllib.parse.quote_plus(text, safe=\"*\").replace(\"~\", \"%7E\")\n\n\n",
    );
    if let Some(title) = token_title {
        let (auth, body) = (exprs::token_auth(p, &NAMES), exprs::token_body(p, &NAMES));
        out.push_str(&format!(
            "# {title}\ntoken_response = \
                requests.post(\n    {},\n    headers={},\n    data=({body}).encode(\"utf-8\"),\n)\ntoken = \
                    token_response.json()[\"access_token\"]\n\n",
            lit(&p.token_url),
            dict(&p.token_headers, auth)
        ));
    }
    let mut calls = Vec::new();
    if let Some(title) = bearer_title {
        let (url, token_header) = exprs::token_target(p, &NAMES);
        calls.push(format!("# {title}\n{}", call(p, "response", &url, token_header)));
    }
    if let Some(title) = basic_title {
        let basic = call(p, "basic_response", &lit(&p.resource_url), Some(exprs::basic_auth(p, &NAMES)));
        calls.push(format!("# {title}\n{basic}"));
    }
    out.push_str(&calls.join("\n"));
    out
}

fn call(p: &Plan, var: &str, url: &str, auth: Option<String>) -> String {
    let body =
        if p.call_body.is_empty() { "None".to_owned() } else { format!("{}.encode(\"utf-8\")", lit(&p.call_body)) };
    format!(
        "{var} = requests.request(\n    {},\n    {url},\n    headers={},\n    data={body},\n)\
            \nprint({var}.status_code, {var}.text)\n",
        lit(p.method.as_str()),
        dict(&p.call_headers, auth)
    )
}
