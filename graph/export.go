package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// exportPage is how many records one export query reads.
const exportPage = 50000

// Export statements read one page of the nodes records hang off, in id
// order (keyset pagination on the unique id), and return the page's last
// id with the page's records of one kind.
const (
	exportPeople = `
MATCH (p:Person) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
WITH collect(p) AS page
RETURN last(page).id AS last, [p IN page | p {.id, .name, .headline, .bio, .location, .timezone,
  .availableToMentor, .mentorCapacity, .seekingMentorship, .visibility, .profileVisibility, .openToIntroductions}] AS rows`
	exportSkills = `
MATCH (s:Skill) WHERE s.id > $after
WITH s ORDER BY s.id LIMIT $limit
WITH collect(s) AS page
RETURN last(page).id AS last, [s IN page | s {.id, .name, .category, .description,
  parent: [(s)-[:PART_OF]->(b:Skill) | b.id][0]}] AS rows`
	exportOrganizations = `
MATCH (o:Organization) WHERE o.id > $after
WITH o ORDER BY o.id LIMIT $limit
WITH collect(o) AS page
RETURN last(page).id AS last, [o IN page | o {.id, .name, .kind}] AS rows`
	exportPersonSkills = `
MATCH (p:Person) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
WITH collect(p) AS page
RETURN last(page).id AS last, COLLECT { UNWIND page AS p MATCH (p)-[h:HAS_SKILL]->(s:Skill)
  RETURN {person: p.id, skill: s.id, level: h.level, years: h.years} ORDER BY p.id, s.id } AS rows`
	exportAffiliations = `
MATCH (p:Person) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
WITH collect(p) AS page
RETURN last(page).id AS last, COLLECT { UNWIND page AS p MATCH (p)-[a:AFFILIATED_WITH]->(o:Organization)
  RETURN {person: p.id, organization: o.id, role: a.role, since: a.since, until: a.until} ORDER BY p.id, o.id, a.since } AS rows`
	exportMentorships = `
MATCH (p:Person) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
WITH collect(p) AS page
RETURN last(page).id AS last, COLLECT { UNWIND page AS p MATCH (p)-[m:MENTORED_BY]->(mentor:Person)
  RETURN {mentee: p.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status} ORDER BY p.id, mentor.id } AS rows`
	exportConnections = `
MATCH (p:Person) WHERE p.id > $after
WITH p ORDER BY p.id LIMIT $limit
WITH collect(p) AS page
RETURN last(page).id AS last, COLLECT { UNWIND page AS p MATCH (p)-[k:KNOWS]->(other:Person)
  RETURN {a: p.id, b: other.id, since: k.since} ORDER BY p.id, other.id } AS rows`
	exportGoals = `
MATCH (g:Goal) WHERE g.id > $after
WITH g ORDER BY g.id LIMIT $limit
WITH collect(g) AS page
RETURN last(page).id AS last, COLLECT { UNWIND page AS g MATCH (p:Person)-[:HAS_GOAL]->(g)-[:ABOUT]->(s:Skill)
  RETURN {id: g.id, person: p.id, skill: s.id, title: g.title, targetLevel: g.targetLevel, dueDate: g.dueDate, status: g.status}
  ORDER BY g.id } AS rows`
)

// Export reads the whole graph back in the import layout: importing what
// it returns into an empty database gives the same graph.
func (s *Store) Export(ctx context.Context) (*dataset.Dataset, error) {
	ds := &dataset.Dataset{}
	steps := []struct {
		cypher string
		add    func(m map[string]any)
	}{
		{exportPeople, func(m map[string]any) {
			ds.People = append(ds.People, dataset.Person{ID: str(m, "id"), Name: str(m, "name"), Headline: str(m, "headline"),
				Bio: str(m, "bio"), Location: str(m, "location"), Timezone: str(m, "timezone"),
				AvailableToMentor: boolPtr(m, "availableToMentor"), MentorCapacity: intPtr(m, "mentorCapacity"),
				SeekingMentorship: boolPtr(m, "seekingMentorship"), Visibility: str(m, "visibility"),
				ProfileVisibility: str(m, "profileVisibility"), OpenToIntroductions: boolPtr(m, "openToIntroductions")})
		}},
		{exportSkills, func(m map[string]any) {
			ds.Skills = append(ds.Skills, dataset.Skill{ID: str(m, "id"), Name: str(m, "name"), Category: str(m, "category"),
				ParentID: str(m, "parent"), Description: str(m, "description")})
		}},
		{exportOrganizations, func(m map[string]any) {
			ds.Organizations = append(ds.Organizations, dataset.Organization{ID: str(m, "id"), Name: str(m, "name"), Kind: str(m, "kind")})
		}},
		{exportPersonSkills, func(m map[string]any) {
			ds.PersonSkills = append(ds.PersonSkills, dataset.PersonSkill{PersonID: str(m, "person"), SkillID: str(m, "skill"),
				Level: intVal(m, "level"), Years: intPtr(m, "years")})
		}},
		{exportAffiliations, func(m map[string]any) {
			ds.Affiliations = append(ds.Affiliations, dataset.Affiliation{PersonID: str(m, "person"), OrganizationID: str(m, "organization"),
				Role: str(m, "role"), Since: dsDate(m, "since"), Until: dsDate(m, "until")})
		}},
		{exportMentorships, func(m map[string]any) {
			ds.Mentorships = append(ds.Mentorships, dataset.Mentorship{MenteeID: str(m, "mentee"), MentorID: str(m, "mentor"),
				Since: dsDate(m, "since"), Until: dsDate(m, "until"), Focus: strList(m, "focus"), Status: str(m, "status")})
		}},
		{exportConnections, func(m map[string]any) {
			ds.Connections = append(ds.Connections, dataset.Connection{PersonA: str(m, "a"), PersonB: str(m, "b"), Since: dsDate(m, "since")})
		}},
		{exportGoals, func(m map[string]any) {
			ds.Goals = append(ds.Goals, dataset.Goal{ID: str(m, "id"), PersonID: str(m, "person"), SkillID: str(m, "skill"),
				Title: str(m, "title"), TargetLevel: intPtr(m, "targetLevel"), DueDate: dsDate(m, "dueDate"), Status: str(m, "status")})
		}},
	}
	for _, st := range steps {
		for after := ""; ; {
			type page struct {
				last string
				rows []any
			}
			pg, err := read(ctx, s, "export", func(tx neo4j.ManagedTransaction) (page, error) {
				res, err := tx.Run(ctx, st.cypher, map[string]any{"after": after, "limit": exportPage})
				if err != nil {
					return page{}, err
				}
				rec, err := res.Single(ctx)
				if err != nil {
					return page{}, err
				}
				last, _ := rec.Values[0].(string)
				rows, _ := rec.Values[1].([]any)
				return page{last, rows}, nil
			})
			if err != nil {
				return nil, err
			}
			for _, r := range pg.rows {
				m, _ := r.(map[string]any)
				st.add(m)
			}
			if pg.last == "" {
				break
			}
			last := pg.last
			after = last
		}
	}
	return ds, nil
}

func boolPtr(m map[string]any, k string) *bool {
	if b, ok := value(m, k).(bool); ok {
		return &b
	}
	return nil
}

// dsDate reads a DATE as a dataset date.
func dsDate(m map[string]any, k string) *dataset.Date { return datasetDate(value(m, k)) }

// datasetDate is a DATE value as a dataset date, nil for anything else.
func datasetDate(v any) *dataset.Date {
	if d, ok := v.(dbtype.Date); ok {
		t := d.Time()
		return &dataset.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
	}
	return nil
}
