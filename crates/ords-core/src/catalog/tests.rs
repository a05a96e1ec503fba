use super::*;

/// Shaped as ORDS serves it (items with describes, canonical and alternate links).
const METADATA: &str = r#"{
  "items": [
    { "name": "HTP", "links": [
      { "rel": "describes", "href": "http://localhost:8080/ords/hr/htp/" },
      { "rel": "canonical", "href": "http://localhost:8080/ords/hr/metadata-catalog/htp/",
        "mediaType": "application/json" },
      { "rel": "alternate", "href": "http://localhost:8080/ords/hr/open-api-catalog/HTP/",
        "mediaType": "application/openapi+json" } ] },
    { "name": "EMPLOYEES", "links": [
      { "rel": "describes", "href": "http://localhost:8080/ords/hr/employees/" } ] }
  ],
  "hasMore": false,
  "links": [ { "rel": "self", "href": "http://localhost:8080/ords/hr/metadata-catalog/" } ]
}"#;

const OPENAPI3: &str = r#"{
  "openapi": "3.0.0",
  "info": { "title": "ORDS generated API for hr", "version": "1.0.0" },
  "servers": [ { "url": "http://localhost:8080/ords/hr/hr/" } ],
  "paths": {
    "/employees/": {
      "get": { "description": "Retrieve records from hr", "security": [ { "oauth2": [] } ], "responses": {} } },
    "/employees/{id}": {
      "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
      "get": { "security": [ { "oauth2": [] } ], "responses": {} },
      "delete": { "security": [], "responses": {} } },
    "/departments/": { "get": { "responses": {} } }
  }
}"#;

const SWAGGER2: &str = r#"{
  "swagger": "2.0",
  "info": { "title": "ORDS generated API for HTP", "version": "1.0.0" },
  "host": "localhost:8080",
  "basePath": "/ords/hr/htp",
  "schemes": [ "http" ],
  "security": [ { "basic": [] } ],
  "paths": { "/page/{p1}/{p2}": { "get": { "summary": "A page", "parameters": [ { "name": "p1", "in": "path" } ] } } }
}"#;

#[test]
fn the_catalog_lists_entries_with_their_openapi_documents() {
    let entries = parse_metadata_catalog(METADATA).unwrap();
    assert_eq!(
        entries,
        [
            CatalogEntry {
                name: "HTP".into(),
                openapi: Some("http://localhost:8080/ords/hr/open-api-catalog/HTP/".into())
            },
            CatalogEntry { name: "EMPLOYEES".into(), openapi: None },
        ]
    );
    assert!(parse_metadata_catalog("{}").unwrap_err().contains("no items"));
    assert!(parse_metadata_catalog("<html>").is_err());
}

#[test]
fn openapi_3_endpoints_with_parameters_and_security() {
    let found = parse_openapi(OPENAPI3).unwrap();
    let summary: Vec<(&str, &str, Option<bool>)> =
        found.iter().map(|e| (e.method.as_str(), e.url.as_str(), e.needs_auth)).collect();
    assert_eq!(
        summary,
        [
            ("GET", "http://localhost:8080/ords/hr/hr/departments/", None),
            ("GET", "http://localhost:8080/ords/hr/hr/employees/", Some(true)),
            ("GET", "http://localhost:8080/ords/hr/hr/employees/{id}", Some(true)),
            ("DELETE", "http://localhost:8080/ords/hr/hr/employees/{id}", Some(false)),
        ]
    );
    assert_eq!(found[2].params, ["id"]);
    assert_eq!(found[1].summary, "Retrieve records from hr");
}

#[test]
fn swagger_2_endpoints_from_host_base_path_and_global_security() {
    let found = parse_openapi(SWAGGER2).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].url, "http://localhost:8080/ords/hr/htp/page/{p1}/{p2}");
    assert_eq!(found[0].params, ["p1", "p2"], "declared, then written in the path");
    assert_eq!(found[0].needs_auth, Some(true));
    assert!(parse_openapi(r#"{"paths":{}}"#).is_err());
}

#[test]
fn bases_parameters_and_refusals() {
    assert_eq!(
        ords_base("https://h.example/ords/hr_api/hr/employees/?q=1").as_deref(),
        Some("https://h.example/ords/hr_api/")
    );
    assert_eq!(
        ords_base("https://h.example/ords/hr_api/oauth/token").as_deref(),
        Some("https://h.example/ords/hr_api/")
    );
    assert_eq!(
        ords_base("https://apex.oracle.com/pls/apex/ws/oauth/token").as_deref(),
        Some("https://apex.oracle.com/pls/apex/ws/")
    );
    assert_eq!(ords_base("https://h.example/api/x"), None);
    assert_eq!(
        fill_path("https://h/ords/a/hr/employees/{id}", &[("id".into(), "1 0/7".into())]),
        "https://h/ords/a/hr/employees/1%200%2F7"
    );
    assert_eq!(catalog_refusal(401, "u").unwrap().id, FindingId::CatalogProtected);
    assert_eq!(catalog_refusal(404, "u").unwrap().id, FindingId::CatalogNotFound);
    assert!(catalog_refusal(500, "u").is_none());
}
