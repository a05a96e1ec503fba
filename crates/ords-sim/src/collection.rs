//! The ORDS collection envelope: `items`, `hasMore`, `limit`, `offset`, `count`, `links`,
//! paged by `?offset=` and `?limit=`; `next` only when there are more rows.

use crate::json::{array, link, object};
use ords_core::HttpResponse;

/// One collection page request.
pub struct Page<'a> {
    /// How many rows the collection holds.
    pub total: usize,
    /// Encodes the rows of a range (only the page's rows are ever encoded).
    pub rows: &'a dyn Fn(std::ops::Range<usize>) -> crate::hr::Rows,
    /// `<origin>/ords/<alias>/hr/employees/`.
    pub collection_url: String,
    pub describedby: String,
    /// The URL as requested, for the `self` link.
    pub self_url: &'a str,
    pub query: Option<&'a str>,
    pub page_size: usize,
    /// AutoREST collections also carry an `edit` link.
    pub edit_link: bool,
    pub prev_link: bool,
}

/// Answers a GET carrying the current ETag in `If-None-Match` (a list, `*`, or weak `W/`)
/// with 304 Not Modified: no body, the ETag kept.
pub fn not_modified(request: &ords_core::HttpRequest, response: &mut HttpResponse) {
    let Some(etag) = response.header("ETag").map(str::to_owned) else { return };
    let Some(asked) = request.header("If-None-Match") else { return };
    let strip = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    if asked.split(',').any(|t| t.trim() == "*" || strip(t) == strip(&etag)) {
        *response = HttpResponse {
            status: 304,
            reason: ords_core::reason_phrase(304).to_owned(),
            headers: vec![("ETag".into(), etag)],
            body: String::new(),
        };
    }
}

fn query_number(query: Option<&str>, key: &str) -> Option<usize> {
    query?.split('&').find_map(|pair| pair.strip_prefix(key)?.strip_prefix('=')?.parse().ok())
}

/// FNV-1a over the body: a stable strong ETag, as ORDS sends on GETs.
pub fn etag(body: &str) -> String {
    let hash = body.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3));
    format!("\"{hash:016x}\"")
}

/// A 200 JSON response with its ETag.
pub fn json_ok(body: String) -> HttpResponse {
    let mut r = crate::problem::respond(200, "application/json", body);
    r.headers.push(("ETag".into(), etag(&r.body)));
    r
}

/// Renders the requested page.
pub fn render(page: Page<'_>) -> HttpResponse {
    let total = page.total;
    let offset = query_number(page.query, "offset").unwrap_or(0);
    let explicit_limit = query_number(page.query, "limit").filter(|l| *l > 0);
    let limit = explicit_limit.unwrap_or(page.page_size).min(100_000);
    // Both numbers come from the query string: saturate, never overflow.
    let end = offset.saturating_add(limit).min(total);
    let start = offset.min(total);
    let has_more = end < total;
    let (rows, ids) = (page.rows)(start..end);
    let items: Vec<String> = rows
        .iter()
        .zip(&ids)
        .map(|(fields, id)| {
            let mut fields = fields.clone();
            fields.push(("links", array(&[link("self", &format!("{}{id}", page.collection_url))])));
            object(&fields)
        })
        .collect();
    let limit_part = explicit_limit.map(|l| format!("&limit={l}")).unwrap_or_default();
    let mut links = vec![link("self", page.self_url)];
    if page.edit_link {
        links.push(link("edit", page.self_url));
    }
    links.push(link("describedby", &page.describedby));
    links.push(link("first", &page.collection_url));
    if page.prev_link && offset > 0 {
        let prev = offset.saturating_sub(limit);
        links.push(link("prev", &format!("{}?offset={prev}{limit_part}", page.collection_url)));
    }
    if has_more {
        links.push(link("next", &format!("{}?offset={end}{limit_part}", page.collection_url)));
    }
    json_ok(object(&[
        ("items", array(&items)),
        ("hasMore", has_more.to_string()),
        ("limit", limit.to_string()),
        ("offset", offset.to_string()),
        ("count", items.len().to_string()),
        ("links", array(&links)),
    ]))
}
