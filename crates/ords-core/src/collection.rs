//! Reading an ORDS collection page: its paging numbers and the links to follow. Links are
//! taken from the response, never built by guessing offsets.

use serde::de::IgnoredAny;
use serde::Deserialize;

/// The paging facts of one ORDS collection response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollectionPage {
    pub offset: u64,
    pub limit: u64,
    /// Items in this page (ORDS's `count`).
    pub count: u64,
    pub has_more: bool,
    /// `(rel, href)` in the server's order.
    pub links: Vec<(String, String)>,
}

impl CollectionPage {
    /// Reads the envelope (`items`, `limit`, `offset`, `count`, `hasMore`, `links`), if it is one.
    /// The items are counted, not built: a 10 MB page must not allocate a value per field.
    pub fn parse(body: &str) -> Option<Self> {
        let raw: RawPage = serde_json::from_str(body).ok()?;
        let items = raw.items?.0;
        Some(Self {
            offset: raw.offset.unwrap_or(0),
            limit: raw.limit.unwrap_or(0),
            count: raw.count.unwrap_or(items),
            has_more: raw.has_more.unwrap_or(false),
            links: raw.links.into_iter().filter_map(|l| Some((l.rel?, l.href?))).collect(),
        })
    }

    /// The helper's answer (`collection_page`): the page reads collections through the helper,
    /// whose typed JSON reader is not part of the first load.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "offset": self.offset, "limit": self.limit, "count": self.count, "has_more": self.has_more,
            "links": self.links,
        })
    }

    /// Reads [`Self::to_json`]'s form; anything else is no page.
    pub fn from_json(v: &serde_json::Value) -> Option<Self> {
        let number = |k: &str| v.get(k).and_then(serde_json::Value::as_u64);
        let links = v.get("links")?.as_array()?;
        let pair = |l: &serde_json::Value| Some((l.get(0)?.as_str()?.to_owned(), l.get(1)?.as_str()?.to_owned()));
        Some(Self {
            offset: number("offset")?,
            limit: number("limit")?,
            count: number("count")?,
            has_more: v.get("has_more")?.as_bool()?,
            links: links.iter().filter_map(pair).collect(),
        })
    }

    /// The href of the first link with this rel.
    pub fn link(&self, rel: &str) -> Option<&str> {
        self.links.iter().find(|(r, _)| r == rel).map(|(_, h)| h.as_str())
    }

    /// `Items 26–32 · page 2` (or `No items` on an empty page).
    pub fn indicator(&self) -> String {
        if self.count == 0 {
            return "No items on this page".to_owned();
        }
        // Numbers from a response: saturate rather than overflow on absurd ones.
        let page = self.offset.checked_div(self.limit).map_or(1, |p| p.saturating_add(1));
        let more = if self.has_more { ", more follow" } else { ", last page" };
        let (first, last) = (self.offset.saturating_add(1), self.offset.saturating_add(self.count));
        format!("Items {first}–{last} · page {page}{more}")
    }
}

/// The first `limit=` or `offset=` of a query that is not a whole number of rows ORDS can read
/// (absent is fine), as written, at most 40 characters: ORDS refuses it with 400 before any
/// handler runs. The simulator refuses by it, the diagnosis explains by it.
pub fn bad_paging(query: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let whole = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) && value.parse::<u64>().is_ok();
        (matches!(key, "limit" | "offset") && !whole).then(|| pair.chars().take(40).collect())
    })
}

/// Why a link from a response is not followed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkRefusal {
    /// Not an http(s) URL the page can call.
    NotHttp(String),
    /// From an https resource to http: the credentials would cross the network in clear.
    Downgrade { to: String },
}

impl std::fmt::Display for LinkRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotHttp(why) => write!(f, "The response's link is not a URL this page can call ({why})."),
            Self::Downgrade { to } => write!(
                f,
                "Not followed: the response's link leaves https for {to}, where your credentials would travel \
                    unencrypted."
            ),
        }
    }
}

/// The URL a response's link leads to from `current` (absolute, or a path on the same
/// origin), refused when it is not http(s) or drops from https to http.
pub fn follow_link(current: &str, href: &str) -> Result<String, LinkRefusal> {
    let from = crate::url::HttpUrl::parse(current).map_err(|e| LinkRefusal::NotHttp(e.to_string()))?;
    let target = if href.starts_with('/') && !href.starts_with("//") {
        format!("{}{href}", from.origin())
    } else {
        href.to_owned()
    };
    let to = crate::url::HttpUrl::parse(&target).map_err(|e| LinkRefusal::NotHttp(e.to_string()))?;
    if from.scheme == "https" && to.scheme == "http" {
        return Err(LinkRefusal::Downgrade { to: to.origin() });
    }
    Ok(target)
}

#[derive(Deserialize)]
struct RawPage {
    items: Option<Counted>,
    offset: Option<u64>,
    limit: Option<u64>,
    count: Option<u64>,
    #[serde(rename = "hasMore")]
    has_more: Option<bool>,
    #[serde(default)]
    links: Vec<RawLink>,
}

#[derive(Deserialize)]
struct RawLink {
    rel: Option<String>,
    href: Option<String>,
}

/// The length of a JSON array whose elements are skipped unread.
struct Counted(u64);

impl<'de> Deserialize<'de> for Counted {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Counted;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Counted, A::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Counted(n))
            }
        }
        d.deserialize_seq(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE_2: &str = r#"{"items":[{"a":1},{"a":2}],"hasMore":false,"limit":25,"offset":25,"count":2,
        "links":[{"rel":"self","href":"https://h/ords/a/hr/employees/?offset=25"},
                 {"rel":"first","href":"https://h/ords/a/hr/employees/"},
                 {"rel":"prev","href":"https://h/ords/a/hr/employees/?offset=0"}]}"#;

    #[test]
    fn a_page_survives_the_helpers_json_and_nothing_else_is_a_page() {
        let page = CollectionPage::parse(PAGE_2).unwrap();
        assert_eq!(CollectionPage::from_json(&page.to_json()), Some(page));
        for other in [serde_json::Value::Null, serde_json::json!({"offset": 1}), serde_json::json!([1, 2])] {
            assert_eq!(CollectionPage::from_json(&other), None, "{other}");
        }
    }

    #[test]
    fn reads_paging_and_links_from_the_response() {
        let page = CollectionPage::parse(PAGE_2).unwrap();
        assert_eq!((page.offset, page.limit, page.count, page.has_more), (25, 25, 2, false));
        assert_eq!(page.link("first"), Some("https://h/ords/a/hr/employees/"));
        assert_eq!(page.link("prev"), Some("https://h/ords/a/hr/employees/?offset=0"));
        assert_eq!(page.link("next"), None, "never guessed");
        assert_eq!(page.indicator(), "Items 26–27 · page 2, last page");
    }

    #[test]
    fn absurd_numbers_saturate() {
        let page = CollectionPage::parse(
            r#"{"items":[1],"offset":18446744073709551615,"limit":1,"count":18446744073709551615}"#,
        )
        .unwrap();
        assert_eq!(
            page.indicator(),
            "Items 18446744073709551615–18446744073709551615 · page 18446744073709551615, last page"
        );
    }

    #[test]
    fn links_are_followed_on_http_and_never_down_to_http() {
        assert_eq!(follow_link("https://h/ords/a/e/", "https://other/x"), Ok("https://other/x".into()));
        assert_eq!(
            follow_link("https://h/ords/a/e/", "/ords/a/e/?offset=25"),
            Ok("https://h/ords/a/e/?offset=25".into())
        );
        assert_eq!(
            follow_link("https://h/e/", "http://h/e/?offset=25"),
            Err(LinkRefusal::Downgrade { to: "http://h".into() })
        );
        assert!(matches!(follow_link("https://h/e/", "javascript:alert(1)"), Err(LinkRefusal::NotHttp(_))));
        assert!(matches!(follow_link("https://h/e/", "//evil/x"), Err(LinkRefusal::NotHttp(_))));
        assert_eq!(
            LinkRefusal::Downgrade { to: "http://h".into() }.to_string(),
            "Not followed: the response's link leaves https for http://h, where your credentials would travel \
                unencrypted."
        );
    }

    #[test]
    fn non_collections_are_not_pages() {
        assert_eq!(CollectionPage::parse(r#"{"employee_id":100}"#), None);
        assert_eq!(CollectionPage::parse("<html>"), None);
        let empty = CollectionPage::parse(r#"{"items":[],"hasMore":false,"limit":25,"offset":0,"count":0}"#).unwrap();
        assert_eq!(empty.indicator(), "No items on this page");
    }
}
