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
