package graph_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/seed"
)

// backup is a backup in memory.
type backup struct{ nodes, rels string }

func takeBackup(t *testing.T, s *graph.Store) (backup, graph.BackupCounts) {
	t.Helper()
	var n, r bytes.Buffer
	counts, err := s.Backup(context.Background(), &n, &r)
	if err != nil {
		t.Fatal(err)
	}
	return backup{n.String(), r.String()}, counts
}

// sortedLines is a backup stream's lines in order (a backup's order is
// Neo4j's).
func sortedLines(s string) []string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	slices.Sort(lines)
	return lines
}

func sameBackup(t *testing.T, got, want backup) {
	t.Helper()
	for _, c := range []struct{ what, got, want string }{{"nodes", got.nodes, want.nodes}, {"relationships", got.rels, want.rels}} {
		g, w := sortedLines(c.got), sortedLines(c.want)
		if !slices.Equal(g, w) {
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Errorf("%s differ (%d vs %d lines); first: %s\nwant %s", c.what, len(g), len(w), g[i], w[i])
					return
				}
			}
			t.Errorf("%s differ: %d vs %d lines", c.what, len(g), len(w))
		}
	}
}

func count(t *testing.T, drv neo4j.DriverWithContext, cypher string) int64 {
	t.Helper()
	return countWith(t, drv, cypher, nil)
}

func countWith(t *testing.T, drv neo4j.DriverWithContext, cypher string, params map[string]any) int64 {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), drv, cypher, params, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	return res.Records[0].Values[0].(int64)
}

const openMentorLinksCount = `MATCH ()-[r]->() WHERE type(r) STARTS WITH 'CAN_MENTOR_' RETURN count(r)`

// TestBackupAndRestore: a backup holds every node and relationship a user
// saved (people, skills, organizations, goals, links, privacy settings,
// accounts, roles, API tokens, mentorship requests) but sign-in sessions;
// restoring it into an empty database gives the same backup again and
// the same open-mentor links. A restore refuses a database that holds
// data; a damaged backup restores nothing; an interrupted restore is
// reported, and the next one starts over.
func TestBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	s, drv := ownDatabase(t)
	net := seed.Generate(seed.Config{People: 300, Seed: 21})
	if _, err := s.Import(ctx, net, graph.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	a, b := net.People[0].ID, net.People[1].ID
	if _, err := s.SetPrivacy(ctx, a, graph.PrivacyPatch{Visibility: ptrTo(graph.Private)}); err != nil {
		t.Fatal(err)
	}
	acc, err := s.CreateAccount(ctx, graph.AccountInput{Login: "ada@example.org", PasswordHash: "argon2id$hash", PersonID: a, Admin: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetOrganizer(ctx, acc.ID, net.Organizations[0].ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateAPIToken(ctx, graph.APITokenInput{AccountID: acc.ID, Hash: "token-hash", Name: "ci", Scope: "READ_ONLY", ExpiresAt: time.Now().Add(time.Hour).Truncate(time.Second)}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, acc.ID, "session-hash", time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	mentor, err := s.CreatePerson(ctx, graph.PersonInput{ID: ptrTo("fresh-mentor"), Name: "Fresh Mentor", AvailableToMentor: true, MentorCapacity: 3})
	if err != nil {
		t.Fatal(err)
	}
	asB := graph.WithAudience(ctx, graph.Audience{PersonID: b, Member: true})
	if _, err := s.RequestMentorship(asB, graph.MentorshipRequest{MenteeID: b, MentorID: mentor.ID, Message: ptrTo("Hello")}); err != nil {
		t.Fatal(err)
	}

	want, counts := takeBackup(t, s)
	if counts.Nodes["Person"] != len(net.People)+1 || counts.Nodes["Account"] != 1 || counts.Nodes["ApiToken"] != 1 ||
		counts.Relationships["HAS_TOKEN"] != 1 || counts.Relationships["ORGANIZES"] != 1 || counts.Relationships["KNOWS"] != len(net.Connections) {
		t.Errorf("backup counts: %+v", counts)
	}
	if strings.Contains(want.nodes, "session-hash") || strings.Contains(want.rels, "HAS_SESSION") || strings.Contains(want.rels, "CAN_MENTOR_") {
		t.Error("the backup holds sessions or open-mentor links")
	}
	for _, saved := range []string{`"visibility":"PRIVATE"`, `"login":"ada@example.org"`, `"MENTORSHIP_REQUEST"`, `"message":"Hello"`, `{"$date":`, `{"$datetime":`} {
		if !strings.Contains(want.nodes+want.rels, saved) {
			t.Errorf("the backup lacks %s", saved)
		}
	}
	links := count(t, drv, openMentorLinksCount)

	// Into a database that holds data: refused, unless it is replaced.
	if _, err := s.Restore(ctx, strings.NewReader(want.nodes), strings.NewReader(want.rels), graph.RestoreOptions{}); !errors.Is(err, graph.ErrConflict) {
		t.Fatalf("restore into a database holding data: %v", err)
	}
	got, err := s.Restore(ctx, strings.NewReader(want.nodes), strings.NewReader(want.rels), graph.RestoreOptions{Replace: true, BatchSize: 97})
	if err != nil {
		t.Fatal(err)
	}
	if got.Nodes["Person"] != len(net.People)+1 {
		t.Errorf("restored %+v", got)
	}
	again, _ := takeBackup(t, s)
	sameBackup(t, again, want)
	if n := count(t, drv, openMentorLinksCount); n != links {
		t.Errorf("open-mentor links after the restore: %d, before %d", n, links)
	}
	if n := count(t, drv, `MATCH (n:Session) RETURN count(n)`); n != 0 {
		t.Errorf("%d sessions after the restore", n)
	}

	// A damaged backup: a relationship to a person it does not hold.
	damaged := want.rels + `{"type":"KNOWS","from":["Person","` + a + `"],"to":["Person","nobody"],"props":{}}` + "\n"
	_, err = s.Restore(ctx, strings.NewReader(want.nodes), strings.NewReader(damaged), graph.RestoreOptions{Replace: true})
	if err == nil || !strings.Contains(err.Error(), "name a node the backup does not hold") || !strings.Contains(err.Error(), "nothing was restored") {
		t.Fatalf("a damaged backup: %v", err)
	}
	if n := count(t, drv, `MATCH (n) WHERE NOT n:MentorGraphMeta RETURN count(n)`); n != 0 {
		t.Errorf("a failed restore left %d nodes", n)
	}
	if interrupted, err := s.RestoreInterrupted(ctx); err != nil || interrupted {
		t.Errorf("after a failed restore, marked interrupted: %v %v", interrupted, err)
	}
	for _, bad := range []struct{ nodes, rels, says string }{
		{`{"label":"Alien","props":{"id":"x"}}`, "", `label "Alien" is not one a backup holds`},
		{`{"label":"Person","props":{"id":"x","level":1.5}}`, "", "is not an integer"},
		{`{"label":"Person","props":{"id":"x"}}` + "\n" + `{"label":"Person","props":{"id":"x"}}`, "", "an id appears twice"},
		{`not json`, "", "nodes, line 1"},
	} {
		_, err := s.Restore(ctx, strings.NewReader(bad.nodes), strings.NewReader(bad.rels), graph.RestoreOptions{})
		if err == nil || !strings.Contains(err.Error(), bad.says) {
			t.Errorf("restoring %q: %v, want it to say %q", bad.nodes, err, bad.says)
		}
	}

	// A restore cut short (the process killed) leaves its mark and part of
	// the data: reported, and the next restore starts over.
	if _, err := neo4j.ExecuteQuery(ctx, drv, `MERGE (:MentorGraphMeta {key: 'restore'}) CREATE (:Person {id: 'half'})`, nil, neo4j.EagerResultTransformer); err != nil {
		t.Fatal(err)
	}
	if interrupted, err := s.RestoreInterrupted(ctx); err != nil || !interrupted {
		t.Errorf("an interrupted restore is not reported: %v %v", interrupted, err)
	}
	if _, err := s.Restore(ctx, strings.NewReader(want.nodes), strings.NewReader(want.rels), graph.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	again, _ = takeBackup(t, s)
	sameBackup(t, again, want)
	if interrupted, _ := s.RestoreInterrupted(ctx); interrupted {
		t.Error("still marked after a whole restore")
	}

	// A backup from before duplicate links were merged (schema version
	// 2) may hold a pair's link twice: the restore merges them, as the
	// migration did for databases.
	c := net.Connections[0]
	var dup string
	for _, line := range strings.Split(want.rels, "\n") {
		if strings.Contains(line, `"type":"KNOWS"`) && strings.Contains(line, `"`+c.PersonA+`"`) && strings.Contains(line, `"`+c.PersonB+`"`) {
			dup = line
		}
	}
	if dup == "" {
		t.Fatal("the backup has no line for the first connection")
	}
	pairLinks := `MATCH (:Person {id: $a})-[k:KNOWS]-(:Person {id: $b}) RETURN count(k)`
	if _, err := s.Restore(ctx, strings.NewReader(want.nodes), strings.NewReader(want.rels+dup+"\n"), graph.RestoreOptions{Replace: true, SchemaVersion: 2}); err != nil {
		t.Fatal(err)
	}
	if n := countWith(t, drv, pairLinks, map[string]any{"a": c.PersonA, "b": c.PersonB}); n != 1 {
		t.Errorf("an old backup holding a link twice: %d links after the restore, want 1", n)
	}
	again, _ = takeBackup(t, s)
	sameBackup(t, again, want)

	// A backup from a schema version this build does not know: refused
	// before anything is written.
	_, err = s.Restore(ctx, strings.NewReader(want.nodes), strings.NewReader(want.rels), graph.RestoreOptions{Replace: true, SchemaVersion: graph.LatestSchemaVersion() + 1})
	if !errors.Is(err, graph.ErrBackupTooNew) {
		t.Errorf("a backup from a newer schema version: %v, want ErrBackupTooNew", err)
	}
	if n := count(t, drv, `MATCH (n:Person) RETURN count(n)`); n != int64(len(net.People)+1) {
		t.Errorf("after refusing a newer backup the database holds %d people, want the %d it held", n, len(net.People)+1)
	}
}

func ptrTo[T any](v T) *T { return &v }
