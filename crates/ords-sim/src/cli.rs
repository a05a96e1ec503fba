//! Command-line options of `ords-sim`. Flags override the built-in demo.

use crate::config::SimConfig;
use crate::config_file;
use crate::scenarios;
use std::net::SocketAddr;

pub const USAGE: &str = "\
ords-sim: a simulated Oracle REST Data Services (OAuth2 client_credentials, Basic, CORS)

USAGE: ords-sim [OPTIONS]

  --config FILE           a TOML file over the built-in demo (see crates/ords-sim/demo.toml);
                          the other flags override it
  --listen ADDR:PORT      address to listen on (default 127.0.0.1:8181; port 0 picks one); loopback
                          only, unless --allow-remote
  --allow-remote          allow a non-loopback --listen address, for a workshop room's network:
                          anyone on that network can then reach it (its credentials are public
                          demo values); pair it with --allow-origin for the hosted page
  --alias NAME            schema alias in /ords/<alias>/... (default demo)
  --client ID:SECRET      an OAuth client with the HR Reader role (repeatable; replaces the demo client)
  --user NAME:PASSWORD    a Basic user with the HR Reader role (repeatable; replaces the demo user;
                          the password may contain ':')
  --allow-origin ORIGIN   a page origin allowed by CORS (repeatable; replaces the defaults
                          http://127.0.0.1:8080 and http://localhost:8080)
  --token-lifetime SECS   lifetime of issued tokens (default 3600)
  --employees N           serve N generated employee rows instead of the 32 demo rows
  --body-client-auth      also accept client_id/client_secret in the token request body
  --token-errors DIALECT  ords-problem-json (default) | rfc6749 | html
  --no-cors-on-errors     error responses carry no CORS headers (the browser then hides them)
  --no-token-preflight    the token endpoint does not answer CORS preflights
  --error-format FORMAT   error.responseFormat: json (default) | html | auto
  --cors-mode MODE        allow-list (default) | echo-all | off
  --no-role-status CODE   status for valid credentials lacking the role: 401 (default) | 403
  --basic-challenge       send WWW-Authenticate: Basic on Basic failures (browsers then prompt)
  --cache-no-store        send Cache-Control: no-store on token responses
  --preflight-max-age S   send Access-Control-Max-Age on preflight answers
  --prev-link             add a prev link to collection pages after the first
  --proxy-redirect MODE   act as a proxy in front of ORDS that answers 301: https (every http
                          request to https) | slash (a path missing its trailing slash) | off
  --log-requests          print each request received (method, path, headers, form body), with
                          every secret masked: see what a client (a database's APEX_WEB_SERVICE) sends
  --auto-html-form-posts  with --error-format auto, answer errors to a browser's form POST
                          (Origin + form body, as the token request) as HTML (unconfirmed)
  --catalog-auth          protect metadata-catalog/ and open-api-catalog/ as ORDS.ENABLE_SCHEMA(
                          p_auto_rest_auth => TRUE) does: the schema's AutoREST role, which the
                          demo client and user do not hold
  --doc-root DIR          also serve DIR's files outside /ords/, as ORDS standalone's
                          standalone.doc.root does (a built playground there needs no CORS)
  --par PATTERN           define a pre-authenticated URL (ORDS_PAR.DEFINE_FOR_HANDLER) for GET on
                          the handler at PATTERN below the alias (hr/employees/, hr/employees/:id);
                          repeatable; its URL is printed at start
  --par-seconds N         how long each --par lasts (p_duration; default 3600)
  --par-revoke-delay S    seconds before a revoked PAR stops working (default 30: ORDS says it
                          may take up to 30)
  --par-refused-status C  status for an expired, revoked or unknown PAR or another method:
                          401 (default) | 404 (not documented by ORDS)
  --no-par                security.par.enabled=false: /_/par/ URLs answer 404
  --mcp-json              the MCP server answers JSON, never server-sent events (undocumented)
  --no-mcp-preflight      /mcp answers no browser preflight (undocumented)
  --mcp-auth-server URL   the authorization server the MCP metadata names (default: this server's
                          /idp); another host for it shows the question before credentials go there
  --mcp-role NAME         role mode: the MCP profile wants the role NAME in the token's /roles claim
                          (not the MCP scope); the identity provider gives its client that role
  --scenario NAME         start in a workshop failure scenario (see --list-scenarios)
  --list-scenarios        explain the scenarios
  --help                  this text
";

/// What the command line asks for.
#[derive(Clone, Debug)]
pub enum Command {
    Run(Box<Options>),
    Help,
    ListScenarios,
}

/// Parsed options: where to listen and what to simulate.
#[derive(Clone, Debug)]
pub struct Options {
    pub listen: SocketAddr,
    pub config: SimConfig,
    /// The workshop scenario applied, if any.
    pub scenario: Option<&'static str>,
    /// Static files served beside the API (`--doc-root`).
    pub doc_root: Option<std::path::PathBuf>,
    /// `--allow-remote`: a non-loopback `--listen` address was allowed.
    pub allow_remote: bool,
    /// `--log-requests`: print each request received, secrets masked.
    pub log_requests: bool,
    /// `--par`: the handlers to define a PAR for at start, and for how long.
    pub pars: Vec<String>,
    pub par_seconds: u64,
}

/// Parses the arguments after the program name.
pub fn parse_command(args: &[String]) -> Result<Command, String> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(Command::Help);
    }
    if args.iter().any(|a| a == "--list-scenarios") {
        return Ok(Command::ListScenarios);
    }
    parse(args).map(|o| Command::Run(Box::new(o)))
}

/// Parses the options of a run (no `--help`).
pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut config = match args.iter().position(|a| a == "--config") {
        Some(i) => {
            let path = args.get(i + 1).ok_or("--config needs a value")?;
            let text = std::fs::read_to_string(path).map_err(|e| format!("--config {path}: {e}"))?;
            config_file::load(&text).map_err(|e| format!("--config {path}: {e}"))?
        }
        None => SimConfig::demo(),
    };
    let mut listen: SocketAddr = "127.0.0.1:8181".parse().map_err(|e| format!("{e}"))?;
    let (mut clients, mut users, mut origins) = (Vec::new(), Vec::new(), Vec::new());
    let mut lifetime = None;
    let mut scenario = None;
    let mut doc_root = None;
    let (mut pars, mut par_seconds) = (Vec::new(), 3600);
    let allow_remote = args.iter().any(|a| a == "--allow-remote");
    let log_requests = args.iter().any(|a| a == "--log-requests");
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        let mut value = |name: &str| iter.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match flag.as_str() {
            "--listen" => {
                let text = value("--listen")?;
                listen = text.parse().map_err(|_| format!("--listen {text}: expected ADDRESS:PORT"))?;
                if !listen.ip().is_loopback() && !allow_remote {
                    return Err(format!(
                        "--listen {text}: ords-sim only listens on loopback (127.0.0.1 or ::1) unless --allow-remote \
                            is given"
                    ));
                }
            }
            "--allow-remote" => {} // read above, before --listen
            "--config" => {
                value("--config")?; // read above, before the flags that override it
            }
            "--alias" => config.set_alias(&value("--alias")?),
            "--client" => clients.push(split_pair(&value("--client")?, "--client", "ID:SECRET")?),
            "--user" => users.push(split_pair(&value("--user")?, "--user", "NAME:PASSWORD")?),
            "--allow-origin" => origins.push(value("--allow-origin")?.trim_end_matches('/').to_owned()),
            "--token-lifetime" => {
                let text = value("--token-lifetime")?;
                lifetime = Some(text.parse::<u64>().map_err(|_| format!("--token-lifetime {text}: expected seconds"))?);
            }
            "--employees" => {
                let text = value("--employees")?;
                let n: usize = text.parse().map_err(|_| format!("--employees {text}: expected a count"))?;
                config.generate_employees(n.min(config_file::MAX_GENERATED));
            }
            "--body-client-auth" => config.switches.body_client_auth = true,
            "--token-errors" => {
                config.switches.token_error_dialect = config_file::token_error_dialect(&value("--token-errors")?)?;
            }
            "--no-cors-on-errors" => config.switches.errors_carry_cors = false,
            "--no-token-preflight" => config.switches.token_preflight = false,
            "--error-format" => config.switches.error_format = config_file::error_format(&value("--error-format")?)?,
            "--cors-mode" => config.switches.cors_mode = config_file::cors_mode(&value("--cors-mode")?)?,
            "--no-role-status" => {
                config.switches.no_role_status = match value("--no-role-status")?.as_str() {
                    "401" => 401,
                    "403" => 403,
                    other => return Err(format!("--no-role-status {other}: expected 401 or 403")),
                }
            }
            "--basic-challenge" => config.switches.basic_challenge = true,
            "--catalog-auth" => config.protect_catalog(),
            "--cache-no-store" => config.switches.cache_no_store = true,
            "--prev-link" => config.switches.prev_link = true,
            "--proxy-redirect" => {
                config.switches.proxy_redirect = config_file::proxy_redirect(&value("--proxy-redirect")?)?;
            }
            "--auto-html-form-posts" => config.switches.auto_html_form_posts = true,
            "--log-requests" => {} // read above
            "--preflight-max-age" => {
                let text = value("--preflight-max-age")?;
                let age = text.parse().map_err(|_| format!("--preflight-max-age {text}: expected seconds"))?;
                config.switches.preflight_max_age = Some(age);
            }
            "--par" => pars.push(value("--par")?),
            "--par-seconds" => {
                let text = value("--par-seconds")?;
                par_seconds = text.parse().map_err(|_| format!("--par-seconds {text}: expected seconds"))?;
            }
            "--par-revoke-delay" => {
                let text = value("--par-revoke-delay")?;
                let delay = text.parse().map_err(|_| format!("--par-revoke-delay {text}: expected seconds"))?;
                config.switches.par_revoke_delay_s = delay;
            }
            "--par-refused-status" => {
                config.switches.par_refused_status = match value("--par-refused-status")?.as_str() {
                    "401" => 401,
                    "404" => 404,
                    other => return Err(format!("--par-refused-status {other}: expected 401 or 404")),
                }
            }
            "--no-par" => config.switches.par_enabled = false,
            "--mcp-json" => config.mcp.sse = false,
            "--no-mcp-preflight" => config.mcp.preflight = false,
            "--mcp-auth-server" => {
                let url = value("--mcp-auth-server")?;
                ords_core::HttpUrl::parse(&url).map_err(|e| format!("--mcp-auth-server {url}: {e}"))?;
                config.mcp.auth_server = Some(url);
            }
            "--mcp-role" => {
                let role = value("--mcp-role")?;
                if role.is_empty() || role.len() > 100 || role.chars().any(char::is_control) {
                    return Err(format!("--mcp-role {role:?}: expected a role name"));
                }
                config.mcp.role = Some(role);
            }
            "--doc-root" => doc_root = Some(crate::doc_root::checked_root(&value("--doc-root")?)?),
            "--scenario" => {
                let name = value("--scenario")?;
                let found = scenarios::find(&name)
                    .ok_or_else(|| format!("--scenario {name}: unknown; run ords-sim --list-scenarios"))?;
                scenario = Some(found);
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    if !origins.is_empty() {
        config.set_origins(&origins);
    }
    if !clients.is_empty() {
        config.clients.clear();
        clients.iter().for_each(|(id, secret)| config.add_client(id, secret));
    }
    if !users.is_empty() {
        config.users.clear();
        users.iter().for_each(|(name, password)| config.add_user(name, password));
    }
    if let Some(seconds) = lifetime {
        config.clients.iter_mut().for_each(|c| c.token_lifetime_s = seconds);
    }
    let scenario_name = scenario.map(|s| s.name);
    if let Some(scenario) = scenario {
        scenario.apply(&mut config);
    }
    Ok(Options { listen, config, scenario: scenario_name, doc_root, allow_remote, log_requests, pars, par_seconds })
}

/// Splits at the first `:` (passwords and secrets may contain more).
fn split_pair(text: &str, flag: &str, shape: &str) -> Result<(String, String), String> {
    match text.split_once(':') {
        Some((a, b)) if !a.is_empty() => Ok((a.to_owned(), b.to_owned())),
        _ => Err(format!("{flag} {text}: expected {shape}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_are_the_demo() {
        let o = parse(&[]).unwrap();
        assert_eq!(o.listen.to_string(), "127.0.0.1:8181");
        assert_eq!(o.config.alias, "demo");
        assert_eq!(o.config.clients[0].client_id, "Te8yn-qGmBoX6jzpPhnUXA..");
    }

    #[test]
    fn flags_replace_the_demo_parts() {
        let o = parse(&args(&[
            "--client",
            "abc..:s:e:c",
            "--user",
            "ana:pä:ss",
            "--allow-origin",
            "http://x:1/",
            "--alias",
            "hr",
            "--token-lifetime",
            "5",
            "--body-client-auth",
        ]))
        .unwrap();
        assert_eq!(
            (o.config.clients[0].client_id.as_str(), o.config.clients[0].secrets[0].as_str()),
            ("abc..", "s:e:c")
        );
        assert_eq!(o.config.clients[0].allowed_origins, ["http://x:1"]);
        assert_eq!(o.config.clients[0].token_lifetime_s, 5);
        assert_eq!((o.config.users[0].name.as_str(), o.config.users[0].password.as_str()), ("ana", "pä:ss"));
        assert_eq!(o.config.module_origins, ["http://x:1"]);
        assert!(o.config.switches.body_client_auth);
    }

    #[test]
    fn config_file_then_flags_override_it() {
        let path = std::env::temp_dir().join(format!("ords-sim-cli-{}.toml", std::process::id()));
        std::fs::write(&path, "alias = \"hr_api\"\n[switches]\nprev_link = true\n").unwrap();
        let file = path.to_string_lossy().to_string();
        let o = parse(&args(&["--alias", "x", "--config", &file])).unwrap();
        assert_eq!(o.config.alias, "x", "flags override the file, wherever they stand");
        assert!(o.config.switches.prev_link);
        assert!(parse(&args(&["--config", "/nonexistent.toml"]))
            .unwrap_err()
            .starts_with("--config /nonexistent.toml"));
        let _ = std::fs::remove_file(path);
    }

    #[test]
    fn a_room_s_network_address_only_with_allow_remote() {
        assert!(parse(&args(&["--listen", "0.0.0.0:8181"])).unwrap_err().contains("unless --allow-remote"));
        let o = parse(&args(&["--listen", "0.0.0.0:8181", "--allow-remote"])).unwrap();
        assert_eq!((o.listen.to_string().as_str(), o.allow_remote), ("0.0.0.0:8181", true));
        let o = parse(&args(&["--allow-remote", "--listen", "192.168.1.20:8181"])).unwrap();
        assert!(!o.listen.ip().is_loopback());
    }

    #[test]
    fn refuses_non_loopback_and_bad_values() {
        assert!(parse(&args(&["--listen", "0.0.0.0:8181"])).unwrap_err().contains("only listens on loopback"));
        assert!(parse(&args(&["--client", "nocolon"])).is_err());
        assert!(parse(&args(&["--token-errors", "xml"])).is_err());
        assert!(parse(&args(&["--bogus"])).is_err());
    }
}
