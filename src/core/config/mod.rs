//! Client settings: where to send requests, how long to wait, how to sign in.

pub(crate) mod base_url;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod pem;
pub(crate) mod proxy;

use crate::core::config::base_url::BaseUrl;
use crate::core::config::proxy::{Proxies, ProxyText};
use crate::core::error::{Error, Result};
use crate::core::events::{Event, EventHook};
use crate::core::secret::Secret;
use crate::core::spelling::Spelling;
use crate::core::validate;
use std::time::Duration;

/// The management API of the real service.
pub const DEFAULT_BASE_URL: &str = "https://api.100ms.live/v2";
/// The token exchange of the real service.
pub const DEFAULT_AUTH_BASE_URL: &str = "https://auth.100ms.live/v2";
/// Per-attempt timeout unless set.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Retries after the first attempt unless set.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// Largest response body read unless set.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;
/// First backoff step unless set.
pub const DEFAULT_BACKOFF_BASE: Duration = Duration::from_millis(250);
/// Longest backoff (and longest honoured `Retry-After`) unless set.
pub const DEFAULT_BACKOFF_CAP: Duration = Duration::from_secs(8);
/// Lifetime of a self-signed management token unless set.
pub const DEFAULT_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);
/// Pages one `list` fetches at most unless set: a server that keeps sending
/// new cursors ends in a `decode` error instead of a listing without end.
pub const DEFAULT_MAX_PAGES: u32 = 1000;

/// How the client proves who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// No Authorization header: the base URL is a proxy that adds it.
    None,
    /// A fixed management token, sent as is.
    ManagementToken(Secret),
    /// The app's access key and secret; the client signs its own tokens.
    AppKeys {
        /// The app access key (not secret; it goes into every token).
        access_key: String,
        /// The app secret that signs the tokens.
        app_secret: Secret,
    },
}

/// Checked settings of a client. Build one with [`Config::builder`].
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) base_url: BaseUrl,
    pub(crate) auth_base_url: BaseUrl,
    pub(crate) credentials: Credentials,
    pub(crate) timeout: Duration,
    pub(crate) max_retries: u32,
    pub(crate) max_response_bytes: usize,
    pub(crate) backoff_base: Duration,
    pub(crate) backoff_cap: Duration,
    pub(crate) token_lifetime: Duration,
    pub(crate) max_pages: u32,
    pub(crate) rng_seed: Option<u64>,
    pub(crate) user_agent: String,
    pub(crate) ca_certificates: Vec<Vec<u8>>,
    pub(crate) spelling: Spelling,
    pub(crate) events: Option<EventHook>,
    pub(crate) proxies: Proxies,
    pub(crate) system_trust_store: bool,
}

impl Config {
    /// A builder with every default set and no credentials.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// The management API base URL.
    pub fn base_url(&self) -> &str {
        self.base_url.as_str()
    }

    /// The token-exchange base URL.
    pub fn auth_base_url(&self) -> &str {
        self.auth_base_url.as_str()
    }

    /// The credentials in use.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// The per-attempt timeout.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The most pages one `list` fetches.
    pub fn max_pages(&self) -> u32 {
        self.max_pages
    }

    /// The largest response body that will be read.
    pub fn max_response_bytes(&self) -> usize {
        self.max_response_bytes
    }

    /// How messages spell operations and settings: the binding's own names.
    pub fn spelling(&self) -> Spelling {
        self.spelling
    }

    /// The `User-Agent` sent with every request.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// Whether the operating system's CA certificates are trusted too (see
    /// [`ConfigBuilder::system_trust_store`]).
    pub fn system_trust_store(&self) -> bool {
        self.system_trust_store
    }

    /// The proxies requests go through (see [`ConfigBuilder::proxy`]).
    pub fn proxies(&self) -> &Proxies {
        &self.proxies
    }

    /// The DER certificates of the CAs to trust instead of the built-in web
    /// roots; empty when none were given (the built-in roots are then used).
    pub fn ca_certificates(&self) -> &[Vec<u8>] {
        &self.ca_certificates
    }
}

/// Collects settings; [`ConfigBuilder::build`] checks them.
#[derive(Debug, Clone)]
pub struct ConfigBuilder {
    base_url: String,
    auth_base_url: Option<String>,
    env_problem: Option<String>,
    management_token: Option<Secret>,
    app_keys: Option<(String, Secret)>,
    timeout: Duration,
    max_retries: u32,
    max_response_bytes: usize,
    backoff_base: Duration,
    backoff_cap: Duration,
    token_lifetime: Duration,
    max_pages: u32,
    rng_seed: Option<u64>,
    allow_insecure_http: bool,
    binding: String,
    ca_certificates_pem: Vec<String>,
    events: Option<EventHook>,
    /// `None`: the process environment's (native only).
    proxy: Option<ProxyText>,
    system_trust_store: bool,
}

impl Default for ConfigBuilder {
    fn default() -> Self {
        ConfigBuilder {
            base_url: DEFAULT_BASE_URL.into(),
            auth_base_url: None,
            env_problem: None,
            management_token: None,
            app_keys: None,
            timeout: DEFAULT_TIMEOUT,
            max_retries: DEFAULT_MAX_RETRIES,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            backoff_base: DEFAULT_BACKOFF_BASE,
            backoff_cap: DEFAULT_BACKOFF_CAP,
            token_lifetime: DEFAULT_TOKEN_LIFETIME,
            max_pages: DEFAULT_MAX_PAGES,
            rng_seed: None,
            allow_insecure_http: false,
            binding: "rust".into(),
            ca_certificates_pem: Vec::new(),
            events: None,
            proxy: None,
            system_trust_store: false,
        }
    }
}

impl ConfigBuilder {
    /// Starts from the environment:
    ///
    /// | variable | setting |
    /// |---|---|
    /// | `HMS_MANAGEMENT_TOKEN` | [`ConfigBuilder::management_token`] |
    /// | `HMS_ACCESS_KEY` and `HMS_SECRET` | [`ConfigBuilder::app_keys`] |
    /// | `HMS_API_BASE_URL` | [`ConfigBuilder::base_url`] |
    /// | `HMS_AUTH_BASE_URL` | [`ConfigBuilder::auth_base_url`] |
    ///
    /// Unset or empty variables keep the defaults. As with the explicit
    /// settings, [`ConfigBuilder::build`] refuses (`invalid_argument`, naming
    /// the variables) one of `HMS_ACCESS_KEY` and `HMS_SECRET` without the
    /// other, and `HMS_MANAGEMENT_TOKEN` together with either of them.
    /// Credentials set afterwards with [`ConfigBuilder::credentials`] replace
    /// the environment's.
    pub fn from_env() -> ConfigBuilder {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Like [`ConfigBuilder::from_env`], reading variables through `lookup`
    /// (`None` for a variable that is not set).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> ConfigBuilder {
        let mut builder = ConfigBuilder::default();
        let token = lookup("HMS_MANAGEMENT_TOKEN");
        let (key, secret) = (lookup("HMS_ACCESS_KEY"), lookup("HMS_SECRET"));
        builder.env_problem =
            env_credentials_problem(token.is_some(), key.is_some(), secret.is_some());
        if let Some(token) = token {
            builder = builder.management_token(token);
        }
        if let (Some(key), Some(secret)) = (key, secret) {
            builder = builder.app_keys(key, secret);
        }
        if let Some(url) = lookup("HMS_API_BASE_URL") {
            builder = builder.base_url(url);
        }
        if let Some(url) = lookup("HMS_AUTH_BASE_URL") {
            builder = builder.auth_base_url(url);
        }
        builder
    }

    /// Sends this fixed management token. Giving app keys as well is
    /// `invalid_argument` at [`ConfigBuilder::build`].
    pub fn management_token(mut self, token: impl Into<String>) -> Self {
        self.management_token = Some(Secret::new(token));
        self
    }

    /// Signs management tokens with this access key and app secret. Giving a
    /// management token as well is `invalid_argument` at [`ConfigBuilder::build`].
    pub fn app_keys(
        mut self,
        access_key: impl Into<String>,
        app_secret: impl Into<String>,
    ) -> Self {
        self.app_keys = Some((access_key.into(), Secret::new(app_secret)));
        self
    }

    /// Uses exactly these credentials (including [`Credentials::None`]),
    /// replacing any token or keys given before.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.env_problem = None;
        (self.management_token, self.app_keys) = match credentials {
            Credentials::None => (None, None),
            Credentials::ManagementToken(token) => (Some(token), None),
            Credentials::AppKeys {
                access_key,
                app_secret,
            } => (None, Some((access_key, app_secret))),
        };
        self
    }

    /// The management API base URL (default [`DEFAULT_BASE_URL`]). Unless
    /// [`ConfigBuilder::auth_base_url`] is set too, the token exchange goes
    /// to this base URL as well (a proxy or the emulator serves both); only
    /// [`DEFAULT_BASE_URL`] itself keeps [`DEFAULT_AUTH_BASE_URL`].
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The token-exchange base URL (default: [`DEFAULT_AUTH_BASE_URL`] with
    /// the default base URL, else the base URL; see [`ConfigBuilder::base_url`]).
    pub fn auth_base_url(mut self, url: impl Into<String>) -> Self {
        self.auth_base_url = Some(url.into());
        self
    }

    /// The timeout of each attempt (default 10 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How many times a failed attempt may be repeated (default 2).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The largest response body read (default 4 MiB).
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// Backoff: first step and cap (defaults 250 ms and 8 s). The cap also
    /// bounds the `Retry-After` the client is willing to wait.
    pub fn backoff(mut self, base: Duration, cap: Duration) -> Self {
        self.backoff_base = base;
        self.backoff_cap = cap;
        self
    }

    /// The most pages one `list` fetches (more than 0; default
    /// [`DEFAULT_MAX_PAGES`]); one more page ends the listing with `decode`.
    pub fn max_pages(mut self, pages: u32) -> Self {
        self.max_pages = pages;
        self
    }

    /// Seeds the core's random source, so that backoff jitter and token ids
    /// repeat from run to run: for tests only. Unset (the default), the seed
    /// comes from the system once per client.
    pub fn rng_seed(mut self, seed: u64) -> Self {
        self.rng_seed = Some(seed);
        self
    }

    /// Lifetime of self-signed management tokens (default 24 h).
    pub fn token_lifetime(mut self, lifetime: Duration) -> Self {
        self.token_lifetime = lifetime;
        self
    }

    /// Allows plain `http` to hosts other than loopback (default false).
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Trusts the CA certificates in `pem` (one or more `-----BEGIN
    /// CERTIFICATE-----` blocks): for a server whose certificate a private CA
    /// signed, such as a company proxy or a test server. Once any are given,
    /// they replace the built-in web roots (call this again to add more).
    /// A `pem` without a certificate is `invalid_argument` at
    /// [`ConfigBuilder::build`]. Native transport only: in JavaScript the
    /// runtime's own trust store decides (Node: `NODE_EXTRA_CA_CERTS`).
    pub fn ca_certificates_pem(mut self, pem: impl Into<String>) -> Self {
        self.ca_certificates_pem.push(pem.into());
        self
    }

    /// Calls `hook` with every event of every call (attempts, responses,
    /// failures, retry waits, ends), on the thread that drives the call.
    /// Events hold no credential, token, header value or body. Off by default.
    pub fn on_event(mut self, hook: impl Fn(&Event<'_>) + Send + Sync + 'static) -> Self {
        self.events = Some(EventHook::new(hook));
        self
    }

    /// Trusts the operating system's CA certificates (as the native clients
    /// find them: the system's CA bundle on Linux, the keychain on macOS, the
    /// certificate store on Windows), together with any given by
    /// [`ConfigBuilder::ca_certificates_pem`], instead of the built-in web
    /// roots: for company networks whose TLS inspection installs its own CA
    /// there. Needs the crate's `system-trust-store` feature (without it,
    /// `true` is `invalid_argument` at [`ConfigBuilder::build`]); native
    /// clients only (in JavaScript the runtime's trust store decides).
    pub fn system_trust_store(mut self, trust: bool) -> Self {
        self.system_trust_store = trust;
        self
    }

    /// Sends every request through the HTTP proxy at `url`
    /// (`http://[user:password@]host:port`; `https` goes through it by
    /// `CONNECT`), instead of the environment's. A bad URL is
    /// `invalid_argument` at [`ConfigBuilder::build`].
    ///
    /// Unset, native clients follow `https_proxy` / `HTTPS_PROXY`,
    /// `http_proxy` / `HTTP_PROXY` and `no_proxy` / `NO_PROXY` (see
    /// [`Proxies`]); an invalid value there is `invalid_argument` too.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(ProxyText::explicit("proxy", url.into()));
        self
    }

    /// Sends every request directly, whatever the environment says.
    pub fn without_proxy(mut self) -> Self {
        self.proxy = Some(ProxyText::default());
        self
    }

    /// Takes the proxy settings from the variables `lookup` reads, as
    /// [`ConfigBuilder::proxy`] says the environment's are read.
    pub fn proxy_from_lookup(mut self, lookup: impl Fn(&str) -> Option<String>) -> Self {
        self.proxy = Some(ProxyText::from_lookup(lookup));
        self
    }

    /// Turns events off again (the default).
    pub fn no_events(mut self) -> Self {
        self.events = None;
        self
    }

    /// Names the binding in the user agent, e.g. `"c"` gives
    /// `hms-room-codes/0.1.0 (c)`, and picks how messages spell operations
    /// and settings (`"js"` spells them in camelCase, as JS users write them). Meant
    /// for the bindings of this crate.
    pub fn binding(mut self, binding: impl Into<String>) -> Self {
        self.binding = binding.into();
        self
    }

    /// Checks every setting and returns the config.
    pub fn build(self) -> Result<Config> {
        let insecure = self.allow_insecure_http;
        let spelling = Spelling::of_binding(&self.binding);
        let name = |rust| spelling.name(rust);
        let base_url = BaseUrl::parse(name("base_url"), &self.base_url, insecure)?;
        let auth_base_url = match &self.auth_base_url {
            Some(url) => BaseUrl::parse(name("auth_base_url"), url, insecure)?,
            None => derived_auth_base_url(&base_url)?,
        };
        if let Some(problem) = self.env_problem {
            return Err(Error::invalid_argument(problem));
        }
        let credentials = credentials(self.management_token, self.app_keys)?;
        if self.timeout.is_zero() {
            return Err(Error::invalid_argument(format!(
                "{} must be more than zero",
                name("timeout")
            )));
        }
        if self.max_response_bytes == 0 {
            return Err(Error::invalid_argument(format!(
                "{} must be more than zero",
                name("max_response_bytes")
            )));
        }
        if self.backoff_cap < self.backoff_base {
            return Err(Error::invalid_argument(
                "the backoff cap must not be below its base",
            ));
        }
        if self.max_pages == 0 {
            return Err(Error::invalid_argument(format!(
                "{} must be more than zero",
                name("max_pages")
            )));
        }
        if self.token_lifetime < Duration::from_secs(1) {
            return Err(Error::invalid_argument(
                "token_lifetime must be at least one second",
            ));
        }
        validate::identifier("binding", &self.binding)?;
        #[cfg(not(target_arch = "wasm32"))]
        let ca_certificates = ca_certificates(&self.ca_certificates_pem)?;
        #[cfg(target_arch = "wasm32")]
        let ca_certificates = ca_certificates_in_js(&self.ca_certificates_pem)?;
        system_trust_store_available(
            self.system_trust_store,
            cfg!(feature = "system-trust-store"),
            name("system_trust_store"),
        )?;
        let proxies = match &self.proxy {
            Some(text) => Proxies::parse(text, name)?,
            None => Proxies::parse(&environment_proxies(), name)?,
        };
        Ok(Config {
            base_url,
            auth_base_url,
            credentials,
            timeout: self.timeout,
            max_retries: self.max_retries,
            max_response_bytes: self.max_response_bytes,
            backoff_base: self.backoff_base,
            backoff_cap: self.backoff_cap,
            token_lifetime: self.token_lifetime,
            max_pages: self.max_pages,
            rng_seed: self.rng_seed,
            user_agent: format!(
                "hms-room-codes/{} ({})",
                env!("CARGO_PKG_VERSION"),
                self.binding
            ),
            ca_certificates,
            spelling,
            events: self.events,
            proxies,
            system_trust_store: self.system_trust_store,
        })
    }
}

/// Refuses the system's trust store when it was `asked` for (under the
/// setting `name`) and the crate was built without it (`built_in` false,
/// the `system-trust-store` feature off).
fn system_trust_store_available(asked: bool, built_in: bool, name: &str) -> Result<()> {
    if asked && !built_in {
        return Err(Error::invalid_argument(format!(
            "{name} needs the crate's system-trust-store feature"
        )));
    }
    Ok(())
}

/// The token-exchange base URL when only the base URL was set: the real
/// service's own for the real service's API, else the base URL itself.
fn derived_auth_base_url(base_url: &BaseUrl) -> Result<BaseUrl> {
    if base_url.as_str() == DEFAULT_BASE_URL {
        BaseUrl::parse("auth_base_url", DEFAULT_AUTH_BASE_URL, false)
    } else {
        Ok(base_url.clone())
    }
}

/// What is wrong with the credential variables of the environment, if
/// anything: they follow the explicit settings' rule (a token, or both app
/// keys, or none).
fn env_credentials_problem(token: bool, key: bool, secret: bool) -> Option<String> {
    match (token, key, secret) {
        (true, true, _) | (true, _, true) => Some(
            "HMS_MANAGEMENT_TOKEN and app keys (HMS_ACCESS_KEY, HMS_SECRET) are both set in the \
             environment: set one or the other"
                .into(),
        ),
        (false, true, false) => Some(
            "HMS_ACCESS_KEY is set in the environment but HMS_SECRET is not: set both, or \
             HMS_MANAGEMENT_TOKEN alone"
                .into(),
        ),
        (false, false, true) => Some(
            "HMS_SECRET is set in the environment but HMS_ACCESS_KEY is not: set both, or \
             HMS_MANAGEMENT_TOKEN alone"
                .into(),
        ),
        _ => None,
    }
}

/// The DER certificates of every PEM text given, in order.
#[cfg(not(target_arch = "wasm32"))]
fn ca_certificates(pems: &[String]) -> Result<Vec<Vec<u8>>> {
    let mut ders = Vec::new();
    for text in pems {
        ders.extend(crate::core::config::pem::certificates(text)?);
    }
    Ok(ders)
}

/// In JavaScript the runtime's trust store decides (Node: `NODE_EXTRA_CA_CERTS`),
/// so the PEM reader stays out of the wasm build.
#[cfg(target_arch = "wasm32")]
fn ca_certificates_in_js(pems: &[String]) -> Result<Vec<Vec<u8>>> {
    match pems {
        [] => Ok(Vec::new()),
        _ => Err(Error::invalid_argument(
            "ca_certificates_pem is for the native transport; in JavaScript the runtime's \
             trust store decides (Node: NODE_EXTRA_CA_CERTS)",
        )),
    }
}

/// The proxy settings of the process environment. In JavaScript the npm
/// layer reads the runtime's environment itself
/// ([`ConfigBuilder::proxy_from_lookup`]), so there are none here.
fn environment_proxies() -> ProxyText {
    #[cfg(not(target_arch = "wasm32"))]
    return ProxyText::from_lookup(|name| std::env::var(name).ok());
    #[cfg(target_arch = "wasm32")]
    ProxyText::default()
}

/// The longest management token or app secret accepted, in bytes.
const MAX_CREDENTIAL_BYTES: usize = 16 * 1024;

/// The credentials from what was given: a token, app keys, or neither; both is
/// `invalid_argument` (no silent winner). Checked before any request.
fn credentials(token: Option<Secret>, keys: Option<(String, Secret)>) -> Result<Credentials> {
    match (token, keys) {
        (Some(_), Some(_)) => Err(Error::invalid_argument(
            "give a management token or app keys (access key and app secret), not both",
        )),
        (Some(token), None) => {
            check_credential("management token", token.expose())?;
            if !token.expose().bytes().all(|b| b.is_ascii_graphic()) {
                return Err(Error::invalid_argument(
                    "management token must be visible ASCII characters only (it is sent in a header)",
                ));
            }
            Ok(Credentials::ManagementToken(token))
        }
        (None, Some((access_key, app_secret))) => {
            validate::identifier("access key", &access_key)?;
            check_credential("app secret", app_secret.expose())?;
            Ok(Credentials::AppKeys {
                access_key,
                app_secret,
            })
        }
        (None, None) => Ok(Credentials::None),
    }
}

/// A secret must be present and not too long, without control characters;
/// its value never appears in the error.
fn check_credential(name: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid_argument(format!("{name} must not be empty")));
    }
    if value.len() > MAX_CREDENTIAL_BYTES || value.chars().any(char::is_control) {
        return Err(Error::invalid_argument(format!(
            "{name} must be at most 16 KiB without control characters"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::error::ErrorKind;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn proxy_and_event_settings_change_only_what_they_say() {
        let url = "https://api.test/v2/rooms";
        let built = |builder: ConfigBuilder| builder.management_token("t").build().unwrap();
        let looked = built(
            Config::builder().proxy_from_lookup(env(&[("HTTPS_PROXY", "http://proxy.test:3128")])),
        );
        let proxy = looked.proxies().for_url(url).map(|p| p.host());
        assert_eq!(proxy, Some("proxy.test"));
        let direct = built(Config::builder().proxy("http://p.test:1").without_proxy());
        assert!(direct.proxies().for_url(url).is_none());
        assert!(built(Config::builder().on_event(|_| {}).no_events())
            .events
            .is_none());
        // Each changes its own setting only: what was set before stays.
        let kept = |builder: ConfigBuilder| builder.build().unwrap().max_pages();
        let base = || Config::builder().management_token("t").max_pages(3);
        assert_eq!(kept(base().without_proxy()), 3);
        assert_eq!(kept(base().no_events()), 3);
        assert_eq!(kept(base().proxy_from_lookup(env(&[]))), 3);
    }

    #[test]
    fn messages_spell_settings_as_the_binding_does() {
        let message = |binding: &str, builder: ConfigBuilder| {
            builder
                .binding(binding)
                .build()
                .unwrap_err()
                .message()
                .to_owned()
        };
        let insecure = || Config::builder().base_url("http://example.com/v2");
        assert!(message("js", insecure()).starts_with("baseUrl uses plain http"));
        assert!(message("c", insecure()).starts_with("base_url uses plain http"));
        let no_pages = || Config::builder().max_pages(0);
        assert_eq!(message("js", no_pages()), "maxPages must be more than zero");
        assert_eq!(
            message("rust", no_pages()),
            "max_pages must be more than zero"
        );
        let no_bytes = Config::builder().max_response_bytes(0);
        assert_eq!(
            message("js", no_bytes),
            "maxResponseBytes must be more than zero"
        );
        let no_time = Config::builder().timeout(Duration::ZERO);
        assert_eq!(message("js", no_time), "timeoutMs must be more than zero");
    }

    #[test]
    fn defaults_match_the_service() {
        let c = Config::builder().build().unwrap();
        assert_eq!(c.base_url(), DEFAULT_BASE_URL);
        assert_eq!(c.auth_base_url(), DEFAULT_AUTH_BASE_URL);
        assert_eq!(c.timeout(), Duration::from_secs(10));
        assert_eq!(c.max_retries, 2);
        assert_eq!(c.max_response_bytes(), 4 << 20);
        assert_eq!(c.credentials(), &Credentials::None);
        assert_eq!(c.token_lifetime, Duration::from_secs(86_400));
        assert_eq!(c.max_pages(), 1000);
        assert!(c.ca_certificates().is_empty());
        assert_eq!(
            c.user_agent(),
            format!("hms-room-codes/{} (rust)", env!("CARGO_PKG_VERSION"))
        );
    }

    #[test]
    fn ca_certificates_add_up_in_order() {
        let one = "-----BEGIN CERTIFICATE-----\nMAcwADAAAwEA\n-----END CERTIFICATE-----\n";
        let two = "-----BEGIN CERTIFICATE-----\nMAowAwIBBTAAAwEA\n-----END CERTIFICATE-----\n";
        let c = Config::builder()
            .ca_certificates_pem(format!("{one}{two}"))
            .ca_certificates_pem(one)
            .build()
            .unwrap();
        assert_eq!(
            c.ca_certificates(),
            [
                vec![48, 7, 48, 0, 48, 0, 3, 1, 0],
                vec![48, 10, 48, 3, 2, 1, 5, 48, 0, 3, 1, 0],
                vec![48, 7, 48, 0, 48, 0, 3, 1, 0]
            ]
        );
    }

    #[test]
    fn environment_names_match_the_official_sdk() {
        let c = ConfigBuilder::from_lookup(env(&[
            ("HMS_ACCESS_KEY", "key"),
            ("HMS_SECRET", "secret"),
            ("HMS_API_BASE_URL", "http://127.0.0.1:9/v2"),
            ("HMS_AUTH_BASE_URL", "http://127.0.0.1:8/v2"),
        ]))
        .build()
        .unwrap();
        assert!(
            matches!(c.credentials(), Credentials::AppKeys { access_key, .. } if access_key == "key")
        );
        assert_eq!(c.base_url(), "http://127.0.0.1:9/v2");
        assert_eq!(c.auth_base_url(), "http://127.0.0.1:8/v2");
        let t = ConfigBuilder::from_lookup(env(&[("HMS_MANAGEMENT_TOKEN", "tok")]));
        assert_eq!(
            t.build().unwrap().credentials(),
            &Credentials::ManagementToken(Secret::new("tok"))
        );
        let none = ConfigBuilder::from_lookup(env(&[]));
        assert_eq!(none.build().unwrap().credentials(), &Credentials::None);
    }

    #[test]
    fn environment_credentials_follow_the_settings_rule() {
        for (vars, names) in [
            (&[("HMS_ACCESS_KEY", "k")][..], &["HMS_SECRET"][..]),
            (&[("HMS_SECRET", "s")][..], &["HMS_ACCESS_KEY"][..]),
            (
                &[("HMS_MANAGEMENT_TOKEN", "t"), ("HMS_ACCESS_KEY", "k")][..],
                &["HMS_MANAGEMENT_TOKEN", "HMS_ACCESS_KEY"][..],
            ),
            (
                &[("HMS_MANAGEMENT_TOKEN", "t"), ("HMS_SECRET", "s")][..],
                &["HMS_MANAGEMENT_TOKEN", "HMS_SECRET"][..],
            ),
            (
                &[
                    ("HMS_MANAGEMENT_TOKEN", "t"),
                    ("HMS_ACCESS_KEY", "k"),
                    ("HMS_SECRET", "s"),
                ][..],
                &["HMS_MANAGEMENT_TOKEN", "HMS_ACCESS_KEY"][..],
            ),
        ] {
            let err = ConfigBuilder::from_lookup(env(vars)).build().unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{vars:?}");
            for name in names {
                assert!(err.message().contains(name), "{vars:?}: {err}");
            }
        }
        // Credentials given afterwards replace the environment's.
        let replaced = ConfigBuilder::from_lookup(env(&[("HMS_ACCESS_KEY", "k")]))
            .credentials(Credentials::ManagementToken(Secret::new("t")));
        assert_eq!(
            replaced.build().unwrap().credentials(),
            &Credentials::ManagementToken(Secret::new("t"))
        );
    }

    #[test]
    fn the_auth_base_url_follows_a_custom_base_url() {
        let custom = Config::builder()
            .base_url("http://127.0.0.1:9/v2/")
            .build()
            .unwrap();
        assert_eq!(custom.auth_base_url(), "http://127.0.0.1:9/v2");
        let real = Config::builder()
            .base_url(DEFAULT_BASE_URL)
            .build()
            .unwrap();
        assert_eq!(real.auth_base_url(), DEFAULT_AUTH_BASE_URL);
        let both = Config::builder()
            .base_url("http://127.0.0.1:9/v2")
            .auth_base_url("http://127.0.0.1:8/v2")
            .build()
            .unwrap();
        assert_eq!(both.auth_base_url(), "http://127.0.0.1:8/v2");
        let env_only_api =
            ConfigBuilder::from_lookup(env(&[("HMS_API_BASE_URL", "http://localhost:7/v2")]));
        assert_eq!(
            env_only_api.build().unwrap().auth_base_url(),
            "http://localhost:7/v2"
        );
    }

    #[test]
    fn secrets_up_to_16_kib_are_accepted() {
        let at_limit = "s".repeat(16 * 1024);
        assert!(Config::builder()
            .app_keys("k", at_limit.clone())
            .build()
            .is_ok());
        assert!(Config::builder()
            .management_token(at_limit.clone())
            .build()
            .is_ok());
        let over = format!("{at_limit}s");
        let err = Config::builder().app_keys("k", over).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert!(Config::builder()
            .management_token("s".repeat(16 * 1024 + 1))
            .build()
            .is_err());
    }

    #[test]
    fn settings_at_their_limits_are_accepted() {
        let c = Config::builder()
            .base_url("http://api.example/v2")
            .allow_insecure_http(true)
            .backoff(Duration::from_secs(1), Duration::from_secs(1))
            .token_lifetime(Duration::from_secs(1))
            .max_pages(7)
            .build()
            .unwrap();
        assert_eq!((c.base_url(), c.max_pages()), ("http://api.example/v2", 7));
        assert_eq!(
            (c.backoff_base, c.backoff_cap),
            (c.backoff_cap, Duration::from_secs(1))
        );
        assert_eq!(c.token_lifetime, Duration::from_secs(1));
    }

    #[test]
    fn bad_settings_are_invalid_arguments_without_secrets() {
        let cases = [
            Config::builder().management_token(" "),
            Config::builder().app_keys("", "s"),
            Config::builder().app_keys("k", "line\nbreak-secret"),
            Config::builder().timeout(Duration::ZERO),
            Config::builder().max_response_bytes(0),
            Config::builder().backoff(Duration::from_secs(2), Duration::from_secs(1)),
            Config::builder().token_lifetime(Duration::from_millis(10)),
            Config::builder().max_pages(0),
            Config::builder().management_token("tök€"),
            Config::builder().management_token("two words"),
            Config::builder()
                .management_token("t")
                .app_keys("k", "break-secret"),
            Config::builder()
                .app_keys("k", "break-secret")
                .management_token("t"),
            Config::builder().base_url("http://example.com/v2"),
            Config::builder().auth_base_url("nope"),
            Config::builder().ca_certificates_pem("no certificate here"),
        ];
        for builder in cases {
            let err = builder.build().unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidArgument);
            assert!(!err.message().contains("break-secret"));
        }
    }

    #[test]
    fn debug_output_hides_secrets() {
        let c = Config::builder()
            .app_keys("key", "very-secret-value")
            .build()
            .unwrap();
        let t = Config::builder()
            .management_token("tok-secret-value")
            .build()
            .unwrap();
        let shown = format!(
            "{c:?} {t:?} {:?}",
            Config::builder().management_token("tok-secret-value")
        );
        assert!(!shown.contains("very-secret-value") && !shown.contains("tok-secret-value"));
        assert!(shown.contains("<redacted>"));
    }

    #[test]
    fn the_system_trust_store_is_refused_by_a_build_without_it() {
        let err = system_trust_store_available(true, false, "system_trust_store").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert_eq!(
            err.message(),
            "system_trust_store needs the crate's system-trust-store feature"
        );
        assert!(system_trust_store_available(false, false, "system_trust_store").is_ok());
        assert!(system_trust_store_available(true, true, "system_trust_store").is_ok());
        // The builder asks with the feature this build has.
        assert_eq!(
            Config::builder().system_trust_store(true).build().is_ok(),
            cfg!(feature = "system-trust-store")
        );
    }
}
