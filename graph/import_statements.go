package graph

// The Cypher of an import's write stage. Each kind has three statements.
// classify reads the stored state of every row of a batch and returns the
// row indexes (r.i) per outcome: "created" (nothing stored), "updated" (a
// value differs) or "unchanged". create and update then write only the
// rows that need it, in the same transaction; a dry run runs classify
// alone. Splitting them keeps the common case of a first import to plain
// CREATEs, the fastest write Neo4j has.

// changedFn is true when the stored o lacks any of the row's values.
const changedFn = `any(k IN keys(r.props) WHERE o[k] IS NULL OR o[k] <> r.props[k])`

// outcomeOf classifies a row from its stored o (null when absent).
const outcomeOf = `CASE WHEN o IS NULL THEN 'created' WHEN ` + changedFn + ` THEN 'updated' ELSE 'unchanged' END`

const groupOutcomes = `
RETURN outcome, collect(r.i) AS rows`

const (
	personClassify = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Person {id: r.id})
WITH r, ` + outcomeOf + ` AS outcome` + groupOutcomes
	// personCreate's rows are whole property maps (personCreateRow): one
	// SET per row is the cheapest write of a node with many properties.
	personCreate = `
UNWIND $rows AS r
CREATE (p:Person)
SET p = r
RETURN collect([r.id, elementId(p)])`
	personUpdate = `
WITH datetime() AS now
UNWIND $rows AS r
MATCH (p:Person {id: r.id})
SET p += r.props, p.updatedAt = now`

	skillClassify = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Skill {id: r.id})
WITH r, o, [(o)-[:PART_OF]->(b:Skill) | b.id][0] AS parent
WITH r, CASE WHEN o IS NULL THEN 'created'
  WHEN ` + changedFn + ` OR (r.parent IS NOT NULL AND coalesce(parent, '') <> r.parent) THEN 'updated'
  ELSE 'unchanged' END AS outcome` + groupOutcomes
	skillCreate = `
UNWIND $rows AS r
CREATE (s:Skill {id: r.id})
SET s += r.props
RETURN collect([r.id, elementId(s)])`
	skillUpdate = `
UNWIND $rows AS r
MATCH (s:Skill {id: r.id})
SET s += r.props`

	// skillParentImport links skills to their broader skill once every
	// skill of the dataset exists; its rows were counted with the skills,
	// so it has no classify statement.
	skillParentImport = `
UNWIND $rows AS r
MATCH (s:Skill {id: r.id}), (b:Skill {id: r.parent})
WITH s, b WHERE NOT EXISTS { (s)-[:PART_OF]->(b) }
OPTIONAL MATCH (s)-[old:PART_OF]->(:Skill)
DELETE old
MERGE (s)-[:PART_OF]->(b)`
	// skillParentFresh links a skill this import created to a broader
	// skill it created too, by their element ids (rows [skill, broader,
	// null]): a new skill has no broader skill yet.
	skillParentFresh = `
UNWIND $rows AS r
MATCH (s:Skill) WHERE elementId(s) = r[0]
MATCH (b:Skill) WHERE elementId(b) = r[1]
CREATE (s)-[:PART_OF]->(b)`

	organizationClassify = `
UNWIND $rows AS r
OPTIONAL MATCH (o:Organization {id: r.id})
WITH r, ` + outcomeOf + ` AS outcome` + groupOutcomes
	organizationCreate = `
UNWIND $rows AS r
CREATE (n:Organization {id: r.id})
SET n += r.props
RETURN collect([r.id, elementId(n)])`
	organizationUpdate = `
UNWIND $rows AS r
MATCH (n:Organization {id: r.id})
SET n += r.props`
)

// linkStatements builds a link kind's statements from constants of this
// file: the two ends (a, b), the stored link (o) and the CREATE of a new one (l).
func linkStatements(aLabel, bLabel, existing, create string) (classify, createQ, update, createFresh string) {
	ends := `(a:` + aLabel + ` {id: r.a}), (b:` + bLabel + ` {id: r.b})`
	classify = `
UNWIND $rows AS r
OPTIONAL MATCH ` + ends + `
OPTIONAL MATCH ` + existing + `
WITH r, head(collect(o)) AS o
WITH r, ` + outcomeOf + ` AS outcome` + groupOutcomes
	createQ = `
UNWIND $rows AS r
MATCH ` + ends + `
` + create + `
SET l = r.props`
	update = `
UNWIND $rows AS r
MATCH ` + ends + `
MATCH ` + existing + `
WITH r, head(collect(o)) AS o
SET o += r.props`
	createFresh = `
UNWIND $rows AS r
MATCH (a:` + aLabel + `) WHERE elementId(a) = r[0]
MATCH (b:` + bLabel + `) WHERE elementId(b) = r[1]
` + create + `
SET l = r[2]`
	return
}

var (
	personSkillClassify, personSkillCreate, personSkillUpdate, personSkillFresh = linkStatements("Person", "Skill",
		`(a)-[o:HAS_SKILL]->(b)`, `CREATE (a)-[l:HAS_SKILL]->(b)`)
	affiliationClassify, affiliationCreate, affiliationUpdate, affiliationFresh = linkStatements("Person", "Organization",
		`(a)-[o:AFFILIATED_WITH]->(b) WHERE o.since = r.since OR (o.since IS NULL AND r.since IS NULL)`, `CREATE (a)-[l:AFFILIATED_WITH]->(b)`)
	mentorshipClassify, mentorshipCreate, mentorshipUpdate, mentorshipFresh = linkStatements("Person", "Person",
		`(a)-[o:MENTORED_BY]->(b)`, `CREATE (a)-[l:MENTORED_BY]->(b)`)
	connectionClassify, connectionCreate, connectionUpdate, connectionFresh = linkStatements("Person", "Person",
		`(a)-[o:KNOWS]-(b)`, `CREATE (a)-[l:KNOWS]->(b)`)
)

const (
	// goalClassify starts from the goal's id: on a small database the
	// planner otherwise starts from every person (about 1 s for 400 goals
	// among 2,400 people, BenchmarkImportPhases).
	goalClassify = `
UNWIND $rows AS r
OPTIONAL MATCH (owner:Person)-[:HAS_GOAL]->(o:Goal {id: r.id})-[:ABOUT]->(about:Skill)
USING INDEX o:Goal(id)
WITH r, CASE WHEN o IS NULL THEN 'created'
  WHEN ` + changedFn + ` OR owner.id <> r.person OR about.id <> r.skill THEN 'updated' ELSE 'unchanged' END AS outcome` + groupOutcomes
	// goalCreateFresh's rows are [person, skill, props, id], the two
	// ends by element id.
	goalCreateFresh = `
UNWIND $rows AS r
MATCH (p:Person) WHERE elementId(p) = r[0]
MATCH (s:Skill) WHERE elementId(s) = r[1]
CREATE (p)-[:HAS_GOAL]->(g:Goal)-[:ABOUT]->(s)
SET g = r[2], g.id = r[3]`
	goalCreate = `
UNWIND $rows AS r
MATCH (p:Person {id: r.person}), (s:Skill {id: r.skill})
CREATE (p)-[:HAS_GOAL]->(g:Goal {id: r.id})-[:ABOUT]->(s)
SET g += r.props`
	goalUpdate = `
UNWIND $rows AS r
MATCH (p:Person {id: r.person}), (s:Skill {id: r.skill}), (g:Goal {id: r.id})
SET g += r.props
WITH g, p, s
CALL (g, p, s) {
  OPTIONAL MATCH (other:Person)-[h:HAS_GOAL]->(g) WHERE other <> p
  DELETE h
  WITH DISTINCT g, p, s
  OPTIONAL MATCH (g)-[a:ABOUT]->(x:Skill) WHERE x <> s
  DELETE a
  WITH DISTINCT g, p, s
  MERGE (p)-[:HAS_GOAL]->(g)
  MERGE (g)-[:ABOUT]->(s)
}`
)
