//! Secrets inside Base64, as an echoed `Authorization: Basic` value holds them (base64 of
//! `id:secret`, whatever the id, the pair form-encoded first or not).

use base64::alphabet::STANDARD;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;

/// Base64 as echo servers write it back: padded or not, any trailing bits.
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Base64 runs shorter than this are not decoded: `id:secret` is longer than 8 characters.
const MIN_BASE64: usize = 8;

fn is_base64_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_')
}

/// Where Base64 credentials begin: after `Basic` (any case) and a space (as typed, `+` or
/// `%20`), as an echoed `Authorization` header has them.
fn after_basic(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    for word in ["asic", "ASIC"] {
        for (at, _) in text.match_indices(word) {
            if at == 0 || !bytes[at - 1].eq_ignore_ascii_case(&b'b') {
                continue;
            }
            let mut next = at + word.len();
            let spaced = next;
            loop {
                match bytes.get(next..) {
                    Some([b' ' | b'+', ..]) => next += 1,
                    Some([b'%', b'2', b'0', ..]) => next += 3,
                    _ => break,
                }
            }
            if next > spaced {
                starts.push(next);
            }
        }
    }
    starts
}

/// Byte ranges of Base64 credentials (standard or URL-safe, padded or not) whose decoded text
/// holds a secret in any form.
pub(super) fn base64_ranges(text: &str, forms: &[&str], out: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    for start in after_basic(text) {
        let mut at = start;
        while at < bytes.len() && is_base64_byte(bytes[at]) {
            at += 1;
        }
        let mut end = at;
        while end < bytes.len() && end - at < 2 && bytes[end] == b'=' {
            end += 1;
        }
        if at - start < MIN_BASE64 {
            continue;
        }
        let run: String = text[start..at]
            .chars()
            .map(|c| match c {
                '-' => '+',
                '_' => '/',
                c => c,
            })
            .collect();
        // The whole run, or its whole 4-character blocks when text follows it directly.
        let blocks = run.len() / 4 * 4;
        let holds = |candidate: &str| {
            LENIENT.decode(candidate).is_ok_and(|decoded| {
                let decoded = String::from_utf8_lossy(&decoded);
                forms.iter().any(|f| decoded.contains(f))
            })
        };
        if holds(&run) || (blocks != run.len() && holds(&run[..blocks])) {
            out.push((start, end));
        }
    }
}
