//! The demo ORDS that `ords-sim` and the in-page simulator serve. Its credentials are public
//! (printed in the README and by `ords-sim`), so they belong to no one: the page may send them
//! anywhere without asking, and fills them in only while the form points at the demo.

/// Where `cargo xtask serve` starts the simulator; the form's defaults point here.
pub const BASE: &str = "http://127.0.0.1:8181/ords/demo";
/// The origin of [`BASE`].
pub const ORIGIN: &str = "http://127.0.0.1:8181";
/// The demo client's id, in ORDS's shape (22 base64url characters and `..`).
pub const CLIENT_ID: &str = "Te8yn-qGmBoX6jzpPhnUXA..";
/// The demo client's secret.
pub const CLIENT_SECRET: &str = "m2Qx7dVbUaE4kR9pLwT1sA..";
/// The demo Basic user.
pub const USERNAME: &str = "hr_user";
/// The demo Basic user's password.
pub const PASSWORD: &str = "Welcome_1";

/// The demo token URL.
/// The demo's pre-authenticated URL token (public, like the demo's secret: the simulator
/// honours it for `hr/employees/` with GET and no expiry).
pub const PAR_TOKEN: &str = "dEmOpAr-9xKq2Lm7Wv4Tz";

/// The demo's pre-authenticated URL.
pub fn par_url() -> String {
    format!("{BASE}/_/par/{PAR_TOKEN}/hr/employees/")
}

pub fn token_url() -> String {
    format!("{BASE}/oauth/token")
}

/// The demo's protected collection.
pub fn resource_url() -> String {
    format!("{BASE}/hr/employees/")
}

/// True when a URL is on the demo simulator (`http://127.0.0.1:8181/ords/demo…`).
pub fn is_demo_url(url: &str) -> bool {
    url.starts_with(BASE)
}
