package graph

import (
	"context"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Accounts, sessions and API tokens: who may sign in, and the credentials
// they hold.
//
//	(:Account {id, login, passwordHash, admin, createdAt})-[:IS]->(:Person)
//	(:Account)-[:ORGANIZES]->(:Organization)
//	(:Account)-[:HAS_SESSION]->(:Session {hash, createdAt, expiresAt})
//	(:Account)-[:HAS_TOKEN]->(:ApiToken {id, hash, name, scope, createdAt, expiresAt, lastUsedAt})
//
// Times are stored in UTC (a time in Go's Local zone is not one Neo4j
// knows). Only hashes of session ids and tokens are stored (the caller hashes
// them: internal/auth.HashSecret). An account's login is normalized
// (NormalizeLogin) and unique.

// Account is a sign-in identity: its person and its roles.
type Account struct {
	ID    string
	Login string
	// PersonID is the account's person; empty when it has none.
	PersonID string
	// Admin: the deployment role is ADMIN (else MEMBER).
	Admin bool
	// Organizes lists the organizations the account is ORGANIZER of, by id.
	Organizes []string
	CreatedAt time.Time
}

// APIToken is an API token as its owner sees it (never its secret).
type APIToken struct {
	ID         string
	Name       string
	Scope      string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastUsedAt *time.Time
}

// MaxLoginLen bounds a login (an e-mail address is at most 254 characters).
const MaxLoginLen = 254

// NormalizeLogin is the form a login is stored and looked up in: trimmed
// and lower-case, so Ada@Example.org and ada@example.org are one account.
func NormalizeLogin(login string) string {
	return strings.ToLower(strings.TrimSpace(login))
}

func (c *checker) login(field, v string) {
	if len(v) > MaxLoginLen {
		c.fail(field, "%s is %d characters long; the limit is %d", field, len(v), MaxLoginLen)
		return
	}
	c.id(field, v)
}

// accountProjection is an account as a map, with its person and the
// organizations it organizes.
const accountProjection = `a {.id, .login, .admin, .createdAt,
  person: head(COLLECT { MATCH (a)-[:IS]->(ap:Person) RETURN ap.id }),
  organizes: COLLECT { MATCH (a)-[:ORGANIZES]->(ao:Organization) RETURN ao.id ORDER BY ao.id }}`

func accountFrom(m map[string]any) Account {
	a := Account{
		ID:        str(m, "id"),
		Login:     str(m, "login"),
		Admin:     boolVal(m, "admin"),
		Organizes: strList(m, "organizes"),
		CreatedAt: timeVal(m, "createdAt"),
	}
	if p := strPtr(m, "person"); p != nil {
		a.PersonID = *p
	}
	return a
}

// AccountInput is a new account.
type AccountInput struct {
	Login string
	// PasswordHash is the encoded password hash; empty for an account that
	// signs in only through OpenID Connect.
	PasswordHash string
	// PersonID links the account to an existing person; empty for none.
	PersonID string
	Admin    bool
}

const createAccountCypher = `
CREATE (a:Account {id: $id, login: $login, passwordHash: $passwordHash, admin: $admin, createdAt: datetime()})
WITH a
CALL (a) {
  MATCH (p:Person {id: $person})
  CREATE (a)-[:IS]->(p)
}
RETURN ` + accountProjection

const personHasAccountCypher = `RETURN EXISTS { MATCH (:Account)-[:IS]->(:Person {id: $person}) } AS taken`

// CreateAccount stores a new account. A taken login, or a person that
// already has an account, is ErrConflict; an unknown person ErrNotFound.
func (s *Store) CreateAccount(ctx context.Context, in AccountInput) (Account, error) {
	login := NormalizeLogin(in.Login)
	var c checker
	c.login("login", login)
	if in.PersonID != "" {
		c.id("person", in.PersonID)
	}
	if c.err != nil {
		return Account{}, c.err
	}
	params := map[string]any{
		"id": newID("acc-"), "login": login, "passwordHash": in.PasswordHash,
		"admin": in.Admin, "person": in.PersonID,
	}
	a, err := write(ctx, s, "create account", func(tx neo4j.ManagedTransaction) (Account, error) {
		if in.PersonID != "" {
			if err := lockNodes(ctx, tx, personLabel, in.PersonID); err != nil {
				return Account{}, err
			}
			if err := requireAll(ctx, tx, ref{personLabel, in.PersonID, "person"}); err != nil {
				return Account{}, err
			}
			taken, err := singleValue[bool](ctx, tx, personHasAccountCypher, map[string]any{"person": in.PersonID})
			if err != nil {
				return Account{}, err
			}
			if taken {
				return Account{}, conflict("person %q already has an account", in.PersonID)
			}
		}
		return single(ctx, tx, createAccountCypher, params, accountFrom)
	})
	if isConstraintViolation(err) {
		return Account{}, conflict("an account with login %q already exists", login)
	}
	return a, err
}

// singleValue runs cypher and returns the first value of its only row.
func singleValue[T any](ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (T, error) {
	var zero T
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return zero, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return zero, err
	}
	v, _ := rec.Values[0].(T)
	return v, nil
}

const accountByLoginCypher = `
MATCH (a:Account {login: $login})
RETURN ` + accountProjection + `, a.passwordHash AS passwordHash`

// AccountByLogin returns the account with login (normalized) and its
// password hash ("" when it has none). ErrNotFound when there is none.
func (s *Store) AccountByLogin(ctx context.Context, login string) (Account, string, error) {
	login = NormalizeLogin(login)
	type row struct {
		a    Account
		hash string
	}
	r, err := read(ctx, s, "account by login", func(tx neo4j.ManagedTransaction) (row, error) {
		res, err := tx.Run(ctx, accountByLoginCypher, map[string]any{"login": login})
		if err != nil {
			return row{}, err
		}
		if !res.Next(ctx) {
			return row{}, res.Err()
		}
		m, _ := res.Record().Values[0].(map[string]any)
		h, _ := res.Record().Values[1].(string)
		return row{accountFrom(m), h}, nil
	})
	if err != nil {
		return Account{}, "", err
	}
	if r.a.ID == "" {
		return Account{}, "", notFound("no account with login %q", login)
	}
	return r.a, r.hash, nil
}

const accountByIDCypher = `MATCH (a:Account {id: $id}) RETURN ` + accountProjection

// AccountByID returns the account with id; ErrNotFound when there is none.
func (s *Store) AccountByID(ctx context.Context, id string) (Account, error) {
	as, err := read(ctx, s, "account by id", func(tx neo4j.ManagedTransaction) ([]Account, error) {
		return collect(ctx, tx, accountByIDCypher, map[string]any{"id": id}, accountFrom)
	})
	if err != nil {
		return Account{}, err
	}
	if len(as) == 0 {
		return Account{}, notFound("no account with id %q", id)
	}
	return as[0], nil
}

const countAdminsCypher = `MATCH (a:Account) WHERE a.admin RETURN count(a) AS admins`

// CountAdmins returns how many accounts are ADMIN.
func (s *Store) CountAdmins(ctx context.Context) (int, error) {
	n, err := read(ctx, s, "count admins", func(tx neo4j.ManagedTransaction) (int64, error) {
		return singleValue[int64](ctx, tx, countAdminsCypher, nil)
	})
	return int(n), err
}

const setAdminCypher = `
MATCH (a:Account {id: $id})
SET a.admin = $admin
RETURN ` + accountProjection

// SetAdmin makes the account ADMIN (admin true) or MEMBER.
func (s *Store) SetAdmin(ctx context.Context, accountID string, admin bool) (Account, error) {
	as, err := write(ctx, s, "set admin", func(tx neo4j.ManagedTransaction) ([]Account, error) {
		return collect(ctx, tx, setAdminCypher, map[string]any{"id": accountID, "admin": admin}, accountFrom)
	})
	if err != nil {
		return Account{}, err
	}
	if len(as) == 0 {
		return Account{}, notFound("no account with id %q", accountID)
	}
	return as[0], nil
}

const grantOrganizerCypher = `
MATCH (a:Account {id: $id}), (o:Organization {id: $org})
MERGE (a)-[:ORGANIZES]->(o)
WITH a
RETURN ` + accountProjection

const revokeOrganizerCypher = `
MATCH (a:Account {id: $id})
OPTIONAL MATCH (a)-[r:ORGANIZES]->(:Organization {id: $org})
DELETE r
WITH DISTINCT a
RETURN ` + accountProjection

// SetOrganizer makes the account ORGANIZER of org (organizer true), or no
// longer. Granting twice changes nothing.
func (s *Store) SetOrganizer(ctx context.Context, accountID, org string, organizer bool) (Account, error) {
	cypher := revokeOrganizerCypher
	if organizer {
		cypher = grantOrganizerCypher
	}
	params := map[string]any{"id": accountID, "org": org}
	as, err := write(ctx, s, "set organizer", func(tx neo4j.ManagedTransaction) ([]Account, error) {
		if organizer {
			if err := requireAll(ctx, tx, ref{organizationLabel, org, "organization"}); err != nil {
				return nil, err
			}
		}
		return collect(ctx, tx, cypher, params, accountFrom)
	})
	if err != nil {
		return Account{}, err
	}
	if len(as) == 0 {
		return Account{}, notFound("no account with id %q", accountID)
	}
	return as[0], nil
}

const createSessionCypher = `
MATCH (a:Account {id: $account})
OPTIONAL MATCH (a)-[:HAS_SESSION]->(old:Session) WHERE old.expiresAt < datetime()
DETACH DELETE old
WITH DISTINCT a
CREATE (a)-[:HAS_SESSION]->(:Session {hash: $hash, createdAt: datetime(), expiresAt: $expiresAt})`

// CreateSession stores a session of the account by the hash of its id,
// and drops the account's expired sessions.
func (s *Store) CreateSession(ctx context.Context, accountID, hash string, expiresAt time.Time) error {
	_, err := write(ctx, s, "create session", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, createSessionCypher, map[string]any{"account": accountID, "hash": hash, "expiresAt": expiresAt.UTC()})
	})
	return err
}

const sessionAccountCypher = `
MATCH (a:Account)-[:HAS_SESSION]->(s:Session {hash: $hash})
RETURN ` + accountProjection + `, s.expiresAt AS expiresAt`

// SessionAccount returns the account of the session with hash, and when
// the session expires. ErrNotFound when there is no such session.
func (s *Store) SessionAccount(ctx context.Context, hash string) (Account, time.Time, error) {
	type row struct {
		a       Account
		expires time.Time
	}
	r, err := read(ctx, s, "session account", func(tx neo4j.ManagedTransaction) (row, error) {
		res, err := tx.Run(ctx, sessionAccountCypher, map[string]any{"hash": hash})
		if err != nil {
			return row{}, err
		}
		if !res.Next(ctx) {
			return row{}, res.Err()
		}
		m, _ := res.Record().Values[0].(map[string]any)
		t, _ := res.Record().Values[1].(time.Time)
		return row{accountFrom(m), t}, nil
	})
	if err != nil {
		return Account{}, time.Time{}, err
	}
	if r.a.ID == "" {
		return Account{}, time.Time{}, notFound("no such session")
	}
	return r.a, r.expires, nil
}

const deleteSessionCypher = `MATCH (s:Session {hash: $hash}) DETACH DELETE s`

// DeleteSession deletes the session with hash (nothing when there is none).
func (s *Store) DeleteSession(ctx context.Context, hash string) error {
	_, err := write(ctx, s, "delete session", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, deleteSessionCypher, map[string]any{"hash": hash})
	})
	return err
}

// apiTokenProjection is an API token as a map.
const apiTokenProjection = `t {.id, .name, .scope, .createdAt, .expiresAt, .lastUsedAt}`

func apiTokenFrom(m map[string]any) APIToken {
	t := APIToken{
		ID:        str(m, "id"),
		Name:      str(m, "name"),
		Scope:     str(m, "scope"),
		CreatedAt: timeVal(m, "createdAt"),
		ExpiresAt: timeVal(m, "expiresAt"),
	}
	if u, ok := value(m, "lastUsedAt").(time.Time); ok {
		t.LastUsedAt = &u
	}
	return t
}

// MaxAPITokenNameLen bounds an API token's name.
const MaxAPITokenNameLen = 100

// APITokenInput is a new API token of an account.
type APITokenInput struct {
	AccountID string
	// Hash is the hash of the token's secret.
	Hash      string
	Name      string
	Scope     string
	ExpiresAt time.Time
}

const createAPITokenCypher = `
MATCH (a:Account {id: $account})
CREATE (a)-[:HAS_TOKEN]->(t:ApiToken {id: $id, hash: $hash, name: $name, scope: $scope,
  createdAt: datetime(), expiresAt: $expiresAt, lastUsedAt: null})
RETURN ` + apiTokenProjection

// CreateAPIToken stores a new API token of an account.
func (s *Store) CreateAPIToken(ctx context.Context, in APITokenInput) (APIToken, error) {
	var c checker
	c.name("name", in.Name, MaxAPITokenNameLen)
	c.oneOf("scope", in.Scope, []string{"READ_ONLY", "READ_WRITE"})
	if c.err != nil {
		return APIToken{}, c.err
	}
	params := map[string]any{
		"account": in.AccountID, "id": newID("tok-"), "hash": in.Hash, "name": in.Name,
		"scope": in.Scope, "expiresAt": in.ExpiresAt.UTC(),
	}
	ts, err := write(ctx, s, "create api token", func(tx neo4j.ManagedTransaction) ([]APIToken, error) {
		return collect(ctx, tx, createAPITokenCypher, params, apiTokenFrom)
	})
	if err != nil {
		return APIToken{}, err
	}
	if len(ts) == 0 {
		return APIToken{}, notFound("no account with id %q", in.AccountID)
	}
	return ts[0], nil
}

const tokenAccountCypher = `
MATCH (a:Account)-[:HAS_TOKEN]->(t:ApiToken {hash: $hash})
RETURN ` + accountProjection + `, ` + apiTokenProjection + ` AS token`

// TokenAccount returns the API token with hash and its account.
// ErrNotFound when there is none (never created, or revoked).
func (s *Store) TokenAccount(ctx context.Context, hash string) (APIToken, Account, error) {
	type row struct {
		t APIToken
		a Account
	}
	r, err := read(ctx, s, "token account", func(tx neo4j.ManagedTransaction) (row, error) {
		res, err := tx.Run(ctx, tokenAccountCypher, map[string]any{"hash": hash})
		if err != nil {
			return row{}, err
		}
		if !res.Next(ctx) {
			return row{}, res.Err()
		}
		am, _ := res.Record().Values[0].(map[string]any)
		tm, _ := res.Record().Values[1].(map[string]any)
		return row{apiTokenFrom(tm), accountFrom(am)}, nil
	})
	if err != nil {
		return APIToken{}, Account{}, err
	}
	if r.t.ID == "" {
		return APIToken{}, Account{}, notFound("no such API token")
	}
	return r.t, r.a, nil
}

const touchAPITokenCypher = `MATCH (t:ApiToken {id: $id}) SET t.lastUsedAt = $now`

// TouchAPIToken records that the token was used at now.
func (s *Store) TouchAPIToken(ctx context.Context, id string, now time.Time) error {
	_, err := write(ctx, s, "touch api token", func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, touchAPITokenCypher, map[string]any{"id": id, "now": now.UTC()})
	})
	return err
}

const apiTokenOwnerCypher = `MATCH (a:Account)-[:HAS_TOKEN]->(:ApiToken {id: $id}) RETURN a.id AS owner`

// APITokenOwner returns the id of the account holding the token with id.
// ErrNotFound when there is none.
func (s *Store) APITokenOwner(ctx context.Context, id string) (string, error) {
	return ownerOf(ctx, s, "api token owner", apiTokenOwnerCypher, id, "API token")
}

// ownerOf runs cypher, which returns the id of the owner of the node with
// $id in its one column, and returns the first: ErrNotFound naming noun
// when there is none.
func ownerOf(ctx context.Context, s *Store, op, cypher, id, noun string) (string, error) {
	owners, err := read(ctx, s, op, func(tx neo4j.ManagedTransaction) ([]string, error) {
		res, err := tx.Run(ctx, cypher, map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		var out []string
		for res.Next(ctx) {
			o, _ := res.Record().Values[0].(string)
			out = append(out, o)
		}
		return out, res.Err()
	})
	if err != nil {
		return "", err
	}
	if len(owners) == 0 {
		return "", notFound("no %s with id %q", noun, id)
	}
	return owners[0], nil
}

const revokeAPITokenCypher = `
MATCH (t:ApiToken {id: $id})
WITH t, t.id AS id
DETACH DELETE t
RETURN id`

// RevokeAPIToken deletes the API token with id: it stops working at once.
// ErrNotFound when there is none.
func (s *Store) RevokeAPIToken(ctx context.Context, id string) error {
	n, err := write(ctx, s, "revoke api token", func(tx neo4j.ManagedTransaction) (int, error) {
		res, err := tx.Run(ctx, revokeAPITokenCypher, map[string]any{"id": id})
		if err != nil {
			return 0, err
		}
		recs, err := res.Collect(ctx)
		return len(recs), err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound("no API token with id %q", id)
	}
	return nil
}

const apiTokensOfCypher = `
MATCH (:Account {id: $account})-[:HAS_TOKEN]->(t:ApiToken)
RETURN ` + apiTokenProjection + `
ORDER BY t.createdAt DESC, t.id`

// APITokensOf lists an account's API tokens, newest first.
func (s *Store) APITokensOf(ctx context.Context, accountID string) ([]APIToken, error) {
	return read(ctx, s, "api tokens of", func(tx neo4j.ManagedTransaction) ([]APIToken, error) {
		return collect(ctx, tx, apiTokensOfCypher, map[string]any{"account": accountID}, apiTokenFrom)
	})
}

const goalOwnerCypher = `MATCH (p:Person)-[:HAS_GOAL]->(:Goal {id: $id}) RETURN p.id AS owner`

// GoalOwner returns the id of the person whose goal has id; ErrNotFound
// when there is no such goal.
func (s *Store) GoalOwner(ctx context.Context, id string) (string, error) {
	return ownerOf(ctx, s, "goal owner", goalOwnerCypher, id, "goal")
}

const storedNonMembersCypher = `
UNWIND $people AS id
MATCH (p:Person {id: id})
WHERE NOT EXISTS {
  MATCH (p)-[r:AFFILIATED_WITH]->(o:Organization)
  WHERE r.until IS NULL AND o.id IN $orgs
}
RETURN p.id AS id ORDER BY id`

// StoredNonMembers returns those of people who are stored and are not a
// current member of any of orgs (what an organizer of orgs may not
// change), by id.
func (s *Store) StoredNonMembers(ctx context.Context, people, orgs []string) ([]string, error) {
	return read(ctx, s, "stored non-members", func(tx neo4j.ManagedTransaction) ([]string, error) {
		res, err := tx.Run(ctx, storedNonMembersCypher, map[string]any{"people": people, "orgs": orgs})
		if err != nil {
			return nil, err
		}
		var out []string
		for res.Next(ctx) {
			id, _ := res.Record().Values[0].(string)
			out = append(out, id)
		}
		return out, res.Err()
	})
}
