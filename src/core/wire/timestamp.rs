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

/// The shape of `YYYY-MM-DDTHH:MM:SS`: a `0` where a digit goes.
const DATE_TIME: &[u8; 19] = b"0000-00-00T00:00:00";

/// Whether `date_time` has the shape of [`DATE_TIME`]: a digit where it
/// has a `0`, its own byte elsewhere.
fn has_date_time_shape(date_time: &[u8; 19]) -> bool {
    date_time.iter().zip(DATE_TIME).all(|(&byte, &shape)| {
        if shape == b'0' {
            byte.is_ascii_digit()
        } else {
            byte == shape
        }
    })
}

fn is_rfc3339(text: &[u8]) -> bool {
    let Some((date_time, rest)) = text.split_first_chunk::<19>() else {
        return false;
    };
    if !has_date_time_shape(date_time) {
        return false;
    }
    // Every byte where `DATE_TIME` has a `0` is a digit.
    let two =
        |at: usize| u32::from(date_time[at] - b'0') * 10 + u32::from(date_time[at + 1] - b'0');
    let (year, month, day) = (two(0) * 100 + two(2), two(5), two(8));
    let (hour, minute, second) = (two(11), two(14), two(17));
    let ranges = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour <= 23
        && minute <= 59
        && second <= 60;
    ranges && is_fraction_and_offset(rest)
}

/// What may follow the seconds: `.` and 1 to 9 digits, or nothing; then `Z`
/// or `±HH:MM`.
fn is_fraction_and_offset(text: &[u8]) -> bool {
    let mut at = 0;
    if text.first() == Some(&b'.') {
        let digits = text[1..].iter().take_while(|d| d.is_ascii_digit()).count();
        if !(1..=9).contains(&digits) {
            return false;
        }
        at = 1 + digits;
    }
    match &text[at..] {
        b"Z" => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            let digits = [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit());
            let two = |high: u8, low: u8| u32::from(high - b'0') * 10 + u32::from(low - b'0');
            digits && two(*h1, *h2) <= 23 && two(*m1, *m2) <= 59
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
            "9999-12-31T23:59:59.999999999+23:59",
            "1996-02-29T00:00:00Z",
            "2400-02-29T00:00:00Z",
            "0004-02-29T00:00:00Z",
            "2024-01-02T03:04:05-00:00",
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
            "1800-02-29T03:04:05Z",
            "1997-02-29T03:04:05Z",
            "0100-02-29T03:04:05Z",
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
            "2024-01-02T03:04:05+24:00",
            "2024-01-02T03:04:05-05:60",
            "2024-01-02T03:04:05+a5:30",
            "2024-01-02T03:04:05+05:3b",
            "2024-01-02T03:04:05+05-30",
            "2024-01-02T03:04:05.+05:30",
            "2024-01-02T03:04:60.5",
            "2024-01-02T03:60:05Z",
            "2024-01-02T03:04:61Z",
            "2024-01-02T03:04:05z",
            "2024/01/02T03:04:05Z",
            "2024-01-02T03-04:05Z",
            "2024-01-02t03:04:05Z",
            "2024-0a-02T03:04:05Z",
            "202-01-02T03:04:05Z",
            "2024-01-02T03:04:0",
            "2024-01-02T03:04:05.123",
            "202/-01-02T03:04:05Z",
            "2024-01-0:T03:04:05Z",
            "2024.01-02T03:04:05Z",
            "2024-01,02T03:04:05Z",
            "2024-01-02U03:04:05Z",
            "2024-01-02T03;04:05Z",
            "2024-01-02T03:04;05Z",
            "2024-01-02T03:04:5:Z",
            "2024-01-02T03:04:/5Z",
            "\u{0}024-01-02T03:04:05Z",
            "2024-01-02T03:04:05\u{0}",
            "2024-01-02T\u{b0}3:04:05Z",
        ] {
            let err = check("updated_at", bad).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Decode, "{bad}");
            assert!(err.message().contains("updated_at"), "{bad}: {err}");
        }
    }

    #[test]
    fn the_shape_is_checked_at_every_byte_for_every_value() {
        let good = *b"2024-01-02T03:04:05";
        assert!(has_date_time_shape(&good));
        for at in 0..good.len() {
            for byte in 0..=255u8 {
                let mut text = good;
                text[at] = byte;
                let fits = if DATE_TIME[at] == b'0' {
                    byte.is_ascii_digit()
                } else {
                    byte == DATE_TIME[at]
                };
                assert_eq!(has_date_time_shape(&text), fits, "{byte:#x} at {at}");
            }
        }
        // Two bad bytes side by side, the first one that carries.
        let mut text = good;
        text[0] = 0xff;
        text[1] = 0x01;
        assert!(!has_date_time_shape(&text));
    }
}
