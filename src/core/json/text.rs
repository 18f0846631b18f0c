//! A string of a JSON text, read in place.

use std::borrow::Cow;

/// A JSON string as read: borrowed from the text unless it held an escape. A borrowed one holds no `"`, `\` or control character (JSON forbids
/// them unescaped), so it can be written back as JSON as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Text<'a>(pub Cow<'a, str>);

impl Text<'_> {
    /// The string.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}
