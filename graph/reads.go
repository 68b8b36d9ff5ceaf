package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Planned reads: a person (or a page of people) read together with the
// lists a query selects under it — skills, goals, affiliations, mentors,
// mentees, connections, and under mentors, mentees and connections the
// same again, to MaxReadDepth levels — in one statement. Each nested list
// is a COLLECT subquery in the person's map projection with the same order
// (and, for connections, the same limit) as the batched read of that list
// (relations.go), so a planned read answers exactly what the loaders
// would, in one round trip instead of one per list.

// MaxReadDepth is how many levels of nested lists one planned read holds:
// a person's connections (1), their mentors (2), those mentors' skills (3).
// Lists below are left to the loaders.
const MaxReadDepth = 3

// Reads says what to read with a person beyond its own properties. The
// zero Reads reads the person alone, with every field.
type Reads struct {
	// Skip leaves out of the person the groups of fields the query does
	// not select; the person read is marked with them (Person.Unread).
	Skip         PersonFields
	Skills       bool // the person's skills, each with its skill
	Goals        bool // the person's goals, each with its skill
	Affiliations bool // the person's affiliations, each with its organization
	// Mentors and Mentees, when set, read the mentorships (with their
	// focus skills) and, with the person on the other end, what they say.
	Mentors, Mentees *Reads
	// Connections reads up to First connections per entry, each with the
	// other person and what Person says of them; one entry per First.
	Connections []ConnectionReads
}

// ConnectionReads asks for up to First connections of a person (1 to
// MaxConnections), and what to read with each connected person.
type ConnectionReads struct {
	First  int
	Person Reads
}

// IsZero reports whether r reads no list with the person.
func (r Reads) IsZero() bool {
	return !r.Skills && !r.Goals && !r.Affiliations && r.Mentors == nil && r.Mentees == nil && len(r.Connections) == 0
}

// Trimmed returns r without what lies deeper than depth levels of lists,
// and with one entry per connections' First (what entries of the same
// First read of the person is merged).
func (r Reads) Trimmed(depth int) Reads {
	if depth <= 0 {
		return Reads{Skip: r.Skip}
	}
	out := Reads{Skip: r.Skip, Skills: r.Skills, Goals: r.Goals, Affiliations: r.Affiliations}
	if r.Mentors != nil {
		m := r.Mentors.Trimmed(depth - 1)
		out.Mentors = &m
	}
	if r.Mentees != nil {
		m := r.Mentees.Trimmed(depth - 1)
		out.Mentees = &m
	}
	for _, c := range r.Connections {
		person := c.Person.Trimmed(depth - 1)
		if i := slices.IndexFunc(out.Connections, func(o ConnectionReads) bool { return o.First == c.First }); i >= 0 {
			out.Connections[i].Person = out.Connections[i].Person.Merged(person)
		} else {
			out.Connections = append(out.Connections, ConnectionReads{c.First, person})
		}
	}
	return out
}

// Merged is what r and o read together (a field asked twice, under
// aliases or fragments): every list either reads, and every field either
// needs.
func (r Reads) Merged(o Reads) Reads {
	out := Reads{Skip: r.Skip & o.Skip, Skills: r.Skills || o.Skills, Goals: r.Goals || o.Goals, Affiliations: r.Affiliations || o.Affiliations,
		Connections: append(slices.Clip(r.Connections), o.Connections...)}
	side := func(a, b *Reads) *Reads {
		switch {
		case a != nil && b != nil:
			m := a.Merged(*b)
			return &m
		case a != nil:
			return a
		default:
			return b
		}
	}
	out.Mentors, out.Mentees = side(r.Mentors, o.Mentors), side(r.Mentees, o.Mentees)
	return out
}

func (r Reads) check(c *checker, at string) {
	for _, cr := range r.Connections {
		if cr.First < 1 || cr.First > MaxConnections {
			c.fail(at+"connections.first", "first must be between 1 and %d, got %d", MaxConnections, cr.First)
		}
		cr.Person.check(c, at+"connections.person.")
	}
	for _, m := range []*Reads{r.Mentors, r.Mentees} {
		if m != nil {
			m.check(c, at)
		}
	}
}

// PersonReads is a person with the lists a Reads asked for; a list not
// asked for is nil.
type PersonReads struct {
	Person
	Skills       []PersonSkill
	Goals        []GoalReads
	Affiliations []AffiliationReads
	// Mentors and Mentees have Mentor, Mentee and FocusSkills set.
	Mentors, Mentees []MentorshipReads
	// Connections holds the connections by the First they were read with.
	Connections map[int][]ConnectionWith
}

// GoalReads is a goal with its skill.
type GoalReads struct {
	Goal
	Skill Skill
}

// AffiliationReads is an affiliation with its organization.
type AffiliationReads struct {
	Affiliation
	Organization Organization
}

// MentorshipReads is a mentorship with what was read of the person on
// its other end (the mentor in Mentors, the mentee in Mentees).
type MentorshipReads struct {
	Mentorship
	Other PersonReads
}

// ConnectionWith is a connection with what was read of the other person.
type ConnectionWith struct {
	Connection
	Person PersonReads
}

// plannedPerson writes v's map projection with what r asks at level d
// (variables carry d, so a subquery never reuses a variable of an
// enclosing one); params gets the connections' limits.
func plannedPerson(b *strings.Builder, v string, d int, r Reads, params map[string]any) {
	ind := strings.Repeat("  ", d+1)
	b.WriteString(v + " {" + strings.ReplaceAll(personFieldsFor(v, fmt.Sprintf("act%d", d), r.Skip), "\n", "\n"+ind[2:]))
	if r.Skills {
		fmt.Fprintf(b, ",\n%sskills: COLLECT { MATCH (%s)-[h%d:HAS_SKILL]->(s%d:Skill) WITH h%d, s%d ORDER BY h%d.level DESC, s%d.id\n", ind, v, d, d, d, d, d, d)
		fmt.Fprintf(b, "%s  RETURN {skill: %s, level: h%d.level, years: h%d.years} }", ind, skillMap(fmt.Sprintf("s%d", d)), d, d)
	}
	if r.Goals {
		fmt.Fprintf(b, ",\n%sgoals: COLLECT { MATCH (%s)-[:HAS_GOAL]->(g%d:Goal)-[:ABOUT]->(gs%d:Skill)\n", ind, v, d, d)
		fmt.Fprintf(b, "%s  WITH g%d, gs%d ORDER BY g%d.dueDate IS NULL, g%d.dueDate, g%d.id\n", ind, d, d, d, d, d)
		fmt.Fprintf(b, "%s  RETURN {id: g%d.id, skill: %s, title: g%d.title, targetLevel: g%d.targetLevel, dueDate: g%d.dueDate, status: g%d.status} }",
			ind, d, skillMap(fmt.Sprintf("gs%d", d)), d, d, d, d)
	}
	if r.Affiliations {
		fmt.Fprintf(b, ",\n%saffiliations: COLLECT { MATCH (%s)-[a%d:AFFILIATED_WITH]->(o%d:Organization)\n", ind, v, d, d)
		fmt.Fprintf(b, "%s  WITH a%d, o%d ORDER BY a%d.until IS NOT NULL, a%d.since DESC, o%d.id\n", ind, d, d, d, d, d)
		fmt.Fprintf(b, "%s  RETURN {organization: o%d {.id, .name, .kind}, role: a%d.role, since: a%d.since, until: a%d.until} }", ind, d, d, d, d)
	}
	for _, side := range []struct {
		key, pattern string
		reads        *Reads
	}{
		{"mentors", "(%s)-[m%d:MENTORED_BY]->(%s:Person)", r.Mentors},
		{"mentees", "(%s)<-[m%d:MENTORED_BY]-(%s:Person)", r.Mentees},
	} {
		if side.reads == nil {
			continue
		}
		other := fmt.Sprintf("p%d", d+1)
		fmt.Fprintf(b, ",\n%s%s: COLLECT { MATCH "+side.pattern+" WHERE %s\n", ind, side.key, v, d, other, seenBy(other))
		fmt.Fprintf(b, "%s  WITH m%d, %s ORDER BY m%d.status, m%d.since DESC, %s.id\n", ind, d, other, d, d, other)
		fmt.Fprintf(b, "%s  RETURN {since: m%d.since, until: m%d.until, focus: m%d.focus, status: m%d.status,\n", ind, d, d, d, d)
		fmt.Fprintf(b, "%s    focusSkills: COLLECT { UNWIND coalesce(m%d.focus, []) AS f%d MATCH (fs%d:Skill {id: f%d}) RETURN %s },\n",
			ind, d, d, d, d, skillMap(fmt.Sprintf("fs%d", d)))
		fmt.Fprintf(b, "%s    other: ", ind)
		plannedPerson(b, other, d+1, *side.reads, params)
		b.WriteString("} }")
	}
	for _, c := range r.Connections {
		other, limit := fmt.Sprintf("p%d", d+1), fmt.Sprintf("first%d_%d", d, c.First)
		params[limit] = c.First
		// A pair has one KNOWS link (connect, the importer and the
		// unique-links migration keep it so), so each link is one
		// connection.
		fmt.Fprintf(b, ",\n%sconnections%d: COLLECT { MATCH (%s)-[k%d:KNOWS]-(%s:Person) WHERE %s\n", ind, c.First, v, d, other, seenBy(other))
		fmt.Fprintf(b, "%s  WITH k%d, %s ORDER BY %s.id LIMIT $%s\n", ind, d, other, other, limit)
		fmt.Fprintf(b, "%s  RETURN {since: k%d.since, person: ", ind, d)
		plannedPerson(b, other, d+1, c.Person, params)
		b.WriteString("} }")
	}
	b.WriteString("}")
}

// skillMap is skillProjection over the variable v.
func skillMap(v string) string {
	return fmt.Sprintf("%[1]s {.id, .name, .category, .description, broader: [(%[1]s)-[:PART_OF]->(%[1]sb:Skill) | %[1]sb.id][0]}", v)
}

// plannedProjection is the map projection of p that reads what r asks,
// to MaxReadDepth, the parameters it needs, and r as it reads it (trimmed:
// what reads its answers needs that one).
func plannedProjection(r Reads) (string, map[string]any, Reads) {
	var b strings.Builder
	params := map[string]any{}
	r = r.Trimmed(MaxReadDepth)
	plannedPerson(&b, "p", 0, r, params)
	return b.String(), params, r
}

// personReadsFrom returns the reader of a planned projection's map read
// with r (as plannedProjection returns it).
func personReadsFrom(r Reads) func(map[string]any) PersonReads {
	return func(m map[string]any) PersonReads { return personReadsWith(m, r) }
}

// personReadsWith reads a planned projection's map read with r.
func personReadsWith(m map[string]any, r Reads) PersonReads {
	pr := PersonReads{Person: personWithout(m, r.Skip)}
	if rows, ok := optionalList(m, "skills"); ok {
		pr.Skills = []PersonSkill{}
		for _, row := range rows {
			ps := personSkillFrom(withKey(row, pr.ID))
			pr.Skills = append(pr.Skills, ps)
		}
	}
	if rows, ok := optionalList(m, "goals"); ok {
		pr.Goals = []GoalReads{}
		for _, row := range rows {
			sk := skillFrom(mapVal(row, "skill"))
			g := goalFrom(withKey(row, pr.ID))
			g.SkillID = sk.ID
			pr.Goals = append(pr.Goals, GoalReads{g, sk})
		}
	}
	if rows, ok := optionalList(m, "affiliations"); ok {
		pr.Affiliations = []AffiliationReads{}
		for _, row := range rows {
			o := organizationFrom(mapVal(row, "organization"))
			pr.Affiliations = append(pr.Affiliations, AffiliationReads{Affiliation{PersonID: pr.ID, OrganizationID: o.ID, Role: strPtr(row, "role"),
				Since: datePtr(row, "since"), Until: datePtr(row, "until")}, o})
		}
	}
	for _, side := range []struct {
		key    string
		mentor bool
		into   *[]MentorshipReads
		reads  *Reads
	}{{"mentors", false, &pr.Mentors, r.Mentors}, {"mentees", true, &pr.Mentees, r.Mentees}} {
		rows, ok := optionalList(m, side.key)
		if !ok || side.reads == nil {
			continue
		}
		*side.into = []MentorshipReads{}
		for _, row := range rows {
			other := personReadsWith(mapVal(row, "other"), *side.reads)
			ms := Mentorship{Since: datePtr(row, "since"), Until: datePtr(row, "until"), Focus: strList(row, "focus"), Status: str(row, "status"),
				FocusSkills: []Skill{}}
			for _, f := range listVal(row, "focusSkills") {
				ms.FocusSkills = append(ms.FocusSkills, skillFrom(f))
			}
			self, them := pr.Person, other.Person
			if side.mentor {
				ms.MentorID, ms.MenteeID, ms.Mentor, ms.Mentee = pr.ID, other.ID, &self, &them
			} else {
				ms.MenteeID, ms.MentorID, ms.Mentee, ms.Mentor = pr.ID, other.ID, &self, &them
			}
			*side.into = append(*side.into, MentorshipReads{ms, other})
		}
	}
	for _, cr := range r.Connections {
		rows, ok := optionalList(m, fmt.Sprintf("connections%d", cr.First))
		if !ok {
			continue
		}
		if pr.Connections == nil {
			pr.Connections = map[int][]ConnectionWith{}
		}
		conns := []ConnectionWith{}
		for _, row := range rows {
			other := personReadsWith(mapVal(row, "person"), cr.Person)
			conns = append(conns, ConnectionWith{Connection{PersonID: other.ID, Since: datePtr(row, "since")}, other})
		}
		pr.Connections[cr.First] = conns
	}
	return pr
}

// withKey is row with key set to id (the batched readers' rows carry it).
func withKey(row map[string]any, id string) map[string]any {
	out := make(map[string]any, len(row)+1)
	for k, v := range row {
		out[k] = v
	}
	out["key"] = id
	return out
}

// optionalList is the list of maps under k, and whether m has k at all
// (a planned read has a key only for the lists it was asked).
func optionalList(m map[string]any, k string) ([]map[string]any, bool) {
	if _, ok := m[k]; !ok {
		return nil, false
	}
	return listVal(m, k), true
}

// mapVal is the map under k (nil for null).
func mapVal(m map[string]any, k string) map[string]any {
	v, _ := value(m, k).(map[string]any)
	return v
}

// listVal is the list of maps under k.
func listVal(m map[string]any, k string) []map[string]any {
	l, _ := value(m, k).([]any)
	out := make([]map[string]any, 0, len(l))
	for _, e := range l {
		if em, ok := e.(map[string]any); ok {
			out = append(out, em)
		}
	}
	return out
}

// readPeopleCypher reads people by id with a planned projection.
func readPeopleCypher(projection string) string {
	return `
UNWIND $ids AS id
MATCH (p:Person {id: id})
WHERE ` + seenBy("p") + `
RETURN ` + projection + ` AS person`
}

// ReadPeople returns the people with these ids, each with what r asks,
// keyed by id (unknown ids are absent), in one statement.
func (s *Store) ReadPeople(ctx context.Context, ids []string, r Reads) (map[string]PersonReads, error) {
	var c checker
	r.check(&c, "")
	if c.err != nil {
		return nil, c.err
	}
	projection, params, r := plannedProjection(r)
	params["ids"] = ids
	return read(ctx, s, "read people", func(tx neo4j.ManagedTransaction) (map[string]PersonReads, error) {
		people, err := collect(ctx, tx, readPeopleCypher(projection), params, personReadsFrom(r))
		return keyBy(people, func(p PersonReads) string { return p.ID }), err
	})
}

// PeopleReads lists people as People does, each with what r asks, in one
// statement.
func (s *Store) PeopleReads(ctx context.Context, f PeopleFilter, page PageArgs, r Reads) (Page[PersonReads], error) {
	var c checker
	r.check(&c, "")
	if c.err != nil {
		return Page[PersonReads]{}, c.err
	}
	projection, extra, r := plannedProjection(r)
	cypher := peopleCypherFor(f, projection)
	params := func() (map[string]any, error) {
		p, err := f.params()
		if err != nil {
			return nil, err
		}
		for k, v := range extra {
			p[k] = v
		}
		return p, nil
	}
	return listPage(ctx, s, "list people", cypher, f.Search, params, page, personReadsFrom(r), func(p PersonReads) string { return p.ID })
}
