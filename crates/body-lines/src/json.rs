//! A strict JSON check in one pass over the bytes, with a depth limit: what the viewer and the
//! core call JSON. Iterative, so no input can exhaust the stack, and bounded by `MAX_DEPTH`, so
//! nothing deeper is ever laid out as nested lines.

/// Deeper nesting is not treated as JSON (serde_json's own parser stops at 128 as well).
pub const MAX_DEPTH: usize = 128;

/// Why a text is not JSON this page lays out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Nesting deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A byte that cannot come here, at this 1-based line and column.
    Unexpected { line: usize, column: usize },
    /// The text ends in the middle of a value.
    Truncated,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooDeep => write!(f, "nested deeper than {MAX_DEPTH} levels"),
            Self::Unexpected { line, column } => write!(f, "unexpected character at line {line} column {column}"),
            Self::Truncated => f.write_str("it ends before the value is complete"),
        }
    }
}

/// Checks that `text` is exactly one JSON value (surrounding whitespace allowed).
pub fn check(text: &str) -> Result<(), JsonError> {
    Checker { b: text.as_bytes(), i: 0, stack: Vec::new() }.run()
}

struct Checker<'a> {
    b: &'a [u8],
    i: usize,
    /// `true` for an object, `false` for an array.
    stack: Vec<bool>,
}

impl Checker<'_> {
    fn unexpected(&self) -> JsonError {
        if self.i >= self.b.len() {
            return JsonError::Truncated;
        }
        let before = &self.b[..self.i];
        let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
        let start = before.iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
        JsonError::Unexpected { line, column }
    }

    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn expect(&mut self, c: u8) -> Result<(), JsonError> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn run(mut self) -> Result<(), JsonError> {
        self.ws();
        self.value()?;
        loop {
            self.ws();
            let Some(&is_object) = self.stack.last() else {
                return if self.i == self.b.len() { Ok(()) } else { Err(self.unexpected()) };
            };
            match self.peek() {
                Some(b',') => {
                    self.i += 1;
                    self.ws();
                    if is_object {
                        self.key()?;
                    }
                    self.value()?;
                }
                Some(b'}') if is_object => {
                    self.i += 1;
                    self.stack.pop();
                }
                Some(b']') if !is_object => {
                    self.i += 1;
                    self.stack.pop();
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn key(&mut self) -> Result<(), JsonError> {
        self.string()?;
        self.ws();
        self.expect(b':')?;
        self.ws();
        Ok(())
    }

    /// One value; an opened object or array is left on the stack for `run` to continue.
    fn value(&mut self) -> Result<(), JsonError> {
        loop {
            return match self.peek() {
                Some(c @ (b'{' | b'[')) => {
                    if self.stack.len() >= MAX_DEPTH {
                        return Err(JsonError::TooDeep);
                    }
                    self.i += 1;
                    self.ws();
                    let close = if c == b'{' { b'}' } else { b']' };
                    if self.peek() == Some(close) {
                        self.i += 1;
                        return Ok(());
                    }
                    self.stack.push(c == b'{');
                    if c == b'{' {
                        self.key()?;
                    }
                    continue; // the first element
                }
                Some(b'"') => self.string(),
                Some(b't') => self.literal(b"true"),
                Some(b'f') => self.literal(b"false"),
                Some(b'n') => self.literal(b"null"),
                Some(b'-' | b'0'..=b'9') => self.number(),
                _ => Err(self.unexpected()),
            };
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), JsonError> {
        if self.b[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn digits(&mut self) -> Result<(), JsonError> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        if self.i == start {
            Err(self.unexpected())
        } else {
            Ok(())
        }
    }

    fn number(&mut self) -> Result<(), JsonError> {
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        if self.peek() == Some(b'0') {
            self.i += 1;
        } else {
            self.digits()?;
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            self.digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            self.digits()?;
        }
        Ok(())
    }

    fn string(&mut self) -> Result<(), JsonError> {
        self.expect(b'"')?;
        loop {
            match self.peek() {
                None => return Err(JsonError::Truncated),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.i += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.i += 1,
                        Some(b'u') => {
                            self.i += 1;
                            for _ in 0..4 {
                                if !self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                                    return Err(self.unexpected());
                                }
                                self.i += 1;
                            }
                        }
                        _ => return Err(self.unexpected()),
                    }
                }
                Some(c) if c < 0x20 => return Err(self.unexpected()),
                Some(_) => self.i += 1,
            }
        }
    }
}
