//! Checks on caller-supplied strings, done before any request is built.

use crate::core::error::{Error, Result};

/// The longest argument accepted, in bytes.
pub const MAX_ARGUMENT_BYTES: usize = 1024;

/// Checks an identifier that goes into a path, a query or a body:
/// not empty or blank, at most [`MAX_ARGUMENT_BYTES`], no control characters,
/// and not `.` or `..` (servers would normalise those away).
pub fn identifier(name: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid_argument(format!("{name} must not be empty")));
    }
    if value.len() > MAX_ARGUMENT_BYTES {
        return Err(Error::invalid_argument(format!(
            "{name} is {} bytes long; at most {MAX_ARGUMENT_BYTES} are allowed",
            value.len()
        )));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid_argument(format!(
            "{name} must not contain control characters"
        )));
    }
    if value == "." || value == ".." {
        return Err(Error::invalid_argument(format!(
            "{name} must not be \".\" or \"..\""
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;

    #[test]
    fn accepts_ordinary_and_odd_but_safe_values() {
        for ok in [
            "host",
            "a b/c?d#e%f",
            "ünïcødé",
            "x".repeat(1024).as_str(),
            "...",
        ] {
            assert!(identifier("role", ok).is_ok(), "{ok:?}");
        }
    }

    #[test]
    fn rejects_bad_values_as_invalid_argument() {
        let long = "x".repeat(1025);
        for bad in [
            "",
            "   ",
            "\t",
            "a\nb",
            "a\rb",
            "a\0b",
            "\u{7f}",
            ".",
            "..",
            long.as_str(),
        ] {
            let err = identifier("role", bad).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{bad:?}");
            assert!(err.message().starts_with("role "), "{}", err.message());
        }
    }
}
