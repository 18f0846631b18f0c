//! Which proxy a sans-IO caller sends a request through: the core's rule
//! (`Proxies::for_url`), so that a caller with its own HTTP stack (Go's
//! `net/http`) follows the same settings and environment as the other clients.

use crate::ffi::guard::or_default;
use crate::ffi::sans_io::core::hms_core;
use std::slice;

/// Whether any request of `core` goes through a proxy: one set with
/// `hms_client_options_set_proxy`, else `https_proxy` / `HTTPS_PROXY` or
/// `http_proxy` / `HTTP_PROXY`, read when `hms_core_new` ran. When false the
/// transport connects directly and need not ask `hms_core_proxy_for`.
#[no_mangle]
pub unsafe extern "C" fn hms_core_has_proxy(core: *const hms_core) -> bool {
    or_default(false, || {
        core.as_ref()
            .is_some_and(|c| !c.inner.config().proxies().is_empty())
    })
}

/// The proxy a request to `url` (`url_len` bytes of UTF-8, e.g.
/// `https://host:port/v2/...`) goes through, after `no_proxy` / `NO_PROXY`:
/// stores its URL, `http://[user:password@]host:port` (`https` targets go
/// through it by `CONNECT`), in `*proxy` and `*proxy_len` and returns true.
/// The bytes belong to `core` and are not NUL-terminated. Returns false, and
/// writes nothing, when the request goes directly (or an argument is NULL or
/// not UTF-8).
#[no_mangle]
pub unsafe extern "C" fn hms_core_proxy_for(
    core: *const hms_core,
    url: *const u8,
    url_len: usize,
    proxy: *mut *const u8,
    proxy_len: *mut usize,
) -> bool {
    or_default(false, || {
        let Some(core) = core.as_ref() else {
            return false;
        };
        if url.is_null() || proxy.is_null() || proxy_len.is_null() || url_len > isize::MAX as usize
        {
            return false;
        }
        let Ok(url) = std::str::from_utf8(slice::from_raw_parts(url, url_len)) else {
            return false;
        };
        match core.inner.config().proxies().for_url(url) {
            Some(found) => {
                *proxy = found.as_str().as_ptr();
                *proxy_len = found.as_str().len();
                true
            }
            None => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ffi::options::*;
    use crate::ffi::sans_io::core::{hms_core_free, hms_core_new};
    use crate::ffi::status::hms_status;
    use std::ptr;

    /// A core with `proxy` set explicitly (none when `None`, which then
    /// means "go directly", not "from the environment").
    unsafe fn core_with(proxy: Option<&std::ffi::CStr>) -> *mut hms_core {
        let options = hms_client_options_new();
        hms_client_options_set_base_url(options, c"https://api.test/v2".as_ptr());
        hms_client_options_set_proxy(options, proxy.map_or(ptr::null(), |p| p.as_ptr()));
        let mut core = ptr::null_mut();
        assert_eq!(
            hms_core_new(options, &mut core, ptr::null_mut()),
            hms_status::Ok
        );
        hms_client_options_free(options);
        core
    }

    unsafe fn proxy_for(core: *const hms_core, url: &str) -> Option<String> {
        let (mut at, mut len) = (ptr::null(), 0);
        hms_core_proxy_for(core, url.as_ptr(), url.len(), &mut at, &mut len)
            .then(|| String::from_utf8(slice::from_raw_parts(at, len).to_vec()).unwrap())
    }

    #[test]
    fn the_core_says_which_proxy_a_request_goes_through() {
        unsafe {
            let core = core_with(Some(c"http://user:pw@127.0.0.1:3128"));
            assert!(hms_core_has_proxy(core));
            assert_eq!(
                proxy_for(core, "https://api.test/v2/room-codes").as_deref(),
                Some("http://user:pw@127.0.0.1:3128")
            );
            assert_eq!(proxy_for(core, "not a url"), None);
            assert_eq!(proxy_for(ptr::null(), "https://api.test/v2"), None);
            hms_core_free(core);

            let direct = core_with(None);
            assert!(!hms_core_has_proxy(direct));
            assert_eq!(proxy_for(direct, "https://api.test/v2"), None);
            assert!(!hms_core_has_proxy(ptr::null()));
            hms_core_free(direct);
        }
    }
}
