//! A database error pasted by a person, explained: the ORA- codes in it, each with its cause,
//! what to check and the fix, written for the hosts in the settings. Pasted text is hostile
//! input: only the first [`MAX_PASTE`] bytes are read, and it is never shown back as markup.

use crate::closed::Closed;
use crate::code::network_acl_for;
use crate::url::HttpUrl;

/// How much of a paste is read.
pub const MAX_PASTE: usize = 64 * 1024;

/// The codes this page explains (what `APEX_WEB_SERVICE` and `UTL_HTTP` raise around a call).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OraCode {
    AuthenticationFailed,
    HttpRequestFailed,
    AclDenied,
    CertificateInvalid,
    WalletFile,
    WalletImport,
    HandshakeEnded,
    TimedOut,
    UnknownHost,
    ValueTooLong,
}

impl OraCode {
    pub const ALL: [Self; 10] = [
        Self::AuthenticationFailed,
        Self::HttpRequestFailed,
        Self::AclDenied,
        Self::CertificateInvalid,
        Self::WalletFile,
        Self::WalletImport,
        Self::HandshakeEnded,
        Self::TimedOut,
        Self::UnknownHost,
        Self::ValueTooLong,
    ];

    /// As the database prints it.
    pub fn key(self) -> &'static str {
        match self {
            Self::AuthenticationFailed => "ORA-20001",
            Self::HttpRequestFailed => "ORA-29273",
            Self::AclDenied => "ORA-24247",
            Self::CertificateInvalid => "ORA-29024",
            Self::WalletFile => "ORA-28759",
            Self::WalletImport => "ORA-29106",
            Self::HandshakeEnded => "ORA-29259",
            Self::TimedOut => "ORA-12535",
            Self::UnknownHost => "ORA-12545",
            Self::ValueTooLong => "ORA-06502",
        }
    }

    /// Cause, what to check, the fix.
    fn text(self) -> [&'static str; 3] {
        match self {
            Self::AuthenticationFailed => [
                "APEX_WEB_SERVICE raised it: the token endpoint answered, but not with a token (an HTTP error such as \
                 401 invalid_client, or a 200 without access_token). A network failure would be ORA-29273 instead. \
                 (Inferred from Oracle's documentation and reports; ORA-20001 is also what any PL/SQL raises with \
                 RAISE_APPLICATION_ERROR, so read the text after it.)",
                "Print apex_web_service.g_status_code and the response in an exception handler, and press Try as \
                 APEX_WEB_SERVICE would above: it sends the token request the way OAUTH_AUTHENTICATE does.",
                "If the server wants anything OAUTH_AUTHENTICATE cannot send (credentials in the body, other \
                 parameters, headers), request the token yourself: the PL/SQL (APEX) code does it with \
                 MAKE_REST_REQUEST. Otherwise fix the client id, secret or token URL.",
            ],
            Self::HttpRequestFailed => [
                "The HTTP request never completed: the database could not reach the server or set up TLS. The line \
                 under it (ORA-24247, ORA-29024, ORA-12535…) says why.",
                "The next ORA- code in the message.",
                "See the explanation of that code here.",
            ],
            Self::AclDenied => [
                "Network access denied by access control list: the schema making the call (for APEX_WEB_SERVICE, the \
                 APEX schema) may not connect to this host.",
                "SELECT host, lower_port, upper_port, principal, privilege FROM dba_host_aces; (as a DBA).",
                "Grant the http privilege for the hosts in the settings, as a DBA:",
            ],
            Self::CertificateInvalid => [
                "Certificate validation failure: the database does not trust the server's certificate (no wallet, or \
                 the wallet lacks the root and intermediate certificates), or the name does not match.",
                "The wallet in p_wallet_path (or the instance's default wallet) and the server's certificate chain.",
                "Add the server's root and intermediate certificates to a wallet (orapki wallet add … -trusted_cert) \
                 and pass p_wallet_path => 'file:/path/to/wallet'; when the certificate names another host than the \
                 URL, pass p_https_host (database 12.2 and later).",
            ],
            Self::WalletFile => [
                "Failure to open file: the wallet path does not exist or the database's OS user cannot read it.",
                "p_wallet_path (it starts with file:) and the folder's permissions on the database server.",
                "Point p_wallet_path at the folder holding cwallet.sso or ewallet.p12, readable by the oracle user.",
            ],
            Self::WalletImport => [
                "The wallet could not be opened: the password (p_wallet_pwd) is wrong, or the file is not a PKCS #12 \
                 wallet.",
                "p_wallet_pwd, and the wallet with orapki wallet display.",
                "Pass the wallet's password, or use an auto-login wallet (cwallet.sso) and no password.",
            ],
            Self::HandshakeEnded => [
                "End-of-input reached during the TLS handshake: the server closed the connection, usually because the \
                 database offers a TLS version or cipher it refuses, or no server name (SNI).",
                "The server's TLS versions and the database version (old releases lack TLS 1.2 and 1.3).",
                "Pass p_https_host with the server's name, patch or upgrade the database, or call through a proxy \
                 (p_proxy_override) that speaks a newer TLS.",
            ],
            Self::TimedOut => [
                "TNS operation timed out: the database server got no answer from the host: a firewall, a proxy that \
                 must be named, or the wrong port.",
                "From the database server itself (not your laptop): can it reach the host and port? Is a proxy \
                 required (p_proxy_override)?",
                "Open the firewall for the database server, or pass the proxy in p_proxy_override.",
            ],
            Self::UnknownHost => [
                "The host name does not resolve from the database server.",
                "The host in the URL, and DNS on the database server.",
                "Fix the URL, or the database server's DNS.",
            ],
            Self::ValueTooLong => [
                "A value did not fit its variable: a token or a response longer than the VARCHAR2 it is read into \
                 (APEX 5.1-era releases kept the token in 255 characters).",
                "The length of the token and of the variables the code reads into.",
                "Read bodies into a CLOB and tokens into VARCHAR2(32767), or upgrade APEX.",
            ],
        }
    }
}

/// One code found in the paste, explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explained {
    /// As found in the paste (`ORA-20001`).
    pub code: String,
    /// `None` for a code this page does not know.
    pub known: Option<OraCode>,
    pub cause: String,
    pub check: String,
    pub fix: String,
    /// SQL that fixes it for the hosts in the settings, when there is one.
    pub sql: Option<String>,
    /// What the comparison above says about it, when one has run.
    pub tied: Option<String>,
}

/// Why a paste could not be explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OraError {
    Empty,
    NoCode,
}

impl std::fmt::Display for OraError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Empty => "Paste what the database said (the ORA- lines) to have it explained.",
            Self::NoCode => {
                "No ORA- code found: paste the whole message, with its ORA-nnnnn lines (from SQLERRM or \
                 DBMS_UTILITY.FORMAT_ERROR_STACK)."
            }
        })
    }
}

/// Every ORA- code in the first [`MAX_PASTE`] bytes of `pasted`, in order, each once, explained
/// for `urls` (the token and resource URLs of the settings) and tied to `verdict`, the
/// comparison's verdict when one has run.
pub fn explain(pasted: &str, urls: &[&str], verdict: Option<&str>) -> Result<Vec<Explained>, OraError> {
    let mut end = pasted.len().min(MAX_PASTE);
    while !pasted.is_char_boundary(end) {
        end -= 1;
    }
    let text = &pasted[..end];
    if text.trim().is_empty() {
        return Err(OraError::Empty);
    }
    let mut codes: Vec<String> = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    // Any case: some tools print `ora-20001`. The code is named as Oracle writes it.
    while let Some(at) = find_ora(&bytes[from..]).map(|i| i + from) {
        let digits = &bytes[at + 4..(at + 9).min(bytes.len())];
        if digits.len() == 5 && digits.iter().all(u8::is_ascii_digit) {
            let code = format!("ORA-{}", &text[at + 4..at + 9]);
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        from = at + 4;
    }
    if codes.is_empty() {
        return Err(OraError::NoCode);
    }
    let hosts: Vec<&str> = urls.iter().copied().filter(|u| HttpUrl::parse(u).is_ok()).collect();
    Ok(codes.into_iter().map(|code| explained(code, &hosts, verdict)).collect())
}

/// Where `ORA-` first occurs, in any case.
fn find_ora(bytes: &[u8]) -> Option<usize> {
    bytes.windows(4).position(|w| w.eq_ignore_ascii_case(b"ORA-"))
}

fn explained(code: String, urls: &[&str], verdict: Option<&str>) -> Explained {
    let known = OraCode::from_key(&code);
    let Some(known) = known else {
        return Explained {
            cause: "Not one this page knows.".to_owned(),
            check: format!("Oracle's error reference for {code}."),
            fix: "If it names the network or a wallet, the codes above it usually say more.".to_owned(),
            code,
            known: None,
            sql: None,
            tied: None,
        };
    };
    let [cause, check, mut fix] = known.text().map(str::to_owned);
    let sql = (known == OraCode::AclDenied).then(|| network_acl_for(urls)).filter(|s| !s.is_empty());
    if known == OraCode::AclDenied && sql.is_none() {
        fix = "Grant the http privilege for the token and resource hosts (DBMS_NETWORK_ACL_ADMIN.APPEND_HOST_ACE, \
               as a DBA); enter their URLs in the form to have it written here."
            .to_owned();
    }
    let answered = verdict.is_some_and(|v| !v.contains("no answer ("));
    let tied = verdict.and_then(|verdict| match known {
        OraCode::AuthenticationFailed | OraCode::ValueTooLong => Some(format!("The comparison above: {verdict}")),
        _ if !answered => None,
        _ => Some(
            "This page got an answer from the token endpoint (the comparison above) and the database did not: \
              the cause is the database's network or wallet, not the request."
                .to_owned(),
        ),
    });
    Explained { code, known: Some(known), cause, check, fix, sql, tied }
}

crate::closed::closed!(OraCode);
