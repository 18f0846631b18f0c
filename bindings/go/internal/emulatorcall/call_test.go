package emulatorcall

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestCallSendsJSONWithTheTokenAndDecodesTheAnswer(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Method != "POST" || r.URL.Path != "/_emulator/templates" || string(body) != `{"id":"t"}` ||
			r.Header.Get("Authorization") != "Bearer token" || r.Header.Get("Content-Type") != "application/json" {
			http.Error(w, "unexpected "+r.Method+" "+r.URL.Path+" "+string(body), http.StatusTeapot)
			return
		}
		_, _ = io.WriteString(w, `{"id":"room"}`)
	}))
	defer server.Close()
	var out struct{ ID string }
	err := Call(server.Client(), server.URL, "token", "POST", "/_emulator/templates", map[string]string{"id": "t"}, &out)
	if err != nil || out.ID != "room" {
		t.Fatalf("got %+v, %v", out, err)
	}
}

func TestCallReturnsAnErrorCarryingAnAnswerOtherThan200(t *testing.T) {
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no such room", http.StatusNotFound)
	}))
	defer server.Close()
	err := Call(server.Client(), server.URL, "token", "GET", "/v2/rooms/x", nil, nil)
	if err == nil || !strings.Contains(err.Error(), "HTTP 404: no such room") {
		t.Fatalf("got %v", err)
	}
}
