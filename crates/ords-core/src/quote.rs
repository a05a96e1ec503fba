//! One quoting function per language the page writes code or commands in. Every value that
//! comes from input goes through one of these, so no value can end a string, a statement or a
//! script early, whatever it holds.

/// A POSIX shell word: single quotes, each `'` written as `'\''`. Inside single quotes nothing
/// is special (`$`, backticks, `\`, line breaks); shells drop a NUL byte, which the settings
/// refuse before anything is sent anyway.
pub fn shell(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// A shell word for an HTTP header line, as bash reads it: like [`shell`], except that each
/// character from U+0080 to U+00FF becomes its single Latin-1 byte (`$'\xE9'`), which is what a
/// browser puts on the wire for it (curl would otherwise send the UTF-8 bytes of the argument).
pub fn shell_header(text: &str) -> String {
    if !text.chars().any(|c| ('\u{80}'..='\u{ff}').contains(&c)) {
        return shell(text);
    }
    let mut out = String::new();
    let mut plain = String::new();
    for c in text.chars() {
        if ('\u{80}'..='\u{ff}').contains(&c) {
            if !plain.is_empty() {
                out.push_str(&shell(&plain));
                plain.clear();
            }
            out.push_str(&format!("$'\\x{:02X}'", u32::from(c)));
        } else {
            plain.push(c);
        }
    }
    if !plain.is_empty() {
        out.push_str(&shell(&plain));
    }
    out
}

/// A JavaScript string literal: JSON's escaping, which since ES2019 is valid JavaScript for
/// every character (line and paragraph separators included).
pub fn js(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// A Python string literal: JSON's escapes (`\"`, `\\`, `\n`, `\uXXXX`) mean the same there.
pub fn python(text: &str) -> String {
    js(text)
}

/// A header value for Python's requests, sent as the same bytes a browser sends (Latin-1).
/// Past ASCII it is a bytes literal: requests refuses a `str` value that starts with what
/// Python calls whitespace (U+00A0 included), while its check on bytes knows ASCII only.
pub fn python_header(text: &str) -> String {
    // Past Latin-1 no browser sends it (the page refuses it): written as typed.
    if text.is_ascii() || text.chars().any(|c| u32::from(c) > 0xff) {
        return python(text);
    }
    let mut out = String::from("b\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ => out.push_str(&format!("\\x{:02x}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// Longest literal piece on one line: SQL*Plus ignores input lines over 2499 characters.
const SQL_PIECE: usize = 1000;

/// A SQL or PL/SQL expression equal to `text`, that SQL*Plus and SQLcl read as written: `'`
/// doubled, control characters (line breaks included) as `CHR(n)` (or `UNISTR` past ASCII),
/// so no line of a literal can be a terminator (`/`, `.`), a blank line or a `#` command; long
/// text split into pieces joined by `||` on lines of their own. Scripts start with
/// `SET DEFINE OFF`, so `&` is never a substitution variable.
pub fn sql(text: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut piece = String::new();
    let mut count = 0;
    let flush = |piece: &mut String, count: &mut usize, parts: &mut Vec<String>| {
        if !piece.is_empty() {
            parts.push(format!("'{}'", piece.replace('\'', "''")));
            piece.clear();
            *count = 0;
        }
    };
    for c in text.chars() {
        if c.is_control() {
            flush(&mut piece, &mut count, &mut parts);
            let n = u32::from(c);
            parts.push(if n < 128 { format!("CHR({n})") } else { format!("UNISTR('\\{n:04X}')") });
        } else {
            piece.push(c);
            count += 1;
            if count == SQL_PIECE {
                flush(&mut piece, &mut count, &mut parts);
            }
        }
    }
    flush(&mut piece, &mut count, &mut parts);
    match parts.len() {
        0 => "''".to_owned(),
        n if n * 12 + text.len() > SQL_PIECE => parts.join(" ||\n    "),
        _ => parts.join(" || "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_hold_anything() {
        assert_eq!(shell("it's $HOME `id`\n"), "'it'\\''s $HOME `id`\n'");
    }

    #[test]
    fn header_words_carry_latin1_as_single_bytes() {
        assert_eq!(shell_header("X-Note: plain"), "'X-Note: plain'");
        assert_eq!(shell_header("X-Note: caf\u{e9}!"), "'X-Note: caf'$'\\xE9''!'");
        assert_eq!(shell_header("A: ••"), "'A: ••'", "past Latin-1 (a mask) stays as written");
    }

    #[test]
    fn python_header_values_past_ascii_are_latin1_bytes() {
        assert_eq!(python_header("plain \"v\""), "\"plain \\\"v\\\"\"");
        assert_eq!(python_header("\u{a0}caf\u{e9} \"\\"), "b\"\\xa0caf\\xe9 \\\"\\\\\"");
    }

    #[test]
    fn js_and_python_literals_escape_quotes_backslashes_and_controls() {
        assert_eq!(js("a\"b\\c\nd\u{0}é"), r#""a\"b\\c\nd\u0000é""#);
        assert_eq!(python("x'y"), r#""x'y""#);
    }

    #[test]
    fn sql_literals_never_hold_a_line_break_or_end_a_block() {
        assert_eq!(sql("it's"), "'it''s'");
        assert_eq!(sql(""), "''");
        assert_eq!(
            sql("x\n/\nGRANT DBA TO mallory;\n--"),
            "'x' || CHR(10) || '/' || CHR(10) || 'GRANT DBA TO mallory;' || CHR(10) || '--'"
        );
        assert_eq!(sql("\r\n"), "CHR(13) || CHR(10)");
        assert_eq!(sql("a\u{85}b"), "'a' || UNISTR('\\0085') || 'b'");
        let long = sql(&"é".repeat(2500));
        assert_eq!(long.lines().count(), 3, "pieces of 1000 characters on lines of their own");
        assert!(long.lines().all(|l| l.trim_start().starts_with('\'')));
    }
}
