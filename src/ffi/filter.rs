//! `hms_list_filter`: which codes a listing returns.

use crate::core::error::{Error, Result};
use crate::core::model::ListFilter;
use crate::ffi::strings::optional;
use std::ffi::c_char;

/// Which codes `hms_list_filter.enabled` keeps: one of `HMS_ENABLED_ANY`,
/// `HMS_ENABLED_ONLY` and `HMS_DISABLED_ONLY`.
pub type hms_enabled_filter = u32;

/// Enabled and disabled codes alike (the zero value).
pub const HMS_ENABLED_ANY: hms_enabled_filter = 0;
/// Only enabled codes.
pub const HMS_ENABLED_ONLY: hms_enabled_filter = 1;
/// Only disabled codes.
pub const HMS_DISABLED_ONLY: hms_enabled_filter = 2;

/// Which codes to list. Zero-initialise it (`hms_list_filter filter = {0};`)
/// for every code, then set what you need; or pass NULL for no filter.
#[repr(C)]
pub struct hms_list_filter {
    /// Only codes of this role, or NULL for every role.
    pub role: *const c_char,
    /// Only enabled or disabled codes (`HMS_ENABLED_ANY` for both).
    pub enabled: hms_enabled_filter,
    /// The page size to ask for, or 0 for the service's default.
    pub limit: u32,
    /// The cursor to start after (a page's `last`), or NULL to start at the first code.
    pub start: *const c_char,
}

/// The filter `filter` asks for (the default when it is NULL).
pub(crate) unsafe fn read(filter: *const hms_list_filter) -> Result<ListFilter> {
    let Some(filter) = filter.as_ref() else {
        return Ok(ListFilter::default());
    };
    let enabled = match filter.enabled {
        HMS_ENABLED_ANY => None,
        HMS_ENABLED_ONLY => Some(true),
        HMS_DISABLED_ONLY => Some(false),
        other => {
            return Err(Error::invalid_argument(format!(
            "filter.enabled is {other}; use HMS_ENABLED_ANY, HMS_ENABLED_ONLY or HMS_DISABLED_ONLY"
        )))
        }
    };
    Ok(ListFilter {
        role: optional("filter.role", filter.role)?.map(String::from),
        enabled,
        limit: (filter.limit > 0).then_some(filter.limit),
        start: optional("filter.start", filter.start)?.map(String::from),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;
    use std::ptr;

    #[test]
    fn zero_and_null_mean_no_filter() {
        let zero = hms_list_filter {
            role: ptr::null(),
            enabled: HMS_ENABLED_ANY,
            limit: 0,
            start: ptr::null(),
        };
        unsafe {
            assert_eq!(read(&zero).unwrap(), ListFilter::default());
            assert_eq!(read(ptr::null()).unwrap(), ListFilter::default());
        }
    }

    #[test]
    fn every_field_is_read_and_checked() {
        let mut filter = hms_list_filter {
            role: c"guest".as_ptr(),
            enabled: HMS_DISABLED_ONLY,
            limit: 25,
            start: c"abc".as_ptr(),
        };
        let read_back = unsafe { read(&filter) }.unwrap();
        assert_eq!(read_back.role.as_deref(), Some("guest"));
        assert_eq!(read_back.enabled, Some(false));
        assert_eq!(read_back.limit, Some(25));
        assert_eq!(read_back.start.as_deref(), Some("abc"));
        filter.enabled = HMS_ENABLED_ONLY;
        assert_eq!(unsafe { read(&filter) }.unwrap().enabled, Some(true));
        filter.enabled = 3;
        let err = unsafe { read(&filter) }.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        filter.enabled = HMS_ENABLED_ANY;
        filter.role = c"\xff".as_ptr();
        assert_eq!(
            unsafe { read(&filter) }.unwrap_err().kind(),
            ErrorKind::InvalidArgument
        );
    }
}
