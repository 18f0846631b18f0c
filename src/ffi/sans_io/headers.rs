//! The response headers a sans-IO caller hands over: which ones the library
//! reads, and how the header lines it is given are read.

use crate::core::wire::http::{HttpResponse, READ_RESPONSE_HEADERS};
use std::ffi::{c_char, CString};
use std::ptr;
use std::sync::OnceLock;

/// The name of the `index`th response header the library reads (lowercase,
/// e.g. `"retry-after"`), or NULL past the last one. Only these headers
/// matter to `hms_call_on_response`: a caller may hand over just them (and
/// copy less); any other line it is given is skipped. The strings are static.
#[no_mangle]
pub extern "C" fn hms_response_header_name(index: usize) -> *const c_char {
    static NAMES: OnceLock<Vec<CString>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            READ_RESPONSE_HEADERS
                .iter()
                .map(|name| CString::new(*name).expect("a header name has no NUL"))
                .collect()
        })
        .get(index)
        .map_or(ptr::null(), |name| name.as_ptr())
}

/// The `name: value` pairs of raw header lines that the core reads (see
/// [`HttpResponse::is_read`]); lines that are not headers (a status line, a
/// blank line) and values that are not UTF-8 are skipped. A line's name is
/// looked at before anything of it is copied or checked as UTF-8.
pub(super) fn header_lines(raw: &[u8]) -> Vec<(String, String)> {
    if raw.is_empty() {
        return Vec::new();
    }
    raw.split(|&b| b == b'\n')
        .filter_map(|line| {
            let colon = line.iter().position(|&b| b == b':')?;
            let name = std::str::from_utf8(line[..colon].trim_ascii()).ok()?;
            // Only a header the core reads is kept: no status line, blank
            // line or other header can be one.
            if !HttpResponse::is_read(name) {
                return None;
            }
            let value = std::str::from_utf8(line[colon + 1..].trim_ascii()).ok()?;
            Some((name.to_string(), value.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn header_lines_keep_the_headers_the_core_reads() {
        let raw = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n\
            Retry-After:  7 \r\nbad line\r\nRetry After: 9\r\n: 1\r\nX-Request-Id: abc\nDate: now\r\n\r\n";
        assert_eq!(
            header_lines(raw),
            [("Retry-After", "7"), ("X-Request-Id", "abc")]
                .map(|(n, v)| (n.to_string(), v.to_string()))
        );
        assert!(header_lines(b"").is_empty());
    }

    #[test]
    fn the_header_names_listed_are_the_ones_the_core_reads() {
        let listed: Vec<String> = (0..)
            .map(|index| hms_response_header_name(index))
            .take_while(|name| !name.is_null())
            .map(|name| {
                unsafe { CStr::from_ptr(name) }
                    .to_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(listed, READ_RESPONSE_HEADERS);
        assert!(listed.iter().all(|name| HttpResponse::is_read(name)));
        // The same pointer each time: the strings are static.
        assert_eq!(hms_response_header_name(0), hms_response_header_name(0));
    }
}
