package roomcodes_test

// tests/vectors/config.json and listing.json: the settings the core accepts or
// refuses, and a listing that always ends, through the Go API.

import (
	"errors"
	"os"
	"testing"

	"github.com/hms-room-codes/roomcodes"
)

// vectorOptions are a vector's snake_case client options.
type vectorOptions struct {
	ManagementToken string `json:"management_token"`
	AccessKey       string `json:"access_key"`
	AppSecret       string `json:"app_secret"`
	MaxRetries      *int   `json:"max_retries"`
	MaxPages        int    `json:"max_pages"`
	BaseURL         string `json:"base_url"`
}

// apply sets the options on config as they are.
func (o vectorOptions) apply(config roomcodes.Config) roomcodes.Config {
	config.ManagementToken, config.AccessKey, config.AppSecret = o.ManagementToken, o.AccessKey, o.AppSecret
	config.MaxRetries, config.MaxPages = o.MaxRetries, o.MaxPages
	return config
}

// kindOf is the kind's name of err, or nil for no error.
func kindOf(err error) *string {
	var e *roomcodes.Error
	if !errors.As(err, &e) {
		return nil
	}
	name := e.Kind.String()
	return &name
}

func show(kind *string) string {
	if kind == nil {
		return "success"
	}
	return *kind
}

func TestConfigVectors(t *testing.T) {
	var table struct {
		Cases []struct {
			Name    string
			Options vectorOptions
			Kind    *string
		}
	}
	readVectors(t, "config.json", &table)
	for _, c := range table.Cases {
		base := "http://127.0.0.1:9/v2"
		config := c.Options.apply(roomcodes.Config{BaseURL: base, AuthBaseURL: base})
		if c.Options.BaseURL != "" {
			config.BaseURL = c.Options.BaseURL
		}
		client, err := roomcodes.NewClient(config)
		if err != nil && kindOf(err) == nil {
			t.Errorf("%s: not an *Error: %v", c.Name, err)
		}
		if show(kindOf(err)) != show(c.Kind) {
			t.Errorf("%s: got %v, want %s", c.Name, err, show(c.Kind))
		}
		if client != nil {
			client.Close()
		}
	}
}

func TestListingVectors(t *testing.T) {
	var table struct {
		Cases []struct {
			Name     string
			Client   vectorOptions
			Fault    map[string]any
			Kind     *string
			Requests int
			Codes    int
		}
	}
	readVectors(t, "listing.json", &table)
	for _, c := range table.Cases {
		config := c.Client.apply(settings())
		config.ManagementToken, config.AccessKey, config.AppSecret = os.Getenv("HMS_MANAGEMENT_TOKEN"), "", ""
		client := newClient(t, config)
		room := newRoom(t, "")
		path := roomPath(room)
		clearFaults(t)
		clearRequests(t)
		if c.Fault != nil {
			fault(t, "GET", path, c.Fault)
		}
		codes, err := client.List(ctx, room, nil)
		if show(kindOf(err)) != show(c.Kind) {
			t.Errorf("%s: got %v, want %s", c.Name, err, show(c.Kind))
		}
		// List returns the codes whole, so only a listing that ended well has them.
		if err == nil && len(codes) != c.Codes {
			t.Errorf("%s: %d codes, want %d", c.Name, len(codes), c.Codes)
		}
		if sent := requests(t, "GET", path); sent != c.Requests {
			t.Errorf("%s: %d requests, want %d", c.Name, sent, c.Requests)
		}
	}
	clearFaults(t)
}
