//! One test per documented (doc/staff) fact of docs/ords-behaviour.md not already pinned in model.rs,
//! named after the fact, with hand-written expected values.

mod common;
use common::*;
use ords_core::HttpRequest;
use ords_sim::{Sim, SimConfig};

#[test]
fn fact_lifetime_is_per_client_token_duration() {
    let mut s = sim_with(|c| c.clients[0].token_lifetime_s = 7200);
    let r = s.handle(&token_request_at(BASE, DEMO_BASIC), T0);
    assert_eq!(json(&r)["expires_in"], 7200);
}

#[test]
fn fact_two_secret_slots_let_the_old_secret_work_until_revoked() {
    // base64("Te8yn-qGmBoX6jzpPhnUXA..:new-secret..")
    let new_basic = "Basic VGU4eW4tcUdtQm9YNmp6cFBoblVYQS4uOm5ldy1zZWNyZXQuLg==";
    let mut s = sim_with(|c| c.clients[0].secrets.push("new-secret..".into()));
    assert_eq!(s.handle(&token_request_at(BASE, DEMO_BASIC), T0).status, 200, "slot 1 (old)");
    assert_eq!(s.handle(&token_request_at(BASE, new_basic), T0).status, 200, "slot 2 (new)");
    let mut revoked = sim_with(|c| c.clients[0].secrets = vec!["new-secret..".into()]);
    assert_eq!(revoked.handle(&token_request_at(BASE, DEMO_BASIC), T0).status, 401);
}

#[test]
fn fact_html_mode_401_is_a_page_with_a_sign_in_link() {
    let mut s = sim_with(|c| c.switches.error_format = ords_sim::ErrorFormat::Html);
    let r = s.handle(&HttpRequest::new("GET", &format!("{BASE}/hr/employees/")), T0);
    assert_eq!((r.status, r.header("Content-Type")), (401, Some("text/html")));
    assert!(r.body.starts_with("<!DOCTYPE html>") && r.body.contains(">Sign in</a>"));
}

#[test]
fn fact_collection_links_describedby_points_to_metadata_catalog_and_resolves() {
    let mut s = sim_with(|_| {});
    let auth = bearer(&mut s);
    let body = json(&s.handle(&get("/hr/employees/", &auth), T0));
    let described = body["links"][1]["href"].as_str().unwrap().to_owned();
    assert_eq!(described, "http://127.0.0.1:8181/ords/demo/metadata-catalog/hr/employees/");
    let catalog = s.handle(&HttpRequest::new("GET", &described), T0);
    assert_eq!(catalog.status, 200);
    assert_eq!(json(&catalog)["members"][0]["name"], "employee_id");
}

#[test]
fn fact_collection_limit_and_offset_parameters_page_it() {
    let mut s = sim_with(|_| {});
    let auth = bearer(&mut s);
    let body = json(&s.handle(&get("/hr/employees/?offset=5&limit=7", &auth), T0));
    assert_eq!((body["limit"].as_u64(), body["offset"].as_u64(), body["count"].as_u64()), (Some(7), Some(5), Some(7)));
    assert_eq!(body["items"][0]["employee_id"], 105);
    assert_eq!(body["links"][3]["href"], format!("{BASE}/hr/employees/?offset=12&limit=7"));
}

#[test]
fn fact_custom_item_handler_returns_the_row_with_links() {
    let mut s = sim_with(|_| {});
    let auth = bearer(&mut s);
    let item = json(&s.handle(&get("/hr/employees/102", &auth), T0));
    assert_eq!(item["last_name"], "De Haan");
    assert_eq!(rels(&item), ["self", "describedby", "collection"]);
    assert!(item.get("items").is_none(), "no collection envelope on an item");
}

#[test]
fn fact_autorest_collection_has_item_self_links_and_edit() {
    let mut s = sim_with(|_| {});
    let auth = bearer(&mut s);
    let body = json(&s.handle(&get("/employees/", &auth), T0));
    assert_eq!(rels(&body), ["self", "edit", "describedby", "first", "next"]);
    assert_eq!(body["links"][2]["href"], format!("{BASE}/metadata-catalog/employees/"));
    assert_eq!(body["items"][0]["links"][0]["href"], format!("{BASE}/employees/100"));
    let item = json(&s.handle(&get("/employees/100", &auth), T0));
    assert_eq!(rels(&item), ["self", "edit", "describedby", "collection"]);
    assert_eq!(item["links"][2]["href"], format!("{BASE}/metadata-catalog/employees/item"));
}

#[test]
fn fact_privilege_pattern_protects_and_unmapped_resources_are_public() {
    let mut s = sim_with(|_| {});
    assert_eq!(s.handle(&HttpRequest::new("GET", &format!("{BASE}/hr/employees/")), T0).status, 401);
    let public = s.handle(&HttpRequest::new("GET", &format!("{BASE}/hr/departments/")), T0);
    assert_eq!(public.status, 200);
    assert_eq!(json(&public)["items"][0]["department_name"], "Administration");
}

#[test]
fn fact_module_privilege_protects_every_template_of_the_module() {
    let mut s = sim_with(|c| c.privileges[0].modules.push("hr".into()));
    assert_eq!(s.handle(&HttpRequest::new("GET", &format!("{BASE}/hr/departments/")), T0).status, 401);
}

#[test]
fn fact_client_without_the_role_gets_401_with_a_fresh_token() {
    let mut s = sim_with(|c| c.clients[0].roles.clear());
    let auth = bearer(&mut s);
    let r = s.handle(&get("/hr/employees/", &auth), T0);
    assert_eq!((r.status, r.header("WWW-Authenticate")), (401, Some(ords_sim::BEARER_CHALLENGE)));
}

#[test]
fn fact_basic_user_roles_grant_access_and_bad_basic_gets_401() {
    let mut s = sim_with(|_| {});
    assert_eq!(s.handle(&get("/hr/employees/", USER_BASIC), T0).status, 200);
    let mut no_role = sim_with(|c| c.users[0].roles.clear());
    assert_eq!(no_role.handle(&get("/hr/employees/", USER_BASIC), T0).status, 401);
}

#[test]
fn fact_token_from_another_alias_is_refused() {
    let mut s = sim_with(|_| {});
    let auth = bearer(&mut s);
    let other =
        HttpRequest::new("GET", "http://127.0.0.1:8181/ords/sales/hr/employees/").with_header("Authorization", &auth);
    assert_eq!(s.handle(&other, T0).status, 401);
    let sales_token = s.handle(&token_request_at("http://127.0.0.1:8181/ords/sales", DEMO_BASIC), T0);
    assert_eq!(sales_token.status, 401, "the demo client belongs to the demo alias");
}

#[test]
fn fact_555_user_defined_resource_error_repeats_the_number() {
    let mut s = sim_with(|c| c.switches.handler_error = true);
    let auth = bearer(&mut s);
    let r = s.handle(&get("/hr/employees/", &auth), T0);
    assert_eq!((r.status, r.reason.as_str()), (555, "555"));
    assert_eq!(json(&r)["code"], "UserDefinedResourceError");
    assert_eq!(json(&r)["type"], "tag:oracle.com,2020:error/UserDefinedResourceError");
}

#[test]
fn fact_570_account_is_locked_repeats_the_number() {
    let mut s = sim_with(|c| c.switches.account_locked = true);
    let r = s.handle(&get("/hr/employees/", USER_BASIC), T0);
    assert_eq!((r.status, r.reason.as_str()), (570, "570"));
    assert_eq!(json(&r)["code"], "AccountIsLocked");
}

#[test]
fn fact_405_method_not_allowed_problem_json() {
    let mut s = sim_with(|_| {});
    let r = s.handle(
        &HttpRequest::new("DELETE", &format!("{BASE}/hr/employees/")).with_header("Authorization", USER_BASIC),
        T0,
    );
    assert_eq!((r.status, json(&r)["code"].as_str()), (405, Some("MethodNotAllowed")));
    assert_eq!(r.header("Allow"), Some("GET"));
}

#[test]
fn fact_writable_resource_post_put_delete_in_memory() {
    let mut s = sim_with(|_| {});
    let post = HttpRequest::new("POST", &format!("{BASE}/hr/notes/"))
        .with_header("Authorization", USER_BASIC)
        .with_header("Content-Type", "application/json")
        .with_body(r#"{"text":"first"}"#);
    let created = s.handle(&post, T0);
    assert_eq!((created.status, created.header("Location")), (201, Some(format!("{BASE}/hr/notes/1").as_str())));
    let put = HttpRequest::new("PUT", &format!("{BASE}/hr/notes/1"))
        .with_header("Authorization", USER_BASIC)
        .with_body(r#"{"text":"changed"}"#);
    assert_eq!(json(&s.handle(&put, T0))["text"], "changed");
    let bad =
        HttpRequest::new("PUT", &format!("{BASE}/hr/notes/1")).with_header("Authorization", USER_BASIC).with_body("x");
    assert_eq!(s.handle(&bad, T0).status, 400);
    let delete = HttpRequest::new("DELETE", &format!("{BASE}/hr/notes/1")).with_header("Authorization", USER_BASIC);
    assert_eq!(s.handle(&delete, T0).status, 204);
    assert_eq!(s.handle(&get("/hr/notes/1", USER_BASIC), T0).status, 404);
    let fresh = SimConfig::demo();
    assert_eq!(fresh.privileges[0].patterns, ["/hr/employees/*", "/hr/notes/*", "/employees/*"]);
}

#[test]
fn fact_client_allowed_origins_are_url_prefixes() {
    let mut s = sim_with(|c| c.clients[0].allowed_origins = vec!["https://docs.example.com/playground/".into()]);
    let from = |origin: &str| token_request_at(BASE, DEMO_BASIC).with_header("Origin", origin);
    let ok = s.handle(&from("https://docs.example.com"), T0);
    assert_eq!(ok.header("Access-Control-Allow-Origin"), Some("https://docs.example.com"));
    assert_eq!(s.handle(&from("https://docs.example.org"), T0).status, 403);
}

#[test]
fn data_generated_rows_make_a_ten_megabyte_collection_page() {
    let mut s = sim_with(|c| c.generate_employees(50_000));
    let auth = bearer(&mut s);
    let r = s.handle(&get("/hr/employees/?limit=50000", &auth), T0);
    let body = json(&r);
    assert_eq!((body["count"].as_u64(), body["hasMore"].as_bool()), (Some(50_000), Some(false)));
    assert!(r.body.len() > 9_000_000, "{} bytes", r.body.len());
    assert_eq!(body["items"][49_999]["employee_id"], 50_099);
}

#[test]
fn the_catalog_lists_modules_and_objects_with_openapi_3_documents_the_core_reads() {
    let mut sim = Sim::new(SimConfig::demo(), 3);
    let get = |sim: &mut Sim, path: &str, auth: &str| {
        let mut r = HttpRequest::new("GET", &format!("{BASE}{path}"));
        if !auth.is_empty() {
            r = r.with_header("Authorization", auth);
        }
        sim.handle(&r, T0)
    };
    let catalog = get(&mut sim, "/metadata-catalog/", "");
    assert_eq!(catalog.status, 200);
    let entries = ords_core::catalog::parse_metadata_catalog(&catalog.body).unwrap();
    assert_eq!(entries.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["hr", "employees"]);
    let doc = get(&mut sim, "/open-api-catalog/hr/", "");
    assert_eq!(doc.header("Content-Type"), Some("application/openapi+json"));
    let endpoints = ords_core::catalog::parse_openapi(&doc.body).unwrap();
    let employees = endpoints.iter().find(|e| e.url == format!("{BASE}/hr/employees/")).unwrap();
    assert_eq!((employees.method.as_str(), employees.needs_auth), ("GET", Some(true)));
    let departments = endpoints.iter().find(|e| e.url == format!("{BASE}/hr/departments/")).unwrap();
    assert_eq!(departments.needs_auth, Some(false));
    let one = endpoints.iter().find(|e| e.url.ends_with("/hr/notes/{id}") && e.method == "DELETE").unwrap();
    assert_eq!(one.params, ["id"]);
    // p_auto_rest_auth => TRUE: the demo credentials do not hold the schema's AutoREST role.
    let mut locked = SimConfig::demo();
    locked.protect_catalog();
    let mut sim = Sim::new(locked, 3);
    assert_eq!(get(&mut sim, "/metadata-catalog/", "").status, 401);
    assert_eq!(get(&mut sim, "/open-api-catalog/hr/", USER_BASIC).status, 401);
}

#[test]
fn fact_gets_carry_an_etag_and_if_none_match_gets_304_without_a_body() {
    let mut s = sim_with(|_| {});
    let auth = bearer(&mut s);
    let first = s.handle(&get("/hr/employees/", &auth), T0);
    let etag = first.header("ETag").expect("an ETag on a GET").to_owned();
    for asked in [etag.clone(), format!("W/{etag}"), format!("\"other\", {etag}"), "*".to_owned()] {
        let again = s.handle(&get("/hr/employees/", &auth).with_header("If-None-Match", &asked), T0);
        assert_eq!((again.status, again.reason.as_str(), again.body.as_str()), (304, "Not Modified", ""), "{asked}");
        assert_eq!(again.header("ETag"), Some(etag.as_str()));
    }
    let changed = s.handle(&get("/hr/employees/", &auth).with_header("If-None-Match", "\"stale\""), T0);
    assert_eq!((changed.status, changed.body.is_empty()), (200, false), "another ETag: the full answer");
    let other_page = s.handle(&get("/hr/employees/?offset=25", &auth).with_header("If-None-Match", &etag), T0);
    assert_eq!(other_page.status, 200, "each page has its own ETag");
}

#[test]
fn fact_limit_and_offset_that_are_not_whole_numbers_get_ords_own_400() {
    let mut s = sim_with(|_| {});
    let auth = bearer(&mut s);
    for query in ["limit=abc", "offset=-1", "limit=1.5", "limit=", "offset=99999999999999999999"] {
        let r = s.handle(&get(&format!("/hr/employees/?{query}"), &auth), T0);
        assert_eq!((r.status, r.header("Content-Type")), (400, Some("application/problem+json")), "{query}");
        let body = json(&r);
        assert_eq!(
            (body["code"].as_str(), body["title"].as_str()),
            (Some("BadRequest"), Some("Bad Request")),
            "{query}"
        );
        assert_eq!(body["type"], "tag:oracle.com,2020:error/BadRequest");
        assert!(body["message"].as_str().unwrap().contains(query), "{body}");
    }
    for query in ["limit=0", "offset=0&limit=7", "offset=18446744073709551615&limit=1", "q={}"] {
        assert_eq!(s.handle(&get(&format!("/hr/employees/?{query}"), &auth), T0).status, 200, "{query}");
    }
    // Before any handler runs: the failing handler's 555 does not come first.
    let mut failing = sim_with(|c| c.switches.handler_error = true);
    let auth = bearer(&mut failing);
    assert_eq!(failing.handle(&get("/hr/employees/?limit=abc", &auth), T0).status, 400);
}
