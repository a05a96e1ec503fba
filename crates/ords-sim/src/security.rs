//! ORDS's security model: privileges protect URL patterns and modules; a principal (a client
//! through its token, or a Basic user) passes if it holds one of the privilege's roles.

use crate::config::{Privilege, SimConfig};
use crate::token::TokenStore;
use ords_core::{decode_basic, HttpRequest};

/// Why a protected resource was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No credentials at all.
    Missing,
    /// A bearer token that is unknown, expired, or issued for another alias.
    InvalidToken,
    /// Basic credentials that match no user.
    BadPassword,
    /// Valid credentials without a required role.
    NoRole { bearer: bool },
}

/// ORDS patterns: `*` matches any run of characters (including `/`), the rest literally.
/// Greedy with one backtrack point, so a request path costs at most pattern × path steps
/// whatever the pattern holds (a recursive match is exponential in the number of `*`).
pub fn pattern_matches(pattern: &str, path: &str) -> bool {
    let (p, s) = (pattern.as_bytes(), path.as_bytes());
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, si));
            pi += 1;
        } else if pi < p.len() && p[pi] == s[si] {
            pi += 1;
            si += 1;
        } else if let Some((star_pi, star_si)) = star {
            pi = star_pi + 1;
            si = star_si + 1;
            star = Some((star_pi, si));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// The privileges that protect `path` (relative to the alias, e.g. `/hr/employees/`).
pub fn protecting<'a>(config: &'a SimConfig, path: &str) -> Vec<&'a Privilege> {
    let module = path.trim_start_matches('/').split('/').next().unwrap_or("");
    config
        .privileges
        .iter()
        .filter(|p| p.patterns.iter().any(|pat| pattern_matches(pat, path)) || p.modules.iter().any(|m| m == module))
        .collect()
}

/// Checks the request's credentials against the privileges protecting `path` on `alias`.
pub fn authorize(
    config: &SimConfig,
    tokens: &mut TokenStore,
    request: &HttpRequest,
    alias: &str,
    path: &str,
    now_ms: u64,
) -> Result<(), Refusal> {
    let guards = protecting(config, path);
    if guards.is_empty() {
        return Ok(());
    }
    let permitted = |roles: &[String]| guards.iter().all(|g| g.roles.iter().any(|r| roles.contains(r)));
    let header = request.header("Authorization").unwrap_or("").trim();
    let bearer = header.get(..7).filter(|s| s.eq_ignore_ascii_case("bearer ")).map(|_| header[7..].trim());
    if let Some(token) = bearer {
        if ords_core::jwt_profile::TokenFacts::read(token).is_some() {
            // An external identity provider's token, checked against the schema's JWT profile.
            let ok = crate::idp::accepts(&config.jwt, token, &guards, now_ms);
            return if ok { Ok(()) } else { Err(Refusal::InvalidToken) };
        }
        let issued = tokens.live(token, now_ms).filter(|t| t.alias == alias).ok_or(Refusal::InvalidToken)?;
        let client = config.clients.iter().find(|c| c.client_id == issued.client_id).ok_or(Refusal::InvalidToken)?;
        return if permitted(&client.roles) { Ok(()) } else { Err(Refusal::NoRole { bearer: true }) };
    }
    if header.is_empty() {
        return Err(Refusal::Missing);
    }
    let (name, password) = decode_basic(header).ok_or(Refusal::BadPassword)?;
    let user = config.users.iter().find(|u| u.name == name && u.password == password).ok_or(Refusal::BadPassword)?;
    if permitted(&user.roles) {
        Ok(())
    } else {
        Err(Refusal::NoRole { bearer: false })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_like_ords_privilege_mappings() {
        assert!(pattern_matches("/hr/employees/*", "/hr/employees/"));
        assert!(pattern_matches("/hr/employees/*", "/hr/employees/101"));
        assert!(!pattern_matches("/hr/employees/*", "/hr/employees"));
        assert!(!pattern_matches("/hr/employees/*", "/hr/departments/"));
        assert!(pattern_matches("/*/x", "/a/b/x"));
        assert!(pattern_matches("/exact", "/exact"));
        assert!(pattern_matches("/*", "/"));
        assert!(!pattern_matches("/a*b", "/a"));
        assert!(pattern_matches("*", ""));
    }

    #[test]
    fn many_stars_against_a_long_path_stay_fast() {
        let pattern = "/*a*a*a*a*a*a*a*a*a*a*b";
        let path = format!("/{}", "a".repeat(16 * 1024));
        assert!(!pattern_matches(pattern, &path), "answers (a recursive match would not, in any lifetime)");
    }

    #[test]
    fn demo_protects_employees_but_not_departments() {
        let config = SimConfig::demo();
        assert_eq!(protecting(&config, "/hr/employees/").len(), 1);
        assert!(protecting(&config, "/hr/departments/").is_empty());
    }
}
