//! The library's version at run time (the header has it as macros too).

use crate::ffi::guard::or_default;
use std::ffi::c_char;

/// The version of the library that is running, e.g. `"0.1.0"`; compare it with
/// `HMS_ROOM_CODES_VERSION` from the header. The string is static: never free it.
#[no_mangle]
pub extern "C" fn hms_version() -> *const c_char {
    or_default(c"".as_ptr(), || {
        concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn version_is_the_crate_version() {
        let version = unsafe { CStr::from_ptr(hms_version()) };
        assert_eq!(version.to_str().unwrap(), crate::VERSION);
    }
}
