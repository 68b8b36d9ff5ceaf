package graph

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// privacyFragment matches the audience's conditions in a statement
// (levelSeen, and the settings' own-person test once it is gone).
var (
	privacyFragment = regexp.MustCompile(`\(\$audienceAdmin OR [\w.]+\.id = \$audiencePerson OR CASE .*? ELSE false END\)`)
	ownFragment     = regexp.MustCompile(`\$audienceAdmin OR \w+\.id = \$audiencePerson`)
	anonymousName   = regexp.MustCompile(`anon_\d+|, cache\[[^\]]*\]|  +`)
)

// withoutPrivacy is cypher with every audience condition true: the
// statement as it was before privacy filtering.
func withoutPrivacy(cypher string) string {
	return ownFragment.ReplaceAllString(privacyFragment.ReplaceAllString(cypher, "true"), "true")
}

// indexUse lists the index operators of cypher's plan with what they
// read ("NodeUniqueIndexSeek UNIQUE me:Person(id) WHERE id = $for").
func indexUse(t *testing.T, ctx context.Context, drv neo4j.DriverWithContext, db, cypher string) []string {
	t.Helper()
	res, err := neo4j.ExecuteQuery(ctx, drv, "EXPLAIN "+cypher, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	if err != nil {
		t.Fatalf("EXPLAIN: %v\n%s", err, cypher)
	}
	plan, _ := res.Summary.Plan().Arguments()["string-representation"].(string)
	var out []string
	for _, line := range strings.Split(plan, "\n") {
		cols := strings.Split(line, "|")
		if len(cols) < 4 {
			continue
		}
		op := strings.TrimLeft(strings.TrimSpace(cols[1]), "+")
		if strings.Contains(op, "Index") || strings.HasPrefix(op, "ProcedureCall") {
			out = append(out, op+" "+strings.TrimSpace(anonymousName.ReplaceAllString(strings.TrimSpace(cols[3]), " ")))
		}
	}
	slices.Sort(out)
	return out
}

// TestPrivacyKeepsIndexUse: every statement that filters by the
// audience uses the same indexes as the same statement without the
// filtering (EXPLAIN), so privacy costs a condition per person touched,
// never a scan where there was a seek.
func TestPrivacyKeepsIndexUse(t *testing.T) {
	ctx := context.Background()
	drv := neo4jtest.Driver(t)
	db := neo4jtest.Get(t).Database
	s := NewStore(drv, db)
	if err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	// Of each question's variants, the first and last by name (the
	// open-mentor and reach plans of findMentors, the shortest and longest
	// bounds): planning each of the two hundred takes minutes.
	byQuestion := map[string][]namedStatement{}
	for _, st := range cypherStatements() {
		if strings.Contains(st.cypher, "$audiencePerson") {
			byQuestion[st.question] = append(byQuestion[st.question], st)
		}
	}
	var sample []namedStatement
	for _, sts := range byQuestion {
		slices.SortFunc(sts, func(a, b namedStatement) int { return strings.Compare(a.path(), b.path()) })
		for _, i := range slices.Compact([]int{0, len(sts) - 1}) {
			sample = append(sample, sts[i])
		}
	}
	if len(byQuestion) < 12 {
		t.Errorf("only %d questions filter by the audience: the test no longer finds them", len(byQuestion))
	}
	checked := 0
	for _, st := range sample {
		plain := withoutPrivacy(st.cypher)
		if strings.Contains(plain, "$audiencePerson") {
			t.Errorf("%s: an audience condition of a shape this test does not know", st.path())
			continue
		}
		with, without := indexUse(t, ctx, drv, db, st.cypher), indexUse(t, ctx, drv, db, plain)
		if !slices.Equal(with, without) {
			t.Errorf("%s: privacy filtering changed the index use\nwith:    %q\nwithout: %q", st.path(), with, without)
		}
		checked++
	}
	t.Logf("%d statements keep their index use", checked)
}
