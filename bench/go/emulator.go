package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
)

// setup is a plain client for the emulator's rooms and control API.
var setup = &http.Client{}

// call sends one request with the emulator's fixed token and decodes the answer into out (if not nil).
func call(method, path string, out interface{}) error { return send(method, path, "{}", out) }

// post sends a JSON body to the emulator.
func post(path, body string) error { return send("POST", path, body, nil) }

// send sends one request with the emulator's fixed token and decodes the answer into out (if not nil).
func send(method, path, body string, out interface{}) error {
	req, err := http.NewRequest(method, os.Getenv("HMS_EMULATOR_URL")+path, bytes.NewReader([]byte(body)))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+os.Getenv("HMS_MANAGEMENT_TOKEN"))
	req.Header.Set("Content-Type", "application/json")
	return decode(setup, req, out)
}

// decode sends req with client and decodes a 200 answer into out (nil:
// read and dropped); another status is an error showing the answer.
func decode(client *http.Client, req *http.Request, out interface{}) error {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		body, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("%s %s: HTTP %d %s", req.Method, req.URL.Path, resp.StatusCode, body)
	}
	if out == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		return err
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// newRooms makes count rooms with the default template and returns their ids.
func newRooms(count int) ([]string, error) {
	ids := make([]string, count)
	for i := range ids {
		var room struct{ ID string }
		if err := call("POST", "/v2/rooms", &room); err != nil {
			return nil, err
		}
		ids[i] = room.ID
	}
	return ids, nil
}

// fullRoom makes a room holding 100 guest codes.
func fullRoom() (string, error) {
	rooms, err := newRooms(1)
	if err != nil {
		return "", err
	}
	for i := 0; i < 100; i++ {
		if err := call("POST", "/v2/room-codes/room/"+rooms[0]+"/role/guest", nil); err != nil {
			return "", err
		}
	}
	return rooms[0], nil
}

// clearLog forgets the emulator's request log.
func clearLog() error { return call("DELETE", "/_emulator/requests", nil) }
