//! The model answers any request without panicking, with bounded output: arbitrary methods,
//! paths, query numbers (the `offset + limit` that once overflowed), headers and bodies, both
//! directly and through the in-page browser emulation.

use ords_core::HttpRequest;
use ords_sim::{browser::fetch_as_browser, Sim, SimConfig};
use proptest::prelude::*;

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("18446744073709551615".to_owned()),
        Just("4294967295".to_owned()),
        Just("-1".to_owned()),
        Just("99999999999999999999999".to_owned()),
        any::<u64>().prop_map(|n| n.to_string()),
        "[0-9a-z%]{0,6}",
    ]
}

fn path() -> impl Strategy<Value = String> {
    let known = proptest::sample::select(vec![
        "/ords/demo/hr/employees/",
        "/ords/demo/hr/departments/",
        "/ords/demo/employees/",
        "/ords/demo/hr/notes/",
        "/ords/demo/hr/notes/1",
        "/ords/demo/oauth/token",
        "/ords/demo/metadata-catalog/",
        "/ords/sales/hr/employees/",
        "/ords/demo/hr/employees/100",
        "/ords/demo/employees/100",
        "/ords/demo/metadata-catalog/hr/employees/item",
    ]);
    prop_oneof![
        (known, number(), number()).prop_map(|(p, o, l)| format!("{p}?offset={o}&limit={l}")),
        "/ords/[a-z/*.%]{0,30}",
        any::<String>().prop_map(|s| format!("/{s}")),
    ]
}

fn header() -> impl Strategy<Value = (String, String)> {
    let name = proptest::sample::select(vec![
        "Authorization",
        "Origin",
        "Access-Control-Request-Method",
        "Access-Control-Request-Headers",
        "Accept",
        "Content-Type",
        "X-Any",
    ]);
    let value = prop_oneof![
        Just("Basic aHJfdXNlcjpXZWxjb21lXzE=".to_owned()),
        Just("Bearer ".to_owned()),
        "Basic [A-Za-z0-9+/=]{0,40}",
        "Bearer [A-Za-z0-9_-]{0,30}",
        Just("http://127.0.0.1:8080".to_owned()),
        any::<String>(),
    ];
    (name, value).prop_map(|(n, v)| (n.to_owned(), v))
}

fn request() -> impl Strategy<Value = HttpRequest> {
    let method = prop_oneof![
        proptest::sample::select(vec!["GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD"])
            .prop_map(str::to_owned),
        "[A-Z]{0,8}",
    ];
    let body = prop_oneof![
        Just("grant_type=client_credentials".to_owned()),
        Just(r#"{"text":"x"}"#.to_owned()),
        (1usize..5000).prop_map(|n| "[".repeat(n)),
        any::<String>(),
    ];
    (method, path(), proptest::collection::vec(header(), 0..4), body).prop_map(|(method, path, headers, body)| {
        HttpRequest { method, url: format!("http://127.0.0.1:8181{path}"), headers, body }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_request_gets_a_bounded_answer(requests in proptest::collection::vec(request(), 1..6), now in any::<u64>()) {
        let mut sim = Sim::new(SimConfig::demo(), 1);
        for request in &requests {
            let response = sim.handle(request, now);
            prop_assert!((100..600).contains(&response.status));
            prop_assert!(response.body.len() < 64 * 1024, "{} bytes for {:?}", response.body.len(), request);
            let _ = fetch_as_browser(&mut sim, request, "http://127.0.0.1:8080", now);
        }
    }
}

#[test]
fn the_request_that_overflowed_gets_an_empty_page() {
    let mut sim = Sim::new(SimConfig::demo(), 1);
    for query in ["offset=18446744073709551615&limit=1", "offset=4294967295&limit=1"] {
        let request = HttpRequest::new("GET", &format!("http://127.0.0.1:8181/ords/demo/hr/departments/?{query}"));
        let response = sim.handle(&request, 0);
        assert_eq!(response.status, 200);
        assert!(response.body.starts_with(r#"{"items":[],"hasMore":false"#), "{}", response.body);
    }
}
