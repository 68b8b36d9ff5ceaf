package graph

// The validate stage of an import: the dataset checked with the stored
// data it refers to, before anything is written.

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// validateImport is the first stage of an import: it looks up what ds
// refers to without defining it (known) and validates ds with it
// (dataset.Validate). The problems, with readProblems (found while reading
// ds), are the error, all of them: nothing is written then. It returns the
// labels of importSteps of which some node is stored (storedLabels), read
// in the same look-up.
func (s *Store) validateImport(ctx context.Context, ds *dataset.Dataset, readProblems dataset.Problems) (storedLabels, error) {
	start := time.Now()
	known, stored, err := s.known(ctx, ds)
	if err != nil {
		return nil, err
	}
	traceSince("validate: look up", start)
	start = time.Now()
	problems := mergeProblems(readProblems, dataset.Validate(ds, known))
	traceSince("validate: check", start)
	if len(problems) > 0 {
		return nil, problems
	}
	return stored, nil
}

// storedLabels says, for each label of importSteps, whether any node
// with it is stored. A step whose label has none creates every row
// without classifying it (writeStep).
type storedLabels map[string]bool

// none reports whether no node with the label is stored; a label the
// look-up did not answer for counts as stored.
func (l storedLabels) none(label string) bool {
	stored, ok := l[label]
	return ok && !stored
}

// knownIDsCypher looks up, in one statement, what validation needs from
// the database (see known) and whether any node of each label an import
// writes is stored.
const knownIDsCypher = `
CALL () { UNWIND $people AS id MATCH (n:Person {id: id}) RETURN collect(id) AS people }
CALL () { UNWIND $skills AS id MATCH (n:Skill {id: id}) RETURN collect(id) AS skills }
CALL () { UNWIND $orgs AS id MATCH (n:Organization {id: id}) RETURN collect(id) AS orgs }
CALL () { MATCH (s:Skill)-[:PART_OF]->(b:Skill) RETURN collect([s.id, b.id]) AS parents }
CALL () {
  WITH $currentPairs AS pairs WHERE EXISTS { MATCH (:Person)-[:AFFILIATED_WITH]->(:Organization) }
  UNWIND pairs AS pair
  MATCH (:Person {id: pair[0]})-[a:AFFILIATED_WITH]->(:Organization {id: pair[1]})
  RETURN collect([pair[0], pair[1], a.role, a.since, a.until]) AS memberships
}
RETURN {people: people, skills: skills, orgs: orgs, parents: parents, memberships: memberships,
  stored: {Person: EXISTS { MATCH (:Person) }, Skill: EXISTS { MATCH (:Skill) },
    Organization: EXISTS { MATCH (:Organization) }, Goal: EXISTS { MATCH (:Goal) }}} AS known`

// known looks up the ids ds refers to without defining them, the stored
// skill hierarchy, and the stored memberships of the people and
// organizations ds gives a current membership, so validation accepts
// references to stored data and sees what the import adds to; and, in the
// same statement, which labels have nodes stored.
func (s *Store) known(ctx context.Context, ds *dataset.Dataset) (dataset.Known, storedLabels, error) {
	people, skills, orgs := ds.Missing()
	currentPairs := []any{}
	for _, p := range ds.CurrentAffiliationPairs() {
		currentPairs = append(currentPairs, []string{p.PersonID, p.OrganizationID})
	}
	type lookup struct {
		known  dataset.Known
		stored storedLabels
	}
	l, err := read(ctx, s, "import: look up referenced ids", func(tx neo4j.ManagedTransaction) (lookup, error) {
		m, err := single(ctx, tx, knownIDsCypher, map[string]any{"people": people, "skills": skills, "orgs": orgs, "currentPairs": currentPairs},
			func(m map[string]any) map[string]any { return m })
		if err != nil {
			return lookup{}, err
		}
		k := dataset.Known{People: set(strList(m, "people")), Skills: set(strList(m, "skills")),
			Organizations: set(strList(m, "orgs")), SkillParents: map[string]string{},
			Affiliations: map[dataset.PersonOrganization][]dataset.StoredAffiliation{}}
		pairs, _ := m["parents"].([]any)
		for _, p := range pairs {
			if pair, ok := p.([]any); ok && len(pair) == 2 {
				child, _ := pair[0].(string)
				parent, _ := pair[1].(string)
				k.SkillParents[child] = parent
			}
		}
		memberships, _ := m["memberships"].([]any)
		for _, v := range memberships {
			if row, ok := v.([]any); ok && len(row) == 5 {
				person, _ := row[0].(string)
				org, _ := row[1].(string)
				role, _ := row[2].(string)
				pair := dataset.PersonOrganization{PersonID: person, OrganizationID: org}
				k.Affiliations[pair] = append(k.Affiliations[pair], dataset.StoredAffiliation{Role: role,
					Since: datasetDate(row[3]), Until: datasetDate(row[4])})
			}
		}
		stored := storedLabels{}
		flags, _ := m["stored"].(map[string]any)
		for label, v := range flags {
			stored[label], _ = v.(bool)
		}
		return lookup{k, stored}, nil
	})
	return l.known, l.stored, err
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// mergeProblems joins read and validation problems, each once, in file and
// line order (a bad cell is reported by both).
func mergeProblems(read, valid dataset.Problems) dataset.Problems {
	seen := map[dataset.Problem]bool{}
	var out dataset.Problems
	for _, p := range append(slices.Clone(read), valid...) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b dataset.Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return out
}
