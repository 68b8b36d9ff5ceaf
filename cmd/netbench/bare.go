package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
)

// The bare HTTP way: the same store call as the direct way, behind a
// net/http handler that does nothing else. It reads a small JSON request
// naming the question and its inputs, and answers the number of items. No
// GraphQL, and no answer to encode: what any HTTP endpoint in front of the
// store costs at the least, on the same server, connection and client as
// the GraphQL way. The GraphQL time over the bare time is then what the
// GraphQL layer itself adds.

// bareHTTPPath is where the bare handler is served.
const bareHTTPPath = "/bare"

// bareAsk is the request of the bare way: the index of the question in
// the run's list and its inputs.
type bareAsk struct {
	Question                  int
	Person, Other, Skill, Org string
}

// bareHandler answers bareAsks by asking the store directly, as audience.
func bareHandler(store *graph.Store, qs []question, audience graph.Audience) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var a bareAsk
		if err := json.NewDecoder(r.Body).Decode(&a); err != nil {
			http.Error(w, "bad bare ask: "+err.Error(), http.StatusBadRequest)
			return
		}
		if a.Question < 0 || a.Question >= len(qs) {
			http.Error(w, fmt.Sprintf("bad bare ask: question %d is not one of the run's %d", a.Question, len(qs)), http.StatusBadRequest)
			return
		}
		n, err := qs[a.Question].direct(graph.WithAudience(r.Context(), audience), store, params{person: a.Person, other: a.Other, skill: a.Skill, org: a.Org})
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		answer := strconv.Itoa(n)
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", strconv.Itoa(len(answer)))
		_, _ = w.Write([]byte(answer))
	})
}

// bare asks question qi with inputs p the bare way and returns the number
// of items it answered and the time from sending the request to having
// read the whole answer.
func (c *client) bare(qi int, p params) (int, time.Duration, error) {
	body, err := json.Marshal(bareAsk{Question: qi, Person: p.person, Other: p.other, Skill: p.skill, Org: p.org})
	if err != nil {
		return 0, 0, err
	}
	t0 := time.Now()
	resp, answer, err := c.roundTrip(bareHTTPPath, body)
	took := time.Since(t0)
	if err != nil {
		return 0, 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, 0, fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, answer)
	}
	n, err := strconv.Atoi(string(answer))
	if err != nil {
		return 0, 0, fmt.Errorf("bare answer %.50q: %w", answer, err)
	}
	return n, took, nil
}
