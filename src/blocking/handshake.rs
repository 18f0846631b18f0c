//! TLS handshake failures: told apart from later failures, described in the
//! project's own words, and never retried (a repeat would fail the same way).

use crate::http::{TransportFailure, TransportFailureKind};
use rustls::{AlertDescription, CertificateError, Error as TlsError};
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

/// What went wrong in a handshake, in the project's words.
fn describe(error: &TlsError, custom_roots: bool) -> String {
    use CertificateError::*;
    let certificate = match error {
        TlsError::InvalidCertificate(e) => e,
        TlsError::NoCertificatesPresented => {
            return "the server presented no TLS certificate".into()
        }
        TlsError::PeerIncompatible(_)
        | TlsError::AlertReceived(
            AlertDescription::ProtocolVersion
            | AlertDescription::HandshakeFailure
            | AlertDescription::InsufficientSecurity,
        ) => {
            return "the server and this client have no TLS version or cipher suite in common \
                    (this client speaks TLS 1.2 and 1.3)"
                .into()
        }
        TlsError::InvalidMessage(_) | TlsError::InappropriateMessage { .. } => {
            return "the server did not answer in TLS (if it serves plain http, use an http:// \
                    base URL)"
                .into()
        }
        _ => return "the TLS handshake with the server failed".into(),
    };
    match certificate {
        UnknownIssuer | BadSignature if custom_roots => {
            "the server's TLS certificate is not trusted: none of the configured CA \
             certificates signed it"
                .into()
        }
        UnknownIssuer | BadSignature => {
            "the server's TLS certificate is not trusted. If a private CA signed it (a company \
             proxy, a test server), trust that CA's certificate (PEM) with the client's \
             CA-certificates option: ConfigBuilder::ca_certificates_pem in Rust, \
             hms_client_options_set_ca_certificates_pem in C, Config.CACertificatesPEM in Go"
                .into()
        }
        NotValidForName | NotValidForNameContext { .. } => {
            "the server's TLS certificate is not valid for the host name in the base URL".into()
        }
        Expired | ExpiredContext { .. } => {
            "the server's TLS certificate has expired (or this machine's clock is wrong)".into()
        }
        NotValidYet | NotValidYetContext { .. } => {
            "the server's TLS certificate is not valid yet (or this machine's clock is wrong)"
                .into()
        }
        Revoked => "the server's TLS certificate has been revoked".into(),
        _ => "the server's TLS certificate was rejected".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
