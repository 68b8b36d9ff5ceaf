package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters of new password hashes (RFC 9106's second
// recommended option scaled to OWASP's minimum: 19 MiB, 2 passes). They
// are stored in each hash, so raising them later keeps old hashes valid.
const (
	argonMemoryKiB = 19 * 1024
	argonTime      = 2
	argonThreads   = 1
	argonSaltLen   = 16
	argonKeyLen    = 32
)

// MinPasswordLen and MaxPasswordLen bound passwords (the upper bound keeps
// hashing cheap to refuse).
const (
	MinPasswordLen = 8
	MaxPasswordLen = 256
)

// ErrPasswordMismatch: the password does not match the hash.
var ErrPasswordMismatch = errors.New("password does not match")

// HashPassword returns the PHC-style argon2id string of password:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<key> (unpadded base64).
func HashPassword(password string) (string, error) {
	if len(password) < MinPasswordLen || len(password) > MaxPasswordLen {
		return "", fmt.Errorf("a password has %d to %d characters", MinPasswordLen, MaxPasswordLen)
	}
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemoryKiB, argonThreads, argonKeyLen)
	return encodeHash(argonMemoryKiB, argonTime, argonThreads, salt, key), nil
}

func encodeHash(m uint32, t uint32, p uint8, salt, key []byte) string {
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, m, t, p, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// VerifyPassword checks password against an encoded hash in constant time
// (in the length of the key). It returns ErrPasswordMismatch when they do
// not match, another error when the hash is not one HashPassword writes.
func VerifyPassword(encoded, password string) error {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return errors.New("not an argon2id hash")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return errors.New("unsupported argon2 version")
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > 1<<22 || t > 64 {
		return errors.New("bad argon2 parameters")
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return errors.New("bad argon2 salt")
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return errors.New("bad argon2 key")
	}
	if len(password) > MaxPasswordLen {
		return ErrPasswordMismatch
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return ErrPasswordMismatch
	}
	return nil
}

// dummyHash is a hash of a random password, made once: VerifyDummy
// compares against it so that a sign-in with an unknown login costs as
// long as one with a wrong password.
var dummyHash = func() string {
	salt := make([]byte, argonSaltLen)
	_, _ = rand.Read(salt)
	key := make([]byte, argonKeyLen)
	_, _ = rand.Read(key)
	return encodeHash(argonMemoryKiB, argonTime, argonThreads, salt, key)
}()

// VerifyDummy spends the time of a VerifyPassword on a hash nobody has the
// password of (for logins that do not exist: no enumeration by timing).
func VerifyDummy(password string) {
	_ = VerifyPassword(dummyHash, password)
}
