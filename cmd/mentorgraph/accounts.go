package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
	"github.com/mentorgraph/mentorgraph/internal/auth"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// The account commands: the first admin of a fresh database, API tokens
// for scripts, and the demo network's accounts.
//
//	mentorgraph admin create -login ada@example.org -person p-ada [-name "Ada Okafor"] [-password-stdin]
//	mentorgraph token create -login ada@example.org [-scope read-write] [-expires 720h] [-name cli]
//	mentorgraph token demo   (a token for each demo account)

// runAdmin is `mentorgraph admin create`.
func runAdmin(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var c Config
	var login, person, name string
	var passwordStdin bool
	fs := newToolFlags("admin", "create -login LOGIN [-person ID] [flags]",
		"Creates an ADMIN account (the first one of a fresh database, or another).\nIts person is -person: an existing one, or a new one named -name.\nThe password is read from standard input with -password-stdin;\notherwise one is generated and printed.", stderr)
	c.neo4jFlags(fs)
	fs.StringVar(&login, "login", "", "the account's login: an e-mail address or a name (required)")
	fs.StringVar(&person, "person", "", "id of the account's person; created when missing (with -name)")
	fs.StringVar(&name, "name", "", "name of the person, when -person does not exist yet (default: the login)")
	fs.BoolVar(&passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	errs := c.validateNeo4j()
	if len(rest) != 1 || rest[0] != "create" {
		errs = append(errs, errors.New("want the subcommand create: mentorgraph admin create -login LOGIN [-person ID]"))
	}
	if login == "" {
		errs = append(errs, errors.New("-login is required"))
	}
	if len(errs) > 0 {
		return configError{errors.Join(errs...)}
	}
	password, generated, err := readOrMakePassword(stdin, passwordStdin)
	if err != nil {
		return err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return configError{err}
	}
	driver, store, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())
	if err := applySchema(ctx, store, c.Neo4jDatabase, slog.New(slog.NewTextHandler(stderr, nil))); err != nil {
		return err
	}
	if person != "" {
		if err := ensurePerson(ctx, store, person, cmpOr(name, login)); err != nil {
			return err
		}
	}
	a, err := store.CreateAccount(ctx, graph.AccountInput{Login: login, PasswordHash: hash, PersonID: person, Admin: true})
	if err != nil {
		return fmt.Errorf("create account %q: %w", login, err)
	}
	fmt.Fprintf(stdout, "created ADMIN account %s (id %s", a.Login, a.ID)
	if a.PersonID != "" {
		fmt.Fprintf(stdout, ", person %s", a.PersonID)
	}
	fmt.Fprintln(stdout, ")")
	if generated {
		fmt.Fprintf(stdout, "password: %s\n", password)
	}
	return nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// ensurePerson creates the person with id and name unless it exists.
func ensurePerson(ctx context.Context, store *graph.Store, id, name string) error {
	_, err := store.CreatePerson(ctx, graph.PersonInput{ID: &id, Name: name})
	if errors.Is(err, graph.ErrConflict) {
		return nil
	}
	return err
}

// readOrMakePassword reads the password from stdin's first line, or makes
// one (generated true).
func readOrMakePassword(stdin io.Reader, fromStdin bool) (password string, generated bool, err error) {
	if !fromStdin {
		b := make([]byte, 15)
		if _, err := rand.Read(b); err != nil {
			return "", false, err
		}
		return base64.RawURLEncoding.EncodeToString(b), true, nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", false, fmt.Errorf("read the password from standard input: %w", err)
	}
	password = strings.TrimRight(line, "\r\n")
	if len(password) < auth.MinPasswordLen {
		return "", false, configError{fmt.Errorf("the password on standard input is shorter than %d characters", auth.MinPasswordLen)}
	}
	return password, false, nil
}

// runToken is `mentorgraph token create` and `mentorgraph token demo`.
func runToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c Config
	var login, scope, name string
	var expires time.Duration
	fs := newToolFlags("token", "create -login LOGIN [flags] | demo [flags]",
		"Prints a new API token (send it as Authorization: Bearer <token>).\n`token demo` prints one for each demo account (seed -demo-accounts).", stderr)
	c.neo4jFlags(fs)
	fs.StringVar(&login, "login", "", "create: the account's login (required)")
	fs.StringVar(&scope, "scope", "read-write", "create: read-write or read-only")
	fs.StringVar(&name, "name", "cli", "create: the token's name, as its owner sees it")
	fs.DurationVar(&expires, "expires", 30*24*time.Hour, "how long the token works (at most 8760h)")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	errs := c.validateNeo4j()
	sub := ""
	if len(rest) == 1 {
		sub = rest[0]
	}
	scopes := map[string]string{"read-write": "READ_WRITE", "read-only": "READ_ONLY"}
	switch sub {
	case "create":
		if login == "" {
			errs = append(errs, errors.New("-login is required"))
		}
		if scopes[scope] == "" {
			errs = append(errs, fmt.Errorf("-scope %q: want read-write or read-only", scope))
		}
	case "demo":
	default:
		errs = append(errs, errors.New("want the subcommand create or demo: mentorgraph token create -login LOGIN, or mentorgraph token demo"))
	}
	if expires < time.Minute || expires > resolvers.MaxTokenLifetime {
		errs = append(errs, errors.New("-expires must be from 1m to 8760h"))
	}
	if len(errs) > 0 {
		return configError{errors.Join(errs...)}
	}
	driver, store, err := openStore(ctx, c)
	if err != nil {
		return err
	}
	defer driver.Close(context.Background())
	if sub == "create" {
		token, err := newToken(ctx, store, login, scopes[scope], name, expires)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, token)
		return nil
	}
	for _, d := range demoAccounts {
		token, err := newToken(ctx, store, d.login, "READ_WRITE", "demo", expires)
		if err != nil {
			return fmt.Errorf("%w (the demo accounts come with `mentorgraph seed -demo-accounts` on an empty database)", err)
		}
		fmt.Fprintf(stdout, "%-10s %-22s %s\n", d.role, d.login, token)
	}
	return nil
}

// newToken creates an API token of the account with login.
func newToken(ctx context.Context, store *graph.Store, login, scope, name string, ttl time.Duration) (string, error) {
	a, _, err := store.AccountByLogin(ctx, login)
	if err != nil {
		return "", fmt.Errorf("account %q: %w", login, err)
	}
	token := auth.NewToken()
	_, err = store.CreateAPIToken(ctx, graph.APITokenInput{
		AccountID: a.ID, Hash: auth.HashSecret(token), Name: name, Scope: scope,
		ExpiresAt: time.Now().Add(ttl).UTC().Truncate(time.Second),
	})
	return token, err
}

// demoPassword is the demo accounts' password (documented in the README:
// demo data only).
const demoPassword = "mentorgraph-demo"

// demoAccounts are the demo network's accounts, one per role, each a
// person of the network.
var demoAccounts = []struct {
	role, login, person string
}{
	{"ADMIN", "admin@demo.example", "p00000001"},
	{"ORGANIZER", "organizer@demo.example", "p00000003"},
	{"MEMBER", "member@demo.example", "p00000018"},
}

// createDemoAccounts makes the demo accounts on the network ds just
// loaded: the organizer organizes the first organization its person is a
// current member of (the first organization when none).
func createDemoAccounts(ctx context.Context, store *graph.Store, ds *dataset.Dataset, stdout io.Writer) error {
	hash, err := auth.HashPassword(demoPassword)
	if err != nil {
		return err
	}
	for _, d := range demoAccounts {
		person := d.person
		if !hasPerson(ds, person) {
			person = ""
		}
		a, err := store.CreateAccount(ctx, graph.AccountInput{Login: d.login, PasswordHash: hash, PersonID: person, Admin: d.role == "ADMIN"})
		if errors.Is(err, graph.ErrConflict) {
			continue
		}
		if err != nil {
			return fmt.Errorf("demo account %s: %w", d.login, err)
		}
		what := d.role
		if d.role == "ORGANIZER" {
			org := demoOrganization(ds, person)
			if org == "" {
				continue
			}
			if _, err := store.SetOrganizer(ctx, a.ID, org, true); err != nil {
				return fmt.Errorf("demo account %s: %w", d.login, err)
			}
			what += " of " + org
		}
		fmt.Fprintf(stdout, "demo account %s (%s, person %s), password %s\n", d.login, what, cmpOr(person, "none"), demoPassword)
	}
	return nil
}

func hasPerson(ds *dataset.Dataset, id string) bool {
	for _, p := range ds.People {
		if p.ID == id {
			return true
		}
	}
	return false
}

func demoOrganization(ds *dataset.Dataset, person string) string {
	for _, a := range ds.Affiliations {
		if a.PersonID == person && a.Until == nil {
			return a.OrganizationID
		}
	}
	if len(ds.Organizations) > 0 {
		return ds.Organizations[0].ID
	}
	return ""
}
