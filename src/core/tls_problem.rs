//! Why a TLS handshake failed, and what to say about it: one wording for every
//! transport (rustls in the native clients, Node's error codes in the npm
//! package). A failed handshake sent no request and would fail the same way
//! again, so transports report it as `TlsHandshake`, which is never retried.

/// Defines `TlsProblem` from one list of its variants, and, for the tests,
/// `TlsProblem::ALL` from the same list (so no test list can miss one).
macro_rules! tls_problems {
    ($($(#[doc = $doc:literal])* $name:ident,)*) => {
        /// Why a TLS handshake failed. Each transport sees only some of these (Node
        /// never reports a missing certificate by itself), hence the `allow`.
        #[allow(dead_code)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum TlsProblem {
            $($(#[doc = $doc])* $name,)*
        }

        #[cfg(test)]
        impl TlsProblem {
            /// Every problem, in the order declared.
            const ALL: &'static [TlsProblem] = &[$(TlsProblem::$name),*];
        }
    };
}

tls_problems! {
    /// No CA this client trusts signed the server's certificate.
    Untrusted,
    /// The certificate is for another host name.
    WrongName,
    /// The certificate has expired.
    Expired,
    /// The certificate is not valid yet.
    NotYetValid,
    /// The certificate has been revoked.
    Revoked,
    /// The server presented no certificate.
    NoCertificate,
    /// No TLS version or cipher suite both sides speak.
    NoCommonProtocol,
    /// The server did not answer in TLS (plain http on that port, say).
    NotTls,
    /// Any other handshake failure.
    Other,
}

/// How a user of this transport makes it trust a private CA (the native
/// clients and the npm package each use their own, hence the `allow`).
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TrustAdvice {
    /// CA certificates were configured, and none of them signed it.
    ConfiguredCasRefused,
    /// The native clients' CA-certificates option.
    CaCertificatesOption,
    /// Node's `NODE_EXTRA_CA_CERTS`, or a `fetch` of the user's.
    NodeExtraCaCerts,
}

impl TlsProblem {
    /// The message for this problem, in the project's words.
    pub(crate) fn describe(self, advice: TrustAdvice) -> String {
        match self {
            TlsProblem::Untrusted => match advice {
                TrustAdvice::ConfiguredCasRefused => {
                    "the server's TLS certificate is not trusted: none of the configured CA \
                     certificates signed it"
                }
                TrustAdvice::CaCertificatesOption => {
                    "the server's TLS certificate is not trusted. If a private CA signed it (a \
                     company proxy, a test server), trust that CA's certificate (PEM) with the \
                     client's CA-certificates option: ConfigBuilder::ca_certificates_pem in \
                     Rust, hms_client_options_set_ca_certificates_pem in C, \
                     Config.CACertificatesPEM in Go"
                }
                TrustAdvice::NodeExtraCaCerts => {
                    "the server's TLS certificate is not trusted. If a private CA signed it (a \
                     company proxy, a test server), start Node with \
                     NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or pass a `fetch` whose agent trusts \
                     that CA"
                }
            },
            TlsProblem::WrongName => {
                "the server's TLS certificate is not valid for the host name in the base URL"
            }
            TlsProblem::Expired => {
                "the server's TLS certificate has expired (or this machine's clock is wrong)"
            }
            TlsProblem::NotYetValid => {
                "the server's TLS certificate is not valid yet (or this machine's clock is wrong)"
            }
            TlsProblem::Revoked => "the server's TLS certificate has been revoked",
            TlsProblem::NoCertificate => "the server presented no TLS certificate",
            TlsProblem::NoCommonProtocol => {
                "the server and this client have no TLS version or cipher suite in common \
                 (this client speaks TLS 1.2 and 1.3)"
            }
            TlsProblem::NotTls => {
                "the server did not answer in TLS (if it serves plain http, use an http:// base \
                 URL)"
            }
            TlsProblem::Other => "the TLS handshake with the server failed",
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_has_its_own_words_and_only_untrusted_gives_advice() {
        let problems = TlsProblem::ALL;
        let advice = [
            TrustAdvice::ConfiguredCasRefused,
            TrustAdvice::CaCertificatesOption,
            TrustAdvice::NodeExtraCaCerts,
        ];
        let mut seen = std::collections::HashSet::new();
        for &problem in problems {
            for how in advice {
                let words = problem.describe(how);
                let advises = words.contains(" CA");
                assert_eq!(
                    advises,
                    problem == TlsProblem::Untrusted,
                    "{problem:?} {how:?}: {words}"
                );
                seen.insert(words);
            }
        }
        assert_eq!(seen.len(), problems.len() - 1 + advice.len());
    }
}
