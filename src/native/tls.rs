//! What both native clients say about a failed rustls handshake: the rustls
//! error sorted into a [`TlsProblem`], worded once for every transport.

use crate::core::tls_problem::{TlsProblem, TrustAdvice};
use rustls::{AlertDescription, CertificateError, Error as TlsError};

/// What went wrong in a handshake, in the project's words.
pub(crate) fn describe(error: &TlsError, custom_roots: bool) -> String {
    let advice = if custom_roots {
        TrustAdvice::ConfiguredCasRefused
    } else {
        TrustAdvice::CaCertificatesOption
    };
    problem(error).describe(advice)
}

/// The kind of handshake failure behind a rustls error.
fn problem(error: &TlsError) -> TlsProblem {
    use CertificateError::*;
    let certificate = match error {
        TlsError::InvalidCertificate(e) => e,
        TlsError::NoCertificatesPresented => return TlsProblem::NoCertificate,
        TlsError::PeerIncompatible(_)
        | TlsError::AlertReceived(
            AlertDescription::ProtocolVersion
            | AlertDescription::HandshakeFailure
            | AlertDescription::InsufficientSecurity,
        ) => return TlsProblem::NoCommonProtocol,
        TlsError::InvalidMessage(_) | TlsError::InappropriateMessage { .. } => {
            return TlsProblem::NotTls
        }
        _ => return TlsProblem::Other,
    };
    match certificate {
        UnknownIssuer | BadSignature => TlsProblem::Untrusted,
        NotValidForName | NotValidForNameContext { .. } => TlsProblem::WrongName,
        Expired | ExpiredContext { .. } => TlsProblem::Expired,
        NotValidYet | NotValidYetContext { .. } => TlsProblem::NotYetValid,
        Revoked => TlsProblem::Revoked,
        _ => TlsProblem::Other,
    }
}
