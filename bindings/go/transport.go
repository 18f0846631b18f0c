package roomcodes

/*
#include "hms_room_codes.h"
*/
import "C"

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// transport sends the requests the library builds, with an *http.Client.
type transport struct {
	// roundTrip sends a request: the caller's client's Do (its redirects
	// switched off), or the default client's transport's RoundTrip (the same
	// exchange: that client has no timeout, cookies or redirects to follow, so
	// the work Do does for them is skipped).
	roundTrip func(*http.Request) (*http.Response, error)
	// names and values hold the Go copies of the header names (in net/http's
	// canonical form), methods and header values (but the Authorization one)
	// that repeat from request to request.
	names, values interned
	// urls parses the requests' URLs.
	urls urlParser
}

// attempt is what one request got: a response (status, header lines, body,
// in buffers lent until release) or a failure.
type attempt struct {
	status  int
	headers *bytes.Buffer
	body    *bytes.Buffer
	failed  bool
	failure C.hms_failure
}

// buffers lends the byte buffers an attempt's header lines and body are read
// into: they are needed only until the library has copied them.
var buffers = sync.Pool{New: func() interface{} { return new(bytes.Buffer) }}

// keptBuffer is the largest buffer given back to the pool.
const keptBuffer = 1 << 20

// release gives the attempt's buffers back.
func (g attempt) release() {
	for _, b := range []*bytes.Buffer{g.headers, g.body} {
		if b != nil && b.Cap() <= keptBuffer {
			b.Reset()
			buffers.Put(b)
		}
	}
}

// newTransport sends with own (a shallow copy, so that redirects reach the
// library, which decides about them) or, when own is nil, with a client that
// goes through the proxies proxy picks (see proxyOf) and trusts the system's
// roots, or exactly the CA certificates the library read from
// Config.CACertificatesPEM.
func newTransport(own *http.Client, roots *x509.CertPool, proxy func(*http.Request) (*url.URL, error)) *transport {
	t := &transport{}
	t.names.form = http.CanonicalHeaderKey
	t.values.form = func(s string) string { return s }
	if own != nil {
		client := *own
		client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		t.roundTrip = client.Do
		return t
	}
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.Proxy = proxy
	// net/http keeps 2 idle connections per host by default: a client
	// shared by many goroutines would open and close one per call.
	base.MaxIdleConnsPerHost = 100
	if roots != nil {
		base.TLSClientConfig = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
	}
	t.roundTrip = base.RoundTrip
	return t
}

// send makes the request of a SEND step within its timeout, reading at most
// the body size the step allows plus one byte (the library judges the size).
func (t *transport) send(ctx context.Context, step *C.hms_step) attempt {
	timeout := time.Duration(step.timeout_ms) * time.Millisecond
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var body io.Reader
	if step.body != nil {
		body = http.NoBody
		if step.body_len > 0 {
			body = bytes.NewReader(C.GoBytes(unsafe.Pointer(step.body), C.int(step.body_len)))
		}
	}
	u, err := t.urls.parse(C.GoString(step.url))
	if err != nil {
		return failed(C.HMS_FAILURE_OTHER)
	}
	request, err := http.NewRequestWithContext(ctx, t.values.text(step.method), "", body)
	if err != nil {
		return failed(C.HMS_FAILURE_OTHER)
	}
	request.URL, request.Host = u, u.Host
	for _, h := range unsafe.Slice(step.headers, step.headers_len) {
		name := t.names.text(h.name)
		if name == "Authorization" {
			// A token is renewed: a table of them would keep the old ones.
			request.Header[name] = []string{C.GoString(h.value)}
		} else {
			request.Header[name] = []string{t.values.text(h.value)}
		}
	}
	response, err := t.roundTrip(request)
	if err != nil {
		return failed(failureOf(err))
	}
	defer response.Body.Close()
	got := attempt{status: response.StatusCode, headers: headerLines(response.Header), body: buffers.Get().(*bytes.Buffer)}
	limit := int64(step.max_response_bytes) + 1
	if size := response.ContentLength; size > 0 && size < limit {
		got.body.Grow(int(size))
	}
	if _, err := got.body.ReadFrom(io.LimitReader(response.Body, limit)); err != nil {
		got.release()
		return failed(failureOf(err))
	}
	return got
}

func failed(failure C.hms_failure) attempt {
	return attempt{failed: true, failure: failure}
}

// readHeaders are the response headers the library reads (in net/http's
// canonical form), the only ones an attempt hands over.
var readHeaders = func() []string {
	var names []string
	for i := 0; ; i++ {
		name := C.hms_response_header_name(C.size_t(i))
		if name == nil {
			return names
		}
		names = append(names, http.CanonicalHeaderKey(C.GoString(name)))
	}
}()

// headerLines is the headers of header that the library reads as "Name:
// value" lines, one per value, in a lent buffer (empty when there are none).
func headerLines(header http.Header) *bytes.Buffer {
	b := buffers.Get().(*bytes.Buffer)
	for _, name := range readHeaders {
		for _, value := range header[name] {
			b.WriteString(name)
			b.WriteString(": ")
			b.WriteString(value)
			b.WriteString("\r\n")
		}
	}
	return b
}

// failureOf names what net/http's err says happened, for the library's words.
func failureOf(err error) C.hms_failure {
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var wrongName x509.HostnameError
	var invalid x509.CertificateInvalidError
	var notTLS tls.RecordHeaderError
	var netErr net.Error
	switch {
	case errors.As(err, &unknownCA):
		return C.HMS_FAILURE_TLS_UNTRUSTED
	case errors.As(err, &wrongName):
		return C.HMS_FAILURE_TLS_WRONG_NAME
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		if invalid.Cert != nil && time.Now().Before(invalid.Cert.NotBefore) {
			return C.HMS_FAILURE_TLS_NOT_YET_VALID
		}
		return C.HMS_FAILURE_TLS_EXPIRED
	case errors.As(err, &notTLS):
		return C.HMS_FAILURE_TLS_NOT_TLS
	case strings.Contains(err.Error(), "tls: protocol version not supported"),
		strings.Contains(err.Error(), "tls: handshake failure"):
		// A TLS alert (tls.AlertError is Go 1.21+; go.mod says 1.19).
		return C.HMS_FAILURE_TLS_NO_COMMON_PROTOCOL
	case strings.Contains(err.Error(), "remote error: tls:"), errors.As(err, &invalid):
		return C.HMS_FAILURE_TLS_OTHER
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return C.HMS_FAILURE_TIMEOUT
	case errors.As(err, &dns):
		if dns.IsNotFound {
			return C.HMS_FAILURE_HOST_NOT_FOUND
		}
		return C.HMS_FAILURE_CONNECT_FAILED
	case errors.Is(err, syscall.ECONNREFUSED):
		return C.HMS_FAILURE_REFUSED
	case isDial(err):
		return C.HMS_FAILURE_CONNECT_FAILED
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, syscall.EPIPE):
		return C.HMS_FAILURE_CONNECTION_CLOSED
	case strings.Contains(err.Error(), "malformed HTTP"):
		return C.HMS_FAILURE_NOT_HTTP
	}
	return C.HMS_FAILURE_OTHER
}

// isDial reports whether err happened while connecting.
func isDial(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}
