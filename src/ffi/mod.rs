//! The C ABI (filled in by the C binding work).
