package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// circleNet is Kai's circle, the network of the Introductions, Person and
// Board of mentors browser tests (ids start with a prefix of the run),
// written through the store:
//
//	                    Halima ◀─ ─ ─ ─ Gustav ◀────── Moana ◀────── Zoe
//	                 (ended mentorship)  mentored by   ▲   mentored by │ knows
//	                                                   │               │
//	Maxim ─────▶ Lia ──────────▶ Kai ──────────────────┘               │
//	 mentored by   mentored by    │ ╲ knows (2019-04-01)               │
//	                              │  Ada ──────────────────────────────┘
//	                              │   ╲ knows Crowd 01 … Crowd 12      (2021-06-15)
//	                         knows│
//	                             Ben ───── Cyrus ───── Zoe
//	                                 knows       knows
//
// Referral paths Kai → Zoe: through Ada, through Moana (2 steps), through
// Ben and Cyrus (3 steps; Ben and Cyrus are not available to mentor).
// Moana's lineage: Gustav and Halima above, Kai, Zoe, Lia and Maxim below.
// Kai holds SQL 3 and Go 2; Kai's goals: Public speaking, Go, Leadership
// and Negotiation (open), SQL (achieved). Who covers them: Ada Go 4, Zoe Go
// 5, Moana Leadership 5 and Public speaking 3, Halima Negotiation 4 (three
// hops from Kai). Kai's neighbours: Ada, Ben, Moana, Lia; Ada has fourteen.
type circleNet struct {
	prefix                                           string
	kai, ada, ben, cyrus, zoe, moana, gustav, halima string
	lia, maxim                                       string
	crowd                                            []string
	leadership, peopleMgmt, goLang, speaking, negot  string
	sql                                              string
	studio, guild                                    string
}

func circleNetIDs(p string) circleNet {
	n := circleNet{prefix: p,
		kai: p + "kai", ada: p + "ada", ben: p + "ben", cyrus: p + "cyrus", zoe: p + "zoe", moana: p + "moana",
		gustav: p + "gustav", halima: p + "halima", lia: p + "lia", maxim: p + "maxim",
		leadership: p + "leadership", peopleMgmt: p + "people-management", goLang: p + "go", speaking: p + "public-speaking",
		negot: p + "negotiation", sql: p + "sql", studio: p + "northwind", guild: p + "design-guild"}
	for i := 1; i <= 12; i++ {
		n.crowd = append(n.crowd, fmt.Sprintf("%scrowd-%02d", p, i))
	}
	return n
}

func (n circleNet) people() []string {
	return append([]string{n.kai, n.ada, n.ben, n.cyrus, n.zoe, n.moana, n.gustav, n.halima, n.lia, n.maxim}, n.crowd...)
}

var (
	circleNetOnce sync.Once
	circleNetData circleNet
	circleNetErr  error
)

// theCircleNet writes circleNet once per package run; the browser tests
// only read it.
func theCircleNet(t *testing.T, store *graph.Store) circleNet {
	t.Helper()
	circleNetOnce.Do(func() {
		defer slow(t, "writing Kai's circle", time.Now())
		p := neo4jtest.Prefix(t)
		circleNetData, circleNetErr = writeCircleNet(context.Background(), store, "uic-"+p[len(p)-9:])
	})
	if circleNetErr != nil {
		t.Fatalf("writing Kai's circle: %v", circleNetErr)
	}
	return circleNetData
}

// removeStaleCircleNets deletes the circles earlier runs left in a
// database that outlives the run (NEO4J_URI), so the type-aheads find
// this run's people first.
func removeStaleCircleNets(ctx context.Context, s *graph.Store, current string) error {
	search := `"Kai Sato"`
	page, err := s.People(ctx, graph.PeopleFilter{Search: &search}, graph.PageArgs{First: graph.MaxPageSize})
	if err != nil {
		return err
	}
	for _, p := range page.Items {
		prefix, ok := strings.CutSuffix(p.ID, "kai")
		if !ok || !strings.HasPrefix(prefix, "uic-") || prefix == current {
			continue
		}
		old := circleNetIDs(prefix)
		for _, id := range old.people() {
			if err := s.DeletePerson(ctx, id); err != nil && !errors.Is(err, graph.ErrNotFound) {
				return err
			}
		}
		for _, id := range []string{old.peopleMgmt, old.leadership, old.goLang, old.speaking, old.negot, old.sql} {
			if err := s.DeleteSkill(ctx, id); err != nil && !errors.Is(err, graph.ErrNotFound) {
				return err
			}
		}
		for _, id := range []string{old.studio, old.guild} {
			if err := s.DeleteOrganization(ctx, id); err != nil && !errors.Is(err, graph.ErrNotFound) {
				return err
			}
		}
	}
	return nil
}

// connectPeople records a connection (the store's Connect, its answer
// unused).
func connectPeople(ctx context.Context, s *graph.Store, a, b string, since *graph.Date) error {
	_, err := s.Connect(ctx, a, b, since)
	return err
}

func day(s string) *graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &d
}

func writeCircleNet(ctx context.Context, s *graph.Store, p string) (circleNet, error) {
	n := circleNetIDs(p)
	if err := removeStaleCircleNets(ctx, s, p); err != nil {
		return n, fmt.Errorf("removing earlier runs' circles: %w", err)
	}
	str := func(s string) *string { return &s }
	num := func(i int) *int { return &i }
	people := []graph.PersonInput{
		{ID: str(n.kai), Name: "Kai Sato", Headline: str("Product designer moving into research"), Bio: str("Designs tools for field researchers; wants to lead a team within two years."),
			Location: str("Lisbon"), Timezone: str("Europe/Lisbon"), AvailableToMentor: true, MentorCapacity: 1, SeekingMentorship: true},
		{ID: str(n.ada), Name: "Ada Ferreira", Headline: str("Backend lead"), AvailableToMentor: true, MentorCapacity: 2},
		{ID: str(n.ben), Name: "Ben Achebe", Headline: str("Data analyst")},
		{ID: str(n.cyrus), Name: "Cyrus Vega", Headline: str("Platform engineer")},
		{ID: str(n.zoe), Name: "Zoe Lindgren", Headline: str("Staff engineer"), AvailableToMentor: true, MentorCapacity: 2},
		{ID: str(n.moana), Name: "Moana Kealoha", Headline: str("VP engineering"), AvailableToMentor: true, MentorCapacity: 3},
		{ID: str(n.gustav), Name: "Gustav Brenner", Headline: str("CTO"), AvailableToMentor: true, MentorCapacity: 1},
		{ID: str(n.halima), Name: "Halima Yusuf", Headline: str("Retired COO"), AvailableToMentor: true, MentorCapacity: 2},
		{ID: str(n.lia), Name: "Lia Moreau", Headline: str("UX researcher"), AvailableToMentor: true, MentorCapacity: 1},
		{ID: str(n.maxim), Name: "Maxim Orlov", Headline: str("Design intern"), SeekingMentorship: true},
	}
	for i, id := range n.crowd {
		people = append(people, graph.PersonInput{ID: str(id), Name: fmt.Sprintf("Crowd Member %02d", i+1)})
	}
	for _, in := range people {
		if _, err := s.CreatePerson(ctx, in); err != nil {
			return n, fmt.Errorf("person %s: %w", in.Name, err)
		}
	}
	skills := []graph.SkillInput{
		{ID: str(n.leadership), Name: "Leadership", Category: "LEADERSHIP"},
		{ID: str(n.peopleMgmt), Name: "People management", Category: "LEADERSHIP", BroaderID: str(n.leadership)},
		{ID: str(n.goLang), Name: "Go programming", Category: "TECHNICAL"},
		{ID: str(n.speaking), Name: "Public speaking", Category: "INTERPERSONAL"},
		{ID: str(n.negot), Name: "Negotiation", Category: "BUSINESS"},
		{ID: str(n.sql), Name: "SQL", Category: "TECHNICAL"},
	}
	for _, sk := range skills {
		if _, err := s.CreateSkill(ctx, sk); err != nil {
			return n, fmt.Errorf("skill %s: %w", sk.Name, err)
		}
	}
	levels := []graph.PersonSkill{
		{PersonID: n.kai, SkillID: n.sql, Level: 3, Years: num(2)},
		{PersonID: n.kai, SkillID: n.goLang, Level: 2, Years: num(1)},
		{PersonID: n.ada, SkillID: n.goLang, Level: 4, Years: num(8)},
		{PersonID: n.zoe, SkillID: n.goLang, Level: 5},
		{PersonID: n.moana, SkillID: n.leadership, Level: 5, Years: num(12)},
		{PersonID: n.moana, SkillID: n.speaking, Level: 3},
		{PersonID: n.gustav, SkillID: n.peopleMgmt, Level: 5},
		{PersonID: n.halima, SkillID: n.negot, Level: 4},
	}
	for _, l := range levels {
		if _, err := s.SetPersonSkill(ctx, l); err != nil {
			return n, fmt.Errorf("skill level %s/%s: %w", l.PersonID, l.SkillID, err)
		}
	}
	links := []struct {
		a, b  string
		since *graph.Date
	}{
		{n.kai, n.ada, day("2019-04-01")}, {n.ada, n.zoe, day("2021-06-15")}, {n.kai, n.ben, day("2018-02-20")},
		{n.ben, n.cyrus, nil}, {n.cyrus, n.zoe, day("2020-11-03")},
	}
	for _, c := range n.crowd {
		links = append(links, struct {
			a, b  string
			since *graph.Date
		}{n.ada, c, nil})
	}
	for _, l := range links {
		if err := connectPeople(ctx, s, l.a, l.b, l.since); err != nil {
			return n, fmt.Errorf("connect %s %s: %w", l.a, l.b, err)
		}
	}
	mentorships := []graph.Mentorship{
		{MenteeID: n.kai, MentorID: n.moana, Since: day("2022-01-10"), Focus: []string{n.leadership}},
		{MenteeID: n.zoe, MentorID: n.moana, Since: day("2023-03-01")},
		{MenteeID: n.moana, MentorID: n.gustav, Since: day("2015-05-05")},
		{MenteeID: n.gustav, MentorID: n.halima, Since: day("2010-09-01"), Until: day("2014-06-30")},
		{MenteeID: n.lia, MentorID: n.kai, Since: day("2024-02-01"), Focus: []string{n.sql}},
		{MenteeID: n.maxim, MentorID: n.lia, Since: day("2025-01-15")},
	}
	for _, m := range mentorships {
		if _, err := s.RecordMentorship(ctx, m); err != nil {
			return n, fmt.Errorf("mentorship %s -> %s: %w", m.MenteeID, m.MentorID, err)
		}
	}
	goals := []graph.Goal{
		{ID: p + "goal-go", PersonID: n.kai, SkillID: n.goLang, Title: "Ship a Go service", TargetLevel: num(4), DueDate: day("2026-09-30"), Status: "OPEN"},
		{ID: p + "goal-talk", PersonID: n.kai, SkillID: n.speaking, Title: "Speak at a meetup", TargetLevel: num(3), DueDate: day("2026-06-30"), Status: "OPEN"},
		{ID: p + "goal-lead", PersonID: n.kai, SkillID: n.leadership, Title: "Lead a design review", TargetLevel: num(3), DueDate: day("2026-12-31"), Status: "OPEN"},
		{ID: p + "goal-deal", PersonID: n.kai, SkillID: n.negot, Title: "Negotiate a studio contract", Status: "OPEN"},
		{ID: p + "goal-sql", PersonID: n.kai, SkillID: n.sql, Title: "Write my own SQL reports", TargetLevel: num(3), DueDate: day("2025-03-01"), Status: "ACHIEVED"},
	}
	for _, g := range goals {
		if _, err := s.AddGoal(ctx, g); err != nil {
			return n, fmt.Errorf("goal %s: %w", g.Title, err)
		}
	}
	orgs := []graph.OrganizationInput{{ID: str(n.studio), Name: "Northwind Studio", Kind: "COMPANY"}, {ID: str(n.guild), Name: "Design Guild", Kind: "COMMUNITY"}}
	for _, o := range orgs {
		if _, err := s.CreateOrganization(ctx, o); err != nil {
			return n, fmt.Errorf("organization %s: %w", o.Name, err)
		}
	}
	affiliations := []graph.Affiliation{
		{PersonID: n.kai, OrganizationID: n.studio, Role: str("Product designer"), Since: day("2020-01-15")},
		{PersonID: n.kai, OrganizationID: n.guild, Role: str("Member"), Since: day("2016-03-01"), Until: day("2019-12-31")},
	}
	for _, a := range affiliations {
		if _, err := s.AddAffiliation(ctx, a); err != nil {
			return n, fmt.Errorf("affiliation %s: %w", a.OrganizationID, err)
		}
	}
	return n, nil
}
