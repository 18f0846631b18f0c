//! Why an attempt got no (complete) response below TLS, and what to say about
//! it: one wording and one failure kind per problem, for every transport
//! (ureq in the blocking client, Node's error codes in the npm package). The
//! core adds the operation and `host:port` (`Call::on_failure`).

use crate::core::wire::http::{TransportFailure, TransportFailureKind};

/// Defines `ConnectionProblem` from one table of `Variant => kind, "words"`:
/// the enum (each variant documented by its words), `failure`, and, for the
/// tests, `ConnectionProblem::ALL`.
macro_rules! connection_problems {
    ($($name:ident => $kind:ident, $words:literal;)*) => {
        /// Why an attempt got no (complete) response. Each transport sees only
        /// some of these (Node has no separate resolve timeout), hence the `allow`.
        #[allow(dead_code)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum ConnectionProblem {
            $(#[doc = $words] $name,)*
        }

        impl ConnectionProblem {
            /// The failure the core is fed: this problem's kind, in the project's words.
            pub(crate) fn failure(self) -> TransportFailure {
                let (kind, words) = match self {
                    $(ConnectionProblem::$name => (TransportFailureKind::$kind, $words),)*
                };
                TransportFailure::new(kind, words)
            }

            /// Every problem, in the order declared.
            #[cfg(test)]
            const ALL: &'static [ConnectionProblem] = &[$(ConnectionProblem::$name),*];
        }
    };
}

connection_problems! {
    HostNotFound => NotSent, "the host name was not found";
    Refused => NotSent, "the server refused the connection";
    ConnectFailed => NotSent, "could not connect to the server";
    BadUrl => NotSent, "the URL is not valid";
    ResolveTimedOut => Timeout, "the host name was not resolved in time";
    ConnectTimedOut => Timeout, "could not connect in time";
    NoAnswerInTime => Timeout, "no answer in time";
    NoCompleteAnswerInTime => Timeout, "no complete answer in time";
    ClosedEarly => Broken, "the server closed the connection before answering in full";
    NotHttp => Broken, "the server's answer is not valid HTTP";
    BodyTooLarge => BodyTooLarge, "the response body is too large";
    Other => Broken, "the connection failed";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_has_its_own_words() {
        let words: std::collections::HashSet<String> = ConnectionProblem::ALL
            .iter()
            .map(|problem| problem.failure().message)
            .collect();
        assert_eq!(words.len(), ConnectionProblem::ALL.len());
    }

    #[test]
    fn only_a_connection_never_made_is_not_sent() {
        use ConnectionProblem::*;
        for &problem in ConnectionProblem::ALL {
            let not_sent = matches!(problem, HostNotFound | Refused | ConnectFailed | BadUrl);
            assert_eq!(
                problem.failure().kind == TransportFailureKind::NotSent,
                not_sent,
                "{problem:?}"
            );
        }
        assert_eq!(
            Refused.failure(),
            TransportFailure::new(
                TransportFailureKind::NotSent,
                "the server refused the connection"
            )
        );
    }
}
