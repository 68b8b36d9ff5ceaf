package seed

import (
	"fmt"
	"strconv"
)

// Shape is how Generate draws the KNOWS links.
type Shape string

// The shapes of the KNOWS network.
const (
	// ShapeDefault plans each person's expected degree from a power law
	// (Chung–Lu) and draws links to match: a heavy tail with hubs of a few
	// thousand links at 100k people (DegreeExponent, MeanDegree).
	ShapeDefault Shape = "default"
	// ShapeSocial grows the network by preferential attachment, as
	// professional networks grow: people join one after another, each
	// linking to people in proportion to the links they already have, and
	// a few hubs (Hubs) draw a fixed share of every newcomer, the biggest
	// about a quarter of everyone. The median degree is about 6, the
	// mean MeanDegree (default 16). See socialLinks.
	ShapeSocial Shape = "social"
)

// Shapes lists the shapes, the default first.
var Shapes = []Shape{ShapeDefault, ShapeSocial}

// ParseShape reads a shape's name ("" is ShapeDefault).
func ParseShape(name string) (Shape, error) {
	if name == "" {
		return ShapeDefault, nil
	}
	for _, s := range Shapes {
		if string(s) == name {
			return s, nil
		}
	}
	return "", fmt.Errorf("unknown shape %q (use %s or %s)", name, ShapeDefault, ShapeSocial)
}

// Config says what network Generate builds. A zero field takes its default
// (see WithDefaults); a negative share or count means none.
type Config struct {
	// People is the number of people; their ids are PersonID(1) … PersonID(People).
	People int
	// Seed selects the network: the same Config always yields the same dataset.
	Seed uint64

	// Shape is how the KNOWS links are drawn (default ShapeDefault).
	Shape Shape
	// MeanDegree is the mean number of KNOWS links per person (default 10;
	// 16 for ShapeSocial).
	MeanDegree float64
	// DegreeExponent is the exponent γ of the power law P(k) ∝ k^-γ the
	// KNOWS degrees follow (default 2.5, kept within [2.1, 4]); unused by
	// ShapeSocial, whose tail comes from its growth.
	DegreeExponent float64
	// Hubs is the number of designated hubs: well-connected organizers and
	// advocates who are available to mentor (default 3 + People/50,000).
	Hubs int
	// LocalShare is the share of KNOWS links drawn within a person's
	// employer or city rather than across the whole network (default 0.3;
	// for ShapeSocial, the share of a newcomer's own links).
	LocalShare float64
	// OrganizationsPerThousand is the number of organizations per 1,000
	// people (default 5; at least one organization when there are people).
	OrganizationsPerThousand float64
	// IsolatedShare is the share of people with no KNOWS, MENTORED_BY or
	// AFFILIATED_WITH links at all (default 0.02). They keep skills and goals.
	IsolatedShare float64
	// MentorShare is the approximate share of people available to mentor
	// (default 0.15); people holding a skill at level 4 or 5 are likelier to be.
	MentorShare float64
	// SeekingShare is the approximate share of people seeking mentorship
	// (default 0.25); people with lower levels are likelier to be.
	SeekingShare float64
	// OverloadShare is the share of available mentors deliberately given
	// more active mentees than their capacity, so coverage reports have
	// something to find (default 0.01).
	OverloadShare float64
	// Cycles is the number of reciprocal mentorships added to close a
	// lineage cycle (default 1 + People/50,000).
	Cycles int
}

// Defaults of the Config knobs.
const (
	DefaultMeanDegree               = 10.0
	DefaultSocialMeanDegree         = 16.0
	DefaultDegreeExponent           = 2.5
	DefaultLocalShare               = 0.3
	DefaultOrganizationsPerThousand = 5.0
	DefaultIsolatedShare            = 0.02
	DefaultMentorShare              = 0.15
	DefaultSeekingShare             = 0.25
	DefaultOverloadShare            = 0.01
)

// WithDefaults returns c with every zero knob set to its default and every
// knob clamped to a range Generate can honour. Negative knobs stay negative
// (none), so WithDefaults is idempotent.
func (c Config) WithDefaults() Config {
	if c.People < 0 {
		c.People = 0
	}
	if c.Shape == "" {
		c.Shape = ShapeDefault
	}
	if c.MeanDegree == 0 {
		c.MeanDegree = DefaultMeanDegree
		if c.Shape == ShapeSocial {
			c.MeanDegree = DefaultSocialMeanDegree
		}
	}
	c.MeanDegree = min(c.MeanDegree, 200)
	if c.DegreeExponent == 0 {
		c.DegreeExponent = DefaultDegreeExponent
	}
	c.DegreeExponent = min(max(c.DegreeExponent, 2.1), 4)
	if c.Hubs == 0 {
		c.Hubs = 3 + c.People/50_000
	}
	if c.LocalShare == 0 {
		c.LocalShare = DefaultLocalShare
	}
	if c.OrganizationsPerThousand == 0 {
		c.OrganizationsPerThousand = DefaultOrganizationsPerThousand
	}
	if c.IsolatedShare == 0 {
		c.IsolatedShare = DefaultIsolatedShare
	}
	if c.MentorShare == 0 {
		c.MentorShare = DefaultMentorShare
	}
	if c.SeekingShare == 0 {
		c.SeekingShare = DefaultSeekingShare
	}
	if c.OverloadShare == 0 {
		c.OverloadShare = DefaultOverloadShare
	}
	if c.Cycles == 0 {
		c.Cycles = 1 + c.People/50_000
	}
	c.LocalShare = min(c.LocalShare, 1)
	c.IsolatedShare = min(c.IsolatedShare, 1)
	c.MentorShare = min(c.MentorShare, 1)
	c.SeekingShare = min(c.SeekingShare, 1)
	c.OverloadShare = min(c.OverloadShare, 1)
	c.OrganizationsPerThousand = min(c.OrganizationsPerThousand, 1000)
	return c
}

// ID widths: people and goals stay fixed width up to 99,999,999 records,
// organizations up to 999,999; beyond that the ids widen (still unique).
const (
	personIDWidth = 8
	orgIDWidth    = 6
	goalIDWidth   = 8
)

// PersonID returns the id of the n-th generated person (1-based):
// PersonID(1) is "p00000001".
func PersonID(n int) string {
	return string(appendID(nil, 'p', personIDWidth, n))
}

// appendID appends prefix and n zero-padded to width digits.
func appendID(b []byte, prefix byte, width, n int) []byte {
	b = append(b, prefix)
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(n), 10)
	for i := len(d); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, d...)
}

// idBlock returns the ids prefix+1 … prefix+n, all of one width, sliced
// out of a single string (two allocations however many ids).
func idBlock(prefix byte, width, n int) []string {
	width = max(width, len(strconv.Itoa(n)))
	size := 1 + width
	buf := make([]byte, 0, n*size)
	for i := 1; i <= n; i++ {
		buf = appendID(buf, prefix, width, i)
	}
	s := string(buf)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = s[i*size : (i+1)*size]
	}
	return ids
}
