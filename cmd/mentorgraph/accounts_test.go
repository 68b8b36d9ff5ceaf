package main

import (
	"context"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
	"github.com/mentorgraph/mentorgraph/internal/auth"
)

// adminWithStdin is runAdmin reading stdin from a string.
func adminWithStdin(stdin string) tool {
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) error {
		return runAdmin(ctx, args, strings.NewReader(stdin), stdout, stderr)
	}
}

var printedPassword = regexp.MustCompile(`(?m)^password: (\S+)$`)

func TestAdminAndTokenCommands(t *testing.T) {
	store := testStore(t)
	ctx := context.Background()
	p := neo4jtest.Prefix(t)

	// The first admin, with a new person, the password from stdin.
	out, errOut, err := runTool(t, adminWithStdin("a long passphrase\n"), "create", "-login", " "+p+"Root@Example.org ", "-person", p+"root", "-name", "Rita Root", "-password-stdin")
	if err != nil {
		t.Fatalf("admin create: %v\n%s%s", err, out, errOut)
	}
	a, hash, err := store.AccountByLogin(ctx, p+"root@example.org")
	if err != nil || !a.Admin || a.PersonID != p+"root" {
		t.Fatalf("the admin account: %+v, %v", a, err)
	}
	if err := auth.VerifyPassword(hash, "a long passphrase"); err != nil {
		t.Errorf("the stored password: %v", err)
	}
	if printedPassword.MatchString(out) {
		t.Errorf("a password given on stdin was printed: %s", out)
	}
	// A generated password is printed, once.
	out, _, err = runTool(t, adminWithStdin(""), "create", "-login", p+"second")
	m := printedPassword.FindStringSubmatch(out)
	if err != nil || m == nil {
		t.Fatalf("admin create with a generated password: %v, %s", err, out)
	}
	if _, hash, _ := store.AccountByLogin(ctx, p+"second"); auth.VerifyPassword(hash, m[1]) != nil {
		t.Error("the printed password does not sign in")
	}
	if _, _, err := runTool(t, adminWithStdin(""), "create", "-login", p+"second"); err == nil {
		t.Error("a second account with the same login was created")
	}

	// Tokens.
	for _, c := range []struct{ scope, want string }{{"read-write", "READ_WRITE"}, {"read-only", "READ_ONLY"}} {
		out, _, err := runTool(t, runToken, "create", "-login", p+"root@example.org", "-scope", c.scope, "-expires", "2h")
		token := strings.TrimSpace(out)
		if err != nil || !auth.WellFormedToken(token) {
			t.Fatalf("token create -scope %s: %v %q", c.scope, err, out)
		}
		tok, acc, err := store.TokenAccount(ctx, auth.HashSecret(token))
		if err != nil || tok.Scope != c.want || acc.ID != a.ID {
			t.Errorf("the token's scope %q account %q (%v), want %s of %s", tok.Scope, acc.ID, err, c.want, a.ID)
		}
	}
	if _, _, err := runTool(t, runToken, "create", "-login", p+"nobody"); err == nil {
		t.Error("a token for an unknown login")
	}

	// The demo accounts, one token each.
	if err := createDemoAccounts(ctx, store, &dataset.Dataset{}, io.Discard); err != nil {
		t.Fatal(err)
	}
	out, _, err = runTool(t, runToken, "demo")
	if err != nil {
		t.Fatalf("token demo: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(demoAccounts) {
		t.Fatalf("token demo printed %q, want a line per demo account", out)
	}
	for i, l := range lines {
		f := strings.Fields(l)
		if len(f) != 3 || f[0] != demoAccounts[i].role || !auth.WellFormedToken(f[2]) {
			t.Errorf("line %q", l)
			continue
		}
		if _, acc, err := store.TokenAccount(ctx, auth.HashSecret(f[2])); err != nil || acc.Login != demoAccounts[i].login || acc.Admin != (f[0] == "ADMIN") {
			t.Errorf("%s's token: %+v %v", f[1], acc, err)
		}
	}
}
