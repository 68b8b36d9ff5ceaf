package dataset

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Known holds the ids that already exist in the database, so that records of
// a dataset may refer to them. Nil maps are empty.
type Known struct {
	People        map[string]bool
	Skills        map[string]bool
	Organizations map[string]bool
	// SkillParents maps a skill in the database to its broader skill. Its
	// keys count as known skills too. Validate follows these links when
	// looking for cycles, for a skill the dataset defines with no parent_id
	// as well (an empty cell does not remove a stored parent).
	SkillParents map[string]string
	// Affiliations holds the stored memberships of the pairs that
	// CurrentAffiliationPairs lists, so that Validate can refuse a row
	// that would store a second current membership beside a stored one.
	Affiliations map[PersonOrganization][]StoredAffiliation
}

// PersonOrganization names a person and an organization: the ends of a
// membership.
type PersonOrganization struct {
	PersonID       string
	OrganizationID string
}

// StoredAffiliation is a membership stored in the database, of the person
// and organization it is keyed by in Known.Affiliations.
type StoredAffiliation struct {
	Role  string // "" when not set
	Since *Date
	Until *Date
}

// Validate checks every rule of the import layout on ds and returns all the
// problems, ordered by file and line:
//
//   - each record's own rules, as reading checks them: ids and names
//     present, the characters and lengths the API allows in ids (references
//     too), one-line and long texts (graph/internal/textrule), levels 1 to
//     5, counts ≥ 0, valid dates with until not before since, enum values,
//     no self-mentorship or self-connection;
//   - no id defined twice within a kind (the second is reported, naming the
//     first);
//   - every reference resolves to a record of ds or to known;
//   - no duplicate link: person and skill, person and organization and
//     since, mentee and mentor, a connection in either direction;
//   - at most one current membership (no until) of a person in an
//     organization: within ds (the second row is reported, naming the
//     first), and beside a stored current one (known.Affiliations) that
//     ds neither repeats (same since) nor ends (a row with its since and
//     an until);
//   - no cycle in the skill hierarchy, counting known parents; each cycle
//     is reported once, at its first skill in ds, naming all its skills.
//
// Records read from files are located where they were read; records built in
// memory are located by their kind's CSV file and line 0. The records' own
// rules are the ones reading applies: a problem reading reported comes out
// of Validate again, identical. Validate works on as many CPUs as GOMAXPROCS
// allows and does not modify ds.
func Validate(ds *Dataset, known Known) Problems {
	v := &validator{ds: ds, known: known}

	// Each record's own rules, and the ids each kind defines.
	var people, skills, orgs map[string]int32
	tasks := []checkTask{
		func(rc *recordChecker) {
			people = definedIDs(rc, ds.People, personIndex, personID, func(p *Person) (string, Pos) { return p.ID, p.At })
		},
		func(rc *recordChecker) {
			skills = definedIDs(rc, ds.Skills, skillIndex, skillID, func(s *Skill) (string, Pos) { return s.ID, s.At })
		},
		func(rc *recordChecker) {
			orgs = definedIDs(rc, ds.Organizations, organizationIndex, organizationID, func(o *Organization) (string, Pos) { return o.ID, o.At })
		},
		func(rc *recordChecker) {
			definedIDs(rc, ds.Goals, goalIndex, goalID, func(g *Goal) (string, Pos) { return g.ID, g.At })
		},
	}
	tasks = append(tasks, chunks(ds.People, func(rc *recordChecker, p *Person) { rc.person(p, 0) })...)
	tasks = append(tasks, chunks(ds.Skills, func(rc *recordChecker, s *Skill) { rc.skill(s, 0) })...)
	tasks = append(tasks, chunks(ds.Organizations, func(rc *recordChecker, o *Organization) { rc.organization(o, 0) })...)
	tasks = append(tasks, chunks(ds.PersonSkills, func(rc *recordChecker, ps *PersonSkill) { rc.personSkill(ps, 0) })...)
	tasks = append(tasks, chunks(ds.Affiliations, func(rc *recordChecker, a *Affiliation) { rc.affiliation(a, 0) })...)
	tasks = append(tasks, chunks(ds.Mentorships, func(rc *recordChecker, m *Mentorship) { rc.mentorship(m, 0) })...)
	tasks = append(tasks, chunks(ds.Connections, func(rc *recordChecker, c *Connection) { rc.connection(c, 0) })...)
	tasks = append(tasks, chunks(ds.Goals, func(rc *recordChecker, g *Goal) { rc.goal(g, 0) })...)
	parts := runChecks(tasks)
	// Duplicate ids after the records' own problems, as reading reports those.
	problems := slices.Concat(slices.Concat(parts[4:]...), slices.Concat(parts[:4]...))

	// References and duplicate links.
	v.people = newResolver("person", people, len(ds.People), known.People, nil)
	v.skills = newResolver("skill", skills, len(ds.Skills), known.Skills, known.SkillParents)
	v.orgs = newResolver("organization", orgs, len(ds.Organizations), known.Organizations, nil)
	problems = append(problems, v.references()...)

	// The skill hierarchy.
	var rc recordChecker
	v.skillCycles(&rc, skills)
	problems = append(problems, rc.problems...)

	slices.SortStableFunc(problems, func(a, b Problem) int {
		if c := cmp.Compare(a.File, b.File); c != 0 {
			return c
		}
		return cmp.Compare(a.Line, b.Line)
	})
	return problems
}

// validator checks a whole dataset.
type validator struct {
	ds                   *Dataset
	known                Known
	people, skills, orgs *resolver
}

// checkTask is a part of Validate's work, reporting to its own checker.
type checkTask func(rc *recordChecker)

// runChecks runs tasks on up to GOMAXPROCS goroutines and returns the
// problems of each task, in the order of tasks, so the result does not
// depend on timing.
func runChecks(tasks []checkTask) []Problems {
	checkers := make([]recordChecker, len(tasks))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(tasks)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(tasks) {
					return
				}
				tasks[i](&checkers[i])
			}
		})
	}
	wg.Wait()
	problems := make([]Problems, len(tasks))
	for i := range checkers {
		problems[i] = checkers[i].problems
	}
	return problems
}

// chunkSize is how many records one task checks.
const chunkSize = 1 << 15

// chunks splits the checking of records into tasks of chunkSize records.
func chunks[T any](records []T, check func(*recordChecker, *T)) []checkTask {
	return spans(len(records), func(rc *recordChecker, lo, hi int) {
		for i := lo; i < hi; i++ {
			check(rc, &records[i])
		}
	})
}

// spans splits positions 0 to n into tasks of chunkSize positions.
func spans(n int, work func(rc *recordChecker, lo, hi int)) []checkTask {
	var tasks []checkTask
	for lo := 0; lo < n; lo += chunkSize {
		hi := min(lo+chunkSize, n)
		tasks = append(tasks, func(rc *recordChecker) { work(rc, lo, hi) })
	}
	return tasks
}

// definedIDs maps the ids records of kind k define to the position of the
// first record with each, reporting every later one as a duplicate.
func definedIDs[T any](rc *recordChecker, records []T, k kindIndex, col int, idOf func(*T) (string, Pos)) map[string]int32 {
	ids := make(map[string]int32, len(records))
	for i := range records {
		id, at := idOf(&records[i])
		if id == "" {
			continue
		}
		if first, dup := ids[id]; dup {
			_, firstAt := idOf(&records[first])
			rc.add(at, k, col, "duplicate %s id %s: first defined at %s", Kinds[k], quote(id), where(firstAt, k, int(first)))
			continue
		}
		ids[id] = int32(i)
	}
	return ids
}

// where names the place of record i of kind k for a message.
func where(at Pos, k kindIndex, i int) string {
	if at.Line > 0 {
		return at.File + ":" + strconv.Itoa(at.Line)
	}
	return fmt.Sprintf("%s record %d", fileOf(at, k), i+1)
}

// resolver numbers the ids of one kind of node, those the dataset defines
// (by their position) and the known ones (after them), so that links can be
// keyed by numbers. It is read-only, safe to share between goroutines.
type resolver struct {
	noun    string
	defined map[string]int32
	known   map[string]int32
}

// newResolver numbers the ids defined among count records, then the known
// ids: the keys of known set to true and of knownParents.
func newResolver(noun string, defined map[string]int32, count int, known map[string]bool, knownParents map[string]string) *resolver {
	r := &resolver{noun: noun, defined: defined, known: make(map[string]int32)}
	number := func(id string) {
		if _, ok := defined[id]; !ok {
			if _, ok := r.known[id]; !ok {
				r.known[id] = int32(count + len(r.known))
			}
		}
	}
	for id, ok := range known {
		if ok {
			number(id)
		}
	}
	for id := range knownParents {
		number(id)
	}
	return r
}

// number returns id's number, or false when id names nothing.
func (r *resolver) number(id string) (int32, bool) {
	if n, ok := r.defined[id]; ok {
		return n, true
	}
	n, ok := r.known[id]
	return n, ok
}

// lookup resolves references for one task, remembering the last id: rows
// of one person often follow each other.
type lookup struct {
	r      *resolver
	last   string
	n      int32
	ok     bool
	cached bool
}

// resolve numbers the reference in column col of a record and reports it
// when it names nothing. It gives -1 for an empty reference (reported by the
// record's own rules) or one that names nothing.
func (l *lookup) resolve(rc *recordChecker, at Pos, k kindIndex, col int, id string) int32 {
	if id == "" {
		return -1
	}
	if !l.cached || id != l.last {
		l.n, l.ok = l.r.number(id)
		l.last, l.cached = id, true
	}
	if !l.ok {
		rc.add(at, k, col, "no %s %s: it is neither in the dataset nor in the database", l.r.noun, quote(id))
		return -1
	}
	return l.n
}

// linkKey keys a link row: the numbers of its two ends, and for an
// affiliation its since; row is its position.
type linkKey struct {
	ends  uint64
	since int32
	row   int32
}

// noLink keys a row with an end that names nothing: it is not compared.
const noLink = ^uint64(0)

// pair keys a link between two numbered nodes.
func pair(a, b int32) uint64 {
	if a < 0 || b < 0 {
		return noLink
	}
	return uint64(uint32(a))<<32 | uint64(uint32(b))
}

// dateKey keys a date: yyyymmdd, yyyy0000 for a year, -1 if not set.
func dateKey(d *Date) int32 {
	if d == nil {
		return -1
	}
	if d.YearOnly {
		return int32(d.Year * 10000)
	}
	return int32(d.Year*10000 + int(d.Month)*100 + d.Day)
}

// duplicate is a link row that repeats an earlier one.
type duplicate struct{ row, first int32 }

// duplicates finds the rows whose key an earlier row has, sorting keys (by
// key, then row) rather than hashing them: at millions of links sorting is
// the faster. They come back in row order.
func duplicates(keys []linkKey) []duplicate {
	slices.SortFunc(keys, func(a, b linkKey) int {
		if c := cmp.Compare(a.ends, b.ends); c != 0 {
			return c
		}
		if c := cmp.Compare(a.since, b.since); c != 0 {
			return c
		}
		return cmp.Compare(a.row, b.row)
	})
	var dups []duplicate
	for i := 1; i < len(keys); i++ {
		first := keys[i-1]
		if keys[i].ends == first.ends && keys[i].since == first.since && first.ends != noLink {
			j := i
			for ; j < len(keys) && keys[j].ends == first.ends && keys[j].since == first.since; j++ {
				dups = append(dups, duplicate{keys[j].row, first.row})
			}
			i = j
		}
	}
	slices.SortFunc(dups, func(a, b duplicate) int { return cmp.Compare(a.row, b.row) })
	return dups
}

// references checks that references resolve and that no link is given
// twice: resolving in chunks side by side, then one duplicate search a kind.
func (v *validator) references() Problems {
	ds := v.ds
	personSkills := make([]linkKey, len(ds.PersonSkills))
	affiliations := make([]linkKey, len(ds.Affiliations))
	mentorships := make([]linkKey, len(ds.Mentorships))
	connections := make([]linkKey, len(ds.Connections))

	var tasks []checkTask
	tasks = append(tasks, spans(len(ds.Skills), func(rc *recordChecker, lo, hi int) {
		skills := lookup{r: v.skills}
		for i := lo; i < hi; i++ {
			s := &ds.Skills[i]
			skills.resolve(rc, s.At, skillIndex, skillParentID, s.ParentID)
		}
	})...)
	tasks = append(tasks, spans(len(ds.PersonSkills), func(rc *recordChecker, lo, hi int) {
		people, skills := lookup{r: v.people}, lookup{r: v.skills}
		for i := lo; i < hi; i++ {
			ps := &ds.PersonSkills[i]
			p := people.resolve(rc, ps.At, personSkillIndex, personSkillPersonID, ps.PersonID)
			s := skills.resolve(rc, ps.At, personSkillIndex, personSkillSkillID, ps.SkillID)
			personSkills[i] = linkKey{ends: pair(p, s), row: int32(i)}
		}
	})...)
	tasks = append(tasks, spans(len(ds.Affiliations), func(rc *recordChecker, lo, hi int) {
		people, orgs := lookup{r: v.people}, lookup{r: v.orgs}
		for i := lo; i < hi; i++ {
			a := &ds.Affiliations[i]
			p := people.resolve(rc, a.At, affiliationIndex, affiliationPersonID, a.PersonID)
			o := orgs.resolve(rc, a.At, affiliationIndex, affiliationOrganizationID, a.OrganizationID)
			affiliations[i] = linkKey{ends: pair(p, o), since: dateKey(a.Since), row: int32(i)}
		}
	})...)
	tasks = append(tasks, spans(len(ds.Mentorships), func(rc *recordChecker, lo, hi int) {
		mentees, mentors, skills := lookup{r: v.people}, lookup{r: v.people}, lookup{r: v.skills}
		for i := lo; i < hi; i++ {
			m := &ds.Mentorships[i]
			mentee := mentees.resolve(rc, m.At, mentorshipIndex, mentorshipMenteeID, m.MenteeID)
			mentor := mentors.resolve(rc, m.At, mentorshipIndex, mentorshipMentorID, m.MentorID)
			for _, id := range m.Focus {
				skills.resolve(rc, m.At, mentorshipIndex, mentorshipFocus, id)
			}
			mentorships[i] = linkKey{ends: pair(mentee, mentor), row: int32(i)}
			if mentee == mentor { // reported by the record's own rules
				mentorships[i].ends = noLink
			}
		}
	})...)
	tasks = append(tasks, spans(len(ds.Connections), func(rc *recordChecker, lo, hi int) {
		as, bs := lookup{r: v.people}, lookup{r: v.people}
		for i := lo; i < hi; i++ {
			c := &ds.Connections[i]
			a := as.resolve(rc, c.At, connectionIndex, connectionPersonA, c.PersonA)
			b := bs.resolve(rc, c.At, connectionIndex, connectionPersonB, c.PersonB)
			connections[i] = linkKey{ends: pair(min(a, b), max(a, b)), row: int32(i)}
			if a == b { // reported by the record's own rules
				connections[i].ends = noLink
			}
		}
	})...)
	tasks = append(tasks, spans(len(ds.Goals), func(rc *recordChecker, lo, hi int) {
		people, skills := lookup{r: v.people}, lookup{r: v.skills}
		for i := lo; i < hi; i++ {
			g := &ds.Goals[i]
			people.resolve(rc, g.At, goalIndex, goalPersonID, g.PersonID)
			skills.resolve(rc, g.At, goalIndex, goalSkillID, g.SkillID)
		}
	})...)
	problems := slices.Concat(runChecks(tasks)...)

	duplicateLinks := runChecks([]checkTask{
		func(rc *recordChecker) {
			for _, d := range duplicates(connections) {
				c, first := &ds.Connections[d.row], &ds.Connections[d.first]
				rc.add(c.At, connectionIndex, connectionPersonB, "duplicate: %s and %s are already connected at %s (a connection goes both ways)",
					quote(c.PersonA), quote(c.PersonB), where(first.At, connectionIndex, int(d.first)))
			}
		},
		func(rc *recordChecker) {
			for _, d := range duplicates(personSkills) {
				ps, first := &ds.PersonSkills[d.row], &ds.PersonSkills[d.first]
				rc.add(ps.At, personSkillIndex, personSkillSkillID, "duplicate: person %s already has skill %s at %s",
					quote(ps.PersonID), quote(ps.SkillID), where(first.At, personSkillIndex, int(d.first)))
			}
		},
		func(rc *recordChecker) {
			dups := duplicates(affiliations)
			reported := make(map[int32]bool, len(dups))
			for _, d := range dups {
				a, first := &ds.Affiliations[d.row], &ds.Affiliations[d.first]
				since := "with no since"
				if a.Since != nil {
					since = "since " + a.Since.String()
				}
				rc.add(a.At, affiliationIndex, affiliationOrganizationID, "duplicate: person %s already has an affiliation with %s %s at %s",
					quote(a.PersonID), quote(a.OrganizationID), since, where(first.At, affiliationIndex, int(d.first)))
				reported[d.row] = true
			}
			v.currentAffiliations(rc, affiliations, reported)
		},
		func(rc *recordChecker) {
			for _, d := range duplicates(mentorships) {
				m, first := &ds.Mentorships[d.row], &ds.Mentorships[d.first]
				rc.add(m.At, mentorshipIndex, mentorshipMentorID, "duplicate: %s is already mentored by %s at %s",
					quote(m.MenteeID), quote(m.MentorID), where(first.At, mentorshipIndex, int(d.first)))
			}
		},
	})
	return slices.Concat(append([]Problems{problems}, duplicateLinks...)...)
}

// currentAffiliations reports the rows that would give a person a second
// current membership (no until) of an organization: beside an earlier row
// of ds, or beside a stored one (v.known.Affiliations). keys are the
// affiliations' keys, in any order; rows in reported were reported as
// duplicates already and are left out.
func (v *validator) currentAffiliations(rc *recordChecker, keys []linkKey, reported map[int32]bool) {
	ds := v.ds
	var current []linkKey
	for _, key := range keys {
		if ds.Affiliations[key.row].Until == nil && key.ends != noLink && !reported[key.row] {
			current = append(current, linkKey{ends: key.ends, row: key.row})
		}
	}
	for _, d := range duplicates(current) {
		a, first := &ds.Affiliations[d.row], &ds.Affiliations[d.first]
		rc.add(a.At, affiliationIndex, affiliationUntil, "a second current membership: person %s is already a current member of %s (no until) at %s; a person is a current member of an organization at most once, so give one of them an until",
			quote(a.PersonID), quote(a.OrganizationID), where(first.At, affiliationIndex, int(d.first)))
		reported[d.row] = true
	}

	if len(v.known.Affiliations) == 0 {
		return
	}
	// The rows of the pairs with stored memberships.
	rowsOf := make(map[PersonOrganization][]int32)
	for _, key := range keys {
		if key.ends == noLink {
			continue
		}
		a := &ds.Affiliations[key.row]
		pair := PersonOrganization{a.PersonID, a.OrganizationID}
		if _, ok := v.known.Affiliations[pair]; ok {
			rowsOf[pair] = append(rowsOf[pair], key.row)
		}
	}
	for i := range ds.Affiliations {
		a := &ds.Affiliations[i]
		pair := PersonOrganization{a.PersonID, a.OrganizationID}
		rows, ok := rowsOf[pair]
		if !ok || a.Until != nil || reported[int32(i)] {
			continue
		}
		// A row with the since of a stored membership writes onto it (an
		// empty until never clears a stored one): it adds no current one.
		stored := v.known.Affiliations[pair]
		if slices.ContainsFunc(stored, func(s StoredAffiliation) bool { return sameDay(s.Since, a.Since) }) {
			continue
		}
		for _, s := range stored {
			if s.Until != nil || endedBy(ds, rows, s.Since) {
				continue
			}
			rc.add(a.At, affiliationIndex, affiliationUntil, "a second current membership: person %s is already a current member of %s in the database (%s); a person is a current member of an organization at most once, so end that membership first (a row with its since and an until)",
				quote(a.PersonID), quote(a.OrganizationID), storedMembership(s))
			break
		}
	}
}

// endedBy reports whether one of rows (of ds.Affiliations) gives an until
// to the membership that started on since.
func endedBy(ds *Dataset, rows []int32, since *Date) bool {
	return slices.ContainsFunc(rows, func(i int32) bool {
		a := &ds.Affiliations[i]
		return a.Until != nil && sameDay(a.Since, since)
	})
}

// sameDay reports whether a and b are the same day as stored (a year-only
// date is stored as its January 1st), or both not set.
func sameDay(a, b *Date) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Year == b.Year && a.Month == b.Month && a.Day == b.Day
}

// storedMembership describes a stored membership for a message.
func storedMembership(s StoredAffiliation) string {
	role := "no role"
	if s.Role != "" {
		role = "role " + quote(s.Role)
	}
	since := "no since"
	if s.Since != nil {
		since = "since " + s.Since.String()
	}
	return role + ", " + since
}

// CurrentAffiliationPairs returns the person and organization of each
// current membership (no until) of ds, each pair once, in the order of
// their first row: the pairs whose stored memberships an importer puts in
// Known.Affiliations.
func (ds *Dataset) CurrentAffiliationPairs() []PersonOrganization {
	seen := make(map[PersonOrganization]bool)
	var pairs []PersonOrganization
	for i := range ds.Affiliations {
		a := &ds.Affiliations[i]
		pair := PersonOrganization{a.PersonID, a.OrganizationID}
		if a.Until == nil && a.PersonID != "" && a.OrganizationID != "" && !seen[pair] {
			seen[pair] = true
			pairs = append(pairs, pair)
		}
	}
	return pairs
}

// skillCycles reports each cycle of the skill hierarchy that goes through a
// skill of the dataset. A skill's parent is its parent_id, or its known
// parent when the dataset gives none.
func (v *validator) skillCycles(rc *recordChecker, skills map[string]int32) {
	parentOf := func(id string) string {
		if i, ok := skills[id]; ok {
			if p := v.ds.Skills[i].ParentID; p != "" {
				return p
			}
		}
		return v.known.SkillParents[id]
	}
	const (
		unseen = iota
		onPath // on the path being followed
		done   // every ancestor followed
	)
	state := make(map[string]uint8, len(skills))
	var path []string
	for i := range v.ds.Skills {
		id := v.ds.Skills[i].ID
		if id == "" || state[id] != unseen {
			continue
		}
		path = path[:0]
		for cur := id; cur != ""; cur = parentOf(cur) {
			st := state[cur]
			if st == onPath {
				v.reportCycle(rc, path[slices.Index(path, cur):], skills)
			}
			if st != unseen {
				break
			}
			state[cur] = onPath
			path = append(path, cur)
		}
		for _, s := range path {
			state[s] = done
		}
	}
}

// reportCycle reports the cycle of skills (each the parent of the one
// before, the first the parent of the last) at its skill that comes first in
// the dataset; a cycle made only of known skills is not the dataset's doing.
func (v *validator) reportCycle(rc *recordChecker, cycle []string, skills map[string]int32) {
	first := -1
	for c, id := range cycle {
		if i, ok := skills[id]; ok && (first < 0 || i < skills[cycle[first]]) {
			first = c
		}
	}
	if first < 0 {
		return
	}
	s := &v.ds.Skills[skills[cycle[first]]]
	if len(cycle) == 1 {
		rc.add(s.At, skillIndex, skillParentID, "skill %s is its own parent", quote(s.ID))
		return
	}
	names := make([]string, 0, len(cycle)+1)
	for c := range cycle {
		names = append(names, quote(cycle[(first+c)%len(cycle)]))
	}
	names = append(names, names[0])
	rc.add(s.At, skillIndex, skillParentID, "the skill hierarchy has a cycle (each skill's parent follows it): %s", strings.Join(names, " → "))
}

// Missing returns the ids that records of ds refer to but ds does not
// define, each once and sorted: people, skills and organizations. An
// importer looks them up in the database to fill Known.
func (ds *Dataset) Missing() (people, skills, orgs []string) {
	definedPeople := make(map[string]bool, len(ds.People))
	for i := range ds.People {
		definedPeople[ds.People[i].ID] = true
	}
	definedSkills := make(map[string]bool, len(ds.Skills))
	for i := range ds.Skills {
		definedSkills[ds.Skills[i].ID] = true
	}
	definedOrgs := make(map[string]bool, len(ds.Organizations))
	for i := range ds.Organizations {
		definedOrgs[ds.Organizations[i].ID] = true
	}
	missingPeople := missingSet{defined: definedPeople}
	missingSkills := missingSet{defined: definedSkills}
	missingOrgs := missingSet{defined: definedOrgs}
	for i := range ds.Skills {
		missingSkills.add(ds.Skills[i].ParentID)
	}
	for i := range ds.PersonSkills {
		missingPeople.add(ds.PersonSkills[i].PersonID)
		missingSkills.add(ds.PersonSkills[i].SkillID)
	}
	for i := range ds.Affiliations {
		missingPeople.add(ds.Affiliations[i].PersonID)
		missingOrgs.add(ds.Affiliations[i].OrganizationID)
	}
	for i := range ds.Mentorships {
		m := &ds.Mentorships[i]
		missingPeople.add(m.MenteeID)
		missingPeople.add(m.MentorID)
		for _, id := range m.Focus {
			missingSkills.add(id)
		}
	}
	for i := range ds.Connections {
		missingPeople.add(ds.Connections[i].PersonA)
		missingPeople.add(ds.Connections[i].PersonB)
	}
	for i := range ds.Goals {
		missingPeople.add(ds.Goals[i].PersonID)
		missingSkills.add(ds.Goals[i].SkillID)
	}
	return missingPeople.sorted(), missingSkills.sorted(), missingOrgs.sorted()
}

// missingSet gathers referenced ids that are not defined.
type missingSet struct {
	defined map[string]bool
	missing map[string]bool
}

func (m *missingSet) add(id string) {
	if id == "" || m.defined[id] || m.missing[id] {
		return
	}
	if m.missing == nil {
		m.missing = make(map[string]bool)
	}
	m.missing[id] = true
}

func (m *missingSet) sorted() []string {
	ids := make([]string, 0, len(m.missing))
	for id := range m.missing {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
