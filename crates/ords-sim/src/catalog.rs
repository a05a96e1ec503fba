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
pub fn item(
    all: &[crate::config::Employee],
    base: &str,
    collection: &str,
    id: &str,
    autorest: bool,
) -> Option<HttpResponse> {
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
        let entries: Vec<String> = ["hr/employees/", "hr/departments/", "employees/"]
            .iter()
            .map(|p| {
                let links =
                    array(&[link("describes", &format!("{base}/{p}")), link("canonical", &format!("{catalog}{p}"))]);
                object(&[("name", string(p.trim_end_matches('/'))), ("links", links)])
            })
            .collect();
        return Some(json_ok(object(&[("items", array(&entries)), ("links", array(&[link("self", &catalog)]))])));
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
