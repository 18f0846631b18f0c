//! Percent-encoding of path segments and query values.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters gets encoded.
const NOT_UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Encodes `value` so it is one path segment or one query value, intact.
pub fn component(value: &str) -> String {
    utf8_percent_encode(value, NOT_UNRESERVED).to_string()
}

/// Builds `?k=v&k=v` from the pairs given (empty string for none).
pub fn query(pairs: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (i, (key, value)) in pairs.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(key);
        out.push('=');
        out.push_str(&component(value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_characters_are_encoded() {
        assert_eq!(component("a b/c?d#e%f"), "a%20b%2Fc%3Fd%23e%25f");
        assert_eq!(component("Az09-._~"), "Az09-._~");
        assert_eq!(component("é+&="), "%C3%A9%2B%26%3D");
    }

    #[test]
    fn query_joins_pairs() {
        assert_eq!(query(&[]), "");
        assert_eq!(
            query(&[("role", "a&b".into()), ("limit", "10".into())]),
            "?role=a%26b&limit=10"
        );
    }
}
