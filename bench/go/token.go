package main

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"sync"
	"time"
)

// managementTokens signs a management token (an HS256 JWT) from the app keys
// and hands it out until a minute before it expires, as a hand-written client
// with app keys would; the SDK does the same, so the emulator checks the same
// kind of token from both sides.
type managementTokens struct {
	accessKey, secret string
	mu                sync.Mutex
	token             string
	expires           time.Time
}

// get is the cached token, signed anew when it is about to expire.
func (m *managementTokens) get() (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.token != "" && time.Until(m.expires) > time.Minute {
		return m.token, nil
	}
	now := time.Now()
	id := make([]byte, 16)
	if _, err := rand.Read(id); err != nil {
		return "", err
	}
	claims, err := json.Marshal(map[string]interface{}{
		"access_key": m.accessKey, "type": "management", "version": 2, "jti": hex.EncodeToString(id),
		"iat": now.Unix() - 10, "nbf": now.Unix() - 10, "exp": now.Add(24 * time.Hour).Unix(),
	})
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	input := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." + enc.EncodeToString(claims)
	mac := hmac.New(sha256.New, []byte(m.secret))
	mac.Write([]byte(input))
	m.token = input + "." + enc.EncodeToString(mac.Sum(nil))
	m.expires = now.Add(24 * time.Hour)
	return m.token, nil
}
