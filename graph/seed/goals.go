package seed

import (
	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Goal statuses, the values of dataset.Goal.Status.
const (
	GoalOpen      = "OPEN"
	GoalAchieved  = "ACHIEVED"
	GoalAbandoned = "ABANDONED"
)

const (
	goalOpen uint8 = iota
	goalAchieved
	goalAbandoned
)

var goalStatusNames = [3]string{GoalOpen, GoalAchieved, GoalAbandoned}

// growthSkills are skills people often set goals in whatever their role.
var growthSkills = []string{
	"public-speaking", "people-management", "promotion-readiness", "career-transitions", "salary-negotiation",
	"interviewing", "negotiation", "technical-leadership", "system-design", "written-communication",
	"conflict-resolution", "work-life-balance", "personal-branding", "presenting-to-executives", "machine-learning",
	"kubernetes", "engineering-strategy", "delegation",
}

var goalCountShares = []float64{15, 45, 28, 12} // seekers: 0 … 3 goals

// goals generates goals: most seekers state one to three, a few others
// one. An open or abandoned goal aims above the person's current level in
// its skill; an achieved one sits at the level they now hold.
func (g *generator) goals() {
	r := g.rand(streamGoals)
	n := g.n
	growth := make([]uint8, len(growthSkills))
	for i, id := range growthSkills {
		growth[i] = g.skillIdx[id]
	}
	counts := newCumulative(goalCountShares)
	g.goalStart = make([]int32, n+1)
	est := n/2 + 16
	g.goalSkill = make([]uint8, 0, est)
	g.goalStatus = make([]uint8, 0, est)
	goals := make([]dataset.Goal, 0, est)
	var buf []byte
	for i := range n {
		p := int32(i)
		want := 0
		if g.seeking[i] {
			want = counts.sample(r)
		} else if r.Float64() < 0.08 {
			want = 1
		}
		start := len(g.goalSkill)
		held := g.prof[p].skills()
		for range want {
			status := goalOpen
			if u := r.Float64(); u >= 0.9 {
				status = goalAbandoned
			} else if u >= 0.78 {
				status = goalAchieved
			}
			var skill, cur, target uint8
			found := false
			for try := 0; try < 6 && !found; try++ {
				switch u := r.Float64(); {
				case status == goalAchieved || u < 0.5:
					skill = held[r.IntN(len(held))]
				case u < 0.8:
					pool := archetypes[g.arch[i]].skills
					skill = g.skillIdx[pool[r.IntN(len(pool))]]
				default:
					skill = growth[r.IntN(len(growth))]
				}
				cur = g.levelOf(p, skill)
				found = !containsSkill(g.goalSkill[start:], skill)
				if status == goalAchieved {
					found = found && cur >= 2
				} else {
					found = found && cur < 5
				}
			}
			if !found {
				continue
			}
			var due int32
			switch status {
			case goalAchieved:
				target = cur
				due = endOfMonth(today - 1 - int32(r.IntN(1400)))
			case goalAbandoned:
				target = min(cur+1+uint8(b2i(r.Float64() < 0.3)), 5)
				due = endOfMonth(today - 1 - int32(r.IntN(1000)))
			default:
				target = min(cur+1+uint8(b2i(r.Float64() < 0.3)), 5)
				if cur == 0 {
					target = uint8(1 + r.IntN(3))
				}
				due = endOfMonth(today + 30 + int32(r.IntN(700)))
			}
			g.goalSkill = append(g.goalSkill, skill)
			g.goalStatus = append(g.goalStatus, status)
			buf = appendGoalTitle(buf[:0], r.IntN(3), catalogue[skill].Name, cur, target, due)
			goals = append(goals, dataset.Goal{
				PersonID:    g.ids[i],
				SkillID:     catalogue[skill].ID,
				Title:       string(buf),
				TargetLevel: g.ints.ptr(int(target)),
				DueDate:     g.date(due),
				Status:      goalStatusNames[status],
			})
		}
		g.goalStart[i+1] = int32(len(g.goalSkill))
	}
	ids := idBlock('g', goalIDWidth, len(goals))
	for i := range goals {
		goals[i].ID = ids[i]
	}
	g.ds.Goals = goals
}

// appendGoalTitle appends a specific, measurable, time-bound goal title,
// e.g. "Reach level 4 in Kubernetes by 2027-06".
func appendGoalTitle(b []byte, variant int, skill string, cur, target uint8, due int32) []byte {
	switch {
	case cur == 0 && target <= 2:
		b = append(b, "Learn the basics of "...)
		b = append(b, skill...)
	case variant == 1 && cur > 0 && cur < target:
		b = append(b, "Grow "...)
		b = append(b, skill...)
		b = append(b, " from level "...)
		b = appendInt(b, int(cur))
		b = append(b, " to "...)
		b = appendInt(b, int(target))
	case variant == 2:
		b = append(b, "Get to "...)
		if target == 4 || target == 5 {
			b = append(b, "an "...)
		} else {
			b = append(b, "a "...)
		}
		b = append(b, levelWords[target]...)
		b = append(b, " level in "...)
		b = append(b, skill...)
	default:
		b = append(b, "Reach level "...)
		b = appendInt(b, int(target))
		b = append(b, " in "...)
		b = append(b, skill...)
	}
	b = append(b, " by "...)
	return appendYearMonth(b, due)
}

func containsSkill(list []uint8, s uint8) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
