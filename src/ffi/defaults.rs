//! The core's defaults and limits as C macros (and so Go constants), so that
//! no binding writes them again. cbindgen needs literals; a test pins each to
//! the core's own constant.

/// The timeout of each attempt unless set, in milliseconds.
pub const HMS_DEFAULT_TIMEOUT_MS: u64 = 10000;
/// Retries after the first attempt unless set (0 means no retries).
pub const HMS_DEFAULT_MAX_RETRIES: u32 = 2;
/// The first backoff step unless set, in milliseconds.
pub const HMS_DEFAULT_BACKOFF_BASE_MS: u64 = 250;
/// The longest backoff (and longest honoured `Retry-After`) unless set, in milliseconds.
pub const HMS_DEFAULT_BACKOFF_CAP_MS: u64 = 8000;
/// The largest response body read unless set, in bytes (4 MiB).
pub const HMS_DEFAULT_MAX_RESPONSE_BYTES: usize = 4194304;
/// The most pages one `hms_room_codes_list` fetches unless set.
pub const HMS_DEFAULT_MAX_PAGES: u32 = 1000;
/// The longest `Retry-After` an error reports, in milliseconds (one day): a
/// longer demand is reported as this.
pub const HMS_MAX_RETRY_AFTER_MS: u64 = 86400000;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::*;
    use std::time::Duration;

    #[test]
    fn the_macros_are_the_core_constants() {
        let ms = Duration::from_millis;
        assert_eq!(ms(HMS_DEFAULT_TIMEOUT_MS), DEFAULT_TIMEOUT);
        assert_eq!(HMS_DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRIES);
        assert_eq!(ms(HMS_DEFAULT_BACKOFF_BASE_MS), DEFAULT_BACKOFF_BASE);
        assert_eq!(ms(HMS_DEFAULT_BACKOFF_CAP_MS), DEFAULT_BACKOFF_CAP);
        assert_eq!(HMS_DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RESPONSE_BYTES);
        assert_eq!(HMS_DEFAULT_MAX_PAGES, DEFAULT_MAX_PAGES);
        assert_eq!(
            ms(HMS_MAX_RETRY_AFTER_MS),
            crate::core::call::retry_after::MAX_RETRY_AFTER
        );
    }
}
