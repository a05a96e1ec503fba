//! `Paste a command`: what people hold when they come (a curl pair, an `APEX_WEB_SERVICE`
//! block, a fetch or Python `requests` snippet, an HTTPie command, a `USER_ORDS_CLIENTS` row)
//! read into the form's settings, with what was understood line by line and the paste's
//! mistakes as findings, before anything is sent. Nothing pasted is ever run: shell
//! substitutions, PL/SQL variables and a snippet's own names stay as written.

mod assemble;
mod checks;
mod curl;
mod httpie;
mod lex;
mod plsql;
mod plsql_expr;
mod plsql_lex;
#[cfg(test)]
mod round_trip;
mod script;
mod script_lex;
pub(crate) mod shell;
mod sql_row;
#[cfg(test)]
mod tests;
pub mod wire;

use crate::call::Method;
use crate::config::Flow;
use crate::diagnose::Finding;
use crate::secret::{AccessToken, ClientSecret, Password};
use crate::settings::{ClientAuth, ExtraParam};

/// At most this many notes are kept: a paste of 10,000 lines would say too much to read.
pub const MAX_NOTES: usize = 200;

/// A paste larger than this is not a command (the helper reads it; the page keeps it typed).
pub const MAX_PASTE_BYTES: usize = 1024 * 1024;

/// What a paste was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasteKind {
    Curl,
    PlSql,
    Httpie,
    SqlRow,
    Fetch,
    Python,
}

impl PasteKind {
    pub const ALL: [Self; 6] = [Self::Curl, Self::PlSql, Self::Httpie, Self::SqlRow, Self::Fetch, Self::Python];

    pub fn key(self) -> &'static str {
        match self {
            Self::Curl => "curl",
            Self::PlSql => "plsql",
            Self::Httpie => "httpie",
            Self::SqlRow => "sql-row",
            Self::Fetch => "fetch",
            Self::Python => "python",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Curl => "curl",
            Self::PlSql => "APEX_WEB_SERVICE PL/SQL",
            Self::Httpie => "HTTPie",
            Self::SqlRow => "a USER_ORDS_CLIENTS row",
            Self::Fetch => "JavaScript fetch",
            Self::Python => "Python requests",
        }
    }
}

crate::closed::closed!(PasteKind);

/// One line of what was understood: a setting taken, or a part left out and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The paste's line (1-based) it comes from.
    pub line: usize,
    pub taken: bool,
    pub said: String,
}

impl Note {
    pub(crate) fn taken(line: usize, said: impl Into<String>) -> Self {
        Self { line, taken: true, said: said.into() }
    }

    pub(crate) fn ignored(line: usize, said: impl Into<String>) -> Self {
        Self { line, taken: false, said: said.into() }
    }
}

/// What goes into the form: only the settings the paste names (None: left as it is).
#[derive(Clone, Debug, Default)]
pub struct Fill {
    pub flow: Option<Flow>,
    pub token_url: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<ClientSecret>,
    pub client_auth: Option<ClientAuth>,
    pub scope: Option<String>,
    pub extra: Option<Vec<ExtraParam>>,
    pub resource_url: Option<String>,
    pub method: Option<Method>,
    /// Extra request headers of the call, one `Name: value` per line.
    pub headers: Option<String>,
    pub body: Option<String>,
    pub username: Option<String>,
    pub password: Option<Password>,
    /// A bearer token pasted with no token request: `Use my own token`.
    pub own_token: Option<AccessToken>,
    /// A pre-authenticated URL called with no credentials: `Pre-authenticated URL` (a secret).
    pub par_url: Option<crate::par::ParUrl>,
    /// A PL/SQL paste: From the database opens, ready to try.
    pub open_database: bool,
}

impl Fill {
    /// True when the paste sets nothing.
    pub fn is_empty(&self) -> bool {
        self.flow.is_none()
            && self.token_url.is_none()
            && self.client_id.is_none()
            && self.client_secret.is_none()
            && self.resource_url.is_none()
            && self.username.is_none()
            && self.password.is_none()
            && self.own_token.is_none()
    }
}

/// A paste, read.
#[derive(Clone, Debug, Default)]
pub struct Pasted {
    pub kind: Option<PasteKind>,
    pub fill: Fill,
    pub notes: Vec<Note>,
    pub findings: Vec<Finding>,
    /// Why nothing could be taken (then `fill` is empty).
    pub problem: Option<String>,
}

/// A request the paste describes, before it is told apart as the token request or the call.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sent {
    pub line: usize,
    pub method: Option<String>,
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// `--user id:secret` (the secret may be missing).
    pub user: Option<(String, Option<String>)>,
    pub body: Option<String>,
    /// Sent as JSON (`--json`).
    pub json: bool,
    /// PL/SQL's `OAUTH_AUTHENTICATE`: what the database sends, not what was typed.
    pub by_database: bool,
    /// Names the paste uses but does not set (`$CLIENT_SECRET`, `os.environ`): a value that
    /// is only one of them is not a value.
    pub unknown: Vec<String>,
}

/// Reads a paste. Pure and bounded: a paste over [`MAX_PASTE_BYTES`] is refused with a sentence.
pub fn read_paste(text: &str) -> Pasted {
    if text.len() > MAX_PASTE_BYTES {
        return Pasted {
            problem: Some(format!(
                "The paste is {} KB; a command is far smaller (at most 1024 KB is read). Nothing was changed.",
                text.len() / 1024
            )),
            ..Pasted::default()
        };
    }
    let text = strip_markup(text);
    let (kind, sent, mut notes, mut findings, fill) = if let Some(found) = sql_row::read(&text) {
        (PasteKind::SqlRow, Vec::new(), found.1, Vec::new(), found.0)
    } else if let Some(kind) = script::looks_like(&text) {
        let mut notes = Vec::new();
        let sent = script::read(&text, &mut notes);
        (kind, sent, notes, Vec::new(), Fill::default())
    } else if plsql::looks_like(&text) {
        let read = plsql::read(&text);
        (PasteKind::PlSql, read.sent, read.notes, read.findings, Fill { open_database: true, ..Fill::default() })
    } else {
        let commands = shell::commands(&text);
        let mut notes = Vec::new();
        let mut sent = Vec::new();
        let mut kind = None;
        for cmd in &commands {
            if let Some(s) = curl::read(cmd, &mut notes) {
                kind = kind.or(Some(PasteKind::Curl));
                sent.push(s);
            } else if let Some(s) = httpie::read(cmd, &mut notes) {
                kind = kind.or(Some(PasteKind::Httpie));
                sent.push(s);
            } else if let Some(first) = cmd.words.first() {
                let program: String = first.text.chars().take(40).collect();
                notes.push(Note::ignored(cmd.line, format!("{program}: not a request, left out.")));
            }
        }
        let Some(kind) = kind else {
            return Pasted { notes, problem: Some(NOT_READ.into()), ..Pasted::default() };
        };
        (kind, sent, notes, Vec::new(), Fill::default())
    };
    let mut fill = fill;
    assemble::assemble(&sent, &mut fill, &mut notes);
    findings.extend(checks::check(&sent, &fill));
    let problem = fill.is_empty().then(|| NOT_READ.to_owned());
    notes.sort_by_key(|n| n.line);
    if notes.len() > MAX_NOTES {
        let more = notes.len() - MAX_NOTES;
        notes.truncate(MAX_NOTES);
        notes.push(Note::ignored(notes.last().map_or(1, |n| n.line), format!("{more} more notes left out.")));
    }
    Pasted { kind: Some(kind), fill, notes, findings, problem }
}

/// True for text pasted into a URL field that is a command, not a URL: it starts with a
/// program the reader takes, or holds an `APEX_WEB_SERVICE` call or several lines.
pub fn looks_like_command(text: &str) -> bool {
    let start = text.trim_start();
    let program = start.split_whitespace().next().unwrap_or_default().to_ascii_lowercase();
    matches!(program.as_str(), "curl" | "curl.exe" | "http" | "https" | "xh")
        || start.trim_end().contains('\n')
        || plsql::looks_like(start)
        || script::looks_like(start).is_some()
}

/// Said when nothing in a paste could be used.
pub const NOT_READ: &str = "Nothing here could be read as a request: paste a curl or HTTPie command, a fetch \
    or Python requests snippet, an APEX_WEB_SERVICE block, or a USER_ORDS_CLIENTS row. Nothing was changed.";

/// A command copied from a web page may bring its markup: tags dropped, entities for quotes
/// and ampersands read.
fn strip_markup(text: &str) -> String {
    if !text.contains("</") && !text.contains("<br") && !text.contains("&quot;") && !text.contains("&amp;") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}
