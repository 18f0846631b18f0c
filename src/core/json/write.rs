//! Writing JSON: strings escaped as JSON requires, and flat objects of
//! strings, booleans and whole numbers (the request bodies and token claims).

use std::fmt::Write;

/// `value` as a JSON string: `"`, `\` and control characters escaped (the
/// short forms where JSON has one), everything else as it is.
pub(crate) fn string(out: &mut String, value: &str) {
    out.push('"');
    if !value.bytes().any(|b| b < b' ' || b == b'"' || b == b'\\') {
        out.push_str(value);
        out.push('"');
        return;
    }
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `value` quoted as a JSON string, for a message: its control characters
/// escaped, without the `Debug` formatting of `str` (and its Unicode tables).
pub(crate) fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    string(&mut out, value);
    out
}

/// A flat JSON object, written member by member.
pub(crate) struct Object {
    out: String,
}

impl Object {
    /// `{`.
    pub(crate) fn new() -> Object {
        Object {
            out: String::from("{"),
        }
    }

    fn name(&mut self, name: &str) -> &mut String {
        if self.out.len() > 1 {
            self.out.push(',');
        }
        string(&mut self.out, name);
        self.out.push(':');
        &mut self.out
    }

    /// A string member.
    pub(crate) fn string(mut self, name: &str, value: &str) -> Object {
        let out = self.name(name);
        string(out, value);
        self
    }

    /// A boolean member.
    pub(crate) fn boolean(mut self, name: &str, value: bool) -> Object {
        let out = self.name(name);
        out.push_str(if value { "true" } else { "false" });
        self
    }

    /// A whole-number member.
    pub(crate) fn number(mut self, name: &str, value: u64) -> Object {
        let out = self.name(name);
        let _ = write!(out, "{value}");
        self
    }

    /// `}`: the object's text.
    pub(crate) fn end(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_serde_json_writes() {
        for value in [
            "plain",
            "",
            "a\"b\\c",
            "\n\r\t\u{8}\u{c}\u{1}\u{1f}",
            "é\u{2028}😀",
            "/",
        ] {
            let mut out = String::new();
            string(&mut out, value);
            assert_eq!(out, serde_json::to_string(value).unwrap(), "{value:?}");
        }
        let object = Object::new()
            .string("code", "a\"b")
            .boolean("enabled", false)
            .number("exp", u64::MAX)
            .end();
        let expected = serde_json::json!({"code": "a\"b", "enabled": false, "exp": u64::MAX});
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&object).unwrap(),
            expected
        );
        assert_eq!(Object::new().end(), "{}");
    }
}
