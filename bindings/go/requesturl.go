package roomcodes

import (
	"net/url"
	"strings"
	"sync/atomic"
)

// urlParser parses the URLs the library builds for requests. They share
// their scheme and authority (the configured base URL's), so the last one
// seen is kept parsed: a URL that starts with it and whose path and query
// hold only characters that url.Parse keeps as they are gets that parse with
// its own path and query, and any other URL goes to url.Parse.
type urlParser struct {
	last atomic.Value // *parsedOrigin
}

// parsedOrigin is a URL's "scheme://authority" and its parse.
type parsedOrigin struct {
	origin string
	url    url.URL
}

// parse is url.Parse(libraryURL), a URL the library built, with the host as
// http.NewRequest leaves it (an empty port dropped).
func (p *urlParser) parse(libraryURL string) (*url.URL, error) {
	if o, _ := p.last.Load().(*parsedOrigin); o != nil && strings.HasPrefix(libraryURL, o.origin) {
		if path, query, ok := plainPathAndQuery(libraryURL[len(o.origin):]); ok {
			u := o.url
			u.Path, u.RawQuery = path, query
			return &u, nil
		}
	}
	u, err := url.Parse(libraryURL)
	if err != nil {
		return nil, err
	}
	u.Host = withoutEmptyPort(u.Host)
	if origin := u.Scheme + "://" + u.Host; u.User == nil && u.Opaque == "" && strings.HasPrefix(libraryURL, origin+"/") {
		p.last.Store(&parsedOrigin{origin: origin, url: url.URL{Scheme: u.Scheme, Host: u.Host}})
	}
	return u, nil
}

// plainPathAndQuery splits rest ("/path?query") when it starts with "/" and
// every byte of it is one url.Parse keeps as it is in a path or a query (no
// escape, fragment, space or control character), so that its parse is the
// path and the query as they are; ok is false otherwise.
func plainPathAndQuery(rest string) (path, query string, ok bool) {
	if rest == "" || rest[0] != '/' {
		return "", "", false
	}
	at := len(rest)
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
		case c == '?' && at == len(rest):
			at = i
		case (c == '=' || c == '&') && at < len(rest):
		default:
			return "", "", false
		}
	}
	if at == len(rest)-1 {
		return "", "", false // a bare "?": url.Parse would set ForceQuery
	}
	if at == len(rest) {
		return rest, "", true
	}
	return rest[:at], rest[at+1:], true
}

// withoutEmptyPort drops the colon of a host whose port is empty ("h:" is
// "h", "[::1]:" is "[::1]"), as http.NewRequest does.
func withoutEmptyPort(host string) string {
	if strings.LastIndex(host, ":") > strings.LastIndex(host, "]") {
		return strings.TrimSuffix(host, ":")
	}
	return host
}
