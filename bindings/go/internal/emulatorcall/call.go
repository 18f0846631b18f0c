// Package emulatorcall sends one JSON request to a running hms-emulator, to its API or to
// its control API under /_emulator: what package roomcodestest and the package's own tests
// both do to set the emulator up.
package emulatorcall

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// Call sends method url+path with body (JSON-encoded, when not nil) and the bearer token,
// and decodes the JSON of a 200 answer into out (when not nil); any other status is an
// error carrying the answer.
func Call(client *http.Client, url, token, method, path string, body, out any) error {
	var payload io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return err
		}
		payload = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, url+path, payload)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d: %s", resp.StatusCode, data)
	}
	if out != nil {
		return json.Unmarshal(data, out)
	}
	return nil
}
