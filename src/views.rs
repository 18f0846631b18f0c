//! The service's answers read in place: views that borrow their strings from
//! the body (a string is copied only when the service escaped something in
//! it). Every parser of a room code goes through these, so the fields a code
//! has and what a page's cursor means are written once: the owned model types
//! are built from them, and the npm layer writes its JSON straight from them.

use crate::model::{RoomCode, RoomCodePage};
use serde::de::{Deserializer, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;

/// A string of the body: borrowed unless the service escaped a character in
/// it. A borrowed one holds no `"`, `\` or control character (JSON forbids
/// them unescaped), so it can be written back as JSON as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Text<'a>(pub Cow<'a, str>);

impl Text<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Strings;
        impl<'de> Visitor<'de> for Strings {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }
            fn visit_str<E>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }
            fn visit_string<E>(self, text: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(Strings)
    }
}

/// A room code as the service sent it; unknown fields are skipped.
#[derive(Debug, Deserialize)]
pub(crate) struct CodeView<'a> {
    #[serde(borrow)]
    pub code: Text<'a>,
    #[serde(borrow)]
    pub room_id: Text<'a>,
    #[serde(borrow)]
    pub role: Text<'a>,
    pub enabled: bool,
    #[serde(borrow, default)]
    pub created_at: Option<Text<'a>>,
    #[serde(borrow, default)]
    pub updated_at: Option<Text<'a>>,
}

impl CodeView<'_> {
    /// The timestamps, by field name.
    pub(crate) fn timestamps(&self) -> [(&'static str, Option<&Text<'_>>); 2] {
        [
            ("created_at", self.created_at.as_ref()),
            ("updated_at", self.updated_at.as_ref()),
        ]
    }
}

/// A page of codes as the service sent it.
#[derive(Debug, Deserialize)]
pub(crate) struct PageView<'a> {
    #[serde(default)]
    pub limit: Option<u32>,
    #[serde(borrow, default)]
    pub data: Vec<CodeView<'a>>,
    #[serde(borrow, default)]
    last: Option<Text<'a>>,
}

impl PageView<'_> {
    /// The cursor of the next page: `None` when the service sent none, or an
    /// empty one (both end the listing).
    pub(crate) fn cursor(&self) -> Option<&str> {
        self.last.as_ref().map(Text::as_str).filter(|last| !last.is_empty())
    }
}

impl From<CodeView<'_>> for RoomCode {
    fn from(view: CodeView<'_>) -> RoomCode {
        let owned = |text: Text<'_>| text.0.into_owned();
        RoomCode {
            code: owned(view.code),
            room_id: owned(view.room_id),
            role: owned(view.role),
            enabled: view.enabled,
            created_at: view.created_at.map(owned),
            updated_at: view.updated_at.map(owned),
        }
    }
}

impl From<PageView<'_>> for RoomCodePage {
    fn from(view: PageView<'_>) -> RoomCodePage {
        RoomCodePage {
            limit: view.limit,
            last: view.cursor().map(String::from),
            data: view.data.into_iter().map(RoomCode::from).collect(),
        }
    }
}

impl<'de> Deserialize<'de> for RoomCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        CodeView::deserialize(deserializer).map(RoomCode::from)
    }
}

impl<'de> Deserialize<'de> for RoomCodePage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        PageView::deserialize(deserializer).map(RoomCodePage::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_borrowed_unless_escaped() {
        let view: CodeView = serde_json::from_str(
            r#"{"code":"a\"b","room_id":"r","role":"h\u00e9","enabled":false,"created_at":null}"#,
        )
        .unwrap();
        assert!(matches!(view.room_id.0, Cow::Borrowed("r")));
        assert_eq!(view.code.0, Cow::<str>::Owned("a\"b".into()));
        assert_eq!(view.role.as_str(), "hé");
        assert_eq!(view.timestamps(), [("created_at", None), ("updated_at", None)]);
        let stamped: CodeView = serde_json::from_str(
            r#"{"code":"c","room_id":"r","role":"h","enabled":true,"updated_at":"2024-01-02T03:04:05Z"}"#,
        )
        .unwrap();
        let [(_, created), (field, updated)] = stamped.timestamps();
        assert_eq!((created, field), (None, "updated_at"));
        assert_eq!(updated.map(Text::as_str), Some("2024-01-02T03:04:05Z"));
    }

    #[test]
    fn an_empty_cursor_is_no_cursor() {
        for (body, cursor) in [
            (r#"{"data":[],"last":""}"#, None),
            (r#"{"data":[]}"#, None),
            (r#"{"data":[],"last":"c2"}"#, Some("c2")),
        ] {
            let view: PageView = serde_json::from_str(body).unwrap();
            assert_eq!(view.cursor(), cursor, "{body}");
            assert_eq!(RoomCodePage::from(view).last.as_deref(), cursor);
        }
    }
}
