//! The lesson path of a 60-90 minute workshop: a token, the calls, then one exercise per
//! failure scenario of the simulator (`ords-sim --list-scenarios` has the same names), and ORDS's
//! MCP server walked against ords-sim.

use super::{Lesson, Mark, Step};
use crate::config::Section;
use crate::diagnose::FindingId as F;
use crate::mcp::Hop;

const CORS: Mark = Mark::Named(&[F::TokenCors, F::ResourceCors, F::ForbiddenOrigin, F::TokenPathCors]);

pub const LESSONS: [Lesson; 14] = [
    Lesson {
        id: "first-token",
        title: "Get a token and read it",
        scenario: None,
        stage: "",
        intro: "OAuth2 client credentials: the client proves who it is with its id and secret, and ORDS answers with \
            an access token that opens the API for a while.",
        minutes: 8,
        steps: &[
            Step {
                id: "get-token",
                title: "Get a token",
                goal: "Press Get token. In Token response, read token_type (bearer: whoever holds it may use it), \
                    expires_in (seconds it lives, the countdown) and the access token itself (masked; Show token \
                    reveals it).",
                hints: &[
                    "The client id and secret are filled in for the demo. The request is a POST to the token URL with \
                        grant_type=client_credentials.",
                    "Request sent shows the Authorization: Basic header: base64 of client id, a colon, and the secret.",
                ],
                marks: &[Mark::TokenOk],
                shows: None,
            },
            Step {
                id: "wrong-secret",
                title: "Meet a refusal",
                goal: "Change one character of Client secret and press Get token. Read ORDS's 401 and what Diagnosis \
                    makes of it, then put the secret back.",
                hints: &[
                    "The refusal is at the token URL, before any API call: the protected resource is never reached.",
                    "Diagnosis names the cause and the SQL to check the client (USER_ORDS_CLIENTS).",
                ],
                marks: &[Mark::Named(&[F::Token401])],
                shows: Some(Section::Diagnosis),
            },
        ],
    },
    Lesson {
        id: "call-api",
        title: "Call the API: Bearer and Basic",
        scenario: None,
        stage: "",
        intro: "The token goes on every call as Authorization: Bearer <token>. HTTP Basic sends a database or ORDS \
            user's name and password on every call instead.",
        minutes: 10,
        steps: &[
            Step {
                id: "bearer",
                title: "Call with the token",
                goal: "Press Call API. Protected resource shows the employees; Request sent shows the Bearer header.",
                hints: &["If no valid token is held, Call API gets one first: the Timeline shows both exchanges."],
                marks: &[Mark::BearerOk],
                shows: Some(Section::Timeline),
            },
            Step {
                id: "basic",
                title: "Call with Basic",
                goal: "Choose Basic under Authentication and press Call API: the same resource, with the user's name \
                    and password on the call itself.",
                hints: &["The demo user is hr_user; its password is filled in for the demo."],
                marks: &[Mark::BasicOk],
                shows: None,
            },
            Step {
                id: "compare",
                title: "Compare the two",
                goal: "Choose Compare both and press Call API. Read what differed: the headers sent, the number of \
                    exchanges, the time.",
                hints: &[
                    "OAuth2 needs two exchanges the first time (token, then call) and one afterwards; Basic needs \
                    one every time, with the password on each.",
                ],
                marks: &[Mark::ComparedOk],
                shows: None,
            },
        ],
    },
    Lesson {
        id: "share-without-secret",
        title: "Share a protected endpoint without a secret",
        scenario: None,
        stage: "flow=par",
        intro: "ORDS 24.4 and later hand out pre-authenticated URLs (ORDS_PAR.DEFINE_FOR_HANDLER): one handler, one \
            method, callable with no credentials until the URL expires or is revoked. The token is in the URL's path, \
            so the URL itself is the secret: whoever holds it may call.",
        minutes: 6,
        steps: &[
            Step {
                id: "call",
                title: "Call it with nothing else",
                goal:
                    "With Authentication on Pre-authenticated URL, press Call API: the employees answer, and Request \
                    sent shows no Authorization header, only the URL (its token masked).",
                hints: &[
                    "Token response says what the URL grants: the method and the handler, nothing more.",
                    "Code writes it with the token as a variable, and the SQL that defines one for your handler.",
                    "Share, Include the pre-authenticated URL, puts it in a link or an embed: a docs page's readers \
                        then call it with nothing to type, until it expires.",
                ],
                marks: &[Mark::ParOk],
                shows: Some(Section::Timeline),
            },
            Step {
                id: "refused",
                title: "Meet a URL ORDS no longer honours",
                goal: "Change one character of the token in Pre-authenticated URL (after /_/par/) and press Call API. \
                    Read the refusal and what Diagnosis makes of it, then put the character back.",
                hints: &[
                    "An expired, revoked or unknown URL gets the same answer: ORDS does not say which.",
                    "Only a new URL fixes it (DEFINE_FOR_HANDLER again); REVOKE_PAR ends one early, in up to 30 s.",
                ],
                marks: &[Mark::Named(&[F::ParRefused])],
                shows: Some(Section::Diagnosis),
            },
        ],
    },
    Lesson {
        id: "rotated-secret",
        title: "A rotated secret",
        scenario: Some("rotated-secret"),
        stage: "",
        intro: "An administrator rotated the client's secret and revoked the old one. Applications still holding the \
            old secret stop getting tokens.",
        minutes: 5,
        steps: &[
            Step {
                id: "meet",
                title: "Meet the failure",
                goal: "Press Get token with the secret in the form. Read the 401 and the diagnosis.",
                hints: &["Nothing is wrong with the id or the URL: only the secret changed."],
                marks: &[Mark::Named(&[F::Token401])],
                shows: Some(Section::Diagnosis),
            },
            Step {
                id: "fix",
                title: "Use the new secret",
                goal: "Put the new secret in Client secret and get a token.",
                hints: &[
                    "In ORDS the new secret is shown once, by OAUTH.ROTATE_CLIENT_SECRET or the REST API; the \
                        instructor has it.",
                    "The new secret is Vt3kQ9zLmP2wXc8RbN5yHg.. (a public workshop value).",
                ],
                marks: &[Mark::TokenOk],
                shows: None,
            },
        ],
    },
    Lesson {
        id: "dropped-dots",
        title: "The dots that belong to the id",
        scenario: Some("dropped-dots"),
        stage: "client_id=Te8yn-qGmBoX6jzpPhnUXA",
        intro: "ORDS client ids and secrets often end in \"..\". Copied from an e-mail or a chat, the dots get lost.",
        minutes: 5,
        steps: &[
            Step {
                id: "meet",
                title: "Meet the failure",
                goal: "Press Get token with the Client ID as staged. Read the 401 and the diagnosis.",
                hints: &["Compare the Client ID with what USER_ORDS_CLIENTS shows for the client."],
                marks: &[Mark::Named(&[F::Token401, F::DroppedDots])],
                shows: Some(Section::Diagnosis),
            },
            Step {
                id: "fix",
                title: "Put the dots back",
                goal: "Fix the Client ID and get a token.",
                hints: &["The id is Te8yn-qGmBoX6jzpPhnUXA.. with the two dots."],
                marks: &[Mark::TokenOk],
                shows: None,
            },
        ],
    },
    Lesson {
        id: "expired-token",
        title: "Tokens expire",
        scenario: Some("expired-token"),
        stage: "refetch=0",
        intro: "Here tokens live 30 seconds. client_credentials has no refresh token: a client simply asks for a new \
            one.",
        minutes: 6,
        steps: &[
            Step {
                id: "meet",
                title: "Send an expired token",
                goal: "Re-fetch is off. Press Get token, wait until the countdown reaches zero, then press Call API. \
                    Read the 401 and the diagnosis.",
                hints: &[
                    "The countdown is under Expires in, in Token response.",
                    "ORDS answers 401 with \
                    WWW-Authenticate: Bearer … error=\"invalid_token\".",
                ],
                marks: &[Mark::Named(&[F::Expired])],
                shows: Some(Section::Diagnosis),
            },
            Step {
                id: "fix",
                title: "Let the client re-fetch",
                goal: "Open Token use, tick Re-fetch the token, wait for the countdown again and press Call API: the \
                    page gets a new token by itself and the call succeeds.",
                hints: &["The Timeline shows the re-fetch as its own exchange, before the call."],
                marks: &[Mark::RefetchedOk],
                shows: Some(Section::Timeline),
            },
        ],
    },
    Lesson {
        id: "no-role",
        title: "A token without the role",
        scenario: Some("no-role"),
        stage: "",
        intro:
            "A token is only as good as the privileges its client was granted. This client was never given the role \
            that protects the employees.",
        minutes: 5,
        steps: &[Step {
            id: "diagnose",
            title: "Find why the token is refused",
            goal: "Press Call API. The token request succeeds, the call answers 401. Find the cause in Diagnosis and \
                read the fix (the SQL that grants the role).",
            hints: &[
                "A token was issued, so the id and secret are right.",
                "OAUTH.GRANT_CLIENT_ROLE gives a client a role; the privilege protecting /hr/ requires it.",
            ],
            marks: &[Mark::Named(&[F::NoRole])],
            shows: Some(Section::Diagnosis),
        }],
    },
    Lesson {
        id: "origin-not-allowed",
        title: "CORS: the page's origin is not allowed",
        scenario: Some("origin-not-allowed"),
        stage: "",
        intro: "A browser asks the server before a page from another origin may read its answers. Here ORDS allows no \
            page origin: curl works, the browser does not.",
        minutes: 8,
        steps: &[Step {
            id: "diagnose",
            title: "See the browser block it",
            goal: "Press Call API. There is no response to read: the browser blocked it. Find the cause in Diagnosis, \
                and read the ORDS CORS note with the SQL that allows this page's origin.",
            hints: &[
                "A CORS refusal has no status code in the page: fetch only says it failed.",
                "Code has the same request as curl: a terminal is not a browser and gets its answer.",
            ],
            marks: &[CORS],
            shows: Some(Section::Diagnosis),
        }],
    },
    Lesson {
        id: "html-errors",
        title: "Errors as HTML pages",
        scenario: Some("html-errors"),
        stage: "",
        intro: "With error.responseFormat=html, ORDS answers errors with an HTML page, where a client expecting JSON \
            cannot read the cause.",
        minutes: 5,
        steps: &[Step {
            id: "diagnose",
            title: "Read an HTML error",
            goal: "Change the Client secret and press Get token. Read the body (Preview shows it, scripts off) and \
                what Diagnosis says about the format.",
            hints: &["The status code still says what happened; the body is for people."],
            marks: &[Mark::Named(&[F::HtmlErrors])],
            shows: Some(Section::Diagnosis),
        }],
    },
    Lesson {
        id: "token-no-cors",
        title: "A token URL the browser cannot reach",
        scenario: Some("token-no-cors"),
        stage: "",
        intro: "The token endpoint does not answer the browser's CORS preflight: Get token fails in a browser, though \
            the resource allows this origin.",
        minutes: 6,
        steps: &[
            Step {
                id: "meet",
                title: "Meet the failure",
                goal: "Press Get token. Read what the page and the diagnosis say about the token URL.",
                hints: &["The preflight is an OPTIONS request the browser sends first, because of the Authorization \
                    header."],
                marks: &[Mark::Named(&[F::TokenCors, F::TokenPathCors])],
                shows: Some(Section::Diagnosis),
            },
            Step {
                id: "basic",
                title: "Reach the data another way",
                goal: "Choose Basic and press Call API: the resource allows this origin, so Basic works from the \
                    browser.",
                hints: &["Set Client authentication to Request body to avoid the preflight where the token endpoint \
                    allows it."],
                marks: &[Mark::BasicOk],
                shows: None,
            },
        ],
    },
    Lesson {
        id: "handler-error",
        title: "The handler's SQL fails",
        scenario: Some("handler-error"),
        stage: "",
        intro: "Authentication can be perfect and the call still fail: the handler's own SQL raised an error.",
        minutes: 4,
        steps: &[Step {
            id: "diagnose",
            title: "Read a 555",
            goal: "Press Call API and read the 555 User Defined Resource Error and the diagnosis.",
            hints: &[
                "555 is ORDS's status for an error raised by the handler's SQL or PL/SQL; the body names the ORA- \
                error.",
            ],
            marks: &[Mark::Named(&[F::HandlerError])],
            shows: Some(Section::Diagnosis),
        }],
    },
    Lesson {
        id: "account-locked",
        title: "A locked database account",
        scenario: Some("account-locked"),
        stage: "",
        intro: "ORDS connects to the database as the REST-enabled schema. If that account is locked, every resource \
            fails, whatever the credentials.",
        minutes: 4,
        steps: &[Step {
            id: "diagnose",
            title: "Read a 570",
            goal: "Press Call API and read the 570 and the diagnosis.",
            hints: &["ORA-28000 means the account is locked: ALTER USER … ACCOUNT UNLOCK, by a DBA."],
            marks: &[Mark::Named(&[F::AccountLocked])],
            shows: Some(Section::Diagnosis),
        }],
    },
    Lesson {
        id: "body-credentials-only",
        title: "Works in Postman, fails from the database",
        scenario: Some("body-credentials-only"),
        stage: "",
        intro: "This token endpoint takes the client id and secret only in the request body, as many identity \
            providers' clients are set up. Postman sends them where you tell it; APEX_WEB_SERVICE.OAUTH_AUTHENTICATE \
            always sends a Basic header, and the database reports ORA-20001 Authentication failed.",
        minutes: 6,
        steps: &[
            Step {
                id: "meet",
                title: "Send it as the database does",
                goal: "With Client authentication on Basic auth header (what OAUTH_AUTHENTICATE sends), press Get \
                    token: the endpoint refuses it, 401 invalid_client.",
                hints: &[
                    "Request sent shows the Authorization: Basic header and no client_secret in the body.",
                    "From the database this refusal is ORA-20001: the endpoint answered; the network (ORA-29273) was \
                        fine.",
                ],
                marks: &[Mark::Named(&[F::Token401])],
                shows: Some(Section::Diagnosis),
            },
            Step {
                id: "fix",
                title: "Send it as the server wants",
                goal: "Set Client authentication to Request body and press Get token: 200. Then open Code, PL/SQL \
                    (APEX): it requests the token by hand with MAKE_REST_REQUEST, as this page sends it.",
                hints: &[
                    "OAUTH_AUTHENTICATE has no choice of placement; a web credential has one from APEX 26.1.",
                    "The PL/SQL's comment names the setting that needed the hand-made request.",
                    "From the database (APEX), Try as APEX_WEB_SERVICE would: both requests side by side and the \
                        verdict.",
                ],
                marks: &[Mark::TokenOk],
                shows: Some(Section::Code),
            },
        ],
    },
    Lesson {
        id: "mcp-client",
        title: "Connect an MCP client to ORDS",
        scenario: None,
        stage: "target=network&client_id=sim-idp-client",
        intro: "ORDS 26.2 and later serve an MCP server at /mcp for AI clients. A client's first call gets 401 and a \
            challenge naming the metadata; the metadata names the identity provider; a token from there, with the MCP \
            scope and checked against ORDS's global MCP JWT profile, opens initialize and tools/list. This lesson \
            needs ords-sim (cargo xtask serve starts it at 127.0.0.1:8181): the in-page simulator has no identity \
            provider.",
        minutes: 8,
        steps: &[
            Step {
                id: "walk",
                title: "Walk the chain",
                goal: "Open MCP server; type ords-sim's MCP URL (http://127.0.0.1:8181/mcp) and the audience its MCP \
                    profile is set up with, ords-sim-mcp. Put sim-idp-secret in Client secret (the client \
                    sim-idp-client of the simulator's identity provider) and press Walk the chain: every hop ok, then \
                    the three tools.",
                hints: &[
                    "Open a hop to see its exchanges: the challenge's WWW-Authenticate names the metadata, the \
                        metadata names the identity provider, whose metadata names the token endpoint.",
                    "Code for it writes the same chain as a curl script, and the configuration an MCP client (VS \
                        Code) reads, with the token asked for when it starts.",
                ],
                marks: &[Mark::McpPassed(Hop::ToolsList)],
                shows: Some(Section::Mcp),
            },
            Step {
                id: "audience",
                title: "Meet a profile the token does not fit",
                goal: "Type another-api in MCP profile audience and walk again: the walk stops at the token check, \
                    naming the aud claim. ORDS, set up with that audience, would answer initialize with 401 \
                    invalid_token and say no more.",
                hints: &[
                    "The audience of ORDS's MCP profile must be the one the identity provider writes into its \
                        tokens.",
                    "Left empty, the field takes the metadata's resource as the audience.",
                ],
                marks: &[Mark::McpStopped(Hop::TokenCheck)],
                shows: Some(Section::Mcp),
            },
        ],
    },
];
