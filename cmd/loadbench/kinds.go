package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// kind is one question of the load: a GraphQL query and how to draw its
// variables.
type kind struct {
	name  string
	query string
	vars  func(p *picker) map[string]any
}

const pathFields = `length steps { from { id name } to { id name } kind direction since }`

// kinds are the questions the load can ask: what a UI would ask when a
// mentee opens a profile (or shows a person's card), looks for mentors,
// draws a neighbourhood, a lineage or a way to be introduced, or opens a
// skill.
var kinds = []kind{
	{
		name:  "person",
		query: `query($id: ID!) { person(id: $id) { id name headline openSlots skills { level skill { id name } } mentors { mentor { id name } since status } } }`,
		vars:  func(p *picker) map[string]any { return map[string]any{"id": p.one(p.people)} },
	},
	{
		name:  "personCard",
		query: `query($id: ID!) { person(id: $id) { id name headline openSlots } }`,
		vars:  func(p *picker) map[string]any { return map[string]any{"id": p.one(p.people)} },
	},
	{
		name: "findMentors",
		query: `query($id: ID!) { findMentors(for: $id, skill: "leadership", first: 10) { edges { node {
			hops level score mentor { id name openSlots } path { ` + pathFields + ` } } } } }`,
		vars: func(p *picker) map[string]any { return map[string]any{"id": p.one(p.people)} },
	},
	{
		name:  "neighborhood",
		query: `query($id: ID!) { neighborhood(person: $id, depth: 1, limit: 50) { truncated nodes { hops person { id name } } links { kind from { id } to { id } } } }`,
		vars:  func(p *picker) map[string]any { return map[string]any{"id": p.one(p.people)} },
	},
	{
		name: "lineage",
		query: `query($id: ID!) { lineage(person: $id, direction: ANCESTORS, depth: 3) {
			generation person { id name } via { from { id } to { id } kind direction since } } }`,
		vars: func(p *picker) map[string]any { return map[string]any{"id": p.one(p.mentees)} },
	},
	{
		name:  "referralPaths",
		query: `query($from: ID!, $to: ID!) { referralPaths(from: $from, to: $to, maxHops: 4, k: 3) { ` + pathFields + ` } }`,
		vars: func(p *picker) map[string]any {
			a, b := p.pair()
			return map[string]any{"from": a, "to": b}
		},
	},
	{
		name:  "skill",
		query: `query($id: ID!) { skill(id: $id) { id name holderCount mentors(first: 10) { edges { level node { id name openSlots } } } } }`,
		vars:  func(p *picker) map[string]any { return map[string]any{"id": p.one(p.skills)} },
	},
}

// defaultMix weighs the questions as a guess at what a mentee-facing UI
// asks most: profiles, then searches.
const defaultMix = "person=40,findMentors=15,neighborhood=15,skill=10,lineage=10,referralPaths=10"

func kindNames() []string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.name
	}
	return names
}

// weighted is a question of the mix and its weight.
type weighted struct {
	kind
	weight int
}

// parseMix reads name=weight,… (a name alone weighs 1).
func parseMix(s string) ([]weighted, error) {
	var mix []weighted
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, w, hasWeight := strings.Cut(part, "=")
		weight := 1
		if hasWeight {
			n, err := strconv.Atoi(strings.TrimSpace(w))
			if err != nil || n < 1 {
				return nil, fmt.Errorf("%q: the weight must be a whole number of at least 1", part)
			}
			weight = n
		}
		i := slices.IndexFunc(kinds, func(k kind) bool { return k.name == strings.TrimSpace(name) })
		if i < 0 {
			return nil, fmt.Errorf("%q: no question named %q (there are: %s)", part, name, strings.Join(kindNames(), ", "))
		}
		if slices.ContainsFunc(mix, func(m weighted) bool { return m.name == kinds[i].name }) {
			return nil, fmt.Errorf("%q: %s is named twice", part, kinds[i].name)
		}
		mix = append(mix, weighted{kind: kinds[i], weight: weight})
	}
	if len(mix) == 0 {
		return nil, fmt.Errorf("%q names no question", s)
	}
	return mix, nil
}

func mixString(mix []weighted) string {
	parts := make([]string, len(mix))
	for i, m := range mix {
		parts[i] = fmt.Sprintf("%s=%d", m.name, m.weight)
	}
	return strings.Join(parts, ",")
}
