//! Which ORDS handler a URL reaches, and which methods it has.

/// A handler of the simulated ORDS, after `/ords/<alias>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Token,
    Employees,
    Employee(String),
    Departments,
    Notes,
    Note(String),
    AutoRestEmployees,
    AutoRestEmployee(String),
    Catalog(String),
    OpenApi(String),
    Unknown,
}

/// A URL split into the alias and the path below it (`/hr/employees/`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub alias: String,
    pub path: String,
    pub route: Route,
}

impl Route {
    /// The methods this template has handlers for.
    pub fn methods(&self) -> &'static [&'static str] {
        match self {
            Self::Token => &["POST"],
            Self::Notes => &["GET", "POST"],
            Self::Note(_) => &["GET", "PUT", "DELETE"],
            Self::Unknown => &[],
            _ => &["GET"],
        }
    }

    /// A collection query, paged by `limit` and `offset`.
    pub fn is_collection(&self) -> bool {
        matches!(self, Self::Employees | Self::Departments | Self::AutoRestEmployees)
    }

    /// `Access-Control-Allow-Methods` for a preflight.
    pub fn allow_methods(&self) -> String {
        let mut list = self.methods().to_vec();
        list.push("OPTIONS");
        list.join(", ")
    }
}

/// Routes an absolute path; `None` when it is not under `/ords/<alias>/` of a served alias.
pub fn route(path: &str, serves: impl Fn(&str) -> bool) -> Option<Target> {
    let rest = path.strip_prefix("/ords/")?;
    let (alias, below) = rest.split_once('/').map(|(a, b)| (a, format!("/{b}"))).unwrap_or((rest, String::new()));
    if !serves(alias) {
        return None;
    }
    let parts: Vec<&str> = below.trim_start_matches('/').split('/').collect();
    let route = match parts.as_slice() {
        ["oauth", "token"] => Route::Token,
        ["hr", "employees", ""] => Route::Employees,
        ["hr", "employees", id] if !id.is_empty() => Route::Employee(id.to_string()),
        ["hr", "departments", ""] => Route::Departments,
        ["hr", "notes", ""] => Route::Notes,
        ["hr", "notes", id] if !id.is_empty() => Route::Note(id.to_string()),
        ["employees", ""] => Route::AutoRestEmployees,
        ["employees", id] if !id.is_empty() => Route::AutoRestEmployee(id.to_string()),
        ["metadata-catalog", ..] => Route::Catalog(below.trim_start_matches("/metadata-catalog/").to_owned()),
        ["open-api-catalog", ..] => Route::OpenApi(below.trim_start_matches("/open-api-catalog/").to_owned()),
        _ => Route::Unknown,
    };
    Some(Target { alias: alias.to_owned(), path: below, route })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(path: &str) -> Option<Route> {
        route(path, |a| a == "demo").map(|t| t.route)
    }

    #[test]
    fn templates_match_as_ords_does_trailing_slash_included() {
        assert_eq!(r("/ords/demo/oauth/token"), Some(Route::Token));
        assert_eq!(r("/ords/demo/hr/employees/"), Some(Route::Employees));
        assert_eq!(r("/ords/demo/hr/employees"), Some(Route::Unknown));
        assert_eq!(r("/ords/demo/hr/employees/101"), Some(Route::Employee("101".into())));
        assert_eq!(
            r("/ords/demo/metadata-catalog/hr/employees/item"),
            Some(Route::Catalog("hr/employees/item".into()))
        );
        assert_eq!(r("/ords/other/hr/employees/"), None);
        assert_eq!(r("/ords/demo/oauth2/token"), Some(Route::Unknown));
        assert_eq!(Route::Note("1".into()).allow_methods(), "GET, PUT, DELETE, OPTIONS");
    }
}
