//! The service's answers read in place: views that borrow their strings from
//! the body (a string is copied only when the service escaped something in
//! it), read with the core's JSON reader. Every parser of a room code goes
//! through these, so the fields a code has and what a page's cursor means are
//! written once: the owned model types are built from them, and the npm layer
//! writes its JSON straight from them.

use crate::core::json::{once, required, Read, Reader, Text};
use crate::core::model::{RoomCode, RoomCodePage};

/// Declares the members of an object that the core reads: an enum of
/// them, and the table of their names in the order the service sends them
/// (for [`Reader::object_in_order`]).
macro_rules! members {
    ($(#[$doc:meta])* $kind:ident in $table:ident: $($member:ident = $name:literal,)+) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        enum $kind {
            $($member,)+
        }

        /// Each member, by name, in the order the service sends them.
        const $table: &[(&str, $kind)] = &[$(($name, $kind::$member),)+];
    };
}

members! {
    /// The members of a room code read.
    CodeMember in CODE_MEMBERS:
    Code = "code",
    RoomId = "room_id",
    Role = "role",
    Enabled = "enabled",
    CreatedAt = "created_at",
    UpdatedAt = "updated_at",
}

members! {
    /// The members of a page.
    PageMember in PAGE_MEMBERS:
    Limit = "limit",
    Data = "data",
    Last = "last",
}

/// A room code as the service sent it; unknown members are skipped.
#[derive(Debug)]
pub(crate) struct CodeView<'a> {
    pub code: Text<'a>,
    pub room_id: Text<'a>,
    pub role: Text<'a>,
    pub enabled: bool,
    pub created_at: Option<Text<'a>>,
    pub updated_at: Option<Text<'a>>,
}

impl<'a> CodeView<'a> {
    /// Reads a room code object: `code`, `room_id`, `role` (strings) and
    /// `enabled` are required; the timestamps may be absent or null.
    pub(crate) fn read(reader: &mut Reader<'a>) -> Read<CodeView<'a>> {
        let (mut code, mut room_id, mut role, mut enabled) = (None, None, None, None);
        let (mut created_at, mut updated_at) = (None, None);
        reader.object_in_order(CODE_MEMBERS, |r, member, key| match member {
            Some(CodeMember::Code) => once(&mut code, r.string()?, r, key),
            Some(CodeMember::RoomId) => once(&mut room_id, r.string()?, r, key),
            Some(CodeMember::Role) => once(&mut role, r.string()?, r, key),
            Some(CodeMember::Enabled) => once(&mut enabled, r.boolean()?, r, key),
            Some(CodeMember::CreatedAt) => {
                once(&mut created_at, r.nullable(Reader::string)?, r, key)
            }
            Some(CodeMember::UpdatedAt) => {
                once(&mut updated_at, r.nullable(Reader::string)?, r, key)
            }
            None => r.skip(),
        })?;
        Ok(CodeView {
            code: required(reader, code, "code")?,
            room_id: required(reader, room_id, "room_id")?,
            role: required(reader, role, "role")?,
            enabled: required(reader, enabled, "enabled")?,
            created_at: created_at.flatten(),
            updated_at: updated_at.flatten(),
        })
    }

    /// The timestamps, by field name.
    pub(crate) fn timestamps(&self) -> [(&'static str, Option<&Text<'_>>); 2] {
        [
            ("created_at", self.created_at.as_ref()),
            ("updated_at", self.updated_at.as_ref()),
        ]
    }
}

/// Reads an array of room codes.
pub(crate) fn read_codes<'a>(reader: &mut Reader<'a>) -> Read<Vec<CodeView<'a>>> {
    let mut codes = Vec::new();
    reader.array(|r| {
        codes.push(CodeView::read(r)?);
        Ok(())
    })?;
    Ok(codes)
}

/// A page of codes as the service sent it.
#[derive(Debug)]
pub(crate) struct PageView<'a> {
    pub limit: Option<u32>,
    pub data: Vec<CodeView<'a>>,
    last: Option<Text<'a>>,
}

impl<'a> PageView<'a> {
    /// Reads a page object, the documented `{limit, data, last}`: `data` is
    /// required (an answer without it, such as `{}`, a message or a single
    /// room code, is no page: taken for an empty page, it would say the room
    /// has no codes); `limit` and `last` may be absent or null.
    pub(crate) fn read(reader: &mut Reader<'a>) -> Read<PageView<'a>> {
        let (mut limit, mut data, mut last) = (None, None, None);
        reader.object_in_order(PAGE_MEMBERS, |r, member, key| match member {
            Some(PageMember::Limit) => once(&mut limit, r.nullable(Reader::u32)?, r, key),
            Some(PageMember::Data) => once(&mut data, read_codes(r)?, r, key),
            Some(PageMember::Last) => once(&mut last, r.nullable(Reader::string)?, r, key),
            None => r.skip(),
        })?;
        Ok(PageView {
            limit: limit.flatten(),
            data: required(reader, data, "data")?,
            last: last.flatten(),
        })
    }

    /// The cursor of the next page: `None` when the service sent none, or an
    /// empty one (both end the listing).
    pub(crate) fn cursor(&self) -> Option<&str> {
        self.last
            .as_ref()
            .map(Text::as_str)
            .filter(|last| !last.is_empty())
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn code(text: &str) -> CodeView<'_> {
        CodeView::read(&mut Reader::new(text)).unwrap()
    }

    #[test]
    fn strings_are_borrowed_unless_escaped() {
        let view = code(
            r#"{"code":"a\"b","room_id":"r","role":"h\u00e9","enabled":false,"created_at":null}"#,
        );
        assert!(matches!(view.room_id.0, Cow::Borrowed("r")));
        assert_eq!(view.code.0, Cow::<str>::Owned("a\"b".into()));
        assert_eq!(view.role.as_str(), "hé");
        assert_eq!(
            view.timestamps(),
            [("created_at", None), ("updated_at", None)]
        );
        let stamped = code(
            r#"{"code":"c","room_id":"r","role":"h","enabled":true,"updated_at":"2024-01-02T03:04:05Z"}"#,
        );
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
            let view = PageView::read(&mut Reader::new(body)).unwrap();
            assert_eq!(view.cursor(), cursor, "{body}");
            assert_eq!(RoomCodePage::from(view).last.as_deref(), cursor);
        }
    }
}
