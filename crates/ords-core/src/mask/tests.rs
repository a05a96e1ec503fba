use super::*;
use crate::encode::{basic_authorization, form_body};
use proptest::prelude::*;

const M: &str = crate::MASK;

fn one(secret: &str) -> Vec<String> {
    vec![secret.to_owned()]
}

#[test]
fn masks_every_occurrence_and_ignores_empty_secrets() {
    let body = r#"{"access_token":"abc123","echo":"abc123"}"#;
    let secrets = ["abc123".to_owned(), String::new()];
    assert_eq!(mask_secrets(body, &secrets), format!(r#"{{"access_token":"{M}","echo":"{M}"}}"#));
    assert!(contains_secret(body, &secrets));
    assert!(!contains_secret(r#"{"items":[]}"#, &secrets));
    assert!(!contains_secret("anything", &[String::new()]));
    assert_eq!(mask_secrets("anything", &[]), "anything");
}

#[test]
fn a_secret_escaped_in_json_is_masked() {
    let body = r#"{"access_token":"abc\ndef"}"#;
    assert!(contains_secret(body, &one("abc\ndef")));
    assert_eq!(mask_secrets(body, &one("abc\ndef")), format!(r#"{{"access_token":"{M}"}}"#));
}

#[test]
fn an_echoed_form_body_is_masked_with_plus_or_percent_20() {
    // The issue's own example: APEX_WEB_SERVICE's body echoed back by a server.
    let secret = "c4/Ec+ho=s!K2..";
    let echoed = "grant_type=client_credentials&client_id=abc..&client_secret=c4%2FEc%2Bho%3Ds%21K2..";
    assert_eq!(
        mask_secrets(echoed, &one(secret)),
        format!("grant_type=client_credentials&client_id=abc..&client_secret={M}")
    );
    let spaced = "a b/c";
    for text in ["x=a+b%2Fc", "x=a%20b%2Fc", "x=a%20b/c", "x=a%20b%2fc"] {
        assert_eq!(mask_secrets(text, &one(spaced)), format!("x={M}"), "{text}");
    }
}

#[test]
fn an_echoed_basic_header_is_masked_whatever_the_id() {
    let header = basic_authorization("Te8yn-qGmBoX6jzpPhnUXA..", "7KZWVPkkzNZ_gpcS0l-YFw..");
    let echoed = format!(r#"{{"headers":{{"authorization":"{header}"}}}}"#);
    assert_eq!(
        mask_secrets(&echoed, &one("7KZWVPkkzNZ_gpcS0l-YFw..")),
        format!(r#"{{"headers":{{"authorization":"Basic {M}"}}}}"#)
    );
    // RFC 6749 §2.3.1: the pair form-encoded before Base64.
    let encoded = basic_authorization("id", &crate::form_encode("p ä/"));
    assert_eq!(mask_secrets(&encoded, &one("p ä/")), format!("Basic {M}"));
    // A Base64 run that holds no secret stays.
    let other = basic_authorization("id", "something-else");
    assert_eq!(mask_secrets(&other, &one("7KZWVPkkzNZ_gpcS0l-YFw..")), other);
}

#[test]
fn a_cut_text_masks_the_beginning_of_a_secret_at_its_end() {
    let secret = one("Vt3kQ9zLmP2wXc8RbN5yHg..");
    assert_eq!(mask_cut_text("token=Vt3kQ9z", &secret), format!("token={M}"));
    // Whole texts are not guessed at: only a cut one.
    assert_eq!(mask_secrets("token=Vt3kQ9z", &secret), "token=Vt3kQ9z");
    // Two characters could be anything.
    assert_eq!(mask_cut_text("token=Vt", &secret), "token=Vt");
    // The cut inside a multi-byte character of the secret: masked from the last whole one.
    assert_eq!(mask_cut_text("x=pä", &one("päss")), format!("x={M}"));
}

#[test]
fn overlapping_secrets_are_masked_once() {
    let secrets = ["abcdef".to_owned(), "cdefgh".to_owned()];
    assert_eq!(mask_secrets("xabcdefghx", &secrets), format!("x{M}x"));
}

/// Secrets as people have them: ORDS's base64url and `..`, quotes, `+`, `/`, `=`, `%`,
/// spaces, non-ASCII.
fn secret() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_.+/=%'\" !:&é€😀-]{6,24}(\\.\\.)?"
}

fn filler() -> impl Strategy<Value = String> {
    "[a-z {}\":,\\[\\]=&]{0,40}"
}

proptest! {
    #[test]
    fn no_form_of_a_secret_survives(secret in secret(), before in filler(), after in filler()) {
        let forms = [
            secret.clone(),
            crate::quote::js(&secret),
            form_body(&[("client_secret", secret.as_str())]),
            percent(&secret, RFC3986, false, false),
            percent(&secret, COMPONENT, false, true),
            basic_authorization("some.id..", &secret),
            basic_authorization("x", &crate::form_encode(&secret)),
        ];
        let secrets = one(&secret);
        for form in forms {
            let text = format!("{before}{form}{after}");
            prop_assert!(contains_secret(&text, &secrets), "{text}");
            let shown = mask_secrets(&text, &secrets);
            prop_assert!(shown.contains(M));
            prop_assert!(!shown.contains(secret.as_str()), "{shown}");
            prop_assert!(!contains_secret(&shown, &secrets), "{shown}");
        }
    }

    #[test]
    fn a_cut_anywhere_inside_a_secret_leaves_no_three_of_its_characters(
        secret in secret(), before in filler(), at in 0usize..40
    ) {
        let text = format!("{before}{secret}");
        let cut = before.len() + at.min(secret.len());
        if text.is_char_boundary(cut) && cut >= before.len() {
            let shown = mask_cut_text(&text[..cut], &one(&secret));
            let tail = &text[before.len()..cut];
            if tail.chars().count() >= MIN_CUT_PREFIX || tail.len() + 1 == secret.len() {
                prop_assert!(shown.ends_with(M), "{shown}");
            }
        }
    }

    #[test]
    fn masking_text_without_secrets_changes_nothing(text in "[a-z0-9 =&%+/]{0,200}") {
        prop_assert_eq!(mask_secrets(&text, &one("Q9zLmP2wXc8RbN5yHg..")), text);
    }
}

#[test]
fn the_credentials_a_request_carried_are_found_on_the_wire() {
    let basic = HttpRequest::new("POST", "https://h/ords/a/oauth/token")
        .with_header("Authorization", basic_authorization("id..", "s3:cr3t.."))
        .with_body("grant_type=client_credentials");
    assert_eq!(secrets_sent(&basic), ["s3:cr3t.."]);
    let body = HttpRequest::new("POST", "https://h/t")
        .with_body("grant_type=client_credentials&client_id=i&client_secret=a%2Bb");
    assert_eq!(secrets_sent(&body), ["a+b"]);
    let bearer = HttpRequest::new("GET", "https://h/r?access_token=q1#x").with_header("authorization", "Bearer t0k");
    assert_eq!(secrets_sent(&bearer), ["t0k", "q1"]);
    assert!(secrets_sent(&HttpRequest::new("GET", "https://h/r?offset=25")).is_empty());
}
