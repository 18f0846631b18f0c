//! `Retry-After`: delay-seconds or an HTTP date.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The longest wait a `Retry-After` is reported as: longer demands (up to
/// `99999999999999999999999` seconds) are clamped to this one day, so every
/// binding reports the same exact number (86 400 000 ms).
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// The wait a `Retry-After` value asks for, given the time now (ms since the
/// Unix epoch), at most [`MAX_RETRY_AFTER`]. A date in the past is a wait of
/// zero; nonsense is `None`. A header sent twice and joined into one value
/// (`"2, 1"`, as `fetch`'s `Headers` joins them) counts by its first value,
/// as when the two arrive apart.
pub fn parse(value: &str, now_unix_ms: u64) -> Option<Duration> {
    let value = value.trim();
    one(value, now_unix_ms).or_else(|| {
        // An HTTP date has a comma of its own: try each comma in turn.
        value
            .match_indices(',')
            .find_map(|(at, _)| one(value[..at].trim_end(), now_unix_ms))
    })
}

/// The wait of a single `Retry-After` value.
fn one(value: &str, now_unix_ms: u64) -> Option<Duration> {
    let wait = if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Absurdly long numbers saturate instead of failing.
        Duration::from_secs(value.parse().unwrap_or(u64::MAX))
    } else {
        let at = httpdate::parse_http_date(value).ok()?;
        let at_ms = at.duration_since(UNIX_EPOCH).ok()?.as_millis();
        let wait_ms = at_ms.saturating_sub(u128::from(now_unix_ms));
        Duration::from_millis(u64::try_from(wait_ms).unwrap_or(u64::MAX))
    };
    Some(wait.min(MAX_RETRY_AFTER))
}

/// Formats a time (ms since the epoch) as an HTTP date, for tests and tools.
pub fn http_date(unix_ms: u64) -> String {
    httpdate::fmt_http_date(SystemTime::UNIX_EPOCH + Duration::from_millis(unix_ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_700_000_000_000;

    #[test]
    fn seconds_and_dates() {
        assert_eq!(parse("3", NOW), Some(Duration::from_secs(3)));
        assert_eq!(parse(" 0 ", NOW), Some(Duration::ZERO));
        assert_eq!(parse("99999999999999999999999", NOW), Some(MAX_RETRY_AFTER));
        assert_eq!(parse("86400", NOW), Some(MAX_RETRY_AFTER));
        assert_eq!(
            parse("86399", NOW),
            Some(MAX_RETRY_AFTER - Duration::from_secs(1))
        );
        assert_eq!(
            parse(&http_date(NOW + 400 * 86_400_000), NOW),
            Some(MAX_RETRY_AFTER)
        );
        assert_eq!(
            parse(&http_date(NOW + 5_000), NOW),
            Some(Duration::from_secs(5))
        );
        assert_eq!(parse(&http_date(NOW - 5_000), NOW), Some(Duration::ZERO));
    }

    #[test]
    fn a_doubled_header_joined_counts_by_its_first_value() {
        assert_eq!(parse("2, 1", NOW), Some(Duration::from_secs(2)));
        assert_eq!(parse("7,1", NOW), Some(Duration::from_secs(7)));
        assert_eq!(parse("2, soon", NOW), Some(Duration::from_secs(2)));
        let date = http_date(NOW + 5_000);
        let joined = format!("{date}, {}", http_date(NOW + 9_000));
        assert_eq!(parse(&joined, NOW), Some(Duration::from_secs(5)));
        assert_eq!(
            parse(&format!("{date}, 1"), NOW),
            Some(Duration::from_secs(5))
        );
        assert_eq!(parse("soon, 2", NOW), None);
        assert_eq!(parse(",", NOW), None);
    }

    #[test]
    fn nonsense_is_ignored() {
        for bad in ["", "-1", "1.5", "soon", "Mon, 99 Foo 2024", "\u{0}"] {
            assert_eq!(parse(bad, NOW), None, "{bad:?}");
        }
    }
}
