//! The pure core of the ORDS Auth Playground: typed settings, request building for the
//! OAuth2 `client_credentials` and HTTP Basic flows, response parsing and the notes shown
//! to people. No IO: requests are values and the sender is whatever function is passed in.

mod code;
mod collection;
mod compare;
mod curl;
mod diagnose;
mod encode;
mod exchange;
mod flow;
mod history;
mod http;
mod jwt;
mod notes;
mod options;
mod request;
mod response;
mod secret;
mod settings;
mod url;

/// What the screen shows in place of a secret.
pub const MASK: &str = "••••••••";

pub use body_lines::{BodyLines, Line, ROW_BYTES};
pub use code::{export_postman, generate, import_postman, CodeInput, CodeTarget, Plan, PostmanImport};
pub use collection::CollectionPage;
pub use compare::{compare_calls, differences, CompareRow, OAuthSide};
pub use curl::{curl_command, shell_quote};
pub use diagnose::{cors_fixes, diagnose_inputs, diagnose_run, CorsFixes, Finding, Inputs, Probe, RunFacts, Severity};
pub use encode::{basic_authorization, decode_basic, form_body, form_encode, parse_form};
pub use exchange::{Exchange, Received, Step, TimedBy, TransportError};
pub use flow::{call_with_basic, call_with_oauth, get_token, OAuthCall, Purpose, TimelineEntry, TokenStep};
pub use history::{remember, run_summary, RunRecord, HISTORY_LIMIT};
pub use http::{body_text, find_header, format_ms, format_size, reason_phrase, HttpRequest, HttpResponse};
pub use jwt::{decode_jwt, Jwt};
pub use notes::{contains_secret, cors_note, mask_secrets, status_meaning, CorsNote};
pub use options::{
    extra_param_problems, is_token, parse_header_lines, with_query, ExtraParam, ParamPlace, ResourceCall,
    TokenPlacement,
};
pub use request::{basic_request, bearer_request, token_request, PreparedRequest};
pub use response::{
    body_view, indent_json, is_json, parse_error_body, parse_token_grant, BodyView, ErrorBody, TokenGrant,
    TokenParseError,
};
pub use secret::{AccessToken, ClientSecret, Password};
pub use settings::{
    check_url, format_countdown, resource_problems, BasicSettings, ClientAuth, Field, FieldError, HeldToken,
    OAuthSettings,
};
pub use url::{HttpUrl, UrlError};
