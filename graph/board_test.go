package graph_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// seatWant is a board seat expected from mentorNet, worked out by hand.
type seatWant struct {
	name   string
	skills []string
	hops   int
}

func TestMentorBoard(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := mentorNet(t)
	n.load(t, s)
	tests := []struct {
		name      string
		for_      string // default me
		skills    []string
		maxHops   int
		seats     []seatWant
		uncovered []string
	}{
		// lead holders within 2: a 4, b 5, c 3 (coach), m1 3, d 5 (mgmt), k1 4,
		// k2 4; e (5) is full. b and d tie on level: b is nearer. b is my
		// current mentor, and still a fine board member.
		{name: "level, then fewer hops", skills: []string{"lead"}, maxHops: 2,
			seats: []seatWant{{"b", []string{"lead"}, 1}}},
		// mgmt within 1: c (coach 3), m1 (mgmt 3): a tie broken by id; a's
		// lead is broader and does not count.
		{name: "narrower skills count; ties by id", skills: []string{"mgmt"}, maxHops: 1,
			seats: []seatWant{{"c", []string{"mgmt"}, 1}}},
		{name: "two hops reach the stronger d", skills: []string{"mgmt"}, maxHops: 2,
			seats: []seatWant{{"d", []string{"mgmt"}, 2}}},
		// k2 covers both (lead 4, cook 3); j covers cook only, b lead only.
		{name: "most new skills first, skills in asked order", skills: []string{"cook", "lead"}, maxHops: 2,
			seats: []seatWant{{"k2", []string{"cook", "lead"}, 2}}},
		// sql: k1 and k2 both 4 at 2 hops; a holds sql 2 only.
		{name: "full tie broken by id", skills: []string{"sql"}, maxHops: 2,
			seats: []seatWant{{"k1", []string{"sql"}, 2}}},
		{name: "nobody in reach holds rare", skills: []string{"lead", "rare"}, maxHops: 2,
			seats: []seatWant{{"b", []string{"lead"}, 1}}, uncovered: []string{"rare"}},
		// Within 4: h covers lead 4 and rare 4 (total 8) and k2 lead 4 and
		// cook 3 (total 7): both bring two new skills, h has the higher
		// total. Then cook: j (5) over k2 (3).
		{name: "four hops: total level breaks a tie on new skills", skills: []string{"lead", "cook", "rare"}, maxHops: 4,
			seats: []seatWant{{"h", []string{"lead", "rare"}, 4}, {"j", []string{"cook"}, 1}}},
		{name: "full e is left out", skills: []string{"ops"}, maxHops: 2, uncovered: []string{"ops"}},
		{name: "three hops reach f", skills: []string{"ops"}, maxHops: 3, seats: []seatWant{{"f", []string{"ops"}, 3}}},
		// b holds lead 5 but never sits on their own board; me (5) is next to b.
		{name: "never the person themself", for_: "b", skills: []string{"lead"}, maxHops: 2,
			seats: []seatWant{{"me", []string{"lead"}, 1}}},
		{name: "a person without links", for_: "i", skills: []string{"lead", "rare"}, maxHops: 4,
			uncovered: []string{"lead", "rare"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := tt.for_
			if from == "" {
				from = "me"
			}
			ids := make([]string, len(tt.skills))
			for i, sk := range tt.skills {
				ids[i] = n.id(sk)
			}
			before := s.Statements()
			board, err := s.MentorBoard(ctx, n.id(from), ids, tt.maxHops)
			if err != nil {
				t.Fatal(err)
			}
			wantStatements := int64(2)
			if len(tt.seats) == 0 {
				wantStatements = 1
			}
			if got := s.Statements() - before; got != wantStatements {
				t.Errorf("MentorBoard sent %d statements, want %d", got, wantStatements)
			}
			if board.Seats == nil || board.Uncovered == nil {
				t.Errorf("nil lists in %+v; the API shows empty lists as []", board)
			}
			var got []seatWant
			for _, seat := range board.Seats {
				got = append(got, seatWant{n.name(seat.Mentor.ID), n.skillNames(t, seat.Skills), seat.Hops})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.seats) {
				t.Errorf("seats %v, want %v", got, tt.seats)
			}
			if u := n.skillNames(t, board.Uncovered); !slices.Equal(u, tt.uncovered) {
				t.Errorf("uncovered %v, want %v", u, tt.uncovered)
			}
			for _, seat := range board.Seats {
				name := n.name(seat.Mentor.ID)
				if seat.Mentor.Name != "Person "+name || seat.Mentor.OpenSlots < 1 {
					t.Errorf("seat %s: person %+v, want a named person with open slots", name, seat.Mentor)
				}
				n.checkPath(t, seat.Path, from, name, seat.Hops)
			}
		})
	}
}

func TestMentorBoardBadInput(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	n := mentorNet(t)
	n.load(t, s)
	eleven := make([]string, 11)
	for i := range eleven {
		eleven[i] = n.id(fmt.Sprintf("s%d", i))
	}
	tests := []struct {
		name    string
		for_    string
		skills  []string
		maxHops int
		field   string
	}{
		{"maxHops 0", n.id("me"), []string{n.id("lead")}, 0, "maxHops"},
		{"maxHops 5", n.id("me"), []string{n.id("lead")}, 5, "maxHops"},
		{"no skills", n.id("me"), nil, 2, "skills"},
		{"eleven skills", n.id("me"), eleven, 2, "skills"},
		{"a skill twice", n.id("me"), []string{n.id("lead"), n.id("cook"), n.id("lead")}, 2, "skills"},
		{"an empty skill id", n.id("me"), []string{""}, 2, "skills[0]"},
		{"an empty person id", "", []string{n.id("lead")}, 2, "for"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.MentorBoard(ctx, tt.for_, tt.skills, tt.maxHops)
			handFieldError(t, err, tt.field)
		})
	}
	t.Run("unknown person", func(t *testing.T) {
		_, err := s.MentorBoard(ctx, n.id("nobody"), []string{n.id("lead")}, 2)
		handNotFound(t, err, n.id("nobody"), "(for)")
	})
	t.Run("unknown skills", func(t *testing.T) {
		_, err := s.MentorBoard(ctx, n.id("me"), []string{n.id("lead"), n.id("juggling"), n.id("origami")}, 2)
		handNotFound(t, err, n.id("juggling"), n.id("origami"), "(skills)")
	})
}
