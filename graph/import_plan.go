package graph

// The plan stage of an import: a step per record kind, in dependency
// order, with the rows of each as Cypher parameters (importSteps); how the
// rows of links between people are split into rounds is importsched.go.

import (
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// importStep is one record kind: its rows as Cypher parameters, and the
// statements that write them (and, for a dry run, classify them). classify
// returns one row per outcome ("created", "updated", "unchanged"); a step
// without one (the skill hierarchy's links) writes every row with create
// and counts none.
type importStep struct {
	kind dataset.Kind
	// n is the number of rows; row(i) builds the parameters of row i.
	n                        int
	row                      func(i int) map[string]any
	classify, create, update string
	// ends, for a link kind, names the node kinds of its two ends and the
	// row keys holding their ids. A link whose two ends this import just
	// created cannot exist yet: it is created without classifying it, by
	// createFresh, which finds the ends by the element ids their creation
	// returned (rows [a, b, props]) rather than through the id index.
	ends [2]struct {
		kind dataset.Kind
		key  string
	}
	createFresh string
	// label, for a node kind, is its nodes' label. When no node had it as
	// the import began (validateImport reads that), every row is created
	// without classifying it, and createFresh (if any) writes the rows
	// whose ends this import created, given as [a, b, props, id].
	label string
	// pair, for links between two people, returns the ids of row i's two
	// ends, so its rows can be written in rounds (see importRounds).
	pair func(i int) (a, b string)
	// createRow, when set, turns a row classified "created" into the row
	// create takes, given the import's clock.
	createRow func(r map[string]any, now time.Time) map[string]any
	// lockHierarchy: the step writes PART_OF links, each batch in a
	// transaction of its own, so each batch takes the skill hierarchy's
	// lock (lockSkillHierarchy) before it writes.
	lockHierarchy bool
}

// props drops unset (nil) values: an empty cell never erases a stored value.
func props(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		if v := kv[i+1]; v != nil {
			m[kv[i].(string)] = v
		}
	}
	return m
}

func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func optDate(d *dataset.Date) any {
	if d == nil {
		return nil
	}
	return neo4j.DateOf(d.Time())
}

// personCreateRow is the whole property map of a new person: the
// defaults a person created through the API gets, then the row's values.
func personCreateRow(r map[string]any, now time.Time) map[string]any {
	props, _ := r["props"].(map[string]any)
	m := make(map[string]any, len(props)+6)
	m["id"], m["availableToMentor"], m["mentorCapacity"], m["seekingMentorship"] = r["id"], false, 0, false
	m["createdAt"], m["updatedAt"] = now, now
	for k, v := range props {
		m[k] = v
	}
	return m
}

// kindSkillParent is the step linking skills to their broader skill; its
// rows were counted with the skills.
const kindSkillParent dataset.Kind = "skill_parent"

// importSteps turns ds into the steps of an import, in dependency order.
// Rows are built a batch at a time (row(i)), so memory stays bounded by the
// batches in flight rather than the size of the dataset.
func importSteps(ds *dataset.Dataset) []importStep {
	var parents []int
	for i, s := range ds.Skills {
		if s.ParentID != "" {
			parents = append(parents, i)
		}
	}
	type end = struct {
		kind dataset.Kind
		key  string
	}
	person, skill, org := dataset.KindPerson, dataset.KindSkill, dataset.KindOrganization
	return []importStep{
		{kind: person, n: len(ds.People), label: "Person", classify: personClassify, create: personCreate, update: personUpdate, createRow: personCreateRow,
			row: func(i int) map[string]any {
				p := ds.People[i]
				return map[string]any{"i": i, "id": p.ID, "props": props("name", text(p.Name), "headline", text(p.Headline),
					"bio", text(p.Bio), "location", text(p.Location), "timezone", text(p.Timezone),
					"availableToMentor", ptrParam(p.AvailableToMentor), "mentorCapacity", ptrParam(p.MentorCapacity),
					"seekingMentorship", ptrParam(p.SeekingMentorship), "visibility", text(p.Visibility),
					"profileVisibility", text(p.ProfileVisibility), "openToIntroductions", ptrParam(p.OpenToIntroductions))}
			}},
		{kind: skill, n: len(ds.Skills), label: "Skill", classify: skillClassify, create: skillCreate, update: skillUpdate,
			row: func(i int) map[string]any {
				s := ds.Skills[i]
				return map[string]any{"i": i, "id": s.ID, "parent": text(s.ParentID),
					"props": props("name", text(s.Name), "category", text(s.Category), "description", text(s.Description))}
			}},
		{kind: kindSkillParent, n: len(parents), ends: [2]end{{skill, "id"}, {skill, "parent"}},
			create: skillParentImport, createFresh: skillParentFresh, lockHierarchy: true,
			row: func(i int) map[string]any {
				s := ds.Skills[parents[i]]
				return map[string]any{"i": i, "id": s.ID, "parent": s.ParentID}
			}},
		{kind: org, n: len(ds.Organizations), label: "Organization", classify: organizationClassify, create: organizationCreate, update: organizationUpdate,
			row: func(i int) map[string]any {
				o := ds.Organizations[i]
				return map[string]any{"i": i, "id": o.ID, "props": props("name", text(o.Name), "kind", text(o.Kind))}
			}},
		{kind: dataset.KindPersonSkill, n: len(ds.PersonSkills), ends: [2]end{{person, "a"}, {skill, "b"}},
			classify: personSkillClassify, create: personSkillCreate, update: personSkillUpdate, createFresh: personSkillFresh,
			row: func(i int) map[string]any {
				ps := ds.PersonSkills[i]
				return map[string]any{"i": i, "a": ps.PersonID, "b": ps.SkillID, "props": props("level", ps.Level, "years", ptrParam(ps.Years))}
			}},
		{kind: dataset.KindAffiliation, n: len(ds.Affiliations), ends: [2]end{{person, "a"}, {org, "b"}},
			classify: affiliationClassify, create: affiliationCreate, update: affiliationUpdate, createFresh: affiliationFresh,
			row: func(i int) map[string]any {
				a := ds.Affiliations[i]
				return map[string]any{"i": i, "a": a.PersonID, "b": a.OrganizationID, "since": optDate(a.Since),
					"props": props("role", text(a.Role), "since", optDate(a.Since), "until", optDate(a.Until))}
			}},
		{kind: dataset.KindMentorship, n: len(ds.Mentorships), ends: [2]end{{person, "a"}, {person, "b"}},
			classify: mentorshipClassify, create: mentorshipCreate, update: mentorshipUpdate, createFresh: mentorshipFresh,
			pair: func(i int) (string, string) { return ds.Mentorships[i].MenteeID, ds.Mentorships[i].MentorID },
			row: func(i int) map[string]any {
				m := ds.Mentorships[i]
				status := m.Status
				if status == "" {
					status = "ACTIVE"
					if m.Until != nil {
						status = "ENDED"
					}
				}
				var focus any
				if len(m.Focus) > 0 {
					focus = m.Focus
				}
				return map[string]any{"i": i, "a": m.MenteeID, "b": m.MentorID,
					"props": props("since", optDate(m.Since), "until", optDate(m.Until), "focus", focus, "status", status)}
			}},
		{kind: dataset.KindConnection, n: len(ds.Connections), ends: [2]end{{person, "a"}, {person, "b"}},
			classify: connectionClassify, create: connectionCreate, update: connectionUpdate, createFresh: connectionFresh,
			pair: func(i int) (string, string) { return ds.Connections[i].PersonA, ds.Connections[i].PersonB },
			row: func(i int) map[string]any {
				c := ds.Connections[i]
				return map[string]any{"i": i, "a": c.PersonA, "b": c.PersonB, "props": props("since", optDate(c.Since))}
			}},
		{kind: dataset.KindGoal, n: len(ds.Goals), label: "Goal", ends: [2]end{{person, "person"}, {skill, "skill"}},
			classify: goalClassify, create: goalCreate, update: goalUpdate, createFresh: goalCreateFresh,
			row: func(i int) map[string]any {
				g := ds.Goals[i]
				status := g.Status
				if status == "" {
					status = "OPEN"
				}
				return map[string]any{"i": i, "id": g.ID, "person": g.PersonID, "skill": g.SkillID,
					"props": props("title", text(g.Title), "targetLevel", ptrParam(g.TargetLevel), "dueDate", optDate(g.DueDate), "status", status)}
			}},
	}
}
