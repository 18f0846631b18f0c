//! TLS handshake failures: told apart from later failures, described in the
//! project's own words, and never retried (a repeat would fail the same way).

use crate::core::wire::http::{TransportFailure, TransportFailureKind};
use crate::native::tls::describe;
use rustls::Error as TlsError;
use std::fmt;
use std::io;

/// A TLS error raised while connecting, before any request was sent.
#[derive(Debug)]
struct Handshake(TlsError);

impl fmt::Display for Handshake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the TLS handshake failed: {}", self.0)
    }
}

impl std::error::Error for Handshake {}

/// Marks a TLS error in `error`, which connecting returned, as a handshake
/// failure; other errors pass unchanged.
pub(crate) fn mark(error: ureq::Error) -> ureq::Error {
    match tls_error(&error) {
        Some(tls) => ureq::Error::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            Handshake(tls.clone()),
        )),
        None => error,
    }
}

/// The rustls error behind `error`, if any.
fn tls_error(error: &ureq::Error) -> Option<&TlsError> {
    match error {
        ureq::Error::Rustls(e) => Some(e),
        ureq::Error::Io(io) => io.get_ref()?.downcast_ref(),
        _ => None,
    }
}

/// The failure for `error` if [`mark`] marked it as a handshake failure.
/// `custom_roots` says whether the client trusts its own CA certificates
/// (advice to trust a CA then makes no sense).
pub(crate) fn failure(error: &ureq::Error, custom_roots: bool) -> Option<TransportFailure> {
    let ureq::Error::Io(io) = error else {
        return None;
    };
    let Handshake(tls) = io.get_ref()?.downcast_ref::<Handshake>()?;
    Some(TransportFailure::new(
        TransportFailureKind::TlsHandshake,
        describe(tls, custom_roots),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustls::{AlertDescription, CertificateError};

    fn marked(tls: TlsError) -> ureq::Error {
        mark(ureq::Error::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            tls,
        )))
    }

    #[test]
    fn only_marked_tls_errors_are_handshake_failures() {
        let unmarked = ureq::Error::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            TlsError::DecryptError,
        ));
        assert!(failure(&unmarked, false).is_none());
        let refused = mark(ureq::Error::Io(io::ErrorKind::ConnectionRefused.into()));
        assert!(failure(&refused, false).is_none());
        let failed = failure(&marked(TlsError::DecryptError), false).unwrap();
        assert_eq!(failed.kind, TransportFailureKind::TlsHandshake);
    }

    #[test]
    fn advice_to_trust_a_ca_only_where_it_helps() {
        let message =
            |tls: TlsError, custom_roots| failure(&marked(tls), custom_roots).unwrap().message;
        let unknown = || TlsError::InvalidCertificate(CertificateError::UnknownIssuer);
        assert!(message(unknown(), false).contains("ca_certificates_pem"));
        assert!(message(unknown(), true).contains("none of the configured CA"));
        for (error, says) in [
            (CertificateError::NotValidForName, "host name"),
            (CertificateError::Expired, "expired"),
            (CertificateError::NotValidYet, "not valid yet"),
        ] {
            for custom_roots in [false, true] {
                let text = message(TlsError::InvalidCertificate(error.clone()), custom_roots);
                assert!(text.contains(says) && !text.contains("CA"), "{text}");
            }
        }
        let plain_http = TlsError::InvalidMessage(rustls::InvalidMessage::InvalidContentType);
        assert!(message(plain_http, false).contains("http://"));
        let version = TlsError::AlertReceived(AlertDescription::ProtocolVersion);
        assert!(message(version, false).contains("TLS version"));
    }
}
