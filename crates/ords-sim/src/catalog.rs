//! Single items (custom `hr/employees/:id` and AutoREST `employees/:id`) and the
//! `metadata-catalog` stubs their `describedby` links point at.

use crate::collection::json_ok;
use crate::hr;
use crate::json::{array, link, object, string};
use ords_core::HttpResponse;

const EMPLOYEE_MEMBERS: [(&str, &str); 8] = [
    ("employee_id", "NUMBER"),
    ("first_name", "VARCHAR2"),
    ("last_name", "VARCHAR2"),
    ("email", "VARCHAR2"),
    ("job_id", "VARCHAR2"),
    ("hire_date", "DATE"),
    ("salary", "NUMBER"),
    ("department_id", "NUMBER"),
];

/// One employee with its links; AutoREST items also carry `edit`.
pub fn item(all: &[hr::Employee], base: &str, collection: &str, id: &str, autorest: bool) -> Option<HttpResponse> {
    let mut fields = hr::employee(all, id)?;
    let self_url = format!("{base}/{collection}{id}");
    let mut links = vec![link("self", &self_url)];
    if autorest {
        links.push(link("edit", &self_url));
    }
    links.push(link("describedby", &format!("{base}/metadata-catalog/{collection}item")));
    links.push(link("collection", &format!("{base}/{collection}")));
    fields.push(("links", array(&links)));
    Some(json_ok(object(&fields)))
}

/// `GET …/metadata-catalog/<path>`: enough description for `describedby` links to resolve.
pub fn describe(base: &str, path: &str) -> Option<HttpResponse> {
    let catalog = format!("{base}/metadata-catalog/");
    if path.is_empty() {
        // The schema's modules and REST-enabled objects, each with its OpenAPI document.
        let entries: Vec<String> = [("hr", "hr/"), ("employees", "employees/")]
            .iter()
            .map(|(name, p)| {
                let links = array(&[
                    link("describes", &format!("{base}/{p}")),
                    link("canonical", &format!("{catalog}{p}")),
                    object(&[
                        ("rel", string("alternate")),
                        ("href", string(&format!("{base}/open-api-catalog/{p}"))),
                        ("mediaType", string("application/openapi+json")),
                    ]),
                ]);
                object(&[("name", string(name)), ("links", links)])
            })
            .collect();
        return Some(json_ok(object(&[
            ("items", array(&entries)),
            ("hasMore", "false".to_owned()),
            ("links", array(&[link("self", &catalog)])),
        ])));
    }
    let (collection, is_item) = match path.strip_suffix("item") {
        Some(c) => (c, true),
        None => (path, false),
    };
    let members: Vec<String> = match collection {
        "hr/employees/" | "employees/" => EMPLOYEE_MEMBERS
            .iter()
            .map(|(name, kind)| object(&[("name", string(name)), ("type", string(kind))]))
            .collect(),
        "hr/departments/" if !is_item => ["department_id", "department_name", "location_id"]
            .iter()
            .map(|name| object(&[("name", string(name))]))
            .collect(),
        _ => return None,
    };
    let name = if is_item { format!("{collection}item") } else { collection.to_owned() };
    let links =
        array(&[link("collection", &format!("{base}/{collection}")), link("canonical", &format!("{catalog}{path}"))]);
    Some(json_ok(object(&[
        ("name", string(&name)),
        (
            "primarykey",
            array(&[string(if collection.contains("department") { "department_id" } else { "employee_id" })]),
        ),
        ("members", array(&members)),
        ("links", links),
    ])))
}

/// `GET …/open-api-catalog/<name>/`: the OpenAPI 3.0 document of the `hr` module or the
/// AutoREST `employees` object (ORDS 22.2+ default), with `security` on what is protected.
pub fn openapi(base: &str, name: &str, protected: impl Fn(&str) -> bool) -> Option<HttpResponse> {
    let (server, paths): (String, &[(&str, &[&str])]) = match name.trim_end_matches('/') {
        "hr" => (
            format!("{base}/hr/"),
            &[
                ("employees/", &["get"]),
                ("employees/{id}", &["get"]),
                ("departments/", &["get"]),
                ("notes/", &["get", "post"]),
                ("notes/{id}", &["get", "put", "delete"]),
            ],
        ),
        "employees" => (format!("{base}/employees/"), &[("", &["get"]), ("{id}", &["get"])]),
        _ => return None,
    };
    let module = name.trim_end_matches('/');
    let entries: Vec<(String, String)> = paths
        .iter()
        .map(|(path, methods)| {
            let full = format!("/{}{}", if module == "hr" { "hr/" } else { "employees/" }, path.replace("{id}", "1"));
            let security = if protected(&full) { array(&[object(&[("oauth2", array(&[]))])]) } else { array(&[]) };
            let parameters = if path.contains("{id}") {
                array(&[object(&[("name", string("id")), ("in", string("path")), ("required", "true".into())])])
            } else {
                array(&[])
            };
            let ops: Vec<(&str, String)> = methods
                .iter()
                .map(|m| {
                    (
                        *m,
                        object(&[
                            ("description", string(&format!("{} {module}/{path}", m.to_ascii_uppercase()))),
                            ("parameters", parameters.clone()),
                            ("security", security.clone()),
                            (
                                "responses",
                                object(&[("200", object(&[("description", string("output of the endpoint"))]))]),
                            ),
                        ]),
                    )
                })
                .collect();
            (format!("/{path}"), object(&ops))
        })
        .collect();
    let borrowed: Vec<(&str, String)> = entries.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    let doc = object(&[
        ("openapi", string("3.0.0")),
        (
            "info",
            object(&[("title", string(&format!("ORDS generated API for {module}"))), ("version", string("1.0.0"))]),
        ),
        ("servers", array(&[object(&[("url", string(&server))])])),
        ("paths", object(&borrowed)),
    ]);
    let mut r = json_ok(doc);
    r.headers.retain(|(k, _)| !k.eq_ignore_ascii_case("content-type"));
    r.headers.push(("Content-Type".into(), "application/openapi+json".into()));
    Some(r)
}
