package graph

// Types shared by the network questions (mentors within N hops, referral
// paths, lineage, board of mentors, coverage gaps, succession,
// neighbourhood): every answer carries the path or reason behind it.

// LinkKind names a kind of link a traversal may follow.
type LinkKind string

// The link kinds: KNOWS and MENTORED_BY.
const (
	LinkConnection LinkKind = "CONNECTION"
	LinkMentorship LinkKind = "MENTORSHIP"
)

// Direction says how a stored link points relative to a walk.
type Direction string

// Forward: the stored link goes From → To (for a mentorship: From is
// mentored by To). Backward: it goes To → From.
const (
	Forward  Direction = "FORWARD"
	Backward Direction = "BACKWARD"
)

// Step is one link of a path, as walked from FromID to ToID.
type Step struct {
	FromID string
	ToID   string
	// From and To are the people at the two ends, as the query projected
	// them, so a client needs no lookup to name them.
	From, To  Person
	Kind      LinkKind
	Direction Direction
	Since     *Date
}

// Path is a walk through the network; its length is its number of steps.
type Path struct {
	Steps []Step
	// People are the people the path walks through, in order (one more
	// than Steps), so a client needs no second lookup to name them.
	People []Person
}

// Length is the number of steps of p.
func (p Path) Length() int { return len(p.Steps) }

// pathStepsProjection is the steps of the path `path`, as walked from its
// first node, each with its link's type, direction and since.
const pathStepsProjection = `[i IN range(0, length(path) - 1) | {
    from: (nodes(path)[i]).id, to: (nodes(path)[i + 1]).id, type: type(relationships(path)[i]),
    forward: startNode(relationships(path)[i]) = nodes(path)[i], since: (relationships(path)[i]).since}]`

// pathProjection turns the path `path` into a map of its steps and the
// people on it; read by pathFrom. The people are projected as
// personProjection projects `p`.
var pathProjection = `{steps: ` + pathStepsProjection + `,
  people: [pathNode IN nodes(path) | ` + personProjectionOf("pathNode", "activeLink") + `]}`

// pathIDsProjection is pathProjection with the people's ids alone; read by
// pathAmong, for answers of several paths that project each person on
// them once (a person on every path, such as the asker, would otherwise be
// projected, active mentees counted, once per path).
const pathIDsProjection = `{steps: ` + pathStepsProjection + `, people: [pathNode IN nodes(path) | pathNode.id]}`

// pathFrom reads a path projected by pathProjection.
func pathFrom(v any) Path {
	pm, _ := v.(map[string]any)
	l, _ := pm["people"].([]any)
	people := make([]Person, 0, len(l))
	for _, v := range l {
		m, _ := v.(map[string]any)
		people = append(people, personFrom(m))
	}
	return pathOf(pm, people)
}

// pathAmong reads a path projected by pathIDsProjection, its people
// looked up by id in people.
func pathAmong(v any, people map[string]Person) Path {
	pm, _ := v.(map[string]any)
	l, _ := pm["people"].([]any)
	on := make([]Person, 0, len(l))
	for _, v := range l {
		id, _ := v.(string)
		on = append(on, people[id])
	}
	return pathOf(pm, on)
}

// peopleByID reads a list of people projected by personProjection.
func peopleByID(v any) map[string]Person {
	l, _ := v.([]any)
	people := make(map[string]Person, len(l))
	for _, v := range l {
		m, _ := v.(map[string]any)
		p := personFrom(m)
		people[p.ID] = p
	}
	return people
}

// pathOf is the path of the steps in pm, through people.
func pathOf(pm map[string]any, people []Person) Path {
	l, _ := pm["steps"].([]any)
	p := Path{Steps: make([]Step, 0, len(l)), People: people}
	for _, sv := range l {
		sm, _ := sv.(map[string]any)
		p.Steps = append(p.Steps, stepFrom(sm, str(sm, "type") == "KNOWS", boolVal(sm, "forward")))
	}
	if len(p.People) == len(p.Steps)+1 {
		for i := range p.Steps {
			p.Steps[i].From, p.Steps[i].To = p.People[i], p.People[i+1]
		}
	}
	return p
}

// reachLinkKind is the link kind of a relationship type.
func reachLinkKind(relType string) LinkKind {
	if relType == "MENTORED_BY" {
		return LinkMentorship
	}
	return LinkConnection
}
