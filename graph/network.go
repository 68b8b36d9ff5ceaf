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
	FromID    string
	ToID      string
	Kind      LinkKind
	Direction Direction
	Since     *Date
}

// Path is a walk through the network; its length is its number of steps.
type Path struct {
	Steps []Step
}

// Length is the number of steps of p.
func (p Path) Length() int { return len(p.Steps) }

// pathStepsProjection turns the path `path` into a list of step maps, as
// walked from its first node; read by pathFrom.
const pathStepsProjection = `[i IN range(0, length(path) - 1) | {
    from: (nodes(path)[i]).id, to: (nodes(path)[i + 1]).id, type: type(relationships(path)[i]),
    forward: startNode(relationships(path)[i]) = nodes(path)[i], since: (relationships(path)[i]).since}]`

// pathFrom reads a list of step maps made by pathStepsProjection.
func pathFrom(v any) Path {
	l, _ := v.([]any)
	p := Path{Steps: make([]Step, 0, len(l))}
	for _, sv := range l {
		sm, _ := sv.(map[string]any)
		p.Steps = append(p.Steps, stepFrom(sm, str(sm, "type") == "KNOWS", boolVal(sm, "forward")))
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
