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
    let mut out = String::with_capacity(value.len());
    push_component(&mut out, value);
    out
}

/// Appends `value` to `out` encoded as [`component`] encodes it.
pub fn push_component(out: &mut String, value: &str) {
    out.extend(utf8_percent_encode(value, NOT_UNRESERVED));
}

/// Builds `?k=v&k=v` from the pairs given (empty string for none).
pub fn query(pairs: &[(&str, String)]) -> String {
    let mut out = String::new();
    push_query(&mut out, pairs);
    out
}

/// Appends [`query`]'s `?k=v&k=v` of `pairs` to `out`.
pub fn push_query(out: &mut String, pairs: &[(&str, String)]) {
    for (i, (key, value)) in pairs.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(key);
        out.push('=');
        push_component(out, value);
    }
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
