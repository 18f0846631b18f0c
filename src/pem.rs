//! PEM certificates to DER: the CA certificates a client is told to trust.

use crate::error::{Error, Result};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;

const BEGIN: &str = "-----BEGIN ";
const END: &str = "-----END ";
const DASHES: &str = "-----";

/// The DER bytes of every `CERTIFICATE` block in `pem`, in order.
///
/// Text outside the blocks (such as `openssl x509 -text` output) is ignored.
/// No block at all, a block of another type (a private key, say), an
/// unterminated block or a body that is not base64 of a DER sequence is an
/// `invalid_argument` error, whose message never quotes the input.
pub fn certificates(pem: &str) -> Result<Vec<Vec<u8>>> {
    let bad = |why: &str| Error::invalid_argument(format!("ca_certificates_pem {why}"));
    let mut found = Vec::new();
    let mut rest = pem;
    while let Some(start) = rest.find(BEGIN) {
        let after = &rest[start + BEGIN.len()..];
        let (label, after) = after
            .split_once(DASHES)
            .ok_or_else(|| bad("has a malformed BEGIN line"))?;
        if label != "CERTIFICATE" {
            return Err(bad(
                "must hold only CERTIFICATE blocks (is a private key or another object in it?)",
            ));
        }
        let end_line = format!("{END}{label}{DASHES}");
        let (body, after) = after
            .split_once(end_line.as_str())
            .ok_or_else(|| bad("has a CERTIFICATE block without its END line"))?;
        let text: String = body.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let der = STANDARD
            .decode(text)
            .map_err(|_| bad("has a CERTIFICATE block that is not valid base64"))?;
        if der.first() != Some(&0x30) {
            return Err(bad("has a CERTIFICATE block that is not a DER certificate"));
        }
        found.push(der);
        rest = after;
    }
    if found.is_empty() {
        return Err(bad(
            "holds no certificate: expected one or more -----BEGIN CERTIFICATE----- blocks",
        ));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn block(label: &str, body: &str) -> String {
        format!("-----BEGIN {label}-----\n{body}\n-----END {label}-----\n")
    }

    #[test]
    fn reads_every_certificate_block_and_skips_text_around_them() {
        // base64 of the bytes 30 03 02 01 05 and 30 00.
        let pem = format!(
            "subject=CN = test\n{}between\n{}",
            block("CERTIFICATE", "MAMCAQU="),
            block("CERTIFICATE", "MA\r\nA=")
        );
        let ders = certificates(&pem).unwrap();
        assert_eq!(ders, vec![vec![0x30, 3, 2, 1, 5], vec![0x30, 0]]);
    }

    #[test]
    fn rejects_what_is_not_a_certificate_without_quoting_it() {
        let secret_key = block("PRIVATE KEY", "c2VjcmV0LWtleS1ieXRlcw==");
        for pem in [
            String::new(),
            "not pem at all".to_string(),
            secret_key,
            block("CERTIFICATE", "!!not base64!!"),
            block("CERTIFICATE", "aGVsbG8="),
            "-----BEGIN CERTIFICATE-----\nMAA=\n".to_string(),
            "-----BEGIN CERTIFICATE\nMAA=".to_string(),
        ] {
            let err = certificates(&pem).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{pem:?}");
            assert!(err.message().starts_with("ca_certificates_pem "), "{err}");
            assert!(!err.message().contains("c2VjcmV0"), "{err}");
        }
    }
}
