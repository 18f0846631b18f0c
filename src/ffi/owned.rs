//! Ownership across the boundary, written once: every object C gets a pointer
//! to and frees with its own `_free` is a [`BoxOwned`] type. It is moved to
//! the heap by [`BoxOwned::into_raw`] and freed by [`BoxOwned::free_raw`],
//! which ignores NULL and catches a panic; what the object holds (strings,
//! items, a client) is freed by its `Drop`, so a new field frees with it.

use crate::ffi::guard::or_default;

/// A type handed to C as an owned pointer made from a `Box`.
pub(crate) trait BoxOwned: Sized {
    /// Moves `self` to the heap; C owns the pointer until its `_free`.
    fn into_raw(self) -> *mut Self {
        Box::into_raw(Box::new(self))
    }

    /// Frees what [`BoxOwned::into_raw`] made, with everything it holds. NULL
    /// is ignored.
    ///
    /// # Safety
    /// `pointer` is NULL or came from [`BoxOwned::into_raw`] of this type, and
    /// is freed only once.
    unsafe fn free_raw(pointer: *mut Self) {
        or_default((), || {
            if !pointer.is_null() {
                drop(Box::from_raw(pointer));
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static DROPPED: AtomicUsize = AtomicUsize::new(0);

    struct Counted;

    impl Drop for Counted {
        fn drop(&mut self) {
            DROPPED.fetch_add(1, Ordering::SeqCst);
        }
    }

    impl BoxOwned for Counted {}

    #[test]
    fn free_raw_drops_once_and_ignores_null() {
        let raw = Counted.into_raw();
        unsafe {
            Counted::free_raw(std::ptr::null_mut());
            assert_eq!(DROPPED.load(Ordering::SeqCst), 0);
            Counted::free_raw(raw);
        }
        assert_eq!(DROPPED.load(Ordering::SeqCst), 1);
    }
}
