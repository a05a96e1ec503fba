//! JavaScript or Python source as tokens, enough to read a `fetch(…)` or `requests.…(…)` call:
//! string literals (`"…"`, `'…'`, backticks; Python's `f`/`r`/`b` prefixes), identifiers,
//! numbers and single-character symbols; comments dropped. Nothing is evaluated.

use super::lex::{run_end, skip_blank};

/// A token and the line (1-based) it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    Ident(String),
    Str(String),
    Num(String),
    Sym(char),
}

/// Tokens of at most this many.
const MAX_TOKENS: usize = 200_000;

pub(crate) fn tokens(text: &str) -> Vec<(Tok, usize)> {
    let chars: Vec<char> = super::shell::normalize(text).chars().collect();
    let mut out = Vec::new();
    let (mut at, mut line) = (0usize, 1usize);
    let peek = |i: usize| chars.get(i).copied();
    while let Some(c) = peek(at) {
        if out.len() >= MAX_TOKENS {
            break;
        }
        // `//` (JavaScript) and `#` (Python) start a line comment.
        if let Some(next) = skip_blank(&chars, at, &mut line, |s| s.starts_with(&['/', '/']) || s[0] == '#') {
            at = next;
            continue;
        }
        match c {
            '"' | '\'' | '`' => {
                let (text, end, lines) = literal(&chars, at);
                out.push((Tok::Str(text), line));
                line += lines;
                at = end;
            }
            c if c.is_ascii_alphabetic() || c == '_' || c == '$' => {
                let start = at;
                while peek(at).is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
                    at += 1;
                }
                let word: String = chars[start..at].iter().collect();
                // Python's string prefixes: the literal follows at once.
                let prefix = word.len() <= 2 && word.chars().all(|c| "fFrRbBuU".contains(c));
                if prefix && matches!(peek(at), Some('"' | '\'')) {
                    continue;
                }
                out.push((Tok::Ident(word), line));
            }
            c if c.is_ascii_digit() => {
                let end = run_end(&chars, at, |c| c.is_ascii_alphanumeric() || c == '.');
                out.push((Tok::Num(chars[at..end].iter().collect()), line));
                at = end;
            }
            other => {
                out.push((Tok::Sym(other), line));
                at += 1;
            }
        }
    }
    out
}

/// The literal starting at `at`: its text with escapes read, where it ends, and how many lines
/// it spans. An unclosed literal runs to the end of its line (a backtick's, to the end).
fn literal(chars: &[char], at: usize) -> (String, usize, usize) {
    let quote = chars[at];
    let mut text = String::new();
    let (mut i, mut lines) = (at + 1, 0usize);
    while let Some(&c) = chars.get(i) {
        i += 1;
        match c {
            c if c == quote => return (text, i, lines),
            '\n' if quote != '`' => return (text, i - 1, lines),
            '\n' => {
                lines += 1;
                text.push('\n');
            }
            '\\' => {
                let Some(&e) = chars.get(i) else { break };
                i += 1;
                match e {
                    'n' => text.push('\n'),
                    't' => text.push('\t'),
                    'r' => text.push('\r'),
                    'u' | 'x' | 'U' => {
                        let width = match e {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let hex: String = chars[i..].iter().take(width).take_while(|c| c.is_ascii_hexdigit()).collect();
                        i += hex.len();
                        text.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                    }
                    '\n' => lines += 1,
                    other => text.push(other),
                }
            }
            other => text.push(other),
        }
    }
    (text, i, lines)
}
