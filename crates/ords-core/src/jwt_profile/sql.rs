//! The SQL that creates a JWT profile and the privilege a token's scope must name, quoted by
//! the same literal function as every other snippet (`quote::sql`).

use super::JwtProfile;
use crate::quote::sql as lit;

/// `ORDS_SECURITY.CREATE_JWT_PROFILE` (ORDS 24.3+), the privilege with its pattern and, with a
/// role claim, a role holding it; then the same with the older `OAUTH` package, for ORDS 23.3
/// to 24.2 only. At the pool level: the pool's `ords config` lines, then the privilege's SQL.
pub fn jwt_profile_sql(profile: &JwtProfile, pattern: &str) -> String {
    if profile.level == super::ProfileLevel::Pool {
        return pool_setup(profile, pattern);
    }
    let number = |n: Option<u32>| n.map_or_else(|| "NULL".to_owned(), |n| n.to_string());
    let privilege = if profile.privilege.is_empty() { "hr.read" } else { profile.privilege.as_str() };
    let role_claim = profile.role_claim.trim();
    let (role_arg, role_sql) = if role_claim.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!(",\n    p_role_claim_name => {}", lit(role_claim)),
            format!(
                "  -- The role claim names roles; this one must hold the privilege.\n  ORDS.CREATE_ROLE(p_role_name => \
                    {privilege_role});\n",
                privilege_role = lit(&format!("{privilege}.role"))
            ),
        )
    };
    let roles = if role_claim.is_empty() { "NULL".to_owned() } else { lit(&format!("{privilege}.role")) };
    let common = format!(
        "{role_sql}  ORDS.CREATE_PRIVILEGE(\n    p_name        => {name},\n    p_role_name   => \
            {roles},\n    p_label       => {name},\n    p_description => 'Checked against the scope of external \
            JWTs');\n  ORDS.CREATE_PRIVILEGE_MAPPING(p_privilege_name => {name}, p_pattern => {pattern});\n",
        name = lit(privilege),
        pattern = lit(pattern),
    );
    let args = format!(
        "p_issuer       => {},\n    p_audience     => {},\n    p_jwk_url      => {},\n    p_description  => 'External \
            identity provider',\n    p_allowed_skew => {},\n    p_allowed_age  => {}",
        lit(&profile.issuer),
        lit(&profile.audience),
        lit(&profile.jwk_url),
        number(profile.allowed_skew_s),
        number(profile.allowed_age_s),
    );
    format!(
        "-- JWT profile for tokens from an external identity provider (run as the REST-enabled schema).\n\
         -- A token's scope must name the privilege exactly; a schema has one profile.\n\
         -- Check the parameters against your ORDS version's ORDS_SECURITY reference before running.\n\
         SET DEFINE OFF\n\
         -- ORDS 24.3 and later:\n\
         BEGIN\n{common}  ORDS_SECURITY.CREATE_JWT_PROFILE(\n    {args}{role_arg});\n  COMMIT;\nEND;\n/\n\n\
         -- ORDS 25.2 and later can hold the profile in a pool's settings instead (JWT profile level: Pool).\n\n\
         -- ORDS 23.3 to 24.2 only (OAUTH is deprecated in 24.3 and desupported in 25.3; no role claim):\n\
         -- BEGIN\n--   OAUTH.CREATE_JWT_PROFILE(\n--     p_issuer => {iss}, p_audience => {aud}, p_jwk_url => {jwk});\
         \n--   COMMIT;\n-- END;\n-- /\n",
        iss = lit(&profile.issuer).replace('\n', " "),
        aud = lit(&profile.audience).replace('\n', " "),
        jwk = lit(&profile.jwk_url).replace('\n', " "),
    )
}

/// The pool's settings as shell lines, then (as comments a SQL client skips) the privilege that
/// protects the module, which the pool's profile does not replace (inferred).
fn pool_setup(profile: &JwtProfile, pattern: &str) -> String {
    let schema = jwt_profile_sql(&JwtProfile { level: super::ProfileLevel::Schema, ..profile.clone() }, pattern);
    let privilege = schema.split("  ORDS_SECURITY.CREATE_JWT_PROFILE(").next().unwrap_or_default();
    let privilege = privilege.split("BEGIN\n").nth(1).unwrap_or_default();
    format!(
        "{}\n# Then, as the REST-enabled schema, the privilege that protects the module (SQL):\n\
         # BEGIN\n{}#   COMMIT;\n# END;\n# /\n",
        super::pool_config_lines(profile, "default"),
        privilege.lines().map(|l| format!("# {l}\n")).collect::<String>(),
    )
}
