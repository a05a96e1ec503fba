//! Numbers for people: sizes, durations, countdowns. Integer arithmetic throughout: formatting
//! floats would pull float-printing code into the page for this alone.

/// A byte count: `512 B`, `1.5 KB`, `10.2 MB`.
pub fn format_size(bytes: usize) -> String {
    let (unit, name) = match bytes {
        0..=1023 => return format!("{bytes} B"),
        1024..=1_048_575 => (1024, "KB"),
        _ => (1_048_576, "MB"),
    };
    // u64: on wasm32 a usize times ten overflows past 429 MB.
    let tenths = (bytes as u64).saturating_mul(10).saturating_add(unit / 2) / unit;
    format!("{}.{} {name}", tenths / 10, tenths % 10)
}

/// Milliseconds, rounded to whole ones: `84 ms`.
pub fn format_ms(ms: f64) -> String {
    format!("{} ms", ms.round() as i64)
}

/// `1h 02m 05s` style, for the countdown; `expired` at zero or below.
pub fn format_countdown(seconds: i64) -> String {
    if seconds <= 0 {
        return "expired".to_owned();
    }
    let (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, _) => format!("{m}m {s:02}s"),
        _ => format!("{h}h {m:02}m {s:02}s"),
    }
}

/// A moment (seconds since 1970) as `2026-12-07 15:04 UTC`.
pub fn utc_text(unix_s: u64) -> String {
    let days = i64::try_from(unix_s / 86_400).unwrap_or(i64::MAX / 2);
    let (minute, hour) = (unix_s % 3600 / 60, unix_s % 86_400 / 3600);
    // Days to a civil date (the proleptic Gregorian calendar), after Howard Hinnant's algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_times_and_countdowns() {
        assert_eq!(
            (format_size(512), format_size(1536), format_size(10_700_000)),
            ("512 B".into(), "1.5 KB".into(), "10.2 MB".into())
        );
        assert_eq!(
            (format_size(1023), format_size(1024), format_size(1_048_575)),
            ("1023 B".into(), "1.0 KB".into(), "1024.0 KB".into())
        );
        assert_eq!(
            (format_size(1_048_576), format_size(500 * 1_048_576 + 52_429)),
            ("1.0 MB".into(), "500.1 MB".into())
        );
        assert_eq!((format_ms(83.6), format_ms(0.2), format_ms(12.5)), ("84 ms".into(), "0 ms".into(), "13 ms".into()));
        assert_eq!(format_countdown(3725), "1h 02m 05s");
        assert_eq!(format_countdown(65), "1m 05s");
        assert_eq!(format_countdown(0), "expired");
        assert_eq!(format_countdown(i64::MAX), "2562047788015215h 30m 07s");
    }

    #[test]
    fn moments_in_utc() {
        assert_eq!(utc_text(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_text(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc_text(1_796_656_440), "2026-12-07 15:14 UTC");
        assert_eq!(utc_text(4_102_444_799), "2099-12-31 23:59 UTC");
        assert!(utc_text(u64::MAX).ends_with(" UTC"), "no overflow");
    }
}
