//! A body cut into display lines, so a viewer can keep only the visible ones in the page,
//! fold JSON objects and arrays, and find text, even in a 10 MB response.

use std::collections::BTreeSet;

/// Longer lines are cut into rows of this many bytes (rounded to a character boundary), so
/// a one-line 10 MB body still scrolls by rows.
pub const ROW_BYTES: usize = 1000;

/// One display line: a byte range of the text, its JSON depth, and for a line that opens an
/// object or array, the index of the line that closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub start: u32,
    pub end: u32,
    pub depth: u16,
    /// The closing line's index for an opener; otherwise the line's own index.
    pub close: u32,
}

/// A text and its lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyLines {
    text: String,
    lines: Vec<Line>,
}

impl BodyLines {
    /// Valid JSON re-indented by two spaces a level, in one pass over its bytes, without
    /// re-serialising: key order, duplicate keys and number spelling stay as the server sent
    /// them. Openers are matched to their closers as the lines are written.
    pub fn json(json: &str) -> Self {
        Pretty::new(json.len()).run(json.as_bytes())
    }

    /// Lines of any text as received, long lines cut into rows.
    pub fn text(text: &str) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for piece in text.split('\n') {
            let end = start + piece.len();
            let mut row = start;
            loop {
                let mut cut = (row + ROW_BYTES).min(end);
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                let index = lines.len() as u32;
                lines.push(Line { start: row as u32, end: cut as u32, depth: 0, close: index });
                row = cut;
                if row >= end {
                    break;
                }
            }
            start = end + 1;
        }
        Self { text: text.to_owned(), lines }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn line(&self, index: u32) -> Line {
        self.lines[index as usize]
    }

    pub fn line_text(&self, index: u32) -> &str {
        let line = self.line(index);
        &self.text[line.start as usize..line.end as usize]
    }

    /// The text, giving up the line index.
    pub fn into_text(self) -> String {
        self.text
    }

    /// The whole text, for copying.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// True when the line opens an object or array that spans more than one line.
    pub fn folds(&self, index: u32) -> bool {
        self.line(index).close > index
    }

    /// Every opener below the top level (what `Collapse all` folds).
    pub fn inner_openers(&self) -> BTreeSet<u32> {
        (0..self.lines.len() as u32).filter(|&i| self.folds(i) && self.line(i).depth > 0).collect()
    }

    /// The lines shown when the `collapsed` openers are folded: a folded opener stands for
    /// its whole block, down to and including its closer.
    pub fn visible(&self, collapsed: &BTreeSet<u32>) -> Vec<u32> {
        let mut shown = Vec::with_capacity(self.lines.len());
        let mut i = 0u32;
        while (i as usize) < self.lines.len() {
            shown.push(i);
            i = if collapsed.contains(&i) { self.line(i).close + 1 } else { i + 1 };
        }
        shown
    }

    /// The openers whose blocks contain the line (to unfold before jumping to it).
    pub fn enclosing(&self, index: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut depth = self.line(index).depth;
        for i in (0..index).rev() {
            let line = self.line(i);
            if line.depth < depth && line.close >= index {
                out.push(i);
                depth = line.depth;
            }
            if depth == 0 {
                break;
            }
        }
        out
    }

    /// Lines holding `query`, ignoring case, in order, at most `limit` of them.
    pub fn find(&self, query: &str, limit: usize) -> Vec<u32> {
        if query.is_empty() {
            return Vec::new();
        }
        let (text, needle) = if query.is_ascii() {
            (self.text.to_ascii_lowercase(), query.to_ascii_lowercase())
        } else {
            (String::new(), query.to_lowercase())
        };
        if text.is_empty() {
            // Unicode lower-casing may change lengths: compare line by line instead.
            let hits = (0..self.lines.len() as u32).filter(|&i| self.line_text(i).to_lowercase().contains(&needle));
            return hits.take(limit).collect();
        }
        let mut found: Vec<u32> = Vec::new();
        for (at, _) in text.match_indices(&needle) {
            let line = self.lines.partition_point(|l| l.end < at as u32) as u32;
            let line_end = self.line(line).end as usize;
            if at + needle.len() > line_end {
                continue; // spans a line break (possible only in rows cut from a long line)
            }
            if found.last() != Some(&line) {
                if found.len() == limit {
                    break;
                }
                found.push(line);
            }
        }
        found
    }
}

/// The writer behind [`BodyLines::json`].
struct Pretty {
    out: Vec<u8>,
    lines: Vec<Line>,
    open: Vec<usize>,
    depth: u16,
    line_start: usize,
    line_depth: u16,
}

impl Pretty {
    fn new(len: usize) -> Self {
        // Indented ORDS collections come out about 1.5 times their wire size; growing a 16 MB
        // buffer by copying would cost more than reserving it.
        let out = Vec::with_capacity(len * 7 / 4 + 64);
        Self { out, lines: Vec::with_capacity(len / 16), open: Vec::new(), depth: 0, line_start: 0, line_depth: 0 }
    }

    fn end_line(&mut self) {
        let index = self.lines.len() as u32;
        let (start, end) = (self.line_start as u32, self.out.len() as u32);
        self.lines.push(Line { start, end, depth: self.line_depth, close: index });
    }

    fn newline(&mut self) {
        self.end_line();
        self.out.push(b'\n');
        self.line_start = self.out.len();
        self.line_depth = self.depth;
        self.out.resize(self.out.len() + 2 * self.depth as usize, b' ');
    }

    fn run(mut self, b: &[u8]) -> BodyLines {
        let mut i = 0;
        while i < b.len() {
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
                        self.open.push(self.lines.len());
                        self.depth += 1;
                        self.newline();
                    }
                }
                c @ (b'}' | b']') => {
                    self.depth = self.depth.saturating_sub(1);
                    self.newline();
                    if let Some(opener) = self.open.pop() {
                        self.lines[opener].close = self.lines.len() as u32;
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
        self.end_line();
        // Whole strings and ASCII punctuation were copied, so this holds for valid UTF-8 input.
        let text = String::from_utf8(self.out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        BodyLines { text, lines: self.lines }
    }
}

#[cfg(test)]
mod tests;
