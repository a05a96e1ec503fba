//! The `hr` module: `employees/` (a paged collection) and `employees/:id` (one row), with
//! rows from Oracle's HR sample schema.

use crate::json::{array, link, object, string};
use ords_core::HttpResponse;

/// (employee_id, first_name, last_name, email, job_id, hire_date, salary, department_id)
type Row = (u32, &'static str, &'static str, &'static str, &'static str, &'static str, u32, u32);

const EMPLOYEES: [Row; 32] = [
    (100, "Steven", "King", "SKING", "AD_PRES", "2013-06-17", 24000, 90),
    (101, "Neena", "Kochhar", "NKOCHHAR", "AD_VP", "2015-09-21", 17000, 90),
    (102, "Lex", "De Haan", "LDEHAAN", "AD_VP", "2011-01-13", 17000, 90),
    (103, "Alexander", "Hunold", "AHUNOLD", "IT_PROG", "2016-01-03", 9000, 60),
    (104, "Bruce", "Ernst", "BERNST", "IT_PROG", "2017-05-21", 6000, 60),
    (105, "David", "Austin", "DAUSTIN", "IT_PROG", "2015-06-25", 4800, 60),
    (106, "Valli", "Pataballa", "VPATABAL", "IT_PROG", "2016-02-05", 4800, 60),
    (107, "Diana", "Lorentz", "DLORENTZ", "IT_PROG", "2017-02-07", 4200, 60),
    (108, "Nancy", "Greenberg", "NGREENBE", "FI_MGR", "2012-08-17", 12008, 100),
    (109, "Daniel", "Faviet", "DFAVIET", "FI_ACCOUNT", "2012-08-16", 9000, 100),
    (110, "John", "Chen", "JCHEN", "FI_ACCOUNT", "2015-09-28", 8200, 100),
    (111, "Ismael", "Sciarra", "ISCIARRA", "FI_ACCOUNT", "2015-09-30", 7700, 100),
    (112, "Jose Manuel", "Urman", "JMURMAN", "FI_ACCOUNT", "2016-03-07", 7800, 100),
    (113, "Luis", "Popp", "LPOPP", "FI_ACCOUNT", "2017-12-07", 6900, 100),
    (114, "Den", "Raphaely", "DRAPHEAL", "PU_MAN", "2012-12-07", 11000, 30),
    (115, "Alexander", "Khoo", "AKHOO", "PU_CLERK", "2013-05-18", 3100, 30),
    (116, "Shelli", "Baida", "SBAIDA", "PU_CLERK", "2015-12-24", 2900, 30),
    (117, "Sigal", "Tobias", "STOBIAS", "PU_CLERK", "2015-07-24", 2800, 30),
    (118, "Guy", "Himuro", "GHIMURO", "PU_CLERK", "2016-11-15", 2600, 30),
    (119, "Karen", "Colmenares", "KCOLMENA", "PU_CLERK", "2017-08-10", 2500, 30),
    (120, "Matthew", "Weiss", "MWEISS", "ST_MAN", "2014-07-18", 8000, 50),
    (121, "Adam", "Fripp", "AFRIPP", "ST_MAN", "2015-04-10", 8200, 50),
    (122, "Payam", "Kaufling", "PKAUFLIN", "ST_MAN", "2013-05-01", 7900, 50),
    (123, "Shanta", "Vollman", "SVOLLMAN", "ST_MAN", "2015-10-10", 6500, 50),
    (124, "Kevin", "Mourgos", "KMOURGOS", "ST_MAN", "2017-11-16", 5800, 50),
    (125, "Julia", "Nayer", "JNAYER", "ST_CLERK", "2015-07-16", 3200, 50),
    (126, "Irene", "Mikkilineni", "IMIKKILI", "ST_CLERK", "2016-09-28", 2700, 50),
    (127, "James", "Landry", "JLANDRY", "ST_CLERK", "2017-01-14", 2400, 50),
    (128, "Steven", "Markle", "SMARKLE", "ST_CLERK", "2018-03-08", 2200, 50),
    (129, "Laura", "Bissot", "LBISSOT", "ST_CLERK", "2015-08-20", 3300, 50),
    (130, "Mozhe", "Atkinson", "MATKINSO", "ST_CLERK", "2015-10-30", 2800, 50),
    (131, "James", "Marlow", "JAMRLOW", "ST_CLERK", "2015-02-16", 2500, 50),
];

fn row_fields(row: &Row) -> Vec<(&'static str, String)> {
    let (id, first, last, email, job, hired, salary, dept) = *row;
    vec![
        ("employee_id", id.to_string()),
        ("first_name", string(first)),
        ("last_name", string(last)),
        ("email", string(email)),
        ("job_id", string(job)),
        ("hire_date", string(&format!("{hired}T00:00:00Z"))),
        ("salary", salary.to_string()),
        ("department_id", dept.to_string()),
    ]
}

/// FNV-1a over the body: a stable strong ETag, as ORDS sends on GETs.
fn etag(body: &str) -> String {
    let hash = body.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
    format!("\"{hash:016x}\"")
}

fn json_ok(body: String) -> HttpResponse {
    let mut r = crate::problem::respond(200, "application/json", body);
    r.headers.push(("ETag".into(), etag(&r.body)));
    r
}

fn query_number(query: Option<&str>, key: &str) -> Option<usize> {
    query?.split('&').find_map(|pair| pair.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
}

/// `GET …/hr/employees/`: the ORDS collection envelope, paged by `offset` and `limit`.
/// `base` is `<origin>/ords/<alias>`; `self_url` the URL as requested.
pub fn collection(base: &str, self_url: &str, query: Option<&str>, page_size: usize) -> HttpResponse {
    let offset = query_number(query, "offset").unwrap_or(0);
    let explicit_limit = query_number(query, "limit").filter(|l| *l > 0);
    let limit = explicit_limit.unwrap_or(page_size).min(10_000);
    let page: Vec<&Row> = EMPLOYEES.iter().skip(offset).take(limit).collect();
    let has_more = offset + page.len() < EMPLOYEES.len();
    let collection_url = format!("{base}/hr/employees/");
    let items: Vec<String> = page
        .iter()
        .map(|row| {
            let mut fields = row_fields(row);
            let href = format!("{collection_url}{}", row.0);
            fields.push(("links", array(&[link("self", &href)])));
            object(&fields)
        })
        .collect();
    let mut links = vec![
        link("self", self_url),
        link("describedby", &format!("{base}/metadata-catalog/hr/employees/")),
        link("first", &collection_url),
    ];
    if has_more {
        let limit_part = explicit_limit.map(|l| format!("&limit={l}")).unwrap_or_default();
        links.push(link("next", &format!("{collection_url}?offset={}{limit_part}", offset + page.len())));
    }
    json_ok(object(&[
        ("items", array(&items)),
        ("hasMore", has_more.to_string()),
        ("limit", limit.to_string()),
        ("offset", offset.to_string()),
        ("count", page.len().to_string()),
        ("links", array(&links)),
    ]))
}

/// `GET …/hr/employees/:id`: one row with its links, or `None` when there is no such id.
pub fn item(base: &str, id: &str) -> Option<HttpResponse> {
    let row = EMPLOYEES.iter().find(|r| r.0.to_string() == id)?;
    let collection_url = format!("{base}/hr/employees/");
    let mut fields = row_fields(row);
    fields.push((
        "links",
        array(&[
            link("self", &format!("{collection_url}{id}")),
            link("describedby", &format!("{base}/metadata-catalog/hr/employees/item")),
            link("collection", &collection_url),
        ]),
    ));
    Some(json_ok(object(&fields)))
}

/// How many rows the collection holds.
pub fn employee_count() -> usize {
    EMPLOYEES.len()
}
