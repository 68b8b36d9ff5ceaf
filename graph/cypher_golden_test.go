package graph

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Every Cypher statement the store can send has a golden file,
// testdata/cypher/<question>/<variant>.cypher, so a reviewer reads each
// query as text and sees any change to one as a diff:
//
//	go test ./graph -run Golden -update   # rewrite the files
//	go test ./graph -run Golden           # compare
//
// TestCypherGolden compares cypherStatements with the files.
// TestMain (main_test.go) also records every statement the tests send
// through the store and fails the run when one has no golden file, so a
// statement left out of cypherStatements is noticed.

var updateGolden = flag.Bool("update", false, "rewrite the golden files of testdata/cypher")

// goldenDir holds the golden Cypher files.
const goldenDir = "testdata/cypher"

func (n namedStatement) path() string {
	return filepath.Join(goldenDir, n.question, n.variant+".cypher")
}

// goldenText is what a golden file holds for cypher: the statement
// without its surrounding blank lines, and a final newline.
func goldenText(cypher string) string { return strings.TrimSpace(cypher) + "\n" }

func TestCypherGolden(t *testing.T) {
	statements := cypherStatements()
	want := map[string]bool{}
	for _, s := range statements {
		p := s.path()
		if want[p] {
			t.Fatalf("two statements named %s", p)
		}
		want[p] = true
		if *updateGolden {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(goldenText(s.cypher)), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v (run go test ./graph -run Golden -update)", p, err)
			continue
		}
		if diff := cmp.Diff(string(got), goldenText(s.cypher)); diff != "" {
			t.Errorf("%s differs from the statement the store sends (-golden +now); if the change is meant, run go test ./graph -run Golden -update and review the diff:\n%s", p, diff)
		}
	}
	// Files of statements that no longer exist.
	err := filepath.WalkDir(goldenDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || want[p] {
			return err
		}
		if *updateGolden {
			return os.Remove(p)
		}
		t.Errorf("%s: the store has no such statement any more (go test ./graph -run Golden -update removes it)", p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sentStatements records the statements the store sends while tests run
// (see ranStatement).
var sentStatements sync.Map

// RecordSentStatements makes the store record every statement it sends
// (for TestMain).
func RecordSentStatements() {
	ranStatement = func(cypher string) { sentStatements.Store(cypher, true) }
}

// testOnlyStatements are statements only tests send through the store:
// the open-mentor searches forced one way (export_test.go), compared with
// the store's own choice, and a statement that outlives its deadline.
func testOnlyStatements() []string {
	out := []string{slowCountCypher}
	for _, v := range []*openVariants{findOpenMentorsForward, findOpenMentorsBackward, countOpenMentorsForward, countOpenMentorsBackward} {
		for l := range reachLinkSets {
			for n := 1; n <= MaxOpenMentorHops; n++ {
				out = append(out, v[l][n][1:]...)
			}
		}
	}
	return out
}

// UnlistedStatements returns the statements the store sent that have no
// golden file (cypherStatements) and are not testOnlyStatements, on one
// line each (for TestMain).
func UnlistedStatements() []string {
	listed := map[string]bool{}
	for _, s := range cypherStatements() {
		listed[goldenText(s.cypher)] = true
	}
	for _, c := range testOnlyStatements() {
		listed[goldenText(c)] = true
	}
	var out []string
	sentStatements.Range(func(k, _ any) bool {
		if c := k.(string); !listed[goldenText(c)] {
			out = append(out, strings.Join(strings.Fields(c), " "))
		}
		return true
	})
	slices.Sort(out)
	return out
}
