//! What the two lexers (PL/SQL, and JavaScript or Python) share: skipping what separates
//! tokens.

/// Skips what separates tokens at `at`: a line end (counted in `line`), white space, a line
/// comment (where `line_comment` says one starts) or a `/* … */` comment, unclosed ones to the
/// end. None when a token starts there.
pub(crate) fn skip_blank(
    chars: &[char],
    at: usize,
    line: &mut usize,
    line_comment: impl Fn(&[char]) -> bool,
) -> Option<usize> {
    let c = *chars.get(at)?;
    if c == '\n' {
        *line += 1;
        return Some(at + 1);
    }
    if c.is_whitespace() {
        return Some(at + 1);
    }
    let rest = &chars[at..];
    if line_comment(rest) {
        return Some(at + rest.iter().position(|c| *c == '\n').unwrap_or(rest.len()));
    }
    if rest.starts_with(&['/', '*']) {
        let mut i = at + 2;
        while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
            *line += usize::from(chars[i] == '\n');
            i += 1;
        }
        return Some((i + 2).min(chars.len()));
    }
    None
}

/// Where the run of characters `part` accepts, starting at `at`, ends.
pub(crate) fn run_end(chars: &[char], at: usize, part: impl Fn(char) -> bool) -> usize {
    at + chars[at.min(chars.len())..].iter().take_while(|c| part(**c)).count()
}
