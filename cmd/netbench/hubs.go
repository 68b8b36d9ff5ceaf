package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// The hubs set (-set hubs): the reach questions asked from random people
// and from the best-connected people of the network, to see what a hub
// costs (on -shape social, the biggest knows about a quarter of everyone):
//
//	go run ./cmd/netbench -shape social -set hubs -people 40000,100000 -queries 300 -warmup 300
//
// Each question is asked from both start sets, one row each.

// topHubs is how many of the best-connected people the hubs set starts from.
const topHubs = 20

// hubSkill is the skill the hubs set's findMentors asks for: the same as
// the standard set's (a broad skill, its subtree holding many mentors).
const hubSkill = "leadership"

// startSet is a set of people a question is asked from.
type startSet struct {
	name string
	pick func(pl *pools) params
}

// startSets are the hubs set's start sets: random linked people, and the
// topHubs people with the most KNOWS links.
var startSets = []startSet{
	{"from random people", func(pl *pools) params { return pl.any() }},
	{fmt.Sprintf("from the top %d hubs", topHubs), func(pl *pools) params {
		p := pl.any()
		for p.person = pl.one(pl.hubs, "hubs"); p.other == p.person; {
			p.other = pl.one(pl.linked, "linked people")
		}
		return p
	}},
}

// hubQuestions lists the hubs set: findMentors (2 hops, first 20) without
// and with totalCount, and referralPaths (4 hops, k 3, to a random
// person), each from every start set.
func hubQuestions() []question {
	var qs []question
	for _, from := range startSets {
		qs = append(qs,
			hubFindMentors(from, false),
			hubFindMentors(from, true),
			question{
				name: "referralPaths (4 hops, k 3; " + from.name + ")",
				pick: from.pick,
				direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
					paths, err := s.ReferralPaths(ctx, graph.ReferralArgs{From: p.person, To: p.other, MaxHops: 4, K: 3})
					return len(paths), err
				},
				query: `query($from: ID!, $to: ID!) { referralPaths(from: $from, to: $to, maxHops: 4, k: 3) { ` + pathFields + ` } }`,
				vars:  func(p params) map[string]any { return map[string]any{"from": p.person, "to": p.other} },
				list:  "referralPaths",
			})
	}
	return qs
}

// hubFindMentors asks findMentors (2 hops, first 20, with paths) from a
// start set; withCount asks for totalCount too, and the direct way then
// makes the store call the resolver makes for it (FindMentorsWithCount).
func hubFindMentors(from startSet, withCount bool) question {
	name, count := "findMentors (2 hops, first 20", ""
	if withCount {
		name, count = name+", totalCount", "totalCount"
	}
	return question{
		name: name + "; " + from.name + ")",
		pick: from.pick,
		direct: func(ctx context.Context, s *graph.Store, p params) (int, error) {
			args := graph.FindMentorsArgs{For: p.person, Skill: hubSkill, MaxHops: ptr(2), Page: graph.PageArgs{First: 20}}
			if withCount {
				page, _, err := s.FindMentorsWithCount(ctx, args)
				return len(page.Items), err
			}
			page, err := s.FindMentors(ctx, args)
			return len(page.Items), err
		},
		query: `query($id: ID!) { findMentors(for: $id, skill: "` + hubSkill + `", maxHops: 2, first: 20) { ` + count + ` edges { node {
			hops level score skill { id name } mentor { ` + personFields + ` } path { ` + pathFields + ` } } } } }`,
		vars: func(p params) map[string]any { return map[string]any{"id": p.person} },
		list: "findMentors.edges",
	}
}

func ptr[T any](v T) *T { return &v }

// bestConnected returns the n people with the most KNOWS links, most
// first (ties by id), and a description of their degrees.
func bestConnected(ds *dataset.Dataset, n int) ([]string, string) {
	deg := map[string]int{}
	for _, c := range ds.Connections {
		deg[c.PersonA]++
		deg[c.PersonB]++
	}
	ids := make([]string, 0, len(deg))
	for id := range deg {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(deg[b]-deg[a], strings.Compare(a, b)) })
	ids = ids[:min(n, len(ids))]
	if len(ids) == 0 {
		return nil, "no one has links"
	}
	people := len(ds.People)
	return ids, fmt.Sprintf("the top %d hubs have %s–%s links (the biggest knows %.1f%% of people)",
		len(ids), fmtInt(deg[ids[len(ids)-1]]), fmtInt(deg[ids[0]]), 100*float64(deg[ids[0]])/float64(max(people, 1)))
}
