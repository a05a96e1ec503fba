//! Shell words as bash reads them, for a pasted command: single and double quotes, `$'…'`,
//! backslash escapes, line continuations (bash's `\`, Windows cmd's `^`, PowerShell's backtick),
//! typographic quotes, comments, and the separators `;`, `&&`, `||`, `|`. Nothing is ever
//! evaluated: `$(…)` and backticks stay as written (an assignment's `$(…)` is read as commands of
//! its own, so the token request of `TOKEN=$(curl …)` is found); `$NAME` takes the value of an
//! earlier `NAME=…` of the paste, or stays as written.

use std::collections::HashMap;

/// A word, with the variables it names that the paste does not set (left as written).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub unknown: Vec<String>,
    /// It holds `$(…)` or a backtick substitution, kept as written.
    pub substituted: bool,
}

/// One simple command: its words and the line (1-based) it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    pub words: Vec<Word>,
    pub line: usize,
}

/// `$(…)` inside `$(…)` at most this deep.
const MAX_DEPTH: usize = 4;

/// The commands of `text`, in order (those inside an assignment's `$(…)` first).
pub fn commands(text: &str) -> Vec<Command> {
    let mut vars = HashMap::new();
    let mut out = Vec::new();
    read(&normalize(text), 1, &mut vars, &mut out, 0);
    out
}

/// Typographic quotes as the ASCII ones they stand for; Windows line ends as `\n`.
pub fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n").chars().map(ascii_quote).collect()
}

fn ascii_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
        '\r' => '\n',
        other => other,
    }
}

struct Reader<'a> {
    chars: Vec<char>,
    at: usize,
    line: usize,
    vars: &'a mut HashMap<String, String>,
}

fn read(text: &str, first_line: usize, vars: &mut HashMap<String, String>, out: &mut Vec<Command>, depth: usize) {
    let mut r = Reader { chars: text.chars().collect(), at: 0, line: first_line, vars };
    let mut words: Vec<Word> = Vec::new();
    let mut start = r.line;
    loop {
        r.skip_blanks();
        let Some(c) = r.peek() else { break };
        let ends = match c {
            '\n' | ';' | '&' | '|' => true,
            '#' => {
                while r.peek().is_some_and(|c| c != '\n') {
                    r.at += 1;
                }
                continue;
            }
            _ => false,
        };
        if ends {
            if c == '\n' {
                r.line += 1;
            }
            r.at += 1;
            finish(&mut words, start, r.vars, out);
            start = r.line;
            continue;
        }
        let here = r.line;
        let (word, inner) = r.word();
        if let Some(inner) = inner.filter(|_| depth < MAX_DEPTH) {
            read(&inner, here, r.vars, out, depth + 1);
        }
        if words.is_empty() {
            start = here;
        }
        words.push(word);
    }
    finish(&mut words, start, r.vars, out);
}

/// Ends a command: assignments alone (`NAME=value`, `export NAME=value`) set variables.
fn finish(words: &mut Vec<Word>, line: usize, vars: &mut HashMap<String, String>, out: &mut Vec<Command>) {
    let taken = std::mem::take(words);
    let rest: Vec<&Word> = taken.iter().skip(usize::from(taken.first().is_some_and(|w| w.text == "export"))).collect();
    let assignments: Vec<(&str, &Word)> = rest.iter().filter_map(|w| assignment(w).map(|name| (name, *w))).collect();
    if !rest.is_empty() && assignments.len() == rest.len() {
        for (name, word) in assignments {
            let value = &word.text[name.len() + 1..];
            if word.unknown.is_empty() && !word.substituted {
                vars.insert(name.to_owned(), value.to_owned());
            } else {
                vars.remove(name);
            }
        }
        return;
    }
    if !taken.is_empty() {
        out.push(Command { words: taken, line });
    }
}

/// `NAME` when the word is `NAME=…`.
fn assignment(word: &Word) -> Option<&str> {
    let (name, _) = word.text.split_once('=')?;
    let mut chars = name.chars();
    let first = chars.next()?;
    ((first.is_ascii_alphabetic() || first == '_') && chars.all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some(name)
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.at + n).copied()
    }

    /// Spaces, tabs and line continuations.
    fn skip_blanks(&mut self) {
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\t' {
                self.at += 1;
            } else if matches!(c, '\\' | '^' | '`') && self.peek_at(1) == Some('\n') {
                self.at += 2;
                self.line += 1;
            } else {
                break;
            }
        }
    }

    /// A word up to a blank or separator; with the text of an assignment's `$(…)`.
    fn word(&mut self) -> (Word, Option<String>) {
        let mut word = Word::default();
        let mut inner = None;
        while let Some(c) = self.peek() {
            match c {
                ' ' | '\t' | '\n' | ';' | '&' | '|' => break,
                '\\' | '^' | '`' if self.peek_at(1) == Some('\n') => break,
                '\'' => {
                    self.at += 1;
                    self.until('\'', &mut word.text);
                }
                '"' => {
                    self.at += 1;
                    self.double_quoted(&mut word);
                }
                '$' if self.peek_at(1) == Some('\'') => {
                    self.at += 2;
                    self.ansi_c(&mut word.text);
                }
                '$' if self.peek_at(1) == Some('(') => {
                    let text = self.substitution();
                    if assignment(&word).is_some() && word.text.ends_with('=') {
                        inner = Some(text[2..text.len().saturating_sub(1)].to_owned());
                    }
                    word.text.push_str(&text);
                    word.substituted = true;
                }
                '$' => self.variable(&mut word),
                '`' => {
                    self.at += 1;
                    word.text.push('`');
                    self.until('`', &mut word.text);
                    word.text.push('`');
                    word.substituted = true;
                }
                '\\' => {
                    self.at += 1;
                    if let Some(next) = self.peek() {
                        word.text.push(next);
                        self.at += 1;
                    }
                }
                other => {
                    word.text.push(other);
                    self.at += 1;
                }
            }
        }
        (word, inner)
    }

    /// Copies up to (not including) `end`, which is consumed; an unclosed quote runs to the end.
    fn until(&mut self, end: char, into: &mut String) {
        while let Some(c) = self.peek() {
            self.at += 1;
            if c == end {
                return;
            }
            if c == '\n' {
                self.line += 1;
            }
            into.push(c);
        }
    }

    fn double_quoted(&mut self, word: &mut Word) {
        while let Some(c) = self.peek() {
            match c {
                '"' => {
                    self.at += 1;
                    return;
                }
                '\\' if matches!(self.peek_at(1), Some('"' | '\\' | '$' | '`')) => {
                    word.text.push(self.peek_at(1).unwrap_or_default());
                    self.at += 2;
                }
                '\\' if self.peek_at(1) == Some('\n') => {
                    self.at += 2;
                    self.line += 1;
                }
                '$' if self.peek_at(1) == Some('(') => {
                    let text = self.substitution();
                    word.text.push_str(&text);
                    word.substituted = true;
                }
                '$' => self.variable(word),
                other => {
                    if other == '\n' {
                        self.line += 1;
                    }
                    word.text.push(other);
                    self.at += 1;
                }
            }
        }
    }

    /// `$'…'`: bash's ANSI-C quoting.
    fn ansi_c(&mut self, into: &mut String) {
        while let Some(c) = self.peek() {
            self.at += 1;
            match c {
                '\'' => return,
                '\\' => {
                    let Some(e) = self.peek() else { return };
                    self.at += 1;
                    match e {
                        'n' => into.push('\n'),
                        't' => into.push('\t'),
                        'r' => into.push('\r'),
                        'x' => {
                            let hex: String =
                                (0..2).filter_map(|i| self.peek_at(i)).take_while(char::is_ascii_hexdigit).collect();
                            self.at += hex.len();
                            into.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                        }
                        other => into.push(other),
                    }
                }
                other => into.push(other),
            }
        }
    }

    /// `$(…)` as written, parentheses balanced (quotes inside are not read).
    fn substitution(&mut self) -> String {
        let mut text = String::from("$(");
        self.at += 2;
        let mut depth = 1usize;
        while let Some(c) = self.peek() {
            self.at += 1;
            text.push(c);
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                '\n' => self.line += 1,
                _ => {}
            }
        }
        text
    }

    /// `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME?message}`: the paste's value, the
    /// default, or as written.
    fn variable(&mut self, word: &mut Word) {
        let braced = self.peek_at(1) == Some('{');
        let from = self.at;
        self.at += if braced { 2 } else { 1 };
        let name: String = std::iter::from_fn(|| {
            let c = self.peek().filter(|c| c.is_ascii_alphanumeric() || *c == '_')?;
            self.at += 1;
            Some(c)
        })
        .collect();
        let mut default = None;
        if braced {
            let mut rest = String::new();
            self.until('}', &mut rest);
            default = rest.strip_prefix(":-").or_else(|| rest.strip_prefix('-')).map(str::to_owned);
        }
        if name.is_empty() {
            word.text.push('$');
            self.at = from + 1;
            return;
        }
        match (self.vars.get(&name), default) {
            (Some(value), _) => word.text.push_str(value),
            (None, Some(default)) => word.text.push_str(&default),
            (None, None) => {
                word.text.extend(&self.chars[from..self.at]);
                word.unknown.push(name);
            }
        }
    }
}
