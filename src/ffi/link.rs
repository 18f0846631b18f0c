//! `hms_room_link`: the link a person opens to join, built without a request.

use crate::core::error::Result;
use crate::core::link::{room_link, RoomLinkOptions};
use crate::ffi::error::hms_error;
use crate::ffi::guard::{null, run_with_output};
use crate::ffi::status::hms_status;
use crate::ffi::strings::{into_raw_string, optional, required};
use std::ffi::c_char;

/// What a room link is made of. Zero-initialise it, set `code` and exactly one
/// of `subdomain` and `domain`; the other fields are optional (NULL).
#[repr(C)]
pub struct hms_room_link_options {
    /// The app's 100ms subdomain: `https://{subdomain}.app.100ms.live/meeting/{code}`.
    pub subdomain: *const c_char,
    /// A custom domain, with an optional port: `https://{domain}/{code}`.
    pub domain: *const c_char,
    /// The room code (required).
    pub code: *const c_char,
    /// The `userId` query value, or NULL.
    pub user_id: *const c_char,
    /// The `name` query value (the name shown for the person), or NULL.
    pub name: *const c_char,
}

unsafe fn read(options: &hms_room_link_options) -> Result<RoomLinkOptions> {
    let text = |name, ptr| optional(name, ptr).map(|v| v.map(String::from));
    Ok(RoomLinkOptions {
        subdomain: text("subdomain", options.subdomain)?,
        domain: text("domain", options.domain)?,
        code: required("code", options.code)?.into(),
        user_id: text("user_id", options.user_id)?,
        name: text("name", options.name)?,
    })
}

/// Builds the link for `options` (no request is sent) and stores it in
/// `*out`; free it with `hms_string_free`. Values are percent-encoded; bad
/// hosts, an empty code, or both or neither of `subdomain` and `domain` give
/// `HMS_STATUS_INVALID_ARGUMENT`.
#[no_mangle]
pub unsafe extern "C" fn hms_room_link(
    options: *const hms_room_link_options,
    out: *mut *mut c_char,
    err: *mut *mut hms_error,
) -> hms_status {
    run_with_output(out, err, || {
        let options = options.as_ref().ok_or_else(|| null("options"))?;
        Ok(into_raw_string(&room_link(&read(options)?)?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::strings::hms_string_free;
    use std::ffi::CStr;
    use std::ptr;

    fn options(subdomain: *const c_char, domain: *const c_char) -> hms_room_link_options {
        hms_room_link_options {
            subdomain,
            domain,
            code: c"abc-defg-hij".as_ptr(),
            user_id: ptr::null(),
            name: c"Zo\xc3\xab".as_ptr(),
        }
    }

    #[test]
    fn builds_links_and_rejects_bad_options() {
        let mut link = ptr::null_mut();
        unsafe {
            let o = options(c"app".as_ptr(), ptr::null());
            assert_eq!(
                hms_room_link(&o, &mut link, ptr::null_mut()),
                hms_status::Ok
            );
            assert_eq!(
                CStr::from_ptr(link).to_str().unwrap(),
                "https://app.app.100ms.live/meeting/abc-defg-hij?name=Zo%C3%AB"
            );
            hms_string_free(link);
            let both = options(c"app".as_ptr(), c"x.com".as_ptr());
            let mut untouched = ptr::null_mut();
            assert_eq!(
                hms_room_link(&both, &mut untouched, ptr::null_mut()),
                hms_status::InvalidArgument
            );
            assert!(untouched.is_null());
            let no_code = hms_room_link_options {
                code: ptr::null(),
                ..options(c"app".as_ptr(), ptr::null())
            };
            assert_eq!(
                hms_room_link(&no_code, &mut untouched, ptr::null_mut()),
                hms_status::InvalidArgument
            );
            assert_eq!(
                hms_room_link(ptr::null(), &mut untouched, ptr::null_mut()),
                hms_status::InvalidArgument
            );
        }
    }
}
