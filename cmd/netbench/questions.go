package main

import (
	"context"
	"fmt"

	"github.com/mentorgraph/mentorgraph/graph"
)

// The GraphQL selections of a path and of a person, shared by the
// questions that return them: what the store call returns.
const (
	pathFields   = `length steps { from { id name } to { id name } kind direction since }`
	personFields = `id name openSlots`
)

// boardSkills are the skills a board of mentors is asked for (ids of
// graph/seed's catalogue).
var boardSkills = []string{"leadership", "public-speaking", "kubernetes"}

// questions lists what netbench measures.
func questions() []question {
	qs := []question{
		{
			name: "findMentors (2 hops, page of 20, with paths)",
			direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
				page, err := s.FindMentors(ctx, graph.FindMentorsArgs{For: p.person, Skill: "leadership", Page: graph.PageArgs{First: 20}})
				return len(page.Items), err
			},
			query: `query($id: ID!) { findMentors(for: $id, skill: "leadership", first: 20) { edges { node {
				hops level score skill { id name } mentor { ` + personFields + ` } path { ` + pathFields + ` } } } } }`,
			vars: func(p params) map[string]any { return map[string]any{"id": p.person} },
			list: "findMentors.edges",
		},
		{
			name: "neighborhood (depth 1, limit 200)",
			direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
				g, err := s.Neighborhood(ctx, p.person, 1, 200)
				return len(g.Nodes), err
			},
			query: `query($id: ID!) { neighborhood(person: $id, depth: 1, limit: 200) { truncated nodes { hops person { id name } } links { kind from { id } to { id } } } }`,
			vars:  func(p params) map[string]any { return map[string]any{"id": p.person} },
			list:  "neighborhood.nodes",
		},
		{
			name: "person with skills and mentors",
			// The one planned read GraphQL makes of it.
			direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
				people, err := s.ReadPeople(ctx, []string{p.person}, graph.Reads{Skip: graph.PersonProfile | graph.PersonPrivacy, Skills: true,
					Mentors: &graph.Reads{Skip: graph.AllPersonFields}})
				return len(people), err
			},
			query: `query($id: ID!) { person(id: $id) { name openSlots skills { level skill { name } } mentors { mentor { name } } } }`,
			vars:  func(p params) map[string]any { return map[string]any{"id": p.person} },
			list:  "person",
		},
		{
			name: "person, name only",
			direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
				people, err := s.PeopleByID(ctx, []string{p.person})
				return len(people), err
			},
			query: nameOnlyQuery,
			vars:  func(p params) map[string]any { return map[string]any{"id": p.person} },
			list:  "person",
		},
		{
			name: "person nested (skills, mentors, 20 connections)",
			direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
				people, err := s.ReadPeople(ctx, []string{p.person}, nestedReads)
				return len(people), err
			},
			query:      nestedQuery,
			vars:       func(p params) map[string]any { return map[string]any{"id": p.person} },
			list:       "person",
			throughput: true,
		},
		{
			name: "people nested (page of 50 from a random person, skills, mentors)",
			direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
				after := graph.EncodeCursor(graph.Cursor{ID: p.person})
				page, err := s.PeopleReads(ctx, graph.PeopleFilter{}, graph.PageArgs{First: 50, After: &after},
					graph.Reads{Skip: graph.AllPersonFields, Skills: true, Mentors: &graph.Reads{Skip: graph.AllPersonFields}})
				return len(page.Items), err
			},
			query: `query($after: String) { people(first: 50, after: $after) { edges { node {
				name skills { skill { name } } mentors { mentor { name } } } } } }`,
			vars: func(p params) map[string]any {
				return map[string]any{"after": graph.EncodeCursor(graph.Cursor{ID: p.person})}
			},
			list: "people.edges",
		},
		skillMentorsQuestion("mentors of a skill (page of 20)", nil),
		// The broad skills whose subtrees most people hold: a page that
		// sorted every holder cost the most there.
		skillMentorsQuestion("mentors of a most-held skill (page of 20)", func(pl *pools) params {
			p := pl.any()
			p.skill = pl.one(pl.mostHeld, "held skills")
			return p
		}),
		referralQuestion("pairs 2–3 hops apart", func(pl *pools) params { return pl.near(2, 3) }),
		referralQuestion("random pairs", nil),
	}
	for _, dir := range []graph.LineageDirection{graph.Ancestors, graph.Descendants} {
		pool, what := func(pl *pools) []string { return pl.mentees }, "mentees"
		if dir == graph.Descendants {
			pool, what = func(pl *pools) []string { return pl.mentors }, "mentors"
		}
		qs = append(qs, question{
			name: fmt.Sprintf("lineage (%s, depth 3, half from %s)", dir, what),
			pick: func(pl *pools) params { return pl.halfFrom(pool(pl), what) },
			direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
				entries, err := s.Lineage(ctx, graph.LineageArgs{Person: p.person, Direction: dir, Depth: 3})
				return len(entries), err
			},
			query: `query($id: ID!, $dir: LineageDirection!) { lineage(person: $id, direction: $dir, depth: 3) {
				generation status person { ` + personFields + ` } via { from { id } to { id } kind direction since } } }`,
			vars: func(p params) map[string]any { return map[string]any{"id": p.person, "dir": string(dir)} },
			list: "lineage",
		})
	}
	return append(qs,
		question{
			name: "mentorBoard (3 skills, 2 hops, with paths)",
			direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
				b, err := s.MentorBoard(ctx, p.person, boardSkills, 2)
				return len(b.Seats), err
			},
			query: `query($id: ID!, $skills: [ID!]!) { mentorBoard(for: $id, skills: $skills, maxHops: 2) {
				seats { hops mentor { ` + personFields + ` } skills { id name } path { ` + pathFields + ` } } uncovered { id name } } }`,
			vars: func(p params) map[string]any { return map[string]any{"id": p.person, "skills": boardSkills} },
			list: "mentorBoard.seats",
		},
		// Coverage reports are kept by the store (graph/coverage_cache.go):
		// these ask the kept reports of 20 organizations and of the whole
		// network, computed during the warm-up; coverageFigures measures
		// their computation.
		coverageQuestion("an organization", 300, 100, func(p params) *string { return &p.org }),
		coverageQuestion("whole network", 100, 3, func(params) *string { return nil }),
		question{
			name: "successors (of someone with mentees)",
			pick: func(pl *pools) params {
				p := pl.any()
				p.person = pl.one(pl.mentors, "mentors")
				return p
			},
			direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
				succ, err := s.Successors(ctx, graph.SuccessionArgs{Person: p.person})
				return len(succ), err
			},
			query: `query($id: ID!) { successors(person: $id) {
				generation score person { ` + personFields + ` } covered { skill { id name } heldSkill { id name } level target gap } } }`,
			vars: func(p params) map[string]any { return map[string]any{"id": p.person} },
			list: "successors",
		},
	)
}

// referralQuestion asks for referral paths (4 hops, k 3) between the
// pairs pick draws (kind names them).
func referralQuestion(kind string, pick func(pl *pools) params) question {
	return question{
		name: "referralPaths (4 hops, k 3, " + kind + ")",
		pick: pick,
		direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
			paths, err := s.ReferralPaths(ctx, graph.ReferralArgs{From: p.person, To: p.other, MaxHops: 4, K: 3})
			return len(paths), err
		},
		query: `query($from: ID!, $to: ID!) { referralPaths(from: $from, to: $to, maxHops: 4, k: 3) { ` + pathFields + ` } }`,
		vars:  func(p params) map[string]any { return map[string]any{"from": p.person, "to": p.other} },
		list:  "referralPaths",
	}
}

// coverageQuestion asks for the first 20 coverage gaps (2 hops) in the
// scope org returns (nil: the whole network), with the uncovered mentees
// and overloaded mentors.
func coverageQuestion(scope string, asks, warm int, org func(p params) *string) question {
	return question{
		name: "coverageGaps (" + scope + ", 2 hops, first 20)",
		asks: asks,
		warm: warm,
		pick: func(pl *pools) params {
			p := pl.any()
			p.org = pl.one(pl.coverageOrgs, "organizations")
			return p
		},
		// Allowing a stale answer, as GraphQL does by default.
		direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
			page, _, err := s.CoverageGaps(ctx, graph.CoverageArgs{Organization: org(p), MaxHops: 2,
				MinLevel: graph.DefaultCoverageMinLevel, Page: graph.PageArgs{First: 20}, AllowStale: true})
			return len(page.Items), err
		},
		query: `query($org: ID) { coverageGaps(organization: $org, maxHops: 2, first: 20) { totalCount pageInfo { hasNextPage endCursor }
			edges { cursor node { skill { id name } demand seekers supply openSlots ratio uncovered uncoveredMentees { id }
				singlePointOfFailure overloadedCount overloaded { id } } } } }`,
		vars: func(p params) map[string]any {
			if o := org(p); o != nil {
				return map[string]any{"org": *o}
			}
			return map[string]any{}
		},
		list: "coverageGaps.edges",
	}
}

// skillMentorsQuestion asks for the first 20 mentors of a skill (with its
// narrower skills, level 3 or above), the skill from pick (nil: any).
func skillMentorsQuestion(name string, pick func(pl *pools) params) question {
	return question{
		name: name,
		pick: pick,
		// The same two statements as through GraphQL: the skill (which
		// may not exist), then its mentors.
		direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
			if _, err := s.SkillsByID(ctx, []string{p.skill}); err != nil {
				return 0, err
			}
			pages, err := s.SkillMentors(ctx, []string{p.skill}, graph.SkillMentorsArgs{MinLevel: 3, IncludeNarrower: true, Page: graph.PageArgs{First: 20}})
			return len(pages[p.skill].Items), err
		},
		query: `query($id: ID!) { skill(id: $id) { mentors(first: 20) { edges { level node { id name openSlots } } } } }`,
		vars:  func(p params) map[string]any { return map[string]any{"id": p.skill} },
		list:  "skill.mentors.edges",
	}
}
