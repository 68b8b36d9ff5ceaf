package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// TokenPrefix starts every API token, so that a leaked one is easy to
// recognise (secret scanners) and a malformed one is told apart cheaply.
const TokenPrefix = "mg_"

// secretBytes is the randomness of session ids and API tokens: 256 bits.
const secretBytes = 32

// encodedSecretLen is the length of a secret's unpadded base64url text.
var encodedSecretLen = base64.RawURLEncoding.EncodedLen(secretBytes)

// newSecret returns 256 random bits as unpadded base64url.
func newSecret() string {
	b := make([]byte, secretBytes)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// NewSessionID returns a new random session id (256 bits).
func NewSessionID() string { return newSecret() }

// NewToken returns a new API token: TokenPrefix and 256 random bits.
func NewToken() string { return TokenPrefix + newSecret() }

// WellFormedToken reports whether s has the shape NewToken gives.
func WellFormedToken(s string) bool {
	rest, ok := strings.CutPrefix(s, TokenPrefix)
	return ok && len(rest) == encodedSecretLen && wellFormedSecret(rest)
}

// WellFormedSessionID reports whether s has the shape NewSessionID gives.
func WellFormedSessionID(s string) bool {
	return len(s) == encodedSecretLen && wellFormedSecret(s)
}

func wellFormedSecret(s string) bool {
	_, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil
}

// HashSecret is what the store keeps of a session id or an API token:
// its SHA-256, in hex. The secrets are 256 random bits, so a fast hash is
// enough (no dictionary to try), and lookups stay one index read.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// CSRFToken is the token a signed-in browser sends in the X-CSRF-Token
// header with each POST: derived from its session id, so that only a page
// that can read the session's cookies (our own; mg_csrf is readable by
// it) can send it, and a stolen CSRF token is useless without the session.
func CSRFToken(sessionID string) string {
	sum := sha256.Sum256([]byte("mentorgraph-csrf\x00" + sessionID))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// SameSecret compares two secrets in constant time.
func SameSecret(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
