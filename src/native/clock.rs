//! The monotonic clock a call's bounds are measured on. A [`Moment`] is the
//! time since the clock's origin: the native clients read [`now`] (the
//! process's clock, from `Instant`); a caller of the sans-IO C API passes
//! readings of its own clock, whatever its origin.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// A reading of a monotonic clock: the time since its origin.
pub(crate) type Moment = Duration;

/// The origin of the process's clock: its first reading.
fn origin() -> Instant {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    *ORIGIN.get_or_init(Instant::now)
}

/// The process's clock now.
pub(crate) fn now() -> Moment {
    origin().elapsed()
}

/// `instant` on the process's clock (an instant before its origin is the origin,
/// which has passed as well).
pub(crate) fn moment_of(instant: Instant) -> Moment {
    instant.saturating_duration_since(origin())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_map_onto_the_clock_in_order() {
        let before = now();
        let later = moment_of(Instant::now() + Duration::from_secs(5));
        assert!(later >= before + Duration::from_secs(5));
        assert!(now() >= before);
        assert_eq!(moment_of(origin()), Duration::ZERO);
        if let Some(earlier) = origin().checked_sub(Duration::from_secs(1)) {
            assert_eq!(moment_of(earlier), Duration::ZERO);
        }
    }
}
