package auth

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestPasswordHashRoundTrip(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q is not a PHC argon2id string with its parameters", h)
	}
	if err := VerifyPassword(h, "correct horse battery"); err != nil {
		t.Errorf("right password: %v", err)
	}
	if err := VerifyPassword(h, "correct horse batterz"); !errors.Is(err, ErrPasswordMismatch) {
		t.Errorf("wrong password: got %v, want ErrPasswordMismatch", err)
	}
	h2, _ := HashPassword("correct horse battery")
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt")
	}
	if _, err := HashPassword("short"); err == nil {
		t.Error("a 5-character password was accepted")
	}
	if err := VerifyPassword("$2a$10$whatever", "x"); err == nil || errors.Is(err, ErrPasswordMismatch) {
		t.Errorf("a bcrypt hash: got %v, want a format error", err)
	}
}

func TestTokenShape(t *testing.T) {
	tok := NewToken()
	if !WellFormedToken(tok) {
		t.Errorf("NewToken %q is not well formed", tok)
	}
	for _, bad := range []string{"", "mg_", tok[:len(tok)-1], "xx" + tok[2:], tok + "A", "mg_" + strings.Repeat("!", 43)} {
		if WellFormedToken(bad) {
			t.Errorf("%q counted as well formed", bad)
		}
	}
	if NewToken() == tok {
		t.Error("two tokens are equal")
	}
	if HashSecret(tok) == HashSecret(NewToken()) || len(HashSecret(tok)) != 64 {
		t.Error("HashSecret is not a SHA-256 hex of its input")
	}
	s := NewSessionID()
	if !WellFormedSessionID(s) || CSRFToken(s) == CSRFToken(NewSessionID()) {
		t.Error("session ids or their CSRF tokens are not distinct")
	}
}

func TestLimiterBlocksAfterMaxFailuresForTheWindow(t *testing.T) {
	now := time.Unix(1000, 0)
	l := NewLimiter(3, time.Minute)
	l.now = func() time.Time { return now }
	for i := 0; i < 3; i++ {
		if blocked, _ := l.Blocked("ada"); blocked {
			t.Fatalf("blocked after %d failures", i)
		}
		l.Fail("ada")
	}
	blocked, retry := l.Blocked("ada")
	if !blocked || retry != time.Minute {
		t.Fatalf("after 3 failures: blocked %v retry %v, want true 1m", blocked, retry)
	}
	if blocked, _ := l.Blocked("ben"); blocked {
		t.Error("another key is blocked")
	}
	now = now.Add(time.Minute)
	if blocked, _ := l.Blocked("ada"); blocked {
		t.Error("still blocked after the window")
	}
}

func TestViewerRoles(t *testing.T) {
	member := &Viewer{AccountID: "a", PersonID: "p", Scope: ReadWrite}
	org := &Viewer{AccountID: "b", Organizes: []string{"o1", "o3"}, Scope: ReadOnly}
	admin := &Viewer{AccountID: "c", IsAdmin: true}
	cases := []struct {
		v    *Viewer
		role Role
		want bool
	}{
		{member, Member, true}, {member, Organizer, false}, {member, Admin, false},
		{org, Organizer, true}, {org, Admin, false},
		{admin, Organizer, true}, {admin, Admin, true},
	}
	for _, c := range cases {
		if got := c.v.Has(c.role); got != c.want {
			t.Errorf("%s Has(%s) = %v", c.v.AccountID, c.role, got)
		}
	}
	if !org.OrganizerOf("o3") || org.OrganizerOf("o2") || !admin.OrganizerOf("any") {
		t.Error("OrganizerOf is wrong")
	}
	if !member.Is("p") || member.Is("") || (&Viewer{}).Is("") {
		t.Error("Is is wrong")
	}
	if org.CanWrite() || !member.CanWrite() {
		t.Error("CanWrite is wrong")
	}
}
