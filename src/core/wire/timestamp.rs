//! The service's timestamps: RFC 3339 date-times, checked so every binding can
//! read them (the C string, Go's `time.Time`, JS strings) the same way.

use crate::core::error::{Error, Result};
use crate::core::json::write::quoted;

/// Checks that `value`, the field `field` of a room code, is an RFC 3339
/// date-time: `YYYY-MM-DDTHH:MM:SS`, 0 to 9 fractional digits, then `Z` or
/// `±HH:MM` (Go's zero time `0001-01-01T00:00:00Z` included); `decode` if not.
pub(crate) fn check(field: &str, value: &str) -> Result<()> {
    if is_rfc3339(value.as_bytes()) {
        return Ok(());
    }
    let shown = quoted(&value.chars().take(40).collect::<String>());
    Err(Error::decode(format!(
        "the service's {field} {shown} is not an RFC 3339 date-time"
    )))
}

fn is_rfc3339(text: &[u8]) -> bool {
    let number = |at: usize, len: usize| -> Option<u32> {
        let digits = text.get(at..at + len)?;
        digits.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let separator = |at: usize, byte: u8| text.get(at) == Some(&byte);
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        number(0, 4),
        number(5, 2),
        number(8, 2),
        number(11, 2),
        number(14, 2),
        number(17, 2),
    ) else {
        return false;
    };
    let shape = separator(4, b'-')
        && separator(7, b'-')
        && separator(10, b'T')
        && separator(13, b':')
        && separator(16, b':');
    let ranges = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour <= 23
        && minute <= 59
        && second <= 60;
    if !(shape && ranges) {
        return false;
    }
    let mut at = 19;
    if separator(at, b'.') {
        let digits = text[at + 1..]
            .iter()
            .take_while(|d| d.is_ascii_digit())
            .count();
        if !(1..=9).contains(&digits) {
            return false;
        }
        at += 1 + digits;
    }
    match &text[at..] {
        b"Z" => true,
        [b'+' | b'-', ..] if text.len() == at + 6 && separator(at + 3, b':') => {
            matches!((number(at + 1, 2), number(at + 4, 2)), (Some(h), Some(m)) if h <= 23 && m <= 59)
        }
        _ => false,
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;

    #[test]
    fn the_shapes_the_service_sends_pass() {
        for ok in [
            "2024-01-02T03:04:05Z",
            "2024-01-02T03:04:05.123Z",
            "2024-01-02T03:04:05.123456789Z",
            "2024-01-02T03:04:05.1+05:30",
            "2024-02-29T23:59:60-08:00",
            "0001-01-01T00:00:00Z",
            "2000-02-29T00:00:00Z",
            "2023-02-28T00:00:00Z",
            "2024-04-30T00:00:00Z",
            "2024-12-31T00:00:00Z",
            "2024-01-31T00:00:00Z",
        ] {
            assert!(check("created_at", ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn anything_else_is_decode_naming_the_field() {
        for bad in [
            "",
            "yesterday",
            "2024-01-02",
            "2024-01-02 03:04:05Z",
            "2024-01-02T03:04:05",
            "2024-01-02T03:04:05.Z",
            "2024-01-02T03:04:05.1234567890Z",
            "2024-13-02T03:04:05Z",
            "2023-02-29T03:04:05Z",
            "1900-02-29T03:04:05Z",
            "2100-02-29T03:04:05Z",
            "2024-02-30T03:04:05Z",
            "2024-04-31T03:04:05Z",
            "2024-06-31T03:04:05Z",
            "2024-09-31T03:04:05Z",
            "2024-11-31T03:04:05Z",
            "2024-01-32T03:04:05Z",
            "2024-01-00T03:04:05Z",
            "2024-01-02T24:04:05Z",
            "2024-01-02T03:04:05+0530",
            "2024-01-02T03:04:05+05:30x",
            "2024-01-02T03:04:05Zjunk",
            "２０２４-01-02T03:04:05Z",
        ] {
            let err = check("updated_at", bad).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Decode, "{bad}");
            assert!(err.message().contains("updated_at"), "{bad}: {err}");
        }
    }
}
