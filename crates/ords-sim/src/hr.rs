//! Demo data from Oracle's HR sample schema, served by the `hr` module and AutoREST.

use crate::json::string;
use std::ops::Range;

/// A row of the HR `employees` table that the `hr` module and AutoREST serve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Employee {
    pub employee_id: u32,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub job_id: String,
    /// `YYYY-MM-DD`; served as ISO-8601 UTC (`…T00:00:00Z`), as ORDS does for DATE columns.
    pub hire_date: String,
    pub salary: u32,
    pub department_id: u32,
}

/// A row as encoded JSON fields, in column order.
pub type Fields = Vec<(&'static str, String)>;
/// Rows with their ids (for `self` links).
pub type Rows = (Vec<Fields>, Vec<String>);

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

/// The 32 demo rows.
pub fn demo_employees() -> Vec<Employee> {
    EMPLOYEES.iter().map(|r| employee_from(r, r.0, "")).collect()
}

fn employee_from(r: &Row, id: u32, suffix: &str) -> Employee {
    let (_, first, last, email, job, hired, salary, dept) = *r;
    Employee {
        employee_id: id,
        first_name: first.into(),
        last_name: last.into(),
        email: format!("{email}{suffix}"),
        job_id: job.into(),
        hire_date: hired.into(),
        salary,
        department_id: dept,
    }
}

/// `n` rows cycling through the demo ones with fresh ids, for large-payload tests.
pub fn generated_employees(n: usize) -> Vec<Employee> {
    (0..n)
        .map(|i| {
            let row = &EMPLOYEES[i % EMPLOYEES.len()];
            employee_from(row, 100 + i as u32, &(i / EMPLOYEES.len()).to_string())
        })
        .collect()
}

pub fn row_fields(e: &Employee) -> Fields {
    vec![
        ("employee_id", e.employee_id.to_string()),
        ("first_name", string(&e.first_name)),
        ("last_name", string(&e.last_name)),
        ("email", string(&e.email)),
        ("job_id", string(&e.job_id)),
        ("hire_date", string(&format!("{}T00:00:00Z", e.hire_date))),
        ("salary", e.salary.to_string()),
        ("department_id", e.department_id.to_string()),
    ]
}

/// The rows in `range`, encoded, with ids.
pub fn employees(all: &[Employee], range: Range<usize>) -> Rows {
    let rows = &all[range];
    (rows.iter().map(row_fields).collect(), rows.iter().map(|e| e.employee_id.to_string()).collect())
}

/// One employee's fields, if the id exists.
pub fn employee(all: &[Employee], id: &str) -> Option<Fields> {
    all.iter().find(|e| e.employee_id.to_string() == id).map(row_fields)
}

const DEPARTMENTS: [(u32, &str, u32); 6] = [
    (10, "Administration", 1700),
    (30, "Purchasing", 1700),
    (50, "Shipping", 1500),
    (60, "IT", 1400),
    (90, "Executive", 1700),
    (100, "Finance", 1700),
];

/// Departments in `range` as JSON fields, with ids (a public resource: no privilege covers it).
pub fn departments(range: Range<usize>) -> Rows {
    let rows = DEPARTMENTS[range.clone()]
        .iter()
        .map(|(id, name, loc)| {
            vec![("department_id", id.to_string()), ("department_name", string(name)), ("location_id", loc.to_string())]
        })
        .collect();
    (rows, DEPARTMENTS[range].iter().map(|d| d.0.to_string()).collect())
}

pub const DEPARTMENT_COUNT: usize = DEPARTMENTS.len();
