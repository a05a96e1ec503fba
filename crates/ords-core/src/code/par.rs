//! The code for a pre-authenticated URL (ORDS_PAR): one call with no credentials. Its token is
//! a credential, so it is a variable (`ORDS_PAR_TOKEN`) unless the person ticked Include
//! secrets; the rest of the URL (host, alias, handler) is written out.

use super::CodeInput;
use super::CodeTarget;
use crate::par::ParUrl;
use crate::quote::{js, python, shell, sql};

const ENV: &str = "ORDS_PAR_TOKEN";
const WARNING: &str = "Whoever holds this URL can make the call, with no credentials, until it expires.";

pub(super) fn write(target: CodeTarget, input: &CodeInput<'_>) -> String {
    let Ok(par) = ParUrl::parse(&input.call.url) else {
        let example = crate::par::par_setup_sql("<module name>", "<pattern>", "GET", 3600);
        let setup = if target == CodeTarget::SetupSql { example.as_str() } else { "" };
        return format!(
            "# Type a pre-authenticated URL (…/ords/<alias>/_/par/<token>/<handler>) to see its code.\n{setup}"
        );
    };
    let token = input.include_secrets.then(|| par.token.secret().to_owned());
    let query = par.query.as_deref().map(|q| format!("?{q}")).unwrap_or_default();
    let (before, after) = (par.prefix.clone(), format!("/{}{query}", par.path));
    let method = input.call.method.as_str();
    match target {
        CodeTarget::Curl => {
            let assign = match &token {
                Some(t) => format!("{ENV}={}", shell(t)),
                None => format!("{ENV}=\"${{{ENV}?export {ENV}='<token>' first}}\""),
            };
            format!(
                "#!/usr/bin/env bash\n\
                 # The ORDS call through a pre-authenticated URL (ORDS_PAR), with no credentials.\n\
                 # {WARNING}\nset -euo pipefail\n{assign}\n\
                 curl -g -i -X {method} -H 'Accept: application/json' {}\"${ENV}\"{}\n",
                shell(&before),
                shell(&after)
            )
        }
        CodeTarget::Fetch => {
            let value = match &token {
                Some(t) => js(t),
                None => format!("process.env.{ENV} ?? {}", js("<token>")),
            };
            format!(
                "// The ORDS call through a pre-authenticated URL (ORDS_PAR), with no credentials.\n// {WARNING}\n\
                 const parToken = {value};\n\
                 const response = await fetch({} + encodeURIComponent(parToken) + {}, {{\n  method: {},\n  \
                 headers: {{ Accept: \"application/json\" }},\n}});\n\
                 console.log(response.status, await response.text());\n",
                js(&before),
                js(&after),
                js(method)
            )
        }
        CodeTarget::Python => {
            let value = match &token {
                Some(t) => python(t),
                None => format!("os.environ[{}]", python(ENV)),
            };
            format!(
                "# The ORDS call through a pre-authenticated URL (ORDS_PAR), with no credentials.\n# {WARNING}\n\
                 import os\nimport requests\n\npar_token = {value}\n\
                 response = requests.request({}, {} + par_token + {}, headers={{\"Accept\": \"application/json\"}})\n\
                 print(response.status_code, response.text)\n",
                python(method),
                python(&before),
                python(&after)
            )
        }
        CodeTarget::PlSql => {
            let value = token.as_deref().map_or_else(|| "'<token>'".to_owned(), sql);
            format!(
                "SET DEFINE OFF\nSET SERVEROUTPUT ON\n\
                 -- The ORDS call through a pre-authenticated URL (ORDS_PAR), with no credentials.\n-- {WARNING}\n\
                 DECLARE\n  l_par_token VARCHAR2(4000) := {value};\n  l_body CLOB;\nBEGIN\n  \
                 l_body := apex_web_service.make_rest_request(\n    p_url         => {} || l_par_token || {},\n    \
                 p_http_method => {});\n  dbms_output.put_line('HTTP ' || apex_web_service.g_status_code);\n  \
                 dbms_output.put_line(dbms_lob.substr(l_body, 4000, 1));\nEND;\n/\n",
                sql(&before),
                sql(&after),
                sql(method)
            )
        }
        CodeTarget::SetupSql => {
            let (base, pattern) = par.path.split_once('/').unwrap_or((par.path.as_str(), ""));
            let module = format!("<the module whose base path is /{base}/>");
            crate::par::par_setup_sql(&module, pattern, method, 3600)
        }
    }
}
