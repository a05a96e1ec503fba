//! PL/SQL as tokens, for reading an `APEX_WEB_SERVICE` block: identifiers (lower case),
//! string literals (`'…'` with `''`, `q'[…]'` in any delimiter), numbers and symbols; comments
//! dropped. Typographic quotes from a blog are read as the ASCII ones, and a lone `”` or `“`
//! where a literal starts as the `''` it replaced (WordPress turns `''` into `”`).

use super::lex::{run_end, skip_blank};

/// A token and the line (1-based) it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    Ident(String),
    Str(String),
    Num(String),
    Sym(&'static str),
    Other(char),
}

/// Tokens of at most this many: a paste is a block, not a package body.
const MAX_TOKENS: usize = 200_000;

pub(crate) fn tokens(text: &str) -> Vec<(Tok, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut at, mut line) = (0usize, 1usize);
    let peek = |i: usize| chars.get(i).copied();
    while let Some(c) = peek(at) {
        if out.len() >= MAX_TOKENS {
            break;
        }
        if let Some(next) = skip_blank(&chars, at, &mut line, |s| s.starts_with(&['-', '-'])) {
            at = next;
            continue;
        }
        match c {
            'q' | 'Q' if matches!(peek(at + 1), Some('\'' | '\u{2018}' | '\u{2019}')) && peek(at + 2).is_some() => {
                let open = chars[at + 2];
                let close = match open {
                    '[' => ']',
                    '(' => ')',
                    '{' => '}',
                    '<' => '>',
                    other => other,
                };
                let start = at + 3;
                let mut end = start;
                while end < chars.len() && !(chars[end] == close && matches!(peek(end + 1), Some('\'' | '\u{2019}'))) {
                    end += 1;
                }
                let text: String = chars[start..end.min(chars.len())].iter().collect();
                out.push((Tok::Str(text.clone()), line));
                line += text.matches('\n').count();
                at = end + 2;
            }
            '\'' | '\u{2018}' | '\u{2019}' => {
                let mut text = String::new();
                at += 1;
                let start_line = line;
                while let Some(c) = peek(at) {
                    let quote = matches!(c, '\'' | '\u{2019}' | '\u{2018}');
                    if quote && matches!(peek(at + 1), Some('\'')) {
                        text.push('\'');
                        at += 2;
                        continue;
                    }
                    at += 1;
                    if quote {
                        break;
                    }
                    line += usize::from(c == '\n');
                    text.push(c);
                }
                out.push((Tok::Str(text), start_line));
            }
            '\u{201C}' | '\u{201D}' => {
                out.push((Tok::Str(String::new()), line));
                at += 1;
            }
            c if c.is_ascii_alphabetic() || c == '_' || !c.is_ascii() && !c.is_whitespace() => {
                let start = at;
                while peek(at).is_some_and(|c| {
                    c.is_ascii_alphanumeric()
                        || matches!(c, '_' | '$' | '#')
                        || !c.is_ascii() && !c.is_whitespace() && !matches!(c, '\u{2018}'..='\u{201D}')
                }) {
                    at += 1;
                }
                out.push((Tok::Ident(chars[start..at].iter().collect::<String>().to_ascii_lowercase()), line));
            }
            '"' => {
                let start = at + 1;
                at = start;
                while peek(at).is_some_and(|c| c != '"' && c != '\n') {
                    at += 1;
                }
                out.push((Tok::Ident(chars[start..at].iter().collect::<String>().to_ascii_lowercase()), line));
                at += 1;
            }
            c if c.is_ascii_digit() => {
                let end = run_end(&chars, at, |c| c.is_ascii_digit() || c == '.');
                out.push((Tok::Num(chars[at..end].iter().collect()), line));
                at = end;
            }
            _ => {
                let two: String = chars[at..(at + 2).min(chars.len())].iter().collect();
                let sym = match two.as_str() {
                    ":=" => Some(":="),
                    "=>" => Some("=>"),
                    "||" => Some("||"),
                    _ => None,
                };
                if let Some(sym) = sym {
                    out.push((Tok::Sym(sym), line));
                    at += 2;
                    continue;
                }
                out.push((
                    match c {
                        '(' => Tok::Sym("("),
                        ')' => Tok::Sym(")"),
                        ',' => Tok::Sym(","),
                        ';' => Tok::Sym(";"),
                        '.' => Tok::Sym("."),
                        other => Tok::Other(other),
                    },
                    line,
                ));
                at += 1;
            }
        }
    }
    out
}
