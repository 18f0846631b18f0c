//! What both clients say about a failed TLS handshake, in the project's words.

use rustls::{AlertDescription, CertificateError, Error as TlsError};

/// What went wrong in a handshake, in the project's words.
pub(crate) fn describe(error: &TlsError, custom_roots: bool) -> String {
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
