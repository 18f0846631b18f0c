//! What both native clients say about a failed rustls handshake: the rustls
//! error sorted into a [`TlsProblem`], worded once for every transport; and
//! which CAs they trust.

use crate::core::config::Config;
use crate::core::tls_problem::{TlsProblem, TrustAdvice};
use rustls::pki_types::CertificateDer;
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

/// The CAs a client trusts when it does not use the built-in web roots: the
/// operating system's (with `system_trust_store`) and then the configured
/// ones. `None` means the built-in web roots. A system certificate that
/// cannot be read is left out, as the other trust stores do.
pub(crate) fn own_roots(config: &Config) -> Option<Vec<CertificateDer<'static>>> {
    if !config.system_trust_store() && config.ca_certificates().is_empty() {
        return None;
    }
    let mut roots = system_roots(config);
    roots.extend(
        config
            .ca_certificates()
            .iter()
            .map(|der| CertificateDer::from(der.clone())),
    );
    Some(roots)
}

#[cfg(feature = "system-trust-store")]
fn system_roots(config: &Config) -> Vec<CertificateDer<'static>> {
    match config.system_trust_store() {
        true => rustls_native_certs::load_native_certs().certs,
        false => Vec::new(),
    }
}

/// Without the feature the config refuses `system_trust_store`.
#[cfg(not(feature = "system-trust-store"))]
fn system_roots(_: &Config) -> Vec<CertificateDer<'static>> {
    Vec::new()
}

#[cfg(all(test, feature = "system-trust-store"))]
mod tests {
    use super::*;

    #[test]
    fn the_system_store_is_read_and_the_given_cas_come_after_it() {
        let pem = "-----BEGIN CERTIFICATE-----\nMAcwADAAAwEA\n-----END CERTIFICATE-----\n";
        let config = |system| {
            Config::builder()
                .system_trust_store(system)
                .ca_certificates_pem(pem)
                .build()
                .unwrap()
        };
        let given_only = own_roots(&config(false)).unwrap();
        assert_eq!(given_only.len(), 1);
        let with_system = own_roots(&config(true)).unwrap();
        assert!(
            with_system.len() > 1,
            "this machine's CA bundle was not read"
        );
        assert_eq!(with_system.last(), given_only.last());
        assert!(own_roots(&Config::builder().build().unwrap()).is_none());
    }
}
