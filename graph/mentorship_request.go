package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// A mentorship needs both sides: one asks (RequestMentorship), the other
// accepts (AcceptMentorshipRequest records the mentorship) or declines
// (either side may drop a request: DeclineMentorshipRequest). A request
// is a MENTORSHIP_REQUEST relationship from the mentee to the mentor, a
// type of its own: no question (paths, counts, mentors, coverage) follows
// it, so a pending request changes no answer until it is accepted.

// MaxRequestMessageLen bounds the note a request carries, in characters.
const MaxRequestMessageLen = 1000

// MentorshipRequest is a mentorship one side asked for and the other has
// not answered yet.
type MentorshipRequest struct {
	MenteeID string
	MentorID string
	// RequestedBy is the person who asked: the mentee or the mentor.
	RequestedBy string
	Focus       []string
	Message     *string
	RequestedAt time.Time
	// Mentee and Mentor are filled when the read fetched them.
	Mentee *Person
	Mentor *Person
}

// Answerer is the side of the request who may accept it.
func (r MentorshipRequest) Answerer() string {
	if r.RequestedBy == r.MentorID {
		return r.MenteeID
	}
	return r.MentorID
}

// requestFields is the inside of requestProjection's map (the list of
// requests adds both people after it).
const requestFields = `mentee: mentee.id, mentor: mentor.id, requestedBy: q.requestedBy, focus: q.focus, message: q.message, requestedAt: q.requestedAt`

const requestProjection = `{` + requestFields + `}`

// requestWithPeople is a request with both people, for the two sides to
// read: asking someone shows them who asked, whatever the asker's
// visibility, so the people are projected without the seenBy condition
// (their profile fields keep theirs).
var requestWithPeople = `{` + requestFields + `,
  menteePerson: ` + personProjectionOf("mentee", "ma") + `,
  mentorPerson: ` + personProjectionOf("mentor", "mb") + `}`

func mentorshipRequestFrom(m map[string]any) MentorshipRequest {
	r := MentorshipRequest{MenteeID: str(m, "mentee"), MentorID: str(m, "mentor"), RequestedBy: str(m, "requestedBy"),
		Focus: strList(m, "focus"), Message: strPtr(m, "message"), RequestedAt: timeVal(m, "requestedAt")}
	r.Mentee, r.Mentor = pairPeopleFrom(m)
	return r
}

// requestPairCypher reads what a request or an acceptance checks about a
// pair, once both are locked: whether the audience may see the other side
// (a person it may not see is answered as absent), the pair's stored
// mentorship, its pending request, and the mentor's capacity and active
// mentees.
var requestPairCypher = `
MATCH (mentee:Person {id: $mentee}), (mentor:Person {id: $mentor})
RETURN {
  menteeSeen: ` + seenBy("mentee") + `,
  mentorSeen: ` + seenBy("mentor") + `,
  request: COLLECT { MATCH (mentee)-[q:MENTORSHIP_REQUEST]->(mentor) RETURN ` + requestProjection + ` }[0],` + mentorshipPairFields + `
} AS r`

// requestPair is what requestPairCypher reads.
type requestPair struct {
	mentorshipPair
	menteeSeen, mentorSeen bool
	request                *MentorshipRequest
}

func requestPairFrom(m map[string]any) requestPair {
	p := requestPair{mentorshipPair: mentorshipPairFrom(m), menteeSeen: boolVal(m, "menteeSeen"), mentorSeen: boolVal(m, "mentorSeen")}
	if q, ok := m["request"].(map[string]any); ok {
		r := mentorshipRequestFrom(q)
		p.request = &r
	}
	return p
}

// readRequestPair locks both people and reads the pair: NOT_FOUND when
// either is absent or hidden from the audience.
func readRequestPair(ctx context.Context, tx neo4j.ManagedTransaction, mentee, mentor string) (requestPair, error) {
	if err := lockNodes(ctx, tx, personLabel, mentee, mentor); err != nil {
		return requestPair{}, err
	}
	if err := requireAll(ctx, tx, ref{personLabel, mentee, "input.menteeId"}, ref{personLabel, mentor, "input.mentorId"}); err != nil {
		return requestPair{}, err
	}
	pair, err := single(ctx, tx, requestPairCypher, map[string]any{"mentee": mentee, "mentor": mentor}, requestPairFrom)
	if err != nil {
		return requestPair{}, err
	}
	// A hidden person is answered as requireAll answers one who does
	// not exist.
	if !pair.menteeSeen {
		return requestPair{}, notFound("no person with id %q (input.menteeId)", mentee)
	}
	if !pair.mentorSeen {
		return requestPair{}, notFound("no person with id %q (input.mentorId)", mentor)
	}
	return pair, nil
}

var createRequestCypher = `
MATCH (mentee:Person {id: $mentee}), (mentor:Person {id: $mentor})
MERGE (mentee)-[q:MENTORSHIP_REQUEST]->(mentor)
SET q.requestedBy = $by, q.focus = $focus, q.message = $message, q.requestedAt = coalesce(q.requestedAt, datetime())
RETURN ` + requestWithPeople + ` AS q`

// RequestMentorship asks for a mentorship between in.MenteeID and
// in.MentorID on behalf of one of them: the audience's person when it is
// one of the two, otherwise (an admin, a tool) the mentee. The other side
// answers with AcceptMentorshipRequest or DeclineMentorshipRequest.
//
// Asking again changes the pending request's focus and message (and
// keeps when it was first asked). It is ErrConflict when the pair already
// has a mentorship (a pair keeps one), or when the other side already
// asked (accept theirs instead); *CapacityError when the mentor has no
// open slot; ErrNotFound for a person who does not exist or whom the
// audience may not see.
func (s *Store) RequestMentorship(ctx context.Context, in MentorshipRequest) (MentorshipRequest, error) {
	var c checker
	c.id("input.menteeId", in.MenteeID)
	c.id("input.mentorId", in.MentorID)
	if c.err == nil && in.MenteeID == in.MentorID {
		c.fail("input.mentorId", "a person cannot mentor themselves (%q)", in.MenteeID)
	}
	if len(in.Focus) > MaxFocusSkills {
		c.fail("input.focus", "input.focus lists %d skills; the limit is %d", len(in.Focus), MaxFocusSkills)
	}
	for i, id := range in.Focus {
		c.id(fmt.Sprintf("input.focus[%d]", i), id)
	}
	c.longText("input.message", in.Message, MaxRequestMessageLen)
	if c.err != nil {
		return MentorshipRequest{}, c.err
	}
	by := in.MenteeID
	if me := AudienceOf(ctx).PersonID; me == in.MentorID {
		by = me
	}
	focus := dedupe(in.Focus)
	return write(ctx, s, "request mentorship", func(tx neo4j.ManagedTransaction) (MentorshipRequest, error) {
		pair, err := readRequestPair(ctx, tx, in.MenteeID, in.MentorID)
		if err != nil {
			return MentorshipRequest{}, err
		}
		if err := requireSkills(ctx, tx, focus, "input.focus"); err != nil {
			return MentorshipRequest{}, err
		}
		if old := pair.existing; old != nil {
			return MentorshipRequest{}, mentorshipConflict(*old)
		}
		if q := pair.request; q != nil && q.RequestedBy != by {
			return MentorshipRequest{}, conflict("%q has already asked for this mentorship: accept their request instead", q.RequestedBy)
		}
		if err := pair.openSlot(in.MentorID); err != nil {
			return MentorshipRequest{}, err
		}
		return single(ctx, tx, createRequestCypher, map[string]any{"mentee": in.MenteeID, "mentor": in.MentorID,
			"by": by, "focus": focus, "message": ptrParam(in.Message)}, mentorshipRequestFrom)
	})
}

const acceptRequestCypher = `
MATCH (mentee:Person {id: $mentee})-[q:MENTORSHIP_REQUEST]->(mentor:Person {id: $mentor})
CREATE (mentee)-[m:MENTORED_BY {since: $since, until: null, focus: q.focus, status: 'ACTIVE'}]->(mentor)
DELETE q
SET mentee.updatedAt = datetime(), mentor.updatedAt = datetime()
RETURN ` + mentorshipProjection + ` AS m`

// noPendingRequest is the ErrNotFound of a pair without a pending request.
func noPendingRequest(mentee, mentor string) error {
	return notFound("%q has no pending mentorship request with %q", mentee, mentor)
}

// PendingMentorshipRequest returns the pair's pending request: ErrNotFound
// when there is none (or the audience may not see either side).
func (s *Store) PendingMentorshipRequest(ctx context.Context, mentee, mentor string) (MentorshipRequest, error) {
	return read(ctx, s, "read mentorship request", func(tx neo4j.ManagedTransaction) (MentorshipRequest, error) {
		q, err := single(ctx, tx, pendingRequestCypher, map[string]any{"mentee": mentee, "mentor": mentor}, mentorshipRequestFrom)
		if errors.Is(err, errNoRows) {
			return MentorshipRequest{}, noPendingRequest(mentee, mentor)
		}
		return q, err
	})
}

// pendingRequestCypher starts from the mentee: both ends are unique index
// seeks, and the hint keeps the planner's choice the same with and without
// the privacy conditions (TestPrivacyKeepsIndexUse).
var pendingRequestCypher = `
MATCH (mentee:Person {id: $mentee})-[q:MENTORSHIP_REQUEST]->(mentor:Person {id: $mentor})
USING INDEX mentee:Person(id)
WHERE ` + seenBy("mentee") + ` AND ` + seenBy("mentor") + `
RETURN ` + requestProjection + ` AS q`

// AcceptMentorshipRequest records the mentorship the pair's pending
// request asks for (ACTIVE since since, today when nil, with the
// request's focus) and removes the request, in one transaction. Who may
// accept (the side that did not ask) is the API's rule. ErrNotFound
// without a pending request; *CapacityError when the mentor's slots
// filled up since it was asked.
func (s *Store) AcceptMentorshipRequest(ctx context.Context, mentee, mentor string, since *Date) (Mentorship, error) {
	start := Today()
	if since != nil {
		start = *since
	}
	return write(ctx, s, "accept mentorship request", func(tx neo4j.ManagedTransaction) (Mentorship, error) {
		pair, err := readRequestPair(ctx, tx, mentee, mentor)
		if err != nil {
			return Mentorship{}, err
		}
		if pair.request == nil {
			return Mentorship{}, noPendingRequest(mentee, mentor)
		}
		if old := pair.existing; old != nil {
			return Mentorship{}, mentorshipConflict(*old)
		}
		if err := pair.openSlot(mentor); err != nil {
			return Mentorship{}, err
		}
		m, err := single(ctx, tx, acceptRequestCypher, map[string]any{"mentee": mentee, "mentor": mentor, "since": dateParam(&start)}, mentorshipFrom)
		if err != nil {
			return Mentorship{}, err
		}
		return m, refreshOpenMentorLinks(ctx, tx, mentor)
	})
}

var declineRequestCypher = `
MATCH (mentee:Person {id: $mentee})-[q:MENTORSHIP_REQUEST]->(mentor:Person {id: $mentor})
WITH q, ` + requestWithPeople + ` AS r
DELETE q
RETURN r AS q`

// DeclineMentorshipRequest removes the pair's pending request (the side
// asked declines it, or the side who asked withdraws it) and returns it.
// ErrNotFound when there is none.
func (s *Store) DeclineMentorshipRequest(ctx context.Context, mentee, mentor string) (MentorshipRequest, error) {
	return write(ctx, s, "decline mentorship request", func(tx neo4j.ManagedTransaction) (MentorshipRequest, error) {
		q, err := single(ctx, tx, declineRequestCypher, map[string]any{"mentee": mentee, "mentor": mentor}, mentorshipRequestFrom)
		if errors.Is(err, errNoRows) {
			return MentorshipRequest{}, noPendingRequest(mentee, mentor)
		}
		return q, err
	})
}

// requestsOfCypher lists a person's pending requests, the ones they were
// asked ($received) or the ones they asked, newest first.
var requestsOfCypher = `
MATCH (:Person {id: $person})-[q:MENTORSHIP_REQUEST]-(:Person)
WHERE (q.requestedBy <> $person) = $received
WITH q, startNode(q) AS mentee, endNode(q) AS mentor
ORDER BY q.requestedAt DESC, mentee.id, mentor.id
LIMIT $limit
RETURN ` + requestWithPeople + ` AS q`

// MaxPendingRequests bounds the requests one list returns.
const MaxPendingRequests = 100

// MentorshipRequestsOf returns person's pending requests, newest first
// (at most MaxPendingRequests): the ones they were asked when received,
// else the ones they asked.
func (s *Store) MentorshipRequestsOf(ctx context.Context, person string, received bool) ([]MentorshipRequest, error) {
	return read(ctx, s, "list mentorship requests", func(tx neo4j.ManagedTransaction) ([]MentorshipRequest, error) {
		return collect(ctx, tx, requestsOfCypher, map[string]any{"person": person, "received": received, "limit": MaxPendingRequests}, mentorshipRequestFrom)
	})
}
