//go:build cgo

package roomcodes

import (
	"encoding/json"
	"fmt"
	"strings"
)

// plainConfig is Config without its methods, for formatting.
type plainConfig Config

// redacted is c with its secrets replaced by "<redacted>".
func (c Config) redacted() plainConfig {
	for _, secret := range []*string{&c.ManagementToken, &c.AppSecret} {
		if *secret != "" {
			*secret = "<redacted>"
		}
	}
	// A proxy's user info may hold a password: the host and port are what help.
	if at := strings.LastIndexByte(c.Proxy, '@'); at >= 0 {
		c.Proxy = "<redacted>@" + c.Proxy[at+1:]
	}
	return plainConfig(c)
}

// String formats the config for %v, %+v and %s with the management token and
// the app secret redacted, so that printing a config never shows them.
func (c Config) String() string {
	return fmt.Sprintf("%+v", c.redacted())
}

// GoString formats the config for %#v, with its secrets redacted.
func (c Config) GoString() string {
	return strings.Replace(fmt.Sprintf("%#v", c.redacted()), "plainConfig", "Config", 1)
}

// MarshalJSON encodes the config with its secrets redacted, so that
// json.Marshal(config) (a config logged or stored as JSON) never shows them.
func (c Config) MarshalJSON() ([]byte, error) {
	return json.Marshal(c.redacted())
}

// plainAuthToken is AuthToken without its methods, for formatting.
type plainAuthToken AuthToken

// redacted is t with its token replaced by "<redacted>".
func (t AuthToken) redacted() plainAuthToken {
	if t.Token != "" {
		t.Token = "<redacted>"
	}
	return plainAuthToken(t)
}

// Format prints the token redacted for every verb (%v, %+v, %#v, %s, %q, %x,
// %d ...): the fields as fmt would show them, the token as "<redacted>".
func (t AuthToken) Format(f fmt.State, verb rune) {
	format := "%" + string(verb)
	for _, flag := range "+#" {
		if f.Flag(int(flag)) {
			format = "%" + string(flag) + string(verb)
		}
	}
	text := fmt.Sprintf(format, t.redacted())
	fmt.Fprint(f, strings.Replace(text, "plainAuthToken", "AuthToken", 1))
}

// String is the token redacted, as %v prints it.
func (t AuthToken) String() string {
	return fmt.Sprint(t)
}

// MarshalJSON encodes the token redacted, so that json.Marshal of a token (or
// of a struct holding one) never shows it.
func (t AuthToken) MarshalJSON() ([]byte, error) {
	return json.Marshal(t.redacted())
}
