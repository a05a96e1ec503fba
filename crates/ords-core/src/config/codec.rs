//! The text form of [`PlaygroundConfig`]: one table of keys, one writer, one reader.

pub use super::keys::Key;
use super::{Flow, PlaygroundConfig, Section, Target, Theme};
use crate::call::Method;
use crate::closed::Closed;
use crate::encode::{form_body, form_decode};
use crate::jwt_profile::ProfileLevel;
use crate::par::{read_expiry, read_par, SharedPar, PAR_EXPIRES_KEY, PAR_KEY};
use crate::provider::Provider;
use crate::settings::{ClientAuth, ExtraParam, ParamPlace};

/// A key=value a link held that was not used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub why: String,
}

/// What a text held: the settings, which keys set them, and what was left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decoded {
    pub config: PlaygroundConfig,
    pub set: Vec<Key>,
    pub ignored: Vec<Ignored>,
    /// A pre-authenticated URL its author chose to put in the link (never in the settings).
    pub par: Option<SharedPar>,
}

impl Decoded {
    /// True when any documented key was present (the page is configured by its link).
    pub fn is_configured(&self) -> bool {
        !self.set.is_empty() || self.par.is_some()
    }

    /// True when the link set anything that decides where requests or credentials go or what is
    /// sent, or held something that was not used: the page then shows `Configured by a link`.
    /// How the page looks (embed, sections, theme, presentation), what the in-page simulator
    /// stages (lesson, scenario, or the simulator itself as the target) and which page may talk
    /// to an embed (`origin`: what it sends raises the banner then) send nothing anywhere.
    pub fn needs_banner(&self) -> bool {
        let steers = |key: &Key| match key {
            Key::Embed | Key::Sections | Key::Theme | Key::Present | Key::Lesson | Key::Scenario | Key::Origin => false,
            Key::Target => self.config.target != Some(Target::Simulated),
            _ => true,
        };
        !self.ignored.is_empty() || self.par.is_some() || self.set.iter().any(steers)
    }
}

/// Longer texts are not read: a link is not a way to make the page work for minutes.
pub const MAX_TEXT: usize = 64 * 1024;
/// At most this many extra parameters are read.
pub const MAX_EXTRAS: usize = 20;
const MAX_VALUE: usize = 8 * 1024;
const SECRET_KEYS: [&str; 6] = ["client_secret", "password", "own_token", "access_token", "token", "secret"];

fn bit(on: bool) -> String {
    if on { "1" } else { "0" }.to_owned()
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// A scenario or lesson name: lower-case letters, digits and dashes (the names themselves are
/// checked by the page against the lists it gets, which live in the simulator and the lessons).
fn slug(value: &str) -> Result<String, String> {
    let ok = value.len() <= 40 && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(if value == "healthy" { String::new() } else { value.to_owned() })
    } else {
        Err("not a name (lower-case letters, digits and -)".into())
    }
}

fn encode_extra(p: &ExtraParam) -> String {
    form_body(&[("n", &p.name), ("v", &p.value), ("p", p.place.key())])
}

/// `n=<name>&v=<value>&p=<place>` (older texts wrote the place's label).
fn decode_extra(text: &str) -> Option<ExtraParam> {
    let pairs = crate::encode::parse_form(text)?;
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
    let place_text = get("p").unwrap_or_default();
    let place = ParamPlace::ALL.into_iter().find(|p| p.key() == place_text || p.label() == place_text)?;
    Some(ExtraParam { name: get("n")?, value: get("v").unwrap_or_default(), place })
}

impl PlaygroundConfig {
    /// Each setting that differs from the demo's, as `(key, value)` in key order.
    pub fn pairs(&self) -> Vec<(Key, String)> {
        let base = PlaygroundConfig::default();
        let this = self.shareable();
        let mut out = Vec::new();
        let mut put = |key, value: String, default: String| {
            if value != default {
                out.push((key, value));
            }
        };
        if let Some(target) = this.target {
            put(Key::Target, target.key().into(), String::new());
        }
        put(Key::Flow, this.flow.key().into(), base.flow.key().into());
        put(Key::TokenUrl, this.token_url, base.token_url);
        put(Key::ClientId, this.client_id, base.client_id);
        put(Key::ClientAuth, this.client_auth.key().into(), base.client_auth.key().into());
        put(Key::ResourceUrl, this.resource_url, base.resource_url);
        put(Key::Username, this.username, base.username);
        put(Key::Encode, bit(this.encode_credentials), bit(base.encode_credentials));
        put(Key::Scope, this.scope, base.scope);
        for p in &this.extra {
            put(Key::Extra, encode_extra(p), String::new());
        }
        put(Key::TokenInQuery, bit(this.token_in_query), bit(base.token_in_query));
        put(Key::TokenName, this.token_name, base.token_name);
        put(Key::TokenPrefix, this.token_prefix, base.token_prefix);
        put(Key::Refetch, bit(this.refetch), bit(base.refetch));
        put(Key::Method, this.method.as_str().into(), base.method.as_str().into());
        put(Key::Embed, bit(this.embed), bit(base.embed));
        put(Key::Sections, this.sections.iter().map(|s| s.key()).collect::<Vec<_>>().join(","), String::new());
        put(Key::Theme, this.theme.key().into(), base.theme.key().into());
        put(Key::Scenario, this.scenario, base.scenario);
        put(Key::Lesson, this.lesson, base.lesson);
        put(Key::Present, bit(this.present), bit(base.present));
        put(Key::Provider, this.provider.key().into(), base.provider.key().into());
        let (j, b) = (&this.jwt, &base.jwt);
        put(Key::JwtIssuer, j.issuer.clone(), b.issuer.clone());
        put(Key::JwtAudience, j.audience.clone(), b.audience.clone());
        put(Key::JwtJwkUrl, j.jwk_url.clone(), b.jwk_url.clone());
        let seconds = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        put(Key::JwtSkew, seconds(j.allowed_skew_s), String::new());
        put(Key::JwtAge, seconds(j.allowed_age_s), String::new());
        put(Key::JwtRoleClaim, j.role_claim.clone(), b.role_claim.clone());
        put(Key::JwtPrivilege, j.privilege.clone(), b.privilege.clone());
        put(Key::JwtLevel, j.level.key().into(), b.level.key().into());
        put(Key::JwtPoolMode, bit(j.pool_mode), bit(b.pool_mode));
        put(Key::JwtJwksAllowed, j.jwks_allowed.clone(), b.jwks_allowed.clone());
        put(Key::Origin, this.host_origin, base.host_origin);
        out
    }

    /// The settings that differ from the demo's, as a person reads them: the control's label
    /// (and the section holding it) and the value.
    pub fn differences(&self) -> Vec<(Key, String)> {
        let on_off = |v: &str| if v == "1" { "on" } else { "off" }.to_owned();
        self.pairs()
            .into_iter()
            .map(|(key, value)| {
                let shown = match key {
                    Key::Target => self.target.map(Target::label).unwrap_or_default().to_owned(),
                    Key::Flow => self.flow.label().to_owned(),
                    Key::ClientAuth => self.client_auth.label().to_owned(),
                    Key::Encode | Key::Refetch | Key::Embed | Key::Present | Key::JwtPoolMode => on_off(&value),
                    Key::JwtLevel => self.jwt.level.label().to_owned(),
                    Key::Theme => self.theme.label().to_owned(),
                    Key::Provider => self.provider.label().to_owned(),
                    Key::Sections => self.sections.iter().map(|s| s.label()).collect::<Vec<_>>().join(", "),
                    Key::TokenInQuery => if value == "1" { "Query parameter" } else { "Header" }.to_owned(),
                    Key::Extra => decode_extra(&value)
                        .map(|p| format!("{} = {} ({})", p.name, p.value, p.place.label()))
                        .unwrap_or(value),
                    _ => value,
                };
                (key, shown)
            })
            .collect()
    }

    /// The text form: form-encoded pairs of the settings that differ from the demo's. Links
    /// carry it after `#`; storage and history keep it as is.
    pub fn to_fragment(&self) -> String {
        let pairs = self.pairs();
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.name(), v.as_str())).collect();
        form_body(&borrowed)
    }

    /// Reads a text form: a link's fragment (`#…`), an older link's query (`?…`), or storage.
    /// Unknown keys, secrets and bad values are listed as ignored; every other setting keeps
    /// the demo's value.
    pub fn from_fragment(text: &str) -> Decoded {
        let mut out = Decoded::default();
        let text = text.trim_start_matches(['#', '?']);
        if text.len() > MAX_TEXT {
            out.ignored.push(Ignored { key: "(everything)".into(), why: "the settings are longer than 64 KB".into() });
            return out;
        }
        let mut expires = None;
        for part in text.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let (Some(key), Some(value)) = (form_decode(k), form_decode(v)) else {
                out.ignored.push(Ignored { key: k.chars().take(40).collect(), why: "not valid URL encoding".into() });
                continue;
            };
            let applied = match key.as_str() {
                PAR_KEY => read_par(&value).map(|url| out.par = Some(SharedPar { url, expires_at_s: None })),
                PAR_EXPIRES_KEY => read_expiry(&value).map(|at| expires = Some(at)),
                _ => out.apply(&key, &value),
            };
            if let Err(why) = applied {
                out.ignored.push(Ignored { key: key.chars().take(40).collect(), why });
            }
        }
        match (&mut out.par, expires) {
            (Some(par), at) => par.expires_at_s = at,
            (None, Some(_)) => out.ignored.push(Ignored {
                key: PAR_EXPIRES_KEY.into(),
                why: "an expiry with no pre-authenticated URL (par) to go with it".into(),
            }),
            (None, None) => {}
        }
        out
    }
}

impl Decoded {
    fn apply(&mut self, name: &str, value: &str) -> Result<(), String> {
        if SECRET_KEYS.contains(&name) {
            return Err("secrets are never read from a link".into());
        }
        let key = Key::named(name).ok_or("not a setting of this page")?;
        if value.len() > MAX_VALUE {
            return Err("the value is longer than 8 KB".into());
        }
        let c = &mut self.config;
        let bad_flag = || "not 1 or 0".to_owned();
        match key {
            Key::Target => c.target = Some(Target::from_key(value).ok_or_else(Target::not_one_of)?),
            Key::Flow => c.flow = Flow::from_key(value).ok_or_else(Flow::not_one_of)?,
            Key::TokenUrl => c.token_url = value.into(),
            Key::ClientId => c.client_id = value.into(),
            Key::ClientAuth => c.client_auth = ClientAuth::from_key(value).ok_or_else(ClientAuth::not_one_of)?,
            Key::ResourceUrl => c.resource_url = value.into(),
            Key::Username => c.username = value.into(),
            Key::Encode => c.encode_credentials = flag(value).ok_or_else(bad_flag)?,
            Key::Scope => c.scope = value.into(),
            Key::Extra => {
                if c.extra.len() >= MAX_EXTRAS {
                    return Err(format!("more than {MAX_EXTRAS} extra parameters"));
                }
                c.extra.push(decode_extra(value).ok_or("not an extra parameter (n=…&v=…&p=body|query|header)")?);
            }
            Key::TokenInQuery => c.token_in_query = flag(value).ok_or_else(bad_flag)?,
            Key::TokenName => c.token_name = value.into(),
            Key::TokenPrefix => c.token_prefix = value.into(),
            Key::Refetch => c.refetch = flag(value).ok_or_else(bad_flag)?,
            Key::Method => c.method = Method::parse(value).ok_or_else(Method::not_one_of)?,
            Key::Embed => c.embed = flag(value).ok_or_else(bad_flag)?,
            Key::Sections => {
                c.sections = value
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|s| Section::from_key(s).ok_or_else(Section::not_one_of))
                    .collect::<Result<_, _>>()?;
            }
            Key::Scenario => c.scenario = slug(value)?,
            Key::Lesson => c.lesson = slug(value)?,
            Key::Present => c.present = flag(value).ok_or_else(bad_flag)?,
            Key::Provider => c.provider = Provider::from_key(value).ok_or_else(Provider::not_one_of)?,
            Key::JwtIssuer => c.jwt.issuer = value.into(),
            Key::JwtAudience => c.jwt.audience = value.into(),
            Key::JwtJwkUrl => c.jwt.jwk_url = value.into(),
            Key::JwtSkew => c.jwt.allowed_skew_s = Some(value.parse().map_err(|_| "not a number of seconds")?),
            Key::JwtAge => c.jwt.allowed_age_s = Some(value.parse().map_err(|_| "not a number of seconds")?),
            Key::JwtRoleClaim => c.jwt.role_claim = value.into(),
            Key::JwtPrivilege => c.jwt.privilege = value.into(),
            Key::JwtLevel => {
                c.jwt.level = ProfileLevel::from_key(value).ok_or_else(ProfileLevel::not_one_of)?;
            }
            Key::JwtPoolMode => c.jwt.pool_mode = flag(value).ok_or_else(bad_flag)?,
            Key::JwtJwksAllowed => c.jwt.jwks_allowed = value.into(),
            Key::Theme => c.theme = Theme::from_key(value).ok_or_else(Theme::not_one_of)?,
            Key::Origin => c.host_origin = crate::url::parse_origin(value)?,
        }
        if !self.set.contains(&key) {
            self.set.push(key);
        }
        Ok(())
    }
}
