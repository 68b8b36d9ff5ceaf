package graph

import (
	"context"
	"errors"
	"maps"
	"math"
	"slices"

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
	return s.exportAll(ctx, 0)
}

// exportAll is Export; with maxRecords > 0 it stops, answering
// errTooManyRecords, once it has read more records than that, so what it
// holds in memory stays near maxRecords however large the graph is.
func (s *Store) exportAll(ctx context.Context, maxRecords int) (*dataset.Dataset, error) {
	ds := &dataset.Dataset{}
	records := 0
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
			limit := exportPage
			if maxRecords > 0 {
				limit = min(limit, maxRecords-records+1)
			}
			pg, err := read(ctx, s, "export", func(tx neo4j.ManagedTransaction) (page, error) {
				res, err := tx.Run(ctx, st.cypher, map[string]any{"after": after, "limit": limit})
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
			if records += len(pg.rows); maxRecords > 0 && records > maxRecords {
				return nil, errTooManyRecords
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

// ExportOptions scope and bound ExportRecords.
type ExportOptions struct {
	// Organization, when set, exports that organization alone (see
	// ExportRecords); empty exports the whole network, which only an
	// admin audience may.
	Organization string
	// MaxRecords bounds the records an export may hold: a bigger one is
	// refused (ErrInvalid) once more have been read, so memory stays near
	// the bound whatever the size of the network. 0: no bound.
	MaxRecords int
}

// errTooManyRecords: the export holds more than its MaxRecords; the
// caller turns it into a message about its own bound.
var errTooManyRecords = errors.New("too many records")

// ExportRecords reads records in the import layout for ctx's audience.
//
// The whole network (no Organization) is Export, bounded; only an admin
// audience may read it (the statements are the command line's, which
// answers the operator).
//
// One organization's export holds the organization; its current members
// (a current AFFILIATED_WITH link) whom the audience may see (seenBy),
// their profile fields only where the audience may see them and their
// privacy settings only for themself and admins (settingsSeenBy: an
// admin's export is complete); every affiliation of those members to the
// organization, past ones included; their skills, goals, and the
// mentorships and connections whose both ends are among them; and the
// skills all of these name, with their broader skills up the hierarchy.
// Nothing else: no other organization, and nobody outside the members
// even as a link's end. Importing it into a database that lacks it gives
// the same records back. It is read in one transaction: the members are
// read first, and every later statement is about those ids.
func (s *Store) ExportRecords(ctx context.Context, opts ExportOptions) (*dataset.Dataset, error) {
	tooMany := func(err error) error {
		if errors.Is(err, errTooManyRecords) {
			return invalid("organization", "the export holds more than %d records, more than one answer carries: an admin exports the whole network with `mentorgraph export`", opts.MaxRecords)
		}
		return err
	}
	if opts.Organization == "" {
		if !AudienceOf(ctx).Admin {
			return nil, invalid("organization", "only an admin exports the whole network: name an organization")
		}
		ds, err := s.exportAll(ctx, opts.MaxRecords)
		return ds, tooMany(err)
	}
	var c checker
	c.id("organization", opts.Organization)
	if c.err != nil {
		return nil, c.err
	}
	ds, err := read(ctx, s, "export organization", func(tx neo4j.ManagedTransaction) (*dataset.Dataset, error) {
		return exportOrganization(ctx, tx, opts)
	})
	return ds, tooMany(err)
}

// Statements of one organization's export (ExportRecords). Each returns
// one row a record, in id order, at most $limit; the first reads the
// organization and the members the audience may see, the others hang
// off those members ($people) or the skills they name ($skills).
var (
	exportOrgMembers = `
MATCH (o:Organization {id: $organization})
RETURN o {.id, .name, .kind} AS organization, COLLECT {
  MATCH (p:Person)-[a:AFFILIATED_WITH]->(o)
  WHERE a.until IS NULL AND ` + seenBy("p") + `
  WITH DISTINCT p ORDER BY p.id LIMIT $limit
  RETURN p {.id, .name, .availableToMentor, .mentorCapacity, .seekingMentorship,
    profile: CASE WHEN ` + profileSeenBy("p") + ` THEN p {.headline, .bio, .location, .timezone} END,
    privacy: CASE WHEN ` + settingsSeenBy("p") + ` THEN p {.visibility, .profileVisibility, .openToIntroductions} END}
} AS people`
	exportOrgPersonSkills = `
UNWIND $people AS id
MATCH (p:Person {id: id})-[h:HAS_SKILL]->(s:Skill)
WITH p, h, s ORDER BY p.id, s.id LIMIT $limit
RETURN {person: p.id, skill: s.id, level: h.level, years: h.years} AS row`
	exportOrgAffiliations = `
UNWIND $people AS id
MATCH (p:Person {id: id})-[a:AFFILIATED_WITH]->(o:Organization {id: $organization})
WITH p, a, o ORDER BY p.id, a.since, a.until LIMIT $limit
RETURN {person: p.id, organization: o.id, role: a.role, since: a.since, until: a.until} AS row`
	exportOrgMentorships = `
UNWIND $people AS id
MATCH (p:Person {id: id})-[m:MENTORED_BY]->(mentor:Person)
WHERE mentor.id IN $people
WITH p, m, mentor ORDER BY p.id, mentor.id LIMIT $limit
RETURN {mentee: p.id, mentor: mentor.id, since: m.since, until: m.until, focus: m.focus, status: m.status} AS row`
	exportOrgConnections = `
UNWIND $people AS id
MATCH (p:Person {id: id})-[k:KNOWS]->(other:Person)
WHERE other.id IN $people
WITH p, k, other ORDER BY p.id, other.id LIMIT $limit
RETURN {a: p.id, b: other.id, since: k.since} AS row`
	exportOrgGoals = `
UNWIND $people AS id
MATCH (p:Person {id: id})-[:HAS_GOAL]->(g:Goal)-[:ABOUT]->(s:Skill)
WITH p, g, s ORDER BY g.id LIMIT $limit
RETURN {id: g.id, person: p.id, skill: s.id, title: g.title, targetLevel: g.targetLevel, dueDate: g.dueDate, status: g.status} AS row`
	// The skills named, and their broader skills (PART_OF*0..5: the
	// hierarchy is at most MaxSkillLevels deep) so the export stands alone.
	exportOrgSkills = `
UNWIND $skills AS id
MATCH (:Skill {id: id})-[:PART_OF*0..5]->(s:Skill)
WITH DISTINCT s ORDER BY s.id LIMIT $limit
RETURN s {.id, .name, .category, .description, parent: [(s)-[:PART_OF]->(b:Skill) | b.id][0]} AS row`
)

// exportOrganization reads one organization's export in tx (see
// ExportRecords).
func exportOrganization(ctx context.Context, tx neo4j.ManagedTransaction, opts ExportOptions) (*dataset.Dataset, error) {
	budget := opts.MaxRecords
	if budget <= 0 {
		budget = math.MaxInt32
	}
	// limit is what the next statement may return: one more than is left,
	// so that an export over the bound is seen as such.
	records := 0
	limit := func() int { return budget - records + 1 }
	ds := &dataset.Dataset{}
	res, err := tx.Run(ctx, exportOrgMembers, map[string]any{"organization": opts.Organization, "limit": budget})
	if err != nil {
		return nil, err
	}
	if !res.Next(ctx) {
		if err := res.Err(); err != nil {
			return nil, err
		}
		return nil, notFound("no organization with id %q", opts.Organization)
	}
	rec := res.Record()
	org, _ := rec.Values[0].(map[string]any)
	ds.Organizations = append(ds.Organizations, dataset.Organization{ID: str(org, "id"), Name: str(org, "name"), Kind: str(org, "kind")})
	rows, _ := rec.Values[1].([]any)
	people := make([]string, 0, len(rows))
	for _, r := range rows {
		m, _ := r.(map[string]any)
		profile, _ := m["profile"].(map[string]any)
		privacy, _ := m["privacy"].(map[string]any)
		ds.People = append(ds.People, dataset.Person{ID: str(m, "id"), Name: str(m, "name"),
			Headline: str(profile, "headline"), Bio: str(profile, "bio"), Location: str(profile, "location"), Timezone: str(profile, "timezone"),
			AvailableToMentor: boolPtr(m, "availableToMentor"), MentorCapacity: intPtr(m, "mentorCapacity"),
			SeekingMentorship: boolPtr(m, "seekingMentorship"), Visibility: str(privacy, "visibility"),
			ProfileVisibility: str(privacy, "profileVisibility"), OpenToIntroductions: boolPtr(privacy, "openToIntroductions")})
		people = append(people, str(m, "id"))
	}
	if records = 1 + len(ds.People); records > budget {
		return nil, errTooManyRecords
	}

	skills := map[string]bool{}
	steps := []struct {
		cypher string
		add    func(m map[string]any)
	}{
		{exportOrgPersonSkills, func(m map[string]any) {
			ds.PersonSkills = append(ds.PersonSkills, dataset.PersonSkill{PersonID: str(m, "person"), SkillID: str(m, "skill"),
				Level: intVal(m, "level"), Years: intPtr(m, "years")})
			skills[str(m, "skill")] = true
		}},
		{exportOrgAffiliations, func(m map[string]any) {
			ds.Affiliations = append(ds.Affiliations, dataset.Affiliation{PersonID: str(m, "person"), OrganizationID: str(m, "organization"),
				Role: str(m, "role"), Since: dsDate(m, "since"), Until: dsDate(m, "until")})
		}},
		{exportOrgMentorships, func(m map[string]any) {
			ms := dataset.Mentorship{MenteeID: str(m, "mentee"), MentorID: str(m, "mentor"),
				Since: dsDate(m, "since"), Until: dsDate(m, "until"), Focus: strList(m, "focus"), Status: str(m, "status")}
			ds.Mentorships = append(ds.Mentorships, ms)
			for _, f := range ms.Focus {
				skills[f] = true
			}
		}},
		{exportOrgConnections, func(m map[string]any) {
			ds.Connections = append(ds.Connections, dataset.Connection{PersonA: str(m, "a"), PersonB: str(m, "b"), Since: dsDate(m, "since")})
		}},
		{exportOrgGoals, func(m map[string]any) {
			ds.Goals = append(ds.Goals, dataset.Goal{ID: str(m, "id"), PersonID: str(m, "person"), SkillID: str(m, "skill"),
				Title: str(m, "title"), TargetLevel: intPtr(m, "targetLevel"), DueDate: dsDate(m, "dueDate"), Status: str(m, "status")})
			skills[str(m, "skill")] = true
		}},
		{exportOrgSkills, func(m map[string]any) {
			ds.Skills = append(ds.Skills, dataset.Skill{ID: str(m, "id"), Name: str(m, "name"), Category: str(m, "category"),
				ParentID: str(m, "parent"), Description: str(m, "description")})
		}},
	}
	for _, st := range steps {
		params := map[string]any{"organization": opts.Organization, "people": people, "limit": limit()}
		if st.cypher == exportOrgSkills {
			params["skills"] = slices.Sorted(maps.Keys(skills))
		}
		res, err := tx.Run(ctx, st.cypher, params)
		if err != nil {
			return nil, err
		}
		for res.Next(ctx) {
			m, _ := res.Record().Values[0].(map[string]any)
			st.add(m)
			records++
		}
		if err := res.Err(); err != nil {
			return nil, err
		}
		if records > budget {
			return nil, errTooManyRecords
		}
	}
	return ds, nil
}
