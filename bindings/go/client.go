package roomcodes

/*
#include <stdlib.h>
#include "hms_room_codes.h"
*/
import "C"

import (
	"crypto/x509"
	"fmt"
	"math"
	"net/http"
	"runtime"
	"runtime/cgo"
	"sync"
	"time"
	"unsafe"
)

// Config holds the settings of a client. The zero value of a field keeps its
// default; credentials are a fixed ManagementToken, or AccessKey + AppSecret
// (the client then signs and renews its own tokens), or none (BaseURL is then a
// proxy of yours that adds them).
type Config struct {
	// ManagementToken is a fixed management token (visible ASCII). Giving
	// AccessKey or AppSecret as well is a KindInvalidArgument error.
	ManagementToken string
	// AccessKey is the app's access key, used with AppSecret.
	AccessKey string
	// AppSecret is the app's secret, used with AccessKey.
	AppSecret string
	// BaseURL is the management API (default "https://api.100ms.live/v2").
	BaseURL string
	// AuthBaseURL is the token exchange. Empty, it is BaseURL when that is set
	// to anything but the real service's (a proxy or the emulator serves
	// both), else "https://auth.100ms.live/v2".
	AuthBaseURL string
	// Timeout bounds each attempt (default 10s); a context deadline bounds a whole call.
	Timeout time.Duration
	// MaxRetries is how many times a failed attempt may be repeated: nil
	// keeps the default (2), Retries(0) turns retries off, as 0 does in every
	// binding. A negative value is a KindInvalidArgument error from NewClient.
	MaxRetries *int
	// MaxPages bounds the pages one List fetches (zero keeps the default,
	// DefaultMaxPages); a service still sending a next-page cursor after that
	// many pages ends the listing with KindDecode.
	MaxPages int
	// BackoffBase is the first backoff step (zero keeps the default, 250ms).
	BackoffBase time.Duration
	// BackoffCap caps backoff and the Retry-After the client will wait (zero
	// keeps the default, 8s).
	BackoffCap time.Duration
	// MaxResponseBytes is the largest response body read (default DefaultMaxResponseBytes).
	MaxResponseBytes int
	// AllowInsecureHTTP allows plain http to hosts other than loopback.
	AllowInsecureHTTP bool
	// CACertificatesPEM holds CA certificates (one or more PEM "CERTIFICATE"
	// blocks) to trust for https instead of the system's roots: for a
	// server whose certificate a private CA signed, such as a company proxy
	// or a test server. Empty keeps the system's roots; a value without a
	// certificate is a KindInvalidArgument error from NewClient. It applies to
	// the default HTTP client only: with HTTPClient, set the CAs in its
	// transport instead (giving both is a KindInvalidArgument error).
	CACertificatesPEM string
	// Proxy sends every request through the HTTP proxy at this URL,
	// "http://[user:password@]host:port" (https goes through it by CONNECT, so
	// TLS still runs end to end with the service). Empty, the environment
	// decides, as in every binding: https_proxy / HTTPS_PROXY, http_proxy /
	// HTTP_PROXY and no_proxy / NO_PROXY, read by NewClient. A URL that is not
	// such a proxy (another scheme, a path, no host), here or in those
	// variables, is a KindInvalidArgument error from NewClient. It applies to
	// the default HTTP client only: with HTTPClient, set the proxy in its
	// transport instead (giving both is a KindInvalidArgument error).
	Proxy string
	// HTTPClient sends the requests (your own proxy or roots, an
	// OpenTelemetry transport...). Nil uses a client that follows Proxy (or
	// the environment's proxy settings) and trusts the system's roots.
	// Its redirects are not followed (the library reports them), and its
	// Timeout, if any, applies on top of the library's per-attempt timeout.
	HTTPClient *http.Client `json:"-"`
	// OnEvent, when set, receives every event of every call of the client
	// (each attempt, response, transport failure, retry wait and the call's
	// end; see Event), on the goroutine making the call, before the call
	// goes on: keep it quick, and do not call the client from it. With a
	// client shared by goroutines it runs on several at once. A panic in it
	// is logged (package log) and the call goes on; it must not call
	// runtime.Goexit (t.FailNow). Nil, the default, turns events off at no
	// cost. SlogEvents (Go 1.21 and later) makes one that logs to a
	// *slog.Logger.
	OnEvent func(Event) `json:"-"`
}

// The library's defaults (the core decides them; defaults_test.go checks
// each against the C header, so that they are written out here for go doc).
const (
	// DefaultTimeout bounds each attempt unless Config.Timeout is set.
	DefaultTimeout = 10 * time.Second
	// DefaultMaxRetries is the number of retries unless Config.MaxRetries is set.
	DefaultMaxRetries = 2
	// DefaultBackoffBase is the first backoff step unless Config.BackoffBase is set.
	DefaultBackoffBase = 250 * time.Millisecond
	// DefaultBackoffCap is the longest backoff unless Config.BackoffCap is set.
	DefaultBackoffCap = 8 * time.Second
	// DefaultMaxResponseBytes is the body cap unless Config.MaxResponseBytes is set.
	DefaultMaxResponseBytes = 4194304
	// DefaultMaxPages bounds a List unless Config.MaxPages is set.
	DefaultMaxPages = 1000
)

// Client is a client of the Room Codes API. It is safe for concurrent use by
// any number of goroutines; make one and share it.
type Client struct {
	mu        sync.RWMutex // read-held by every call, write-held by Close
	ptr       *C.hms_core
	transport *transport
	events    cgo.Handle // Config.OnEvent as the C library holds it; 0 for none
}

// NewClient makes a client with config. Bad settings give an *Error of kind
// KindInvalidArgument; no request is sent.
func NewClient(config Config) (*Client, error) {
	options := goOptions(C.hms_client_options_new())
	defer C.hms_client_options_free(options)
	var args cArgs
	defer args.free()
	if err := apply(options, &args, config); err != nil {
		return nil, err
	}
	if config.HTTPClient != nil && config.CACertificatesPEM != "" {
		return nil, invalidArgument("CACertificatesPEM applies to the default HTTP client: with HTTPClient, " +
			"trust the CA in its transport's TLS config")
	}
	if config.HTTPClient != nil && config.Proxy != "" {
		return nil, invalidArgument("Proxy applies to the default HTTP client: with HTTPClient, " +
			"set the proxy in its transport")
	}
	events := setEventHook(options, config.OnEvent)
	var core *C.hms_core
	var cerr *C.hms_error
	if status := C.hms_core_new(options, &core, &cerr); status != C.HMS_STATUS_OK {
		deleteHandle(events)
		return nil, fromC(status, cerr)
	}
	c, err := wrap(core, config.HTTPClient)
	if err != nil {
		deleteHandle(events)
		return nil, err
	}
	c.events = events
	return c, nil
}

// NewClientFromEnv makes a client configured from the environment, as every
// binding does: HMS_MANAGEMENT_TOKEN, or HMS_ACCESS_KEY with HMS_SECRET, and
// HMS_API_BASE_URL / HMS_AUTH_BASE_URL when set. One of the app keys without
// the other, or a token with them, is KindInvalidArgument naming the variables.
func NewClientFromEnv() (*Client, error) {
	options := goOptions(C.hms_client_options_new_from_env())
	defer C.hms_client_options_free(options)
	var core *C.hms_core
	var cerr *C.hms_error
	if status := C.hms_core_new(options, &core, &cerr); status != C.HMS_STATUS_OK {
		return nil, fromC(status, cerr)
	}
	return wrap(core, nil)
}

// goOptions is options told that this is the Go package, so that messages
// name what Go users call (CreateForRole, Config.MaxPages) and the user
// agent says "(go)".
func goOptions(options *C.hms_client_options) *C.hms_client_options {
	name := C.CString("go")
	defer C.free(unsafe.Pointer(name))
	C.hms_client_options_set_binding(options, name)
	return options
}

// wrap owns core, sending its requests with own (nil for the default client).
func wrap(core *C.hms_core, own *http.Client) (*Client, error) {
	roots, err := caRoots(core)
	if err != nil {
		C.hms_core_free(core)
		return nil, err
	}
	c := &Client{ptr: core, transport: newTransport(own, roots, proxyOf(core))}
	runtime.SetFinalizer(c, (*Client).Close)
	return c, nil
}

// caRoots is a pool of the CA certificates the library read from
// Config.CACertificatesPEM, or nil (the system's roots) when there are none.
func caRoots(core *C.hms_core) (*x509.CertPool, error) {
	n := int(C.hms_core_ca_certificate_count(core))
	if n == 0 {
		return nil, nil
	}
	pool := x509.NewCertPool()
	for i := 0; i < n; i++ {
		var der *C.uint8_t
		var size C.size_t
		var cerr *C.hms_error
		if status := C.hms_core_ca_certificate(core, C.size_t(i), &der, &size, &cerr); status != C.HMS_STATUS_OK {
			return nil, fromC(status, cerr)
		}
		certificate, err := x509.ParseCertificate(C.GoBytes(unsafe.Pointer(der), C.int(size)))
		if err != nil {
			return nil, invalidArgument(fmt.Sprintf("CACertificatesPEM: certificate %d: %v", i+1, err))
		}
		pool.AddCert(certificate)
	}
	return pool, nil
}

// Close frees the client, after waiting for calls still running on it
// (including ones whose context ended). Later calls fail with
// KindInvalidArgument. Closing twice is harmless.
func (c *Client) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ptr != nil {
		C.hms_core_free(c.ptr)
		c.ptr = nil
		deleteHandle(c.events)
		runtime.SetFinalizer(c, nil)
	}
	return nil
}

// deleteHandle frees handle, unless it is 0 (none).
func deleteHandle(handle cgo.Handle) {
	if handle != 0 {
		handle.Delete()
	}
}

// acquire returns the C client, held open until c.release is called.
func (c *Client) acquire() (*C.hms_core, error) {
	c.mu.RLock()
	if c.ptr == nil {
		c.mu.RUnlock()
		return nil, invalidArgument("the client is closed")
	}
	return c.ptr, nil
}

// release lets Close go on, once for each successful acquire.
func (c *Client) release() {
	c.mu.RUnlock()
}

// apply stores every set field of config in o (the C setters only store;
// hms_core_new checks them all); strings go to args.
func apply(o *C.hms_client_options, args *cArgs, config Config) error {
	if config.MaxPages < 0 || int64(config.MaxPages) > math.MaxUint32 {
		return invalidArgument("MaxPages must be from 0 to 4294967295")
	}
	if config.MaxResponseBytes < 0 {
		return invalidArgument("MaxResponseBytes must not be negative")
	}
	if err := checkRetries(config.MaxRetries); err != nil {
		return err
	}
	if config.Timeout < 0 || config.BackoffBase < 0 || config.BackoffCap < 0 {
		return invalidArgument("Timeout, BackoffBase and BackoffCap must not be negative")
	}
	appKeys := config.AccessKey != "" || config.AppSecret != ""
	var texts [7]*C.char
	var errs [7]error
	texts[0], errs[0] = args.add("BaseURL", config.BaseURL, true)
	texts[1], errs[1] = args.add("AuthBaseURL", config.AuthBaseURL, true)
	texts[2], errs[2] = args.add("ManagementToken", config.ManagementToken, true)
	texts[3], errs[3] = args.add("AccessKey", config.AccessKey, !appKeys)
	texts[4], errs[4] = args.add("AppSecret", config.AppSecret, !appKeys)
	texts[5], errs[5] = args.add("CACertificatesPEM", config.CACertificatesPEM, true)
	texts[6], errs[6] = args.add("Proxy", config.Proxy, true)
	if err := firstError(errs[:]...); err != nil {
		return err
	}
	baseURL, authBaseURL, token, key, secret, caPEM := texts[0], texts[1], texts[2], texts[3], texts[4], texts[5]

	if baseURL != nil {
		C.hms_client_options_set_base_url(o, baseURL)
	}
	if authBaseURL != nil {
		C.hms_client_options_set_auth_base_url(o, authBaseURL)
	}
	if token != nil {
		C.hms_client_options_set_management_token(o, token)
	}
	if appKeys {
		C.hms_client_options_set_app_keys(o, key, secret)
	}
	if config.Timeout != 0 {
		C.hms_client_options_set_timeout_ms(o, durationMS(config.Timeout))
	}
	if config.MaxRetries != nil {
		C.hms_client_options_set_max_retries(o, C.uint32_t(*config.MaxRetries))
	}
	if config.MaxPages != 0 {
		C.hms_client_options_set_max_pages(o, C.uint32_t(config.MaxPages))
	}
	if config.BackoffBase != 0 || config.BackoffCap != 0 {
		// A zero one keeps its default in C as here.
		C.hms_client_options_set_backoff_ms(o, durationMS(config.BackoffBase), durationMS(config.BackoffCap))
	}
	if config.MaxResponseBytes != 0 {
		C.hms_client_options_set_max_response_bytes(o, C.size_t(config.MaxResponseBytes))
	}
	C.hms_client_options_set_allow_insecure_http(o, C.bool(config.AllowInsecureHTTP))
	if caPEM != nil {
		C.hms_client_options_set_ca_certificates_pem(o, caPEM)
	}
	if proxy := texts[6]; proxy != nil {
		C.hms_client_options_set_proxy(o, proxy)
	}
	return nil
}

// Enabled is a ListFilter.Enabled value: &ListFilter{Enabled:
// roomcodes.Enabled(true)} keeps enabled codes only, Enabled(false) disabled
// ones, while a nil Enabled keeps both.
func Enabled(enabled bool) *bool {
	return &enabled
}

// Retries is a MaxRetries value: Config{MaxRetries: roomcodes.Retries(0)}
// turns retries off, while a nil MaxRetries keeps the default.
func Retries(n int) *int {
	return &n
}

// durationMS is d in whole milliseconds, at least 1 for a positive d (0 stays 0
// and a negative d becomes 0, which the library rejects as a timeout).
func durationMS(d time.Duration) C.uint64_t {
	if d <= 0 {
		return 0
	}
	return C.uint64_t((d + time.Millisecond - 1) / time.Millisecond)
}
