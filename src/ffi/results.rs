//! The results handed to C: a room code, a list of them and a page.

use crate::core::error::Result;
use crate::core::json::Text;
use crate::core::model::{RoomCode, RoomCodePage};
use crate::core::wire::responses::code_view;
use crate::core::wire::views::CodeView;
use crate::ffi::owned::BoxOwned;
use crate::ffi::strings::{free_block, into_raw_block, into_raw_string};
use std::ffi::{c_char, CString};
use std::mem::ManuallyDrop;
use std::ptr;

/// One room code, as the service sent it. Every string is UTF-8 and owned by
/// the object that holds the code (free a lone code with `hms_room_code_free`;
/// codes inside a list or page go with it); only the timestamps can be NULL.
#[repr(C)]
pub struct hms_room_code {
    /// The code itself, e.g. `"wpi-srjb-wer"`.
    pub code: *const c_char,
    /// The room the code belongs to.
    pub room_id: *const c_char,
    /// The role a person joining with this code gets.
    pub role: *const c_char,
    /// When the code was created, RFC 3339, or NULL if the service did not say.
    pub created_at: *const c_char,
    /// When the code was last changed, RFC 3339, or NULL if the service did not say.
    pub updated_at: *const c_char,
    /// Whether the code can be used to join.
    pub enabled: bool,
}

impl From<RoomCode> for hms_room_code {
    /// The five strings go into one allocation, which starts at `code`.
    fn from(code: RoomCode) -> hms_room_code {
        into_c_code(CodeFields::from(&code))
    }
}

/// A room code read straight from the service's answer into its C form (no
/// owned model in between), as the sans-IO calls that give one code take it.
pub(crate) struct CRoomCode(pub(crate) Box<hms_room_code>);

// SAFETY: the code's pointers point into the block it owns alone.
unsafe impl Send for CRoomCode {}

impl CRoomCode {
    /// The room code of a `create_for_role` or `set_enabled` answer.
    pub(crate) fn parse(body: &[u8]) -> Result<CRoomCode> {
        let view = code_view(body)?;
        Ok(CRoomCode(Box::new(into_c_code(CodeFields::from(&view)))))
    }
}

/// A room code's fields as C gets them, from the model or a view of an answer.
#[derive(Clone, Copy)]
struct CodeFields<'a> {
    code: &'a str,
    room_id: &'a str,
    role: &'a str,
    created_at: Option<&'a str>,
    updated_at: Option<&'a str>,
    enabled: bool,
}

impl<'a> From<&'a RoomCode> for CodeFields<'a> {
    fn from(c: &'a RoomCode) -> CodeFields<'a> {
        CodeFields {
            code: &c.code,
            room_id: &c.room_id,
            role: &c.role,
            created_at: c.created_at.as_deref(),
            updated_at: c.updated_at.as_deref(),
            enabled: c.enabled,
        }
    }
}

impl<'a> From<&'a CodeView<'_>> for CodeFields<'a> {
    fn from(c: &'a CodeView<'_>) -> CodeFields<'a> {
        CodeFields {
            code: c.code.as_str(),
            room_id: c.room_id.as_str(),
            role: c.role.as_str(),
            created_at: c.created_at.as_ref().map(Text::as_str),
            updated_at: c.updated_at.as_ref().map(Text::as_str),
            enabled: c.enabled,
        }
    }
}

impl Drop for hms_room_code {
    fn drop(&mut self) {
        if !self.code.is_null() {
            // SAFETY: `code` starts the block made in `from`, freed once, here.
            unsafe { free_block(self.code) }
        }
    }
}

/// `codes` for C, their strings in one block (see [`into_raw_block`]) that
/// starts at the first code's `code` (never NULL), which is what frees it;
/// an absent timestamp takes an unused empty string there.
fn into_c_codes<'a>(codes: impl Iterator<Item = CodeFields<'a>> + Clone) -> Vec<hms_room_code> {
    let strings = into_raw_block(codes.clone().flat_map(CodeFields::texts));
    codes
        .zip(strings.chunks_exact(5))
        .map(|(code, starts)| code.in_block(starts))
        .collect()
}

/// One code for C, as [`into_c_codes`] makes each.
fn into_c_code(code: CodeFields<'_>) -> hms_room_code {
    code.in_block(&into_raw_block(code.texts().into_iter()))
}

impl<'a> CodeFields<'a> {
    /// The five strings a C code holds, in the order of its block.
    fn texts(self) -> [&'a str; 5] {
        [
            self.code,
            self.created_at.unwrap_or_default(),
            self.updated_at.unwrap_or_default(),
            self.room_id,
            self.role,
        ]
    }

    /// The C code whose strings start at `starts` (of [`CodeFields::texts`]).
    fn in_block(&self, starts: &[*const c_char]) -> hms_room_code {
        let stamp = |t: Option<&str>, at| if t.is_some() { at } else { ptr::null() };
        hms_room_code {
            code: starts[0],
            created_at: stamp(self.created_at, starts[1]),
            updated_at: stamp(self.updated_at, starts[2]),
            room_id: starts[3],
            role: starts[4],
            enabled: self.enabled,
        }
    }
}

/// Moves `codes` to the heap, their strings in one block; returns the pointer
/// to the first and the count. The codes' own `Drop` never runs: [`drop_items`]
/// frees the block whole.
fn into_raw_items(codes: Vec<RoomCode>) -> (*const hms_room_code, usize) {
    let items: Box<[ManuallyDrop<hms_room_code>]> =
        into_c_codes(codes.iter().map(CodeFields::from))
            .into_iter()
            .map(ManuallyDrop::new)
            .collect();
    let len = items.len();
    (Box::into_raw(items).cast::<hms_room_code>(), len)
}

/// Frees what [`into_raw_items`] made.
unsafe fn drop_items(items: *const hms_room_code, len: usize) {
    if items.is_null() {
        return;
    }
    let items = Box::from_raw(ptr::slice_from_raw_parts_mut(
        items.cast_mut().cast::<ManuallyDrop<hms_room_code>>(),
        len,
    ));
    if let Some(first) = items.first() {
        free_block(first.code);
    }
}

/// Room codes: `items[0]` to `items[len - 1]` (`items` is not to be read when
/// `len` is 0). Free with `hms_room_code_list_free`.
#[repr(C)]
pub struct hms_room_code_list {
    /// The codes.
    pub items: *const hms_room_code,
    /// How many codes there are.
    pub len: usize,
}

impl From<Vec<RoomCode>> for hms_room_code_list {
    fn from(codes: Vec<RoomCode>) -> hms_room_code_list {
        let (items, len) = into_raw_items(codes);
        hms_room_code_list { items, len }
    }
}

impl Drop for hms_room_code_list {
    fn drop(&mut self) {
        // SAFETY: made by `into_raw_items` in `from`, freed once, here.
        unsafe { drop_items(self.items, self.len) }
    }
}

/// One page of a room's codes. Free with `hms_room_code_page_free`.
#[repr(C)]
pub struct hms_room_code_page {
    /// The codes on this page (not to be read when `len` is 0).
    pub items: *const hms_room_code,
    /// How many codes are on this page.
    pub len: usize,
    /// The cursor of the next page (pass it as `hms_list_filter.start`), or
    /// NULL when this is the last page.
    pub last: *const c_char,
    /// The page size the service used, or 0 if it did not say.
    pub limit: u32,
}

impl From<RoomCodePage> for hms_room_code_page {
    fn from(page: RoomCodePage) -> hms_room_code_page {
        let (items, len) = into_raw_items(page.data);
        let last = page
            .last
            .filter(|last| !last.is_empty())
            .map_or(ptr::null(), |last| into_raw_string(&last).cast_const());
        hms_room_code_page {
            items,
            len,
            last,
            limit: page.limit.unwrap_or(0),
        }
    }
}

impl Drop for hms_room_code_page {
    fn drop(&mut self) {
        // SAFETY: made in `from`, freed once, here.
        unsafe {
            drop_items(self.items, self.len);
            if !self.last.is_null() {
                drop(CString::from_raw(self.last.cast_mut()));
            }
        }
    }
}

impl BoxOwned for hms_room_code {}
impl BoxOwned for hms_room_code_list {}
impl BoxOwned for hms_room_code_page {}

/// Moves a result to the heap for C.
pub(crate) fn into_raw<T: BoxOwned>(value: impl Into<T>) -> *mut T {
    value.into().into_raw()
}

/// Frees a room code and its strings. NULL is ignored. Never pass a code that
/// is an item of a list or page.
#[no_mangle]
pub unsafe extern "C" fn hms_room_code_free(code: *mut hms_room_code) {
    hms_room_code::free_raw(code)
}

/// Frees a list, its codes and their strings. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_room_code_list_free(list: *mut hms_room_code_list) {
    hms_room_code_list::free_raw(list)
}

/// Frees a page, its codes, their strings and `last`. NULL is ignored.
#[no_mangle]
pub unsafe extern "C" fn hms_room_code_page_free(page: *mut hms_room_code_page) {
    hms_room_code_page::free_raw(page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    fn code(n: u32) -> RoomCode {
        RoomCode {
            code: format!("abc-defg-{n}"),
            room_id: "room".into(),
            role: "host".into(),
            enabled: n % 2 == 0,
            created_at: Some("2024-01-02T03:04:05Z".into()),
            updated_at: None,
        }
    }

    fn text(p: *const c_char) -> &'static str {
        unsafe { CStr::from_ptr(p) }.to_str().unwrap()
    }

    #[test]
    fn a_page_carries_its_codes_cursor_and_limit() {
        let page = into_raw::<hms_room_code_page>(RoomCodePage {
            limit: Some(10),
            data: vec![code(0), code(1)],
            last: Some("abc-defg-1".into()),
        });
        unsafe {
            let p = &*page;
            assert_eq!((p.len, p.limit, text(p.last)), (2, 10, "abc-defg-1"));
            let items = std::slice::from_raw_parts(p.items, p.len);
            assert_eq!(text(items[1].code), "abc-defg-1");
            assert_eq!(text(items[0].created_at), "2024-01-02T03:04:05Z");
            assert!(items[0].updated_at.is_null(), "absent is NULL");
            assert!(items[0].enabled && !items[1].enabled);
            hms_room_code_page_free(page);
        }
        let last_page = into_raw::<hms_room_code_page>(RoomCodePage {
            limit: None,
            data: vec![],
            last: Some(String::new()),
        });
        unsafe {
            assert!((*last_page).last.is_null());
            assert_eq!(((*last_page).len, (*last_page).limit), (0, 0));
            hms_room_code_page_free(last_page);
        }
    }

    #[test]
    fn lists_and_codes_free_everything() {
        let list = into_raw::<hms_room_code_list>((0..50).map(code).collect::<Vec<_>>());
        let empty = into_raw::<hms_room_code_list>(Vec::new());
        let one = into_raw::<hms_room_code>(code(7));
        unsafe {
            assert_eq!((*list).len, 50);
            assert_eq!((*empty).len, 0);
            assert_eq!(text((*one).code), "abc-defg-7");
            hms_room_code_list_free(list);
            hms_room_code_list_free(empty);
            hms_room_code_free(one);
            hms_room_code_free(ptr::null_mut());
            hms_room_code_list_free(ptr::null_mut());
            hms_room_code_page_free(ptr::null_mut());
        }
    }
}
