//! The pure core of the ORDS Auth Playground: the typed settings, request building for the
//! OAuth2 `client_credentials` and HTTP Basic flows, the runs themselves against any sender,
//! response parsing, diagnosis, generated code and the notes shown to people. No IO: requests
//! are values and the sender is whatever function is passed in.
//!
//! Where things are: `config` (every non-secret setting and its text form), `settings` and
//! `call` (what the two flows and the protected call need), `field` (checks of typed input),
//! `request` (requests as values), `flow` and `run` (the runs), `credential` (where a secret
//! may go), `response`, `collection`, `jwt` (reading answers), `diagnose` (findings; its
//! `jwt_rules` check external tokens against a JWT profile), `code`, `quote` (one quoting
//! function per language), `history`, `share` (links and embed snippets), `lessons` (the
//! workshop's path), `jwt_profile` (ORDS JWT profiles), `database` (the token request as
//! APEX_WEB_SERVICE sends it, and database errors explained), `helper` (the page's protocol
//! with its worker), `closed` (closed sets), `format` (numbers for people).

mod call;
pub mod catalog;
mod closed;
mod code;
mod collection;
mod compare;
mod config;
mod credential;
mod curl;
pub mod database;
pub mod demo;
mod diagnose;
mod encode;
mod exchange;
mod field;
mod flow;
mod format;
mod held_token;
pub mod helper;
mod history;
pub mod host_api;
mod http;
mod jwt;
pub mod jwt_profile;
pub mod lessons;
mod mask;
pub mod mcp;
mod notes;
mod par;
mod paste;
mod provider;
pub mod quote;
mod request;
mod response;
mod run;
mod secret;
mod settings;
mod share;
mod url;

/// What the screen shows in place of a secret.
pub const MASK: &str = "••••••••";

/// Bodies above this size are read and laid out in tasks of their own, after the panel has
/// shown the status and headers, so no single task holds the page for long.
pub const LARGE_BODY_BYTES: usize = 256 * 1024;

pub use body_lines::{check_json, BodyLines, JsonError, JsonSteps, Line, MAX_DEPTH, ROW_BYTES};
pub use call::{Method, ResourceCall};
pub use closed::Closed;
pub use code::{
    export_postman, export_postman_environment, generate, import_postman, network_acl_for, CodeInput, CodeTarget, Plan,
    PostmanImport,
};
pub use collection::{bad_paging, follow_link, CollectionPage, LinkRefusal};
pub use compare::{compare_calls, comparison_of, differences, CompareRow, OAuthSide};
pub use config::{Decoded, Flow, FormSection, Ignored, Key, PlaygroundConfig, Section, Target, Theme};
pub use credential::{Ask, Credential, Trust};
pub use curl::curl_command;
pub use diagnose::jwt_rules::check_jwt;
/// The diagnosis as JSON, for the page's helper.
pub use diagnose::wire as diagnosis_wire;
pub use diagnose::{
    cors_fixes, diagnose_inputs, diagnose_run, CorsFixes, Finding, FindingId, Inputs, Probe, RunFacts, Severity,
};
pub use encode::{basic_authorization, decode_basic, form_body, form_encode, parse_form};
pub use exchange::{Exchange, Received, Step, TimedBy, TransportError};
pub use field::{check_url, header_value_problem, is_token, parse_header_lines, Field, FieldError};
pub use flow::{call_with_basic, call_with_oauth, get_token, OAuthCall, Purpose, Sender, TimelineEntry, TokenStep};
pub use format::{format_countdown, format_ms, format_size, utc_text};
pub use held_token::HeldToken;
pub use history::{remember, run_summary, RunRecord, HISTORY_LIMIT};
pub use http::{body_text, find_header, reason_phrase, HttpRequest, HttpResponse, Validator};
pub use jwt::{decode_jwt, Jwt};
pub use mask::{contains_secret, mask_cut_text, mask_secrets, secrets_sent};
pub use notes::{cors_note, status_meaning, status_meaning_for, CorsNote};
/// How long any code of the page (a split chunk, the helper's module) may take to arrive
/// before its load fails with a sentence and a retry: one limit for both.
pub const STALL_MS: u32 = 30_000;

pub use par::{
    expiry_after, par_parts_from, par_setup_sql, ParExpiryError, ParLife, ParToken, ParUrl, ParUrlError, SharedPar,
};
pub use paste::{looks_like_command, read_paste, Fill, Note as PasteNote, PasteKind, Pasted, MAX_PASTE_BYTES};
pub use provider::{BrowserToken, Provider};
pub use request::{basic_request, bearer_request, open_request, token_request, PreparedRequest};
pub use response::{
    indent_json, is_json, parse_error_body, parse_token_grant, ErrorBody, OAuthErrorCode, TokenGrant, TokenParseError,
};
pub use run::{run, Button, RunInputs, RunOutcome, TokenSource, NO_CALL_NOTE};
pub use secret::{AccessToken, ClientSecret, Password};
pub use settings::{BasicSettings, ClientAuth, ExtraParam, OAuthSettings, ParamPlace, TokenPlacement};
pub use share::{embed_snippet, share_link, FRAME_TITLE, HOST_SCRIPT};
pub use url::{origin_of, strip_user_info, with_query, HttpUrl, UrlError};
