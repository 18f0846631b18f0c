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
