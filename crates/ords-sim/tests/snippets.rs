//! Generated code, run where a runtime exists here: bash + curl against ords-sim on loopback,
//! and bash, node and python3 with curl / fetch / requests replaced by recorders, fed hostile
//! strings in every field. Each recorded value must equal what the playground itself sends.

use ords_core::{
    basic_authorization, form_encode, generate, token_request, BasicSettings, ClientAuth, ClientSecret, CodeInput,
    CodeTarget, ExtraParam, OAuthSettings, ParamPlace, Password, ResourceCall, TokenPlacement,
};
use ords_sim::{server, Sim, SimConfig, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET};
use std::net::TcpListener;
use std::process::Command;
use std::sync::{Arc, Mutex};

const HOSTILE: [&str; 8] = [
    "it's \"quoted\"",
    "$HOME `id` $(id) \\ \\n",
    "line one\nline two",
    "Grüße, 東京, emoji 🙂",
    "a:b&c=d+e%20f?g#h",
    "'; DROP TABLE x; --",
    "</script><!--",
    "tab\there ~*._-",
];

fn settings(secret: &str, auth: ClientAuth, encode: bool) -> OAuthSettings {
    OAuthSettings {
        token_url: "http://127.0.0.1:9/ords/demo/oauth/token".into(),
        client_id: format!("id {secret}"),
        client_secret: ClientSecret::new(secret),
        client_auth: auth,
        encode_credentials: encode,
        scope: format!("scope {secret}"),
        extra: vec![ExtraParam { name: "audience".into(), value: secret.into(), place: ParamPlace::Body }],
    }
}

fn code(target: CodeTarget, oauth: &OAuthSettings, secret: &str, include: bool) -> String {
    let basic = BasicSettings { username: format!("user {secret}"), password: Password::new(secret) };
    let call = ResourceCall {
        url: "http://127.0.0.1:9/ords/demo/hr/notes/".into(),
        method: ords_core::Method::Post,
        headers: vec![("X-Note".into(), format!("note {}", secret.replace('\n', " ")))],
        body: serde_json::json!({ "text": secret }).to_string(),
    };
    let placement = TokenPlacement::default();
    let input = CodeInput {
        oauth,
        basic: &basic,
        call: &call,
        placement: &placement,
        include_secrets: include,
        page_origin: "http://o",
    };
    generate(target, &input)
}

fn run(program: &str, args: &[&str], script: &str, secret: &str) -> String {
    let dir = std::env::temp_dir().join(format!("ords-snippet-{}-{program}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(if program == "node" { "s.mjs" } else { "s" });
    std::fs::write(&file, script).unwrap();
    let out = Command::new(program)
        .args(args)
        .arg(&file)
        .current_dir(&dir)
        .env("ORDS_CLIENT_SECRET", secret)
        .env("ORDS_PASSWORD", secret)
        .env("PYTHONPATH", &dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{program} failed: {}\n{script}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The Authorization and body the playground itself would send for these settings.
/// None when the playground itself refuses the settings (an id with ":" in a Basic header).
fn expected(oauth: &OAuthSettings) -> Option<(Option<String>, String)> {
    let wire = token_request(oauth).ok()?.wire;
    Some((wire.header("Authorization").map(str::to_owned), wire.body))
}

fn check_recorded(recorded: &str, oauth: &OAuthSettings, secret: &str, language: &str) {
    let Some((auth, body)) = expected(oauth) else { return };
    let basic = basic_authorization(&format!("user {secret}"), secret);
    let note = serde_json::json!({ "text": secret }).to_string();
    if let Some(auth) = auth {
        assert!(recorded.contains(&format!("Authorization: {auth}\n")), "{language}: token Authorization\n{recorded}");
    }
    assert!(recorded.contains(&format!("BODY {body}\n")), "{language}: token body {body:?}\n{recorded}");
    assert!(recorded.contains(&format!("Authorization: {basic}\n")), "{language}: Basic\n{recorded}");
    assert!(recorded.contains(&format!("X-Note: note {}\n", secret.replace('\n', " "))), "{language}: header");
    assert!(recorded.contains(&format!("BODY {note}\n")), "{language}: call body");
}

/// bash: `curl` recorded by a function (on stderr, as stdout feeds sed). Headers and bodies are printed as curl would send
/// them: `--user` becomes Basic, `--data-urlencode` is form-encoded the way the core does.
const CURL_RECORDER: &str = r#"curl() {
  local body="" arg
  while [ $# -gt 0 ]; do
    arg="$1"; shift
    case "$arg" in
      -H) printf '%s\n' "$1" >&2; shift ;;
      --user) printf 'Authorization: Basic %s\n' "$(printf '%s' "$1" | base64 | tr -d '\n')" >&2; shift ;;
      --data-raw) body+="${body:+&}$1"; shift ;;
      --data-urlencode) body+="${body:+&}${1%%=*}=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote_plus(sys.argv[1],safe="*").replace("~","%7E"),end="")' "${1#*=}")"; shift ;;
      -X) shift ;;
    esac
  done
  [ -n "$body" ] && printf 'BODY %s\n' "$body" >&2
  printf '{"access_token":"TOK"}'
}
"#;

#[test]
fn curl_snippets_carry_every_value_unchanged() {
    for secret in HOSTILE {
        for (auth, encode) in
            [(ClientAuth::BasicHeader, false), (ClientAuth::BasicHeader, true), (ClientAuth::RequestBody, false)]
        {
            let oauth = settings(secret, auth, encode);
            for include in [false, true] {
                let script = code(CodeTarget::Curl, &oauth, secret, include).replacen(
                    "set -euo pipefail\n",
                    &format!("set -euo pipefail\n{CURL_RECORDER}exec 2>&1\n"),
                    1,
                );
                let recorded = run("bash", &[], &script, secret);
                check_recorded(&recorded, &oauth, secret, "bash");
            }
        }
    }
}

const FETCH_RECORDER: &str = "globalThis.fetch = async (url, init) => {\n  for (const [k, v] of Object.entries(init.headers)) console.log(`${k}: ${v}`);\n  if (init.body) console.log(`BODY ${init.body}`);\n  return { status: 200, json: async () => ({ access_token: 'TOK' }), text: async () => '' };\n};\n";

#[test]
fn fetch_snippets_carry_every_value_unchanged() {
    for secret in HOSTILE {
        for (auth, encode) in
            [(ClientAuth::BasicHeader, false), (ClientAuth::BasicHeader, true), (ClientAuth::RequestBody, false)]
        {
            let oauth = settings(secret, auth, encode);
            for include in [false, true] {
                let script = format!("{FETCH_RECORDER}{}", code(CodeTarget::Fetch, &oauth, secret, include));
                check_recorded(&run("node", &[], &script, secret), &oauth, secret, "node");
            }
        }
    }
}

const REQUESTS_RECORDER: &str = "import sys, types\nclass R:\n    status_code = 200\n    text = ''\n    def json(self):\n        return {'access_token': 'TOK'}\ndef request(method, url, headers=None, data=None):\n    for k, v in headers.items():\n        print(f'{k}: {v}')\n    if data:\n        print('BODY ' + data.decode('utf-8'))\n    return R()\nsys.modules['requests'] = types.SimpleNamespace(request=request, post=lambda url, **kw: request('POST', url, **kw))\n";

#[test]
fn python_snippets_carry_every_value_unchanged() {
    for secret in HOSTILE {
        for (auth, encode) in
            [(ClientAuth::BasicHeader, false), (ClientAuth::BasicHeader, true), (ClientAuth::RequestBody, false)]
        {
            let oauth = settings(secret, auth, encode);
            for include in [false, true] {
                let script = format!("{REQUESTS_RECORDER}{}", code(CodeTarget::Python, &oauth, secret, include));
                check_recorded(&run("python3", &[], &script, secret), &oauth, secret, "python3");
            }
        }
    }
}

/// Reads every `'…'` literal of PL/SQL text (`''` inside stands for one quote).
fn plsql_literals(text: &str) -> Vec<String> {
    let (mut out, mut chars) = (Vec::new(), text.chars().peekable());
    while let Some(c) = chars.next() {
        if c == '-' && chars.peek() == Some(&'-') {
            chars.find(|c| *c == '\n'); // comments may hold a lone quote
        } else if c == '\'' {
            let mut lit = String::new();
            loop {
                match chars.next() {
                    Some('\'') if chars.peek() == Some(&'\'') => {
                        chars.next();
                        lit.push('\'');
                    }
                    Some('\'') | None => break,
                    Some(c) => lit.push(c),
                }
            }
            out.push(lit);
        }
    }
    out
}

#[test]
fn plsql_literals_carry_every_value_unchanged() {
    for secret in HOSTILE {
        let oauth = settings(secret, ClientAuth::BasicHeader, false);
        let literals = plsql_literals(&code(CodeTarget::PlSql, &oauth, secret, true));
        for value in [secret.to_owned(), format!("id {secret}"), format!("scope {secret}"), format!("user {secret}")] {
            assert!(literals.contains(&value), "{value:?} in {literals:?}");
        }
        let hidden = plsql_literals(&code(CodeTarget::PlSql, &oauth, secret, false));
        assert!(!hidden.contains(&secret.to_owned()) && hidden.contains(&"<client secret>".to_owned()));
        let setup = plsql_literals(&code(CodeTarget::SetupSql, &oauth, secret, false));
        assert!(setup.contains(&"/hr/*".to_owned()) && setup.contains(&"http://o".to_owned()));
    }
}

#[test]
fn the_curl_snippet_runs_against_ords_sim() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/ords/demo", listener.local_addr().unwrap());
    let mut config = SimConfig::demo();
    config.switches.body_client_auth = true; // an ORDS switch (ords-wire.md): on, so both placements can be run
    let sim = Arc::new(Mutex::new(Sim::new(config, 5)));
    std::thread::spawn(move || server::serve(listener, sim));
    for auth in [ClientAuth::BasicHeader, ClientAuth::RequestBody] {
        let oauth = OAuthSettings {
            token_url: format!("{base}/oauth/token"),
            client_id: DEMO_CLIENT_ID.into(),
            client_secret: ClientSecret::new(DEMO_CLIENT_SECRET),
            client_auth: auth,
            ..Default::default()
        };
        let basic = BasicSettings { username: "hr_user".into(), password: Password::new("Welcome_1") };
        let call = ResourceCall::get(&format!("{base}/hr/employees/"));
        let placement = TokenPlacement::default();
        let input = CodeInput {
            oauth: &oauth,
            basic: &basic,
            call: &call,
            placement: &placement,
            include_secrets: false,
            page_origin: "http://o",
        };
        let out = Command::new("bash")
            .arg("-c")
            .arg(generate(CodeTarget::Curl, &input))
            .env("ORDS_CLIENT_SECRET", DEMO_CLIENT_SECRET)
            .env("ORDS_PASSWORD", "Welcome_1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(stdout.matches("HTTP/1.1 200 OK").count(), 2, "OAuth2 and Basic both 200 ({auth:?}):\n{stdout}");
        assert_eq!(stdout.matches("\"first_name\":\"Steven\"").count(), 2);
    }
    let _ = form_encode; // the recorder in bash mirrors it; imported to keep the link visible
}
