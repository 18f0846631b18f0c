//! PEM certificates to DER: the CA certificates a client is told to trust.

use crate::core::error::{Error, Result};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;

const BEGIN: &str = "-----BEGIN ";
const END: &str = "-----END ";
const DASHES: &str = "-----";

/// The tag, the content and what follows of the DER element that starts `der`,
/// or `None` when its length runs past the input.
fn element(der: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = der.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let (bytes, rest) = rest.split_at(n);
        let len = bytes
            .iter()
            .fold(0usize, |len, &b| (len << 8) + usize::from(b));
        (len, rest)
    };
    (rest.len() >= len).then(|| {
        let (content, rest) = rest.split_at(len);
        (tag, content, rest)
    })
}

/// Whether `der` has a certificate's outer shape: one SEQUENCE spanning all
/// of it that holds a SEQUENCE (the signed part), a SEQUENCE (the algorithm)
/// and a BIT STRING (the signature), and nothing else. Broken or cut-short
/// DER fails here, at construction, rather than on every call.
fn is_certificate_shaped(der: &[u8]) -> bool {
    let Some((0x30, body, [])) = element(der) else {
        return false;
    };
    let Some((0x30, _, body)) = element(body) else {
        return false;
    };
    let Some((0x30, _, body)) = element(body) else {
        return false;
    };
    matches!(element(body), Some((0x03, _, [])))
}

/// The DER bytes of every `CERTIFICATE` block in `pem`, in order.
///
/// Text outside the blocks (such as `openssl x509 -text` output) is ignored.
/// No block at all, a block of another type (a private key, say), an
/// unterminated block or a body that is not base64 of a whole DER certificate
/// is an `invalid_argument` error (one bad block fails the whole bundle),
/// whose message never quotes the input.
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
        if !is_certificate_shaped(&der) {
            return Err(bad(
                "has a CERTIFICATE block that is not a whole DER certificate (corrupt or cut short)",
            ));
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
    use crate::core::error::ErrorKind;

    fn block(label: &str, body: &str) -> String {
        format!("-----BEGIN {label}-----\n{body}\n-----END {label}-----\n")
    }

    #[test]
    fn reads_every_certificate_block_and_skips_text_around_them() {
        // base64 of two certificate-shaped DER sequences.
        let pem = format!(
            "subject=CN = test\n{}between\n{}",
            block("CERTIFICATE", "MAowAwIBBTAAAwEA"),
            block("CERTIFICATE", "MAcw\r\nADAAAwEA")
        );
        let ders = certificates(&pem).unwrap();
        assert_eq!(
            ders,
            vec![
                vec![48, 10, 48, 3, 2, 1, 5, 48, 0, 3, 1, 0],
                vec![48, 7, 48, 0, 48, 0, 3, 1, 0]
            ]
        );
    }

    /// A DER element: `tag`, the length bytes `length` as written, then `content_len` zero bytes and a trailing 0xEE.
    fn der(tag: u8, length: &[u8], content_len: usize) -> Vec<u8> {
        let mut der = vec![tag];
        der.extend_from_slice(length);
        der.extend(std::iter::repeat_n(0, content_len));
        der.push(0xEE);
        der
    }

    #[test]
    fn element_reads_short_and_long_form_lengths() {
        for (length, content_len) in [
            (&[0x00][..], 0),
            (&[0x7f][..], 127),
            (&[0x81, 0x80][..], 128),
            (&[0x82, 0x01, 0x00][..], 256),
            (&[0x82, 0x01, 0x02][..], 258),
            (&[0x83, 0x00, 0x01, 0x01][..], 257),
            (&[0x84, 0x00, 0x00, 0x00, 0x02][..], 2),
        ] {
            let input = der(0x04, length, content_len);
            let (tag, content, rest) = element(&input).unwrap();
            assert_eq!(
                (tag, content.len(), rest),
                (0x04, content_len, &[0xEE][..]),
                "{length:?}"
            );
        }
        // Length bytes that end the input, announcing no content.
        assert_eq!(element(&[0x04, 0x82, 0, 0]), Some((0x04, &[][..], &[][..])));
    }

    #[test]
    fn element_refuses_lengths_it_cannot_trust() {
        for input in [
            vec![],
            vec![0x04],
            // Indefinite length (0x80), and a short-form length past the input.
            der(0x04, &[0x80], 128),
            der(0x04, &[0x80], 0),
            vec![0x04, 0x05, 0, 0, 0, 0],
            // Five length bytes, and fewer length bytes than announced.
            der(0x04, &[0x85, 0, 0, 0, 0, 2], 2),
            vec![0x04, 0x82, 0x01],
            // A long-form length past the input by one byte.
            vec![0x04, 0x82, 0x01, 0x00],
            [&[0x04, 0x82, 0x01, 0x00][..], &[0; 255]].concat(),
        ] {
            assert_eq!(element(&input), None, "{input:?}");
        }
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
            block("CERTIFICATE", "MAA="),
            block("CERTIFICATE", "MAcwADAAAwE="),
            block("CERTIFICATE", "MAgwADAAAwEAAA=="),
            block("CERTIFICATE", "MIIBIjAAMAADAQA="),
            format!(
                "{}{}",
                block("CERTIFICATE", "MAcwADAAAwEA"),
                block("CERTIFICATE", "MAcw!!")
            ),
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
