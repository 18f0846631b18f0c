//! What crosses the wire: the HTTP values a transport moves, the requests the
//! core builds, and the service's answers read in place.

pub(crate) mod encode;
pub(crate) mod http;
pub(crate) mod requests;
pub(crate) mod responses;
pub(crate) mod timestamp;
pub(crate) mod views;
