//! The Token URL and the Resource URL checked against each other, before sending: a token is
//! issued by one ORDS for one schema (alias), and is accepted only there.

use super::{Finding, FindingId, Severity::Warning};
use crate::url::{ords_alias_and_module, HttpUrl};

/// The port a URL reaches, and whether it was written (`:8443`) or is the scheme's default.
fn port(u: &HttpUrl) -> (u16, bool) {
    match u.port {
        Some(p) => (p, true),
        None if u.scheme == "https" => (443, false),
        None => (80, false),
    }
}

fn shown_port(u: &HttpUrl) -> String {
    match port(u) {
        (p, true) => p.to_string(),
        (p, false) => format!("{p} (the {} default)", u.scheme),
    }
}

/// One finding for each way the two disagree, each with both values side by side.
pub(super) fn check(t: &HttpUrl, r: &HttpUrl, out: &mut Vec<Finding>) {
    if t.scheme != r.scheme {
        out.push(
            Finding::new(
                FindingId::SchemeMismatch,
                Warning,
                "The Token URL and the Resource URL use different schemes.",
                format!("Token URL scheme {}, Resource URL scheme {}.", t.scheme, r.scheme),
            )
            .fix(
                "Use https for both: over http the client secret or the token crosses the network unencrypted, and \
                 an ORDS behind a proxy often answers on one scheme only (the other redirects or refuses).",
            ),
        );
    }
    if !t.host.eq_ignore_ascii_case(&r.host) {
        out.push(
            Finding::new(
                FindingId::HostMismatch,
                Warning,
                "The Token URL and the Resource URL are on different hosts.",
                format!("Token URL host \"{}\", Resource URL host \"{}\".", t.host, r.host),
            )
            .fix(
                "A token is accepted only by an ORDS serving the database and schema that issued it: unless both \
                 host names lead to that same ORDS, the call answers 401. Use the host of the API for both.",
            ),
        );
    }
    // Ports are compared only when one was written: the schemes' defaults differ with the scheme.
    let (tp, rp) = (port(t), port(r));
    if tp.0 != rp.0 && (tp.1 || rp.1) {
        out.push(
            Finding::new(
                FindingId::PortMismatch,
                Warning,
                "The Token URL and the Resource URL use different ports.",
                format!("Token URL port {}, Resource URL port {}.", shown_port(t), shown_port(r)),
            )
            .fix(
                "Another port is usually another server: ORDS issues and checks tokens on the instance that serves \
                 the schema. Use the port of the API for both.",
            ),
        );
    }
    match (ords_alias_and_module(t).map(|p| p.0), ords_alias_and_module(r).map(|p| p.0)) {
        (Some(ta), Some(ra)) if ta != ra => out.push(
            Finding::new(
                FindingId::AliasMismatch,
                Warning,
                "The Token URL and the Resource URL are under different ORDS aliases.",
                format!("Token URL alias \"{ta}\", Resource URL alias \"{ra}\"."),
            )
            .fix(format!(
                "A token is valid only for the schema (alias) that issued it: ORDS answers 401 for any other. Use \
                 …/ords/{ra}/oauth/token, or call a resource under /ords/{ta}/."
            )),
        ),
        (Some(ta), None) => out.push(
            Finding::new(
                FindingId::ResourceOutsideSchema,
                Warning,
                "The Resource URL is not under the ORDS schema whose token URL is given.",
                format!("Token URL alias \"{ta}\", Resource URL path {}.", r.path),
            )
            .fix(format!(
                "The token is valid only for resources under /ords/{ta}/ (or /pls/apex/{ta}/): point the Resource \
                 URL there, e.g. …/ords/{ta}/<module>/<template>."
            )),
        ),
        _ => {}
    }
}
