//! Reads a script the way SQL*Plus (and SQLcl) does, in the parts that decide what runs:
//! statement and block terminators, blank lines, the `#` command prefix, and `&` substitution
//! (SQL*Plus's defaults: SQLTERMINATOR `;`, BLOCKTERMINATOR `.`, SQLBLANKLINES OFF, SQLPREFIX
//! `#`, DEFINE `&` until `SET DEFINE OFF`). Then it reads every string expression (literals,
//! `CHR(n)`, `UNISTR('\XXXX')` joined by `||`) to its value, so a test can tell whether any
//! input got outside its literal.

/// What SQL*Plus would do with one part of the script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A SQL*Plus command line (`SET …`, `PROMPT …`).
    Command(String),
    /// A SQL statement, run at its `;` or `/`.
    Sql(String),
    /// A PL/SQL block, run at its `/`.
    Block(String),
}

const COMMANDS: [&str; 6] = ["SET ", "PROMPT", "SPOOL ", "WHENEVER ", "EXIT", "HOST "];

/// Splits a script into what SQL*Plus runs; `Err` names anything that would run other than as
/// written (a blank line ending a statement, a `.` ending a block, a `#` command inside one,
/// `&` with substitution on, text left unrun at the end).
pub fn read(script: &str) -> Result<Vec<Unit>, String> {
    let mut units = Vec::new();
    let mut define_on = true;
    let mut sql: Option<(bool, String)> = None; // (is a block, text so far)
    for (n, line) in script.split('\n').enumerate() {
        let trimmed = line.trim();
        let upper = trimmed.to_ascii_uppercase();
        if define_on && line.contains('&') {
            return Err(format!("line {}: '&' with substitution on", n + 1));
        }
        match &mut sql {
            None => {
                if trimmed.is_empty() || trimmed.starts_with("--") || upper.starts_with("REM") {
                    continue;
                }
                if COMMANDS.iter().any(|c| upper.starts_with(c)) {
                    if upper.starts_with("SET DEFINE OFF") {
                        define_on = false;
                    }
                    units.push(Unit::Command(trimmed.to_owned()));
                    continue;
                }
                if trimmed == "/" || trimmed == "." {
                    return Err(format!("line {}: a terminator with nothing to end", n + 1));
                }
                let block = upper.starts_with("DECLARE") || upper.starts_with("BEGIN");
                if !block && trimmed.ends_with(';') {
                    units.push(Unit::Sql(line.to_owned()));
                } else {
                    sql = Some((block, format!("{line}\n")));
                }
            }
            Some((block, text)) => {
                if trimmed == "/" {
                    let text = std::mem::take(text);
                    units.push(if *block { Unit::Block(text) } else { Unit::Sql(text) });
                    sql = None;
                } else if *block && trimmed == "." {
                    return Err(format!("line {}: '.' ends the block without running it", n + 1));
                } else if *block && trimmed.starts_with('#') {
                    return Err(format!("line {}: '#' runs a SQL*Plus command inside the block", n + 1));
                } else if !*block && trimmed.is_empty() {
                    return Err(format!("line {}: a blank line ends the statement without running it", n + 1));
                } else if !*block && trimmed.ends_with(';') {
                    text.push_str(line);
                    units.push(Unit::Sql(std::mem::take(text)));
                    sql = None;
                } else {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    match sql {
        Some((_, text)) if !text.trim().is_empty() => Err(format!("left unrun at the end: {text}")),
        _ => Ok(units),
    }
}

/// A unit's tokens outside string expressions (each expression is `<LIT>`, comments and
/// whitespace dropped), and the values of its string expressions.
pub fn skeleton(text: &str) -> Result<(Vec<String>, Vec<String>), String> {
    let chars: Vec<char> = text.chars().collect();
    let (mut tokens, mut values) = (Vec::new(), Vec::new());
    let mut current: Option<String> = None; // the expression being joined by ||
    let mut expect_more = false;
    let mut i = 0;
    let finish = |current: &mut Option<String>, tokens: &mut Vec<String>, values: &mut Vec<String>| {
        if let Some(v) = current.take() {
            tokens.push("<LIT>".into());
            values.push(v);
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let rest: String = chars[i..chars.len().min(i + 8)].iter().collect();
        if c.is_whitespace() {
            i += 1;
        } else if rest.starts_with("--") {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if rest.starts_with("/*") {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == '\''
            || rest.to_ascii_uppercase().starts_with("CHR(")
            || rest.to_ascii_uppercase().starts_with("UNISTR(")
        {
            let (piece, next) = string_piece(&chars, i)?;
            if current.is_some() && !expect_more {
                return Err("two string expressions without || between them".into());
            }
            current.get_or_insert_with(String::new).push_str(&piece);
            expect_more = false;
            i = next;
        } else if rest.starts_with("||") && current.is_some() {
            // Joined to another string piece, the expression goes on; joined to anything
            // else (a function call), it ends here and `||` is structure.
            let mut j = i + 2;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let next: String = chars[j..chars.len().min(j + 7)].iter().collect::<String>().to_ascii_uppercase();
            if next.starts_with('\'') || next.starts_with("CHR(") || next.starts_with("UNISTR(") {
                expect_more = true;
            } else {
                finish(&mut current, &mut tokens, &mut values);
                tokens.push("||".into());
            }
            i += 2;
        } else {
            if expect_more {
                return Err("|| followed by something that is not a string".into());
            }
            finish(&mut current, &mut tokens, &mut values);
            let start = i;
            if c.is_alphanumeric() || c == '_' || c == '$' || c == '#' {
                while i < chars.len() && (chars[i].is_alphanumeric() || "_$#.".contains(chars[i])) {
                    i += 1;
                }
            } else {
                i += 1;
            }
            tokens.push(chars[start..i].iter().collect::<String>().to_ascii_uppercase());
        }
    }
    finish(&mut current, &mut tokens, &mut values);
    Ok((tokens, values))
}

/// One literal, `CHR(n)` or `UNISTR('\XXXX')` at `i`: its value and where it ends.
fn string_piece(chars: &[char], i: usize) -> Result<(String, usize), String> {
    if chars[i] == '\'' {
        let mut value = String::new();
        let mut j = i + 1;
        loop {
            match chars.get(j) {
                None => return Err("a literal is not closed".into()),
                Some('\n') => return Err("a literal spans a line break".into()),
                Some('\'') if chars.get(j + 1) == Some(&'\'') => {
                    value.push('\'');
                    j += 2;
                }
                Some('\'') => return Ok((value, j + 1)),
                Some(c) => {
                    value.push(*c);
                    j += 1;
                }
            }
        }
    }
    let close = (i..chars.len()).find(|&j| chars[j] == ')').ok_or("an unclosed call")?;
    let call: String = chars[i..close].iter().collect();
    let upper = call.to_ascii_uppercase();
    let value = if let Some(n) = upper.strip_prefix("CHR(") {
        let n: u32 = n.trim().parse().map_err(|_| format!("CHR of {n}"))?;
        char::from_u32(n).ok_or("CHR of no character")?.to_string()
    } else {
        let hex = call[7..].trim().trim_matches('\'').trim_start_matches('\\');
        char::from_u32(u32::from_str_radix(hex, 16).map_err(|_| "UNISTR")?).ok_or("UNISTR")?.to_string()
    };
    Ok((value, close + 1))
}

/// What SQL*Plus runs of `script`: each unit's kind and skeleton (`command …` for a SQL*Plus
/// command), and every literal's value, in order. Panics, naming the script, where it cannot
/// be read.
pub fn shape(script: &str) -> (Vec<String>, Vec<String>) {
    let units = read(script).unwrap_or_else(|e| panic!("{e}\n{script}"));
    let (mut skeletons, mut values) = (Vec::new(), Vec::new());
    for unit in units {
        let text = match unit {
            Unit::Command(t) => format!("command {t}"),
            Unit::Sql(t) | Unit::Block(t) => t,
        };
        let (tokens, literals) = skeleton(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        skeletons.push(tokens.join(" "));
        values.extend(literals);
    }
    (skeletons, values)
}
