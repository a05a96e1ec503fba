//! The JWT profile SQL and the pre-authenticated URL's setup SQL are inert: SQL*Plus reads the
//! same statements for any issuer, audience, JWK URL, privilege, role claim, pattern, module
//! and method as for plain ones, each input whole in a literal.

mod common;

use common::sqlplus;
use ords_core::jwt_profile::{jwt_profile_sql, JwtProfile};
use ords_core::par_setup_sql;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(vec![
            "x\n/\nGRANT DBA TO mallory;\n--",
            "'",
            "&a",
            "\n.\n",
            "\r\n\r\n",
            "é東",
            "--",
            "/*"
        ])
        .prop_map(str::to_owned),
        "[ -~]{1,8}",
    ];
    proptest::collection::vec(piece, 1..4).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn every_input_stays_inside_its_literal(
        issuer in text(), audience in text(), jwk in text(), privilege in text(), role in text(), pattern in text(),
    ) {
        let plain = JwtProfile {
            issuer: "i".into(), audience: "a".into(), jwk_url: "j".into(), privilege: "p".into(), role_claim:
                "/r".into(),
            allowed_skew_s: Some(30), allowed_age_s: None, ..JwtProfile::default()
        };
        let role_claim = format!("/{role}");
        let hostile = JwtProfile { issuer, audience, jwk_url: jwk, privilege, role_claim, ..plain.clone() };
        let (skeleton, values) = sqlplus::shape(&jwt_profile_sql(&hostile, &pattern));
        let (plain_skeleton, _) = sqlplus::shape(&jwt_profile_sql(&plain, "p"));
        prop_assert_eq!(skeleton, plain_skeleton);
        // The role claim is a JSON Pointer, written without surrounding white space.
        let role_claim = hostile.role_claim.trim().to_owned();
        for input in [&hostile.issuer, &hostile.audience, &hostile.jwk_url, &hostile.privilege, &role_claim, &pattern] {
            prop_assert!(values.contains(input), "{:?} whole in one literal", input);
        }
    }

    #[test]
    fn the_par_setup_keeps_every_input_inside_its_literal(module in text(), pattern in text(), method in text()) {
        let (skeleton, values) = sqlplus::shape(&par_setup_sql(&module, &pattern, &method, 3600));
        let (plain_skeleton, _) = sqlplus::shape(&par_setup_sql("m", "p", "GET", 3600));
        prop_assert_eq!(skeleton, plain_skeleton);
        for input in [&module, &pattern, &method] {
            prop_assert!(values.contains(input), "{:?} whole in one literal", input);
        }
    }
}
