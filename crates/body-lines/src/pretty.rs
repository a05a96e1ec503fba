//! The JSON layout behind [`crate::BodyLines::json`]: lines and depths, no spaces stored.

use crate::{at, push_rows, Line};

/// Lays out JSON (or anything: it never fails) into its unindented text and rows.
pub fn lay_out(b: &[u8]) -> (String, Vec<Line>) {
    Layout::new(b.len()).finish(b)
}

/// A layout done a slice of the input at a time (the same input each call).
pub struct Layout {
    w: Writer,
    /// How far the input has been read.
    at: usize,
}

impl Layout {
    pub fn new(len: usize) -> Self {
        let w = Writer {
            out: Vec::with_capacity(len + len / 8 + 16),
            lines: Vec::with_capacity(len / 16),
            open: Vec::new(),
            depth: 0,
            line_start: 0,
            line_depth: 0,
        };
        Self { w, at: 0 }
    }

    /// Reads on to about `bytes` further (to the end of a string that crosses it); true when
    /// the whole input has been read.
    pub fn run(&mut self, b: &[u8], bytes: usize) -> bool {
        self.at = self.w.run(b, self.at, self.at.saturating_add(bytes.max(1)));
        self.at >= b.len()
    }

    pub fn finish(mut self, b: &[u8]) -> (String, Vec<Line>) {
        self.run(b, usize::MAX);
        self.w.end_line();
        let w = self.w;
        // Whole strings and ASCII punctuation were copied, so this holds for valid UTF-8 input.
        let text = String::from_utf8(w.out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let mut lines = w.lines;
        // Rows were cut on the bytes written; re-check their bounds against the final text.
        for line in &mut lines {
            line.end = line.end.min(at(text.len()));
            line.start = line.start.min(line.end);
        }
        (text, lines)
    }
}

struct Writer {
    out: Vec<u8>,
    lines: Vec<Line>,
    /// Indices of the rows that opened the blocks still open.
    open: Vec<u32>,
    depth: u16,
    line_start: usize,
    line_depth: u16,
}

impl Writer {
    fn end_line(&mut self) {
        push_rows(&mut self.lines, &self.out, self.line_start, self.out.len(), self.line_depth);
    }

    fn newline(&mut self) {
        self.end_line();
        self.out.push(b'\n');
        self.line_start = self.out.len();
        self.line_depth = self.depth;
    }

    /// Reads `b` from `i` until `until` (or the end), and says where it stopped.
    fn run(&mut self, b: &[u8], mut i: usize, until: usize) -> usize {
        let until = until.min(b.len());
        while i < until {
            match b[i] {
                b'"' => {
                    let mut j = i + 1;
                    while j < b.len() && b[j] != b'"' {
                        j += if b[j] == b'\\' { 2 } else { 1 };
                    }
                    let end = (j + 1).min(b.len());
                    self.out.extend_from_slice(&b[i..end]);
                    i = end;
                    continue;
                }
                c @ (b'{' | b'[') => {
                    self.out.push(c);
                    let mut j = i + 1;
                    while j < b.len() && b[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    if j < b.len() && matches!(b[j], b'}' | b']') {
                        self.out.push(b[j]);
                        i = j;
                    } else {
                        self.depth = self.depth.saturating_add(1);
                        self.newline();
                        self.open.push(at(self.lines.len()).saturating_sub(1));
                    }
                }
                c @ (b'}' | b']') => {
                    self.depth = self.depth.saturating_sub(1);
                    self.newline();
                    if let Some(opener) = self.open.pop() {
                        let close = at(self.lines.len());
                        if let Some(line) = self.lines.get_mut(opener as usize) {
                            line.close = close;
                        }
                    }
                    self.out.push(c);
                }
                b',' => {
                    self.out.push(b',');
                    self.newline();
                }
                b':' => self.out.extend_from_slice(b": "),
                c if c.is_ascii_whitespace() => {}
                _ => {
                    let start = i;
                    while i < b.len()
                        && !matches!(b[i], b'"' | b'{' | b'[' | b'}' | b']' | b',' | b':')
                        && !b[i].is_ascii_whitespace()
                    {
                        i += 1;
                    }
                    self.out.extend_from_slice(&b[start..i]);
                    continue;
                }
            }
            i += 1;
        }
        i
    }
}
