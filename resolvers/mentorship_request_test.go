package resolvers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
)

const (
	requestMutation = `mutation($in: RequestMentorshipInput!) { requestMentorship(input: $in) {
		mentee { id } mentor { id } requestedBy { id } focus { name } message } }`
	acceptMutation = `mutation($mentee: ID!, $mentor: ID!) { acceptMentorshipRequest(menteeId: $mentee, mentorId: $mentor) {
		status since focus { name } mentee { id } mentor { id openSlots } } }`
	declineMutation = `mutation($mentee: ID!, $mentor: ID!) { declineMentorshipRequest(menteeId: $mentee, mentorId: $mentor) { requestedBy { id } } }`
	requestsQuery   = `{ me { received: mentorshipRequestsReceived { mentee { id } mentor { id } requestedBy { id name } message }
		sent: mentorshipRequestsSent { mentee { id } mentor { id } } } }`
	mentorsOfQuery = `query($id: ID!) { person(id: $id) { mentors { mentor { id } status } } }`
)

// requestIDs lists the other side of each request in a me answer's list.
func requestPairs(d map[string]any, list string) []string {
	var out []string
	for _, q := range apitest.At(d, "me", list).([]any) {
		out = append(out, apitest.At(q, "mentee", "id").(string)+"→"+apitest.At(q, "mentor", "id").(string))
	}
	return out
}

// TestMentorshipRequests: a member cannot record a mentorship alone; one
// side asks, the other sees the request and accepts it, and only then does
// the mentorship exist (in the mentee's mentors and the mentor's slots). The
// one who asked cannot accept their own request; the side asked may
// decline, the asker may withdraw; a pending request is not a mentorship.
func TestMentorshipRequests(t *testing.T) {
	a := apitest.New(t)
	speak := a.Skill("Public speaking", "")
	mentee := a.Person("mentee", map[string]any{"seekingMentorship": true})
	mentor := a.Person("mentor", map[string]any{"availableToMentor": true, "mentorCapacity": 1})
	stranger := a.Person("stranger", nil)
	asMentee := a.As(a.NewToken(a.Account("mentee", mentee, false).ID, "READ_WRITE", time.Hour))
	asMentor := a.As(a.NewToken(a.Account("mentor", mentor, false).ID, "READ_WRITE", time.Hour))
	asStranger := a.As(a.NewToken(a.Account("stranger", stranger, false).ID, "READ_WRITE", time.Hour))

	// Recording directly needs both sides' agreement: members may not.
	asMentee.Fails("FORBIDDEN", `mutation($in: RecordMentorshipInput!) { recordMentorship(input: $in) { status } }`,
		map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor}})

	d := asMentee.OK(requestMutation, map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor,
		"focus": []string{speak}, "message": "Could you help me with talks?"}})
	if apitest.At(d, "requestMentorship", "requestedBy", "id") != mentee || apitest.At(d, "requestMentorship", "focus", 0, "name") != "Public speaking" {
		t.Errorf("requestMentorship: %v", d)
	}
	// The mentor sees it among the requests they received; the mentee
	// among those they sent; nobody else.
	if got := requestPairs(asMentor.OK(requestsQuery, nil), "received"); len(got) != 1 || got[0] != mentee+"→"+mentor {
		t.Errorf("mentor's received requests: %v", got)
	}
	if d := asMentor.OK(requestsQuery, nil); apitest.At(d, "me", "received", 0, "message") != "Could you help me with talks?" {
		t.Errorf("the request's message: %v", d)
	}
	if got := requestPairs(asMentee.OK(requestsQuery, nil), "sent"); len(got) != 1 {
		t.Errorf("mentee's sent requests: %v", got)
	}
	if got := requestPairs(asMentee.OK(requestsQuery, nil), "received"); len(got) != 0 {
		t.Errorf("mentee's received requests: %v (they asked)", got)
	}
	if got := requestPairs(asStranger.OK(requestsQuery, nil), "received"); len(got) != 0 {
		t.Errorf("a stranger sees requests: %v", got)
	}
	// Pending is not a mentorship: no mentor yet, the slot still open.
	if ms := apitest.At(a.OK(mentorsOfQuery, map[string]any{"id": mentee}), "person", "mentors").([]any); len(ms) != 0 {
		t.Errorf("a pending request shows as a mentorship: %v", ms)
	}

	// The one who asked cannot accept; neither can a stranger.
	e := asMentee.Fails("FORBIDDEN", acceptMutation, map[string]any{"mentee": mentee, "mentor": mentor})
	if !strings.Contains(e.Message, "you asked for this mentorship") {
		t.Errorf("the asker accepting: %q", e.Message)
	}
	asStranger.Fails("FORBIDDEN", acceptMutation, map[string]any{"mentee": mentee, "mentor": mentor})
	// The other side asking too is a conflict: accept theirs.
	e = asMentor.Fails("CONFLICT", requestMutation, map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor}})
	if !strings.Contains(e.Message, "accept their request") {
		t.Errorf("asking back: %q", e.Message)
	}

	d = asMentor.OK(acceptMutation, map[string]any{"mentee": mentee, "mentor": mentor})
	m := apitest.At(d, "acceptMentorshipRequest")
	if apitest.At(m, "status") != "ACTIVE" || apitest.At(m, "since") != time.Now().UTC().Format("2006-01-02") ||
		apitest.At(m, "focus", 0, "name") != "Public speaking" || apitest.At(m, "mentor", "openSlots") != 0.0 {
		t.Errorf("acceptMentorshipRequest: %v", m)
	}
	if ms := apitest.At(a.OK(mentorsOfQuery, map[string]any{"id": mentee}), "person", "mentors").([]any); len(ms) != 1 || apitest.At(ms[0], "mentor", "id") != mentor {
		t.Errorf("after accepting, the mentee's mentors: %v", ms)
	}
	if got := requestPairs(asMentor.OK(requestsQuery, nil), "received"); len(got) != 0 {
		t.Errorf("an accepted request stays pending: %v", got)
	}
	// Accepting twice: nothing pending any more.
	asMentor.Fails("NOT_FOUND", acceptMutation, map[string]any{"mentee": mentee, "mentor": mentor})
	// The pair has its mentorship: asking again is a conflict.
	asMentee.Fails("CONFLICT", requestMutation, map[string]any{"in": map[string]any{"menteeId": mentee, "mentorId": mentor}})
	// The mentor's only slot is taken: nobody else may ask them.
	asStranger.Fails("CAPACITY_FULL", requestMutation, map[string]any{"in": map[string]any{"menteeId": stranger, "mentorId": mentor}})

	// A mentor may ask too; the mentee declines; the asker may withdraw.
	other := a.Person("othermentor", map[string]any{"availableToMentor": true, "mentorCapacity": 2})
	asOther := a.As(a.NewToken(a.Account("other", other, false).ID, "READ_WRITE", time.Hour))
	d = asOther.OK(requestMutation, map[string]any{"in": map[string]any{"menteeId": stranger, "mentorId": other}})
	if apitest.At(d, "requestMentorship", "requestedBy", "id") != other {
		t.Errorf("a mentor asking: %v", d)
	}
	if got := requestPairs(asStranger.OK(requestsQuery, nil), "received"); len(got) != 1 || got[0] != stranger+"→"+other {
		t.Errorf("the mentee asked by a mentor: %v", got)
	}
	asMentee.Fails("FORBIDDEN", declineMutation, map[string]any{"mentee": stranger, "mentor": other})
	asStranger.OK(declineMutation, map[string]any{"mentee": stranger, "mentor": other})
	asStranger.Fails("NOT_FOUND", acceptMutation, map[string]any{"mentee": stranger, "mentor": other})
	asOther.OK(requestMutation, map[string]any{"in": map[string]any{"menteeId": stranger, "mentorId": other}})
	asOther.OK(declineMutation, map[string]any{"mentee": stranger, "mentor": other})
	if got := requestPairs(asStranger.OK(requestsQuery, nil), "received"); len(got) != 0 {
		t.Errorf("a withdrawn request stays: %v", got)
	}
}

// TestMentorshipRequestInput: bad requests say what is wrong and where,
// and a person the asker may not see is answered as absent.
func TestMentorshipRequestInput(t *testing.T) {
	a := apitest.New(t)
	me := a.Person("me", nil)
	mentor := a.Person("mentor", map[string]any{"availableToMentor": true, "mentorCapacity": 3})
	hidden := a.Person("hidden", map[string]any{"availableToMentor": true, "mentorCapacity": 3})
	a.OK(`mutation($in: SetPrivacyInput!) { setPrivacy(input: $in) { id } }`, map[string]any{"in": map[string]any{"personId": hidden, "visibility": "PRIVATE"}})
	asMe := a.As(a.NewToken(a.Account("me", me, false).ID, "READ_WRITE", time.Hour))
	cases := []struct {
		name, code, msg string
		in              map[string]any
	}{
		{"self", "BAD_USER_INPUT", "themselves", map[string]any{"menteeId": me, "mentorId": me}},
		{"long message", "BAD_USER_INPUT", "input.message is 1001 characters long; the limit is 1000",
			map[string]any{"menteeId": me, "mentorId": mentor, "message": strings.Repeat("x", 1001)}},
		{"control character", "BAD_USER_INPUT", "input.message", map[string]any{"menteeId": me, "mentorId": mentor, "message": "hi\x00"}},
		{"unknown skill", "NOT_FOUND", "input.focus", map[string]any{"menteeId": me, "mentorId": mentor, "focus": []string{a.ID("nope")}}},
		{"unknown mentor", "NOT_FOUND", "input.mentorId", map[string]any{"menteeId": me, "mentorId": a.ID("nobody")}},
		{"private mentor", "NOT_FOUND", "input.mentorId", map[string]any{"menteeId": me, "mentorId": hidden}},
		{"no slot", "CAPACITY_FULL", "has no open slot", map[string]any{"menteeId": mentor, "mentorId": me}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := asMe.Fails(c.code, requestMutation, map[string]any{"in": c.in})
			if !strings.Contains(e.Message, c.msg) {
				t.Errorf("message %q does not say %q", e.Message, c.msg)
			}
		})
	}
	if got := requestPairs(asMe.OK(requestsQuery, nil), "sent"); len(got) != 0 {
		t.Errorf("refused requests were stored: %v", got)
	}
	// Asking again replaces the focus and the message.
	asMe.OK(requestMutation, map[string]any{"in": map[string]any{"menteeId": me, "mentorId": mentor, "message": "first"}})
	asMe.OK(requestMutation, map[string]any{"in": map[string]any{"menteeId": me, "mentorId": mentor, "message": "second"}})
	asMentor := a.As(a.NewToken(a.Account("mentor", mentor, false).ID, "READ_WRITE", time.Hour))
	d := asMentor.OK(requestsQuery, nil)
	if got := requestPairs(d, "received"); len(got) != 1 || apitest.At(d, "me", "received", 0, "message") != "second" {
		t.Errorf("asking twice: %v", d)
	}
}
