//! The HTTPS mode: a throwaway CA, made at start, that signs a server certificate for
//! `127.0.0.1` and `localhost`; rustls with the ring provider serves it.

use std::io;
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::ServerConfig;

/// What an HTTPS emulator needs: the server's TLS settings, and the CA clients must trust.
#[derive(Debug)]
pub struct Tls {
    /// The rustls settings with the server certificate and its key.
    pub config: Arc<ServerConfig>,
    /// The CA certificate that signed the server certificate, PEM-encoded.
    pub ca_pem: String,
}

fn other(error: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(error)
}

/// Makes a new CA and a server certificate signed by it.
pub fn generate() -> io::Result<Tls> {
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).map_err(other)?;
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "hms-emulator test CA");
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().map_err(other)?)
        .map_err(other)?;

    let server_key = KeyPair::generate().map_err(other)?;
    let mut params = CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
        .map_err(other)?;
    params
        .distinguished_name
        .push(DnType::CommonName, "hms-emulator");
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let certificate = params.signed_by(&server_key, &ca).map_err(other)?;

    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(server_key.serialize_der()));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(other)?
        .with_no_client_auth()
        .with_single_cert(vec![certificate.der().clone()], key)
        .map_err(other)?;
    Ok(Tls {
        config: Arc::new(config),
        ca_pem: ca.pem(),
    })
}
