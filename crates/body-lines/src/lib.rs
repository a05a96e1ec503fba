//! A body cut into display lines, so a viewer can keep only the visible ones in the page,
//! fold JSON objects and arrays, and find text, even in a 10 MB response. Indentation is a
//! number per line, turned into spaces only for the lines on screen (and for a copy), so a
//! deeply nested body never costs more memory than its own size.

mod json;
mod pretty;

pub use json::{check as check_json, JsonError, MAX_DEPTH};

use std::collections::BTreeSet;

/// Longer lines are cut into rows of this many bytes (rounded to a character boundary), so
/// a one-line 10 MB body still scrolls by rows.
pub const ROW_BYTES: usize = 1000;

/// Indentation stops growing past this depth (only text that is not checked JSON gets here).
const INDENT_LIMIT: u16 = MAX_DEPTH as u16;

/// One display row: a byte range of the text, its JSON depth, and for a row that opens an
/// object or array, the index of the row that closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub start: u32,
    pub end: u32,
    pub depth: u16,
    /// The closing row's index for an opener; otherwise the row's own index.
    pub close: u32,
    /// True when this row continues the line of the row before it (a cut long line).
    pub continued: bool,
}

/// A text and its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyLines {
    /// The rows' text without indentation: the JSON's lines, or the text as received.
    text: String,
    lines: Vec<Line>,
    json: bool,
}

/// A JSON layout done in steps, so a 10 MB body need not hold the page's thread in one go.
pub struct JsonSteps(Option<pretty::Layout>);

impl JsonSteps {
    /// Lays out about `bytes` more of `json` (pass the same text each time); the lines once the
    /// whole text is laid out, then `None` again.
    pub fn step(&mut self, json: &str, bytes: usize) -> Option<BodyLines> {
        let done = self.0.as_mut()?.run(json.as_bytes(), bytes);
        if !done {
            return None;
        }
        let (text, lines) = self.0.take()?.finish(json.as_bytes());
        Some(BodyLines { text, lines, json: true })
    }
}

/// A byte offset as a row position; texts over 4 GiB cannot reach a 32-bit page.
pub(crate) fn at(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// True when `pos` starts a UTF-8 character (or is the end), as `str::is_char_boundary`.
fn is_boundary(bytes: &[u8], pos: usize) -> bool {
    bytes.get(pos).is_none_or(|&b| (b as i8) >= -0x40)
}

/// Pushes the rows of `bytes[start..end]`, cut at `ROW_BYTES` on character boundaries.
pub(crate) fn push_rows(lines: &mut Vec<Line>, bytes: &[u8], start: usize, end: usize, depth: u16) {
    let mut row = start;
    loop {
        let mut cut = (row + ROW_BYTES).min(end);
        while cut > row && !is_boundary(bytes, cut) {
            cut -= 1;
        }
        if cut == row && row < end {
            cut = end; // unreachable for valid UTF-8; never loop forever
        }
        let index = at(lines.len());
        lines.push(Line { start: at(row), end: at(cut), depth, close: index, continued: row > start });
        row = cut;
        if row >= end {
            break;
        }
    }
}

impl BodyLines {
    /// JSON laid out two spaces a level, in one pass over its bytes, without re-serialising:
    /// key order, duplicate keys and number spelling stay as the server sent them.
    pub fn json(json: &str) -> Self {
        let (text, lines) = pretty::lay_out(json.as_bytes());
        Self { text, lines, json: true }
    }

    /// [`BodyLines::json`] a slice at a time: [`JsonSteps::step`] until it gives the lines.
    pub fn json_in_steps(json: &str) -> JsonSteps {
        JsonSteps(Some(pretty::Layout::new(json.len())))
    }

    /// Rows of any text as received.
    pub fn text(text: &str) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for piece in text.split('\n') {
            let end = start + piece.len();
            push_rows(&mut lines, text.as_bytes(), start, end, 0);
            start = end + 1;
        }
        Self { text: text.to_owned(), lines, json: false }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The row (an empty one past the end, rather than a panic).
    pub fn line(&self, index: u32) -> Line {
        let empty = Line { start: 0, end: 0, depth: 0, close: index, continued: false };
        self.lines.get(index as usize).copied().unwrap_or(empty)
    }

    /// The row's text, without its indentation.
    pub fn line_text(&self, index: u32) -> &str {
        let line = self.line(index);
        self.text.get(line.start as usize..line.end as usize).unwrap_or("")
    }

    /// The spaces shown before the row.
    pub fn indent(&self, index: u32) -> usize {
        let line = self.line(index);
        if line.continued {
            0
        } else {
            2 * line.depth.min(INDENT_LIMIT) as usize
        }
    }

    /// The row as shown: indentation, then its text.
    pub fn display(&self, index: u32) -> String {
        format!("{:indent$}{}", "", self.line_text(index), indent = self.indent(index))
    }

    /// The whole text as shown, for copying (built on request: it may be large).
    pub fn to_text(&self) -> String {
        if !self.json {
            return self.text.clone();
        }
        let mut out = String::with_capacity(self.text.len() + self.text.len() / 2);
        for i in 0..at(self.lines.len()) {
            if i > 0 && !self.line(i).continued {
                out.push('\n');
            }
            out.extend(std::iter::repeat_n(' ', self.indent(i)));
            out.push_str(self.line_text(i));
        }
        out
    }

    /// True when the row opens an object or array that spans more than one row.
    pub fn folds(&self, index: u32) -> bool {
        self.line(index).close > index
    }

    /// Every opener below the top level (what `Collapse all` folds).
    pub fn inner_openers(&self) -> BTreeSet<u32> {
        // Inserted one by one: collecting into a set sorts first, and a sort adds its code to
        // the page (the rows come in order anyway).
        let mut set = BTreeSet::new();
        for i in (0..at(self.lines.len())).filter(|&i| self.folds(i) && self.line(i).depth > 0) {
            set.insert(i);
        }
        set
    }

    /// The rows shown when the `collapsed` openers are folded: a folded opener stands for
    /// its whole block, down to and including its closer.
    pub fn visible(&self, collapsed: &BTreeSet<u32>) -> Vec<u32> {
        let mut shown = Vec::with_capacity(self.lines.len());
        let mut i = 0u32;
        while (i as usize) < self.lines.len() {
            shown.push(i);
            let next = if collapsed.contains(&i) { self.line(i).close.max(i) } else { i };
            let Some(next) = next.checked_add(1) else { break };
            i = next;
        }
        shown
    }

    /// The openers whose blocks contain the row (to unfold before jumping to it).
    pub fn enclosing(&self, index: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut depth = self.line(index).depth;
        for i in (0..index.min(at(self.lines.len()))).rev() {
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

    /// Rows holding `query`, ignoring case, in order, at most `limit` of them.
    pub fn find(&self, query: &str, limit: usize) -> Vec<u32> {
        self.find_with(query, limit, str::to_lowercase)
    }

    /// [`find`](Self::find), with Unicode lower-casing done by `lower` (only for a query past
    /// ASCII): the page passes the browser's, so the wasm does not carry Unicode's case tables.
    pub fn find_with(&self, query: &str, limit: usize, lower: impl Fn(&str) -> String) -> Vec<u32> {
        if query.is_empty() {
            return Vec::new();
        }
        if !query.is_ascii() {
            // Unicode lower-casing may change lengths: compare row by row instead.
            let needle = lower(query);
            let hits = (0..at(self.lines.len())).filter(|&i| lower(self.line_text(i)).contains(&needle));
            return hits.take(limit).collect();
        }
        let text = self.text.to_ascii_lowercase();
        let needle = query.to_ascii_lowercase();
        let mut found: Vec<u32> = Vec::new();
        for (at_byte, _) in text.match_indices(&needle) {
            let row = at(self.lines.partition_point(|l| (l.end as usize) < at_byte));
            if at_byte + needle.len() > self.line(row).end as usize {
                continue; // spans a line break or a row cut
            }
            if found.last() != Some(&row) {
                if found.len() == limit {
                    break;
                }
                found.push(row);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests;
