package roomcodes_test

// The test vectors every binding shares (tests/vectors), run through the Go API.

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hms-room-codes/roomcodes"
)

func readVectors(t *testing.T, name string, into any) {
	t.Helper()
	data, err := os.ReadFile("../../tests/vectors/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		t.Fatal(err)
	}
}

type faultMatrix struct {
	Client struct {
		TimeoutMS        int64 `json:"timeout_ms"`
		MaxRetries       int   `json:"max_retries"`
		BackoffBaseMS    int64 `json:"backoff_base_ms"`
		BackoffCapMS     int64 `json:"backoff_cap_ms"`
		MaxResponseBytes int   `json:"max_response_bytes"`
	}
	Operations map[string]struct{ Method, Path string }
	Cases      []struct {
		Name   string
		Fault  map[string]any
		Expect map[string]struct {
			Kind         *string
			Requests     int
			MinMS        int64 `json:"min_ms"`
			RetryAfterMS int64 `json:"retry_after_ms"`
		}
	}
}

// tests/vectors/faults.json: each fault, for each operation.
func TestFaultMatrix(t *testing.T) {
	if testing.Short() {
		t.Skip("the fault matrix waits for real Retry-After delays")
	}
	var matrix faultMatrix
	readVectors(t, "faults.json", &matrix)
	ms := func(n int64) time.Duration { return time.Duration(n) * time.Millisecond }
	config := settings()
	config.Timeout = ms(matrix.Client.TimeoutMS)
	config.MaxRetries = roomcodes.Retries(matrix.Client.MaxRetries)
	config.BackoffBase, config.BackoffCap = ms(matrix.Client.BackoffBaseMS), ms(matrix.Client.BackoffCapMS)
	config.MaxResponseBytes = matrix.Client.MaxResponseBytes
	client := newClient(t, config)

	for name, op := range matrix.Operations {
		name, op := name, op
		t.Run(name, func(t *testing.T) {
			room := newRoom(t, "")
			code, err := newClient(t, settings()).CreateForRole(ctx, room, "host")
			if err != nil {
				t.Fatal(err)
			}
			path := strings.ReplaceAll(op.Path, "{room}", room)
			for _, c := range matrix.Cases {
				want, ok := c.Expect[name]
				if !ok {
					want = c.Expect["*"]
				}
				rule := map[string]any{}
				for k, v := range c.Fault {
					rule[k] = v
				}
				if wait, ok := rule["retry_after_in_ms"].(float64); ok {
					delete(rule, "retry_after_in_ms")
					rule["retry_after"] = time.Now().Add(ms(int64(wait))).UTC().Format(http.TimeFormat)
				}
				if n, ok := rule["body_bytes"].(float64); ok {
					delete(rule, "body_bytes")
					rule["body"] = strings.Repeat("x", int(n))
				}
				clearRequests(t)
				fault(t, op.Method, path, rule)
				start := time.Now()
				err := runOperation(client, name, room, code.Code)
				took := time.Since(start)
				sent := requests(t, op.Method, path)
				clearFaults(t) // what a case did not use must not reach the next one

				var e *roomcodes.Error
				switch {
				case want.Kind == nil && err != nil:
					t.Errorf("%s: want success, got %v", c.Name, err)
				case want.Kind != nil && (!errors.As(err, &e) || e.Kind.String() != *want.Kind):
					t.Errorf("%s: want %s, got %v", c.Name, *want.Kind, err)
				case want.RetryAfterMS != 0 && e.RetryAfter != ms(want.RetryAfterMS):
					t.Errorf("%s: RetryAfter %v, want %d ms", c.Name, e.RetryAfter, want.RetryAfterMS)
				}
				if sent != want.Requests {
					t.Errorf("%s: %d requests, want %d", c.Name, sent, want.Requests)
				}
				if took < ms(want.MinMS) {
					t.Errorf("%s: took %v, want at least %d ms", c.Name, took, want.MinMS)
				}
			}
		})
	}
}

// runOperation runs the operation named as in the vectors once.
func runOperation(client *roomcodes.Client, name, room, code string) error {
	var err error
	switch name {
	case "create":
		_, err = client.Create(ctx, room)
	case "create_for_role":
		_, err = client.CreateForRole(ctx, room, "host")
	case "list_page":
		_, err = client.ListPage(ctx, room, nil)
	case "set_enabled":
		_, err = client.SetEnabled(ctx, code, true)
	case "auth_token_for_code":
		_, err = client.AuthTokenForCode(ctx, code, "")
	default:
		err = errors.New("unknown operation " + name)
	}
	return err
}

type inputValue struct {
	Name   string
	Value  *string
	Repeat string
	Times  int
	Hex    string
	Valid  bool
}

func (v inputValue) text(t *testing.T) string {
	switch {
	case v.Value != nil:
		return *v.Value
	case v.Hex != "":
		b, err := hex.DecodeString(v.Hex)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	default:
		return strings.Repeat(v.Repeat, v.Times)
	}
}

// parameters passes a value as each string parameter of the API, by name.
func parameters(client *roomcodes.Client, room, code string) map[string]func(string) error {
	return map[string]func(string) error{
		"create room_id":          func(v string) error { _, err := client.Create(ctx, v); return err },
		"create_for_role room_id": func(v string) error { _, err := client.CreateForRole(ctx, v, "host"); return err },
		"create_for_role role":    func(v string) error { _, err := client.CreateForRole(ctx, room, v); return err },
		"list_page room_id":       func(v string) error { _, err := client.ListPage(ctx, v, nil); return err },
		"list room_id":            func(v string) error { _, err := client.List(ctx, v, nil); return err },
		"set_enabled code":        func(v string) error { _, err := client.SetEnabled(ctx, v, true); return err },
		"auth_token_for_code code": func(v string) error {
			_, err := client.AuthTokenForCode(ctx, v, "")
			return err
		},
		// In Go, "" means "not given" for the three below.
		"list_page role": func(v string) error {
			_, err := client.ListPage(ctx, room, &roomcodes.ListFilter{Role: v})
			return err
		},
		"list_page start": func(v string) error {
			_, err := client.ListPage(ctx, room, &roomcodes.ListFilter{Start: v})
			return err
		},
		"auth_token_for_code user_id": func(v string) error {
			_, err := client.AuthTokenForCode(ctx, code, v)
			return err
		},
	}
}

// optional are the parameters where Go's "" means "not given".
var optional = map[string]bool{"list_page role": true, "list_page start": true, "auth_token_for_code user_id": true}

// tests/vectors/bad_input.json: invalid values are rejected before any request;
// valid odd values reach the service intact.
func TestBadInputVectors(t *testing.T) {
	var table struct{ Values []inputValue }
	readVectors(t, "bad_input.json", &table)
	client := newClient(t, settings())
	room := newRoom(t, "")
	code, err := client.CreateForRole(ctx, room, "host")
	if err != nil {
		t.Fatal(err)
	}
	var valid []string
	clearRequests(t)
	for _, v := range table.Values {
		if v.Valid {
			valid = append(valid, v.text(t))
			continue
		}
		value := v.text(t)
		for parameter, pass := range parameters(client, room, code.Code) {
			if value == "" && optional[parameter] {
				continue
			}
			if err := pass(value); !errors.Is(err, roomcodes.ErrInvalidArgument) {
				t.Errorf("%s as %s: %v", v.Name, parameter, err)
			}
		}
	}
	if n := requests(t, "", ""); n != 0 {
		t.Fatalf("%d requests were sent for invalid input", n)
	}

	defineTemplate(t, "odd-go", valid)
	oddRoom := newRoom(t, "odd-go")
	oddCode, err := client.CreateForRole(ctx, oddRoom, valid[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, value := range valid {
		for parameter, pass := range parameters(client, oddRoom, oddCode.Code) {
			if err := pass(value); errors.Is(err, roomcodes.ErrInvalidArgument) {
				t.Errorf("%q as %s: %v", value, parameter, err)
			}
		}
		made, err := client.CreateForRole(ctx, oddRoom, value)
		if err != nil || made.Role != value {
			t.Fatalf("%q as a role: %+v %v", value, made, err)
		}
		if _, err := client.AuthTokenForCode(ctx, made.Code, value); err != nil {
			t.Errorf("%q as a user id: %v", value, err)
		}
	}
}
