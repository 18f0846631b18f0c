//! `hms_failure`: why an attempt got no response, as the caller's transport
//! saw it. The library words the message and decides whether to retry.

use crate::core::connection_problem::ConnectionProblem;
use crate::core::tls_problem::{TlsProblem, TrustAdvice};
use crate::core::wire::http::{TransportFailure, TransportFailureKind};

/// Why an attempt got no (complete) response; give it to `hms_call_on_failure`.
/// The names say what the transport saw; pick the closest one.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum hms_failure {
    /// The server refused the connection (nothing was sent).
    Refused,
    /// The host name was not found (nothing was sent).
    HostNotFound,
    /// The connection could not be made for another reason (nothing was sent).
    ConnectFailed,
    /// The attempt ran past `hms_step.timeout_ms`.
    Timeout,
    /// The connection broke after the request may have been sent.
    ConnectionClosed,
    /// The server's answer is not valid HTTP.
    NotHttp,
    /// The response body is longer than `hms_step.max_response_bytes`.
    BodyTooLarge,
    /// TLS: no trusted CA signed the server's certificate.
    TlsUntrusted,
    /// TLS: the certificate is for another host name.
    TlsWrongName,
    /// TLS: the certificate has expired.
    TlsExpired,
    /// TLS: the certificate is not valid yet.
    TlsNotYetValid,
    /// TLS: no TLS version or cipher suite in common.
    TlsNoCommonProtocol,
    /// TLS: the server did not answer in TLS.
    TlsNotTls,
    /// TLS: any other handshake failure.
    TlsOther,
    /// Any other failure.
    Other,
}

impl hms_failure {
    /// The core's view of this failure; `custom_roots` says whether the
    /// client was given CA certificates (the advice for an untrusted one differs).
    pub(crate) fn to_transport_failure(self, custom_roots: bool) -> TransportFailure {
        use hms_failure::*;
        use TransportFailureKind as Kind;
        let tls = |problem: TlsProblem| {
            let advice = if custom_roots {
                TrustAdvice::ConfiguredCasRefused
            } else {
                TrustAdvice::CaCertificatesOption
            };
            TransportFailure::new(Kind::TlsHandshake, problem.describe(advice))
        };
        let problem = match self {
            Refused => ConnectionProblem::Refused,
            HostNotFound => ConnectionProblem::HostNotFound,
            ConnectFailed => ConnectionProblem::ConnectFailed,
            Timeout => ConnectionProblem::NoCompleteAnswerInTime,
            ConnectionClosed => ConnectionProblem::ClosedEarly,
            NotHttp => ConnectionProblem::NotHttp,
            BodyTooLarge => ConnectionProblem::BodyTooLarge,
            TlsUntrusted => return tls(TlsProblem::Untrusted),
            TlsWrongName => return tls(TlsProblem::WrongName),
            TlsExpired => return tls(TlsProblem::Expired),
            TlsNotYetValid => return tls(TlsProblem::NotYetValid),
            TlsNoCommonProtocol => return tls(TlsProblem::NoCommonProtocol),
            TlsNotTls => return tls(TlsProblem::NotTls),
            TlsOther => return tls(TlsProblem::Other),
            Other => ConnectionProblem::Other,
        };
        problem.failure()
    }
}
