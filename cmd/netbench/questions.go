package main

import (
	"context"

	"github.com/mentorgraph/mentorgraph/graph"
)

// questions lists what netbench measures.
func questions() []question {
	return []question{
		{
			name: "findMentors (2 hops, page of 20, with paths)",
			direct: func(ctx context.Context, s *graph.Store, p params) error {
				_, err := s.FindMentors(ctx, graph.FindMentorsArgs{For: p.person, Skill: "leadership", Page: graph.PageArgs{First: 20}})
				return err
			},
			query: `query($id: ID!) { findMentors(for: $id, skill: "leadership", first: 20) { edges { node {
				hops level score mentor { id name openSlots } path { steps { from { id } to { id } kind direction } } } } } }`,
			vars: func(p params) map[string]any { return map[string]any{"id": p.person} },
		},
		{
			name: "neighborhood (depth 1, limit 200)",
			direct: func(ctx context.Context, s *graph.Store, p params) error {
				_, err := s.Neighborhood(ctx, p.person, 1, 200)
				return err
			},
			query: `query($id: ID!) { neighborhood(person: $id, depth: 1, limit: 200) { truncated nodes { hops person { id name } } links { kind from { id } to { id } } } }`,
			vars:  func(p params) map[string]any { return map[string]any{"id": p.person} },
		},
		{
			name: "person with skills and mentors",
			direct: func(ctx context.Context, s *graph.Store, p params) error {
				if _, err := s.PeopleByID(ctx, []string{p.person}); err != nil {
					return err
				}
				if _, err := s.SkillsOfPeople(ctx, []string{p.person}); err != nil {
					return err
				}
				_, err := s.MentorsOfPeople(ctx, []string{p.person})
				return err
			},
			query: `query($id: ID!) { person(id: $id) { name openSlots skills { level skill { name } } mentors { mentor { name } } } }`,
			vars:  func(p params) map[string]any { return map[string]any{"id": p.person} },
		},
		{
			name: "mentors of a skill (page of 20)",
			direct: func(ctx context.Context, s *graph.Store, p params) error {
				_, err := s.SkillMentors(ctx, []string{p.skill}, graph.SkillMentorsArgs{MinLevel: 3, IncludeNarrower: true, Page: graph.PageArgs{First: 20}})
				return err
			},
			query: `query($id: ID!) { skill(id: $id) { mentors(first: 20) { edges { level node { id name openSlots } } } } }`,
			vars:  func(p params) map[string]any { return map[string]any{"id": p.skill} },
		},
	}
}
