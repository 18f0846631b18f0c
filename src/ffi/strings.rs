//! Strings across the boundary: reading C arguments, handing out owned strings.

use crate::core::error::{Error, Result};
use crate::ffi::guard::{null, or_default};
use std::ffi::{c_char, CStr, CString};
use std::ptr;

/// A required string argument: NULL or bytes that are not UTF-8 are an
/// `invalid_argument` error naming `name`.
pub(crate) unsafe fn required<'a>(name: &str, ptr: *const c_char) -> Result<&'a str> {
    optional(name, ptr)?.ok_or_else(|| null(name))
}

/// An optional string argument: NULL is `None`.
pub(crate) unsafe fn optional<'a>(name: &str, ptr: *const c_char) -> Result<Option<&'a str>> {
    if ptr.is_null() {
        return Ok(None);
    }
    CStr::from_ptr(ptr)
        .to_str()
        .map(Some)
        .map_err(|_| Error::invalid_argument(format!("{name} is not valid UTF-8")))
}

/// An owned C string of `text`; a NUL inside (never expected) becomes U+FFFD.
/// One allocation, sized for the terminating NUL, in the usual case.
pub(crate) fn to_c_string(text: &str) -> CString {
    let mut bytes = Vec::with_capacity(text.len() + 1);
    bytes.extend_from_slice(text.as_bytes());
    CString::new(bytes)
        .unwrap_or_else(|_| CString::new(text.replace('\0', "\u{fffd}")).expect("no NUL is left"))
}

/// The bytes before a block's first string that hold the block's length.
const BLOCK_HEADER: usize = std::mem::size_of::<usize>();

/// `texts` as C strings back to back in one allocation (a NUL inside becomes
/// U+FFFD); returns where each starts, in order. The allocation records its
/// own length just before the first string, so [`free_block`] needs only
/// that first pointer: nothing about the others (their number, their order,
/// which is last) matters to the free.
pub(crate) fn into_raw_block<'a>(
    texts: impl Iterator<Item = &'a str> + Clone,
) -> Vec<*const c_char> {
    if texts.clone().next().is_none() {
        return Vec::new(); // no string: nothing to allocate, nothing to free
    }
    let size = BLOCK_HEADER + texts.clone().map(|t| t.len() + 1).sum::<usize>();
    let mut bytes = Vec::with_capacity(size);
    bytes.extend_from_slice(&[0; BLOCK_HEADER]);
    let mut starts = Vec::with_capacity(texts.size_hint().0);
    for text in texts {
        starts.push(bytes.len());
        bytes.extend_from_slice(text.as_bytes());
        if bytes[starts[starts.len() - 1]..].contains(&0) {
            bytes.truncate(starts[starts.len() - 1]);
            bytes.extend_from_slice(text.replace('\0', "\u{fffd}").as_bytes());
        }
        bytes.push(0);
    }
    let len = bytes.len();
    bytes[..BLOCK_HEADER].copy_from_slice(&len.to_ne_bytes());
    let base = Box::into_raw(bytes.into_boxed_slice()).cast::<c_char>();
    // SAFETY: every start is an offset inside the allocation at `base`.
    starts
        .into_iter()
        .map(|start| unsafe { base.add(start) }.cast_const())
        .collect()
}

/// Frees a block made by [`into_raw_block`], given its first string.
///
/// # Safety
/// `first` is the first pointer one call of [`into_raw_block`] returned, and
/// the block is freed only once.
pub(crate) unsafe fn free_block(first: *const c_char) {
    let base = first.cast::<u8>().sub(BLOCK_HEADER).cast_mut();
    let len = usize::from_ne_bytes(ptr::read_unaligned(base.cast::<[u8; BLOCK_HEADER]>()));
    drop(Box::from_raw(ptr::slice_from_raw_parts_mut(base, len)));
}

/// A string for C to own and free with `hms_string_free`.
pub(crate) fn into_raw_string(text: &str) -> *mut c_char {
    to_c_string(text).into_raw()
}

/// Frees a string this library returned (an auth token, a room link). NULL is
/// ignored. Strings borrowed from results and errors are not freed this way.
#[no_mangle]
pub unsafe extern "C" fn hms_string_free(string: *mut c_char) {
    or_default((), || {
        if !string.is_null() {
            drop(CString::from_raw(string));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;

    #[test]
    fn arguments_are_checked() {
        unsafe {
            assert_eq!(required("room_id", c"r1".as_ptr()).unwrap(), "r1");
            assert_eq!(optional("user_id", ptr::null()).unwrap(), None);
            let err = required("room_id", ptr::null()).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidArgument);
            assert_eq!(err.message(), "room_id must not be NULL");
            let bad = c"\xff\xfe".as_ptr();
            let err = optional("role", bad).unwrap_err();
            assert_eq!(err.message(), "role is not valid UTF-8");
        }
    }

    #[test]
    fn a_block_holds_each_string_once_and_frees_whole() {
        let block = into_raw_block(["ab", "", "c\0d"].into_iter());
        let [a, empty, b] = block[..] else { panic!() };
        unsafe {
            assert_eq!(CStr::from_ptr(a).to_str().unwrap(), "ab");
            assert_eq!(CStr::from_ptr(empty).to_str().unwrap(), "");
            assert_eq!(CStr::from_ptr(b).to_str().unwrap(), "c\u{fffd}d");
            assert_eq!((empty.offset_from(a), b.offset_from(a)), (3, 4));
            free_block(a);
            assert!(
                into_raw_block([].into_iter()).is_empty(),
                "no string, no block"
            );
        }
    }

    #[test]
    fn returned_strings_round_trip_and_free() {
        let raw = into_raw_string("tok\0en");
        unsafe {
            assert_eq!(CStr::from_ptr(raw).to_str().unwrap(), "tok\u{fffd}en");
            hms_string_free(raw);
            hms_string_free(ptr::null_mut());
        }
    }
}
