//! The TOML configuration file (`ords-sim --config FILE`): every key is optional and
//! overrides the built-in demo, so a file can say only what differs.

use crate::config::{ClientConfig, CorsMode, ErrorFormat, Privilege, SimConfig, TokenErrorDialect, UserConfig};
use crate::hr::Employee;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    alias: Option<String>,
    other_aliases: Option<Vec<String>>,
    page_size: Option<usize>,
    module_origins: Option<Vec<String>>,
    privileges: Option<Vec<PrivilegeEntry>>,
    clients: Option<Vec<ClientEntry>>,
    users: Option<Vec<UserEntry>>,
    switches: Option<SwitchEntries>,
    /// Rows of the employees table, replacing the demo's.
    employees: Option<Vec<EmployeeEntry>>,
    /// Or this many generated rows (e.g. 50000 for a ~10 MB collection page).
    generated_employees: Option<usize>,
    /// The identity provider's tokens and the schema's JWT profile.
    jwt: Option<JwtEntries>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct JwtEntries {
    /// What the identity provider writes into its tokens.
    issuer: Option<String>,
    audience: Option<String>,
    scope: Option<String>,
    lifetime_s: Option<u64>,
    /// The schema's JWT profile (`ORDS_SECURITY.CREATE_JWT_PROFILE`).
    profile_issuer: Option<String>,
    profile_audience: Option<String>,
    allowed_skew_s: Option<u32>,
    allowed_age_s: Option<u32>,
    role_claim: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EmployeeEntry {
    employee_id: u32,
    first_name: String,
    last_name: String,
    email: String,
    job_id: String,
    hire_date: String,
    salary: u32,
    department_id: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrivilegeEntry {
    name: String,
    roles: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    modules: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientEntry {
    name: String,
    client_id: String,
    secrets: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    allowed_origins: Vec<String>,
    token_lifetime_s: Option<u64>,
    alias: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UserEntry {
    name: String,
    password: String,
    #[serde(default)]
    roles: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SwitchEntries {
    body_client_auth: Option<bool>,
    token_error_dialect: Option<String>,
    errors_carry_cors: Option<bool>,
    token_preflight: Option<bool>,
    error_format: Option<String>,
    cors_mode: Option<String>,
    no_role_status: Option<u16>,
    basic_challenge: Option<bool>,
    cache_no_store: Option<bool>,
    preflight_max_age: Option<u32>,
    prev_link: Option<bool>,
    account_locked: Option<bool>,
    handler_error: Option<bool>,
    auto_html_form_posts: Option<bool>,
    proxy_redirect: Option<String>,
}

/// Generated rows are capped so a typo cannot exhaust memory.
pub const MAX_GENERATED: usize = 500_000;

/// Reads a configuration file's text over the demo; errors name the line.
pub fn load(text: &str) -> Result<SimConfig, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut c = SimConfig::demo();
    if let Some(j) = file.jwt {
        let setup = &mut c.jwt;
        set(&mut setup.issuer, j.issuer);
        set(&mut setup.audience, j.audience);
        set(&mut setup.scope, j.scope);
        set(&mut setup.lifetime_s, j.lifetime_s);
        set(&mut setup.profile.issuer, j.profile_issuer);
        set(&mut setup.profile.audience, j.profile_audience);
        setup.profile.allowed_skew_s = j.allowed_skew_s.or(setup.profile.allowed_skew_s);
        setup.profile.allowed_age_s = j.allowed_age_s.or(setup.profile.allowed_age_s);
        set(&mut setup.profile.role_claim, j.role_claim);
    }
    if let Some(alias) = file.alias {
        c.set_alias(&alias);
    }
    set(&mut c.other_aliases, file.other_aliases);
    set(&mut c.page_size, file.page_size);
    set(&mut c.module_origins, file.module_origins);
    if let Some(list) = file.privileges {
        c.privileges = list
            .into_iter()
            .map(|p| Privilege { name: p.name, roles: p.roles, patterns: p.patterns, modules: p.modules })
            .collect();
    }
    if let Some(list) = file.clients {
        c.clients = list
            .into_iter()
            .map(|e| ClientConfig {
                name: e.name,
                client_id: e.client_id,
                secrets: e.secrets,
                roles: e.roles,
                allowed_origins: e.allowed_origins,
                token_lifetime_s: e.token_lifetime_s.unwrap_or(3600),
                alias: e.alias.unwrap_or_else(|| c.alias.clone()),
            })
            .collect();
    }
    if let Some(list) = file.users {
        c.users = list.into_iter().map(|u| UserConfig { name: u.name, password: u.password, roles: u.roles }).collect();
    }
    if let Some(rows) = file.employees {
        c.employees = rows
            .into_iter()
            .map(|e| Employee {
                employee_id: e.employee_id,
                first_name: e.first_name,
                last_name: e.last_name,
                email: e.email,
                job_id: e.job_id,
                hire_date: e.hire_date,
                salary: e.salary,
                department_id: e.department_id,
            })
            .collect();
    }
    if let Some(n) = file.generated_employees {
        c.generate_employees(n.min(MAX_GENERATED));
    }
    let s = file.switches.unwrap_or_default();
    let w = &mut c.switches;
    set(&mut w.body_client_auth, s.body_client_auth);
    set(&mut w.errors_carry_cors, s.errors_carry_cors);
    set(&mut w.token_preflight, s.token_preflight);
    set(&mut w.basic_challenge, s.basic_challenge);
    set(&mut w.cache_no_store, s.cache_no_store);
    set(&mut w.prev_link, s.prev_link);
    set(&mut w.account_locked, s.account_locked);
    set(&mut w.handler_error, s.handler_error);
    set(&mut w.auto_html_form_posts, s.auto_html_form_posts);
    w.preflight_max_age = s.preflight_max_age.or(w.preflight_max_age);
    if let Some(v) = s.proxy_redirect {
        w.proxy_redirect = proxy_redirect(&v)?;
    }
    if let Some(status) = s.no_role_status {
        w.no_role_status =
            if matches!(status, 401 | 403) { status } else { return Err("no_role_status: 401 or 403".into()) };
    }
    if let Some(v) = s.token_error_dialect {
        w.token_error_dialect = token_error_dialect(&v)?;
    }
    if let Some(v) = s.error_format {
        w.error_format = error_format(&v)?;
    }
    if let Some(v) = s.cors_mode {
        w.cors_mode = cors_mode(&v)?;
    }
    Ok(c)
}

fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(value) = value {
        *slot = value;
    }
}

/// `ords-problem-json` | `rfc6749` | `html`.
pub fn token_error_dialect(name: &str) -> Result<TokenErrorDialect, String> {
    match name {
        "ords-problem-json" => Ok(TokenErrorDialect::OrdsProblemJson),
        "rfc6749" => Ok(TokenErrorDialect::Rfc6749),
        "html" => Ok(TokenErrorDialect::Html),
        other => Err(format!("token error dialect {other}: expected ords-problem-json, rfc6749 or html")),
    }
}

/// `json` | `html` | `auto`.
pub fn error_format(name: &str) -> Result<ErrorFormat, String> {
    match name {
        "json" => Ok(ErrorFormat::Json),
        "html" => Ok(ErrorFormat::Html),
        "auto" => Ok(ErrorFormat::Auto),
        other => Err(format!("error format {other}: expected json, html or auto")),
    }
}

/// `allow-list` | `echo-all` | `off`.
pub fn cors_mode(name: &str) -> Result<CorsMode, String> {
    match name {
        "allow-list" => Ok(CorsMode::AllowList),
        "echo-all" => Ok(CorsMode::EchoAll),
        "off" => Ok(CorsMode::Off),
        other => Err(format!("CORS mode {other}: expected allow-list, echo-all or off")),
    }
}

/// `proxy_redirect` / `--proxy-redirect`: off | https | slash.
pub fn proxy_redirect(value: &str) -> Result<crate::proxy::ProxyRedirect, String> {
    crate::proxy::ProxyRedirect::from_key(value).ok_or_else(|| format!("proxy redirect {value}: off, https or slash"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jwt_profile_and_the_identity_provider_are_configurable() {
        let c = load(
            "[jwt]\naudience = \"api\"\nprofile_audience = \"api\"\nallowed_age_s = 600\nrole_claim = \"/roles\"\n",
        )
        .unwrap();
        assert_eq!((c.jwt.audience.as_str(), c.jwt.profile.audience.as_str()), ("api", "api"));
        assert_eq!((c.jwt.profile.allowed_age_s, c.jwt.profile.allowed_skew_s), (Some(600), Some(30)));
        assert_eq!(c.jwt.profile.role_claim, "/roles");
        assert!(load("[jwt]\nnope = 1\n").is_err());
    }

    #[test]
    fn the_shipped_demo_file_is_the_built_in_demo() {
        assert_eq!(load(include_str!("../demo.toml")).unwrap(), SimConfig::demo());
    }

    #[test]
    fn a_file_says_only_what_differs() {
        let c = load("alias = \"hr_api\"\n[switches]\ncors_mode = \"echo-all\"\nprev_link = true\n").unwrap();
        assert_eq!((c.alias.as_str(), c.clients[0].alias.as_str()), ("hr_api", "hr_api"));
        assert_eq!((c.switches.cors_mode, c.switches.prev_link), (CorsMode::EchoAll, true));
        assert_eq!(c.users, SimConfig::demo().users);
    }

    #[test]
    fn data_rows_or_generated_rows() {
        let file = "[[employees]]\nemployee_id = 7\nfirst_name = \"Ada\"\nlast_name = \"Lovelace\"\n\
                    email = \"ADA\"\njob_id = \"IT_PROG\"\nhire_date = \"2020-01-02\"\nsalary = 1\ndepartment_id = \
                        60\n";
        let c = load(file).unwrap();
        assert_eq!((c.employees.len(), c.employees[0].first_name.as_str()), (1, "Ada"));
        let big = load("generated_employees = 1000").unwrap();
        assert_eq!((big.employees.len(), big.employees[999].employee_id), (1000, 1099));
    }

    #[test]
    fn mistakes_are_named() {
        assert!(load("colour = 1").unwrap_err().contains("unknown field `colour`"));
        assert!(load("[switches]\ncors_mode = \"sometimes\"").unwrap_err().contains("expected allow-list"));
        assert!(load("[[clients]]\nname = \"x\"").unwrap_err().contains("missing field `client_id`"));
    }
}
