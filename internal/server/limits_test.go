package server_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
	"github.com/mentorgraph/mentorgraph/internal/server"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// aliased repeats field n times under aliases q0, q1, ….
func aliased(n int, field string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " q%d: %s", i, field)
	}
	b.WriteString(" }")
	return b.String()
}

// TestQueryCostAndNetworkQuestions: network questions weigh what their
// arguments let them search and return, the arithmetic saturates instead
// of overflowing, and a request asks at most MaxNetworkQuestions of them;
// ordinary questions, at the largest their arguments allow, still pass.
func TestQueryCostAndNetworkQuestions(t *testing.T) {
	a := apitest.New(t)
	me, you := a.Person("me", nil), a.Person("you", nil)
	manyQuestions := server.DefaultLimits
	manyQuestions.MaxNetworkQuestions = 100
	const path = `length steps { from { id name } to { id name } kind direction since }`
	tests := []struct {
		name  string
		lim   *server.Limits // nil: DefaultLimits
		query string
		// code and message of the refusal; "" for a query that must pass
		// (and may only fail because me has no such data: NOT_FOUND).
		code, message string
	}{{
		// Each alias costs 1 + X·2^30 with X ≡ 0 mod 2^34 (X ≈ 2^61): 1 in
		// int64 arithmetic, 1.65e27 in truth.
		name: "nested pages with huge first values, aliased",
		query: aliased(100, `people(first: 1073741824) { edges { node {
			connections(first: 2147483639) { person { connections(first: 715827881) { since } } } } } }`),
		code: "COMPLEXITY_LIMIT_EXCEEDED", message: "exceeds the limit of 50000",
	}, {
		name:  "1,000 aliased coverage reports",
		query: aliased(1000, `coverageGaps { totalCount }`),
		code:  resolvers.CodeBadUserInput, message: "the request asks 1000 network questions (coverageGaps ×1000); the limit is 10 per request",
	}, {
		name: "network questions counted through fragments",
		query: `query($me: ID!) { ...ask ...ask2 }
			fragment ask on Query { a: lineage(person: $me, direction: ANCESTORS) { generation } b: lineage(person: $me, direction: DESCENDANTS) { generation } ...ask2 }
			fragment ask2 on Query { ` + strings.TrimSuffix(strings.TrimPrefix(aliased(9, `successors(person: $me) { score }`), "{"), "}") + ` }`,
		code: resolvers.CodeBadUserInput, message: "the request asks 11 network questions (lineage ×2, successors ×9); the limit is 10 per request",
	}, {
		name:  "50 aliased neighbourhoods of 200 people",
		lim:   &manyQuestions,
		query: aliased(50, `neighborhood(person: "x") { truncated nodes { hops person { id name } } links { kind from { id } to { id } } }`),
		code:  "COMPLEXITY_LIMIT_EXCEEDED", message: "exceeds the limit of 50000",
	}, {
		name:  "five 2-hop coverage reports",
		lim:   &manyQuestions,
		query: aliased(5, `coverageGaps { edges { node { skill { id } demand uncovered } } }`),
		code:  "COMPLEXITY_LIMIT_EXCEEDED", message: "exceeds the limit of 50000",
	}, {
		name:  "five aliased exports",
		query: aliased(5, `exportRecords(organization: $me)`),
		code:  "COMPLEXITY_LIMIT_EXCEEDED", message: "exceeds the limit of 50000",
	}, {
		name:  "four aliased exports",
		query: aliased(4, `exportRecords(organization: $me)`),
	}, {
		name:  "ten network questions",
		query: aliased(10, `lineage(person: $me, direction: ANCESTORS) { generation person { id } }`),
	}, {
		name: "findMentors at 4 hops, 100 a page",
		query: `{ findMentors(for: $me, skill: "leadership", maxHops: 4, first: 100) { totalCount edges { node {
			hops level score skill { id name } mentor { id name openSlots } path { ` + path + ` } } } } }`,
	}, {
		name:  "neighbourhood of depth 3, 2,000 people",
		query: `{ neighborhood(person: $me, depth: 3, limit: 2000) { truncated nodes { hops person { id name } } links { kind from { id } to { id } } } }`,
	}, {
		name:  "referral paths, 6 hops, 10 paths",
		query: `{ referralPaths(from: $me, to: $you, maxHops: 6, k: 10) { ` + path + ` } }`,
	}, {
		name:  "lineage of 6 generations",
		query: `{ lineage(person: $me, direction: DESCENDANTS, depth: 6) { generation status person { id name openSlots } via { from { id } to { id } kind direction since } } }`,
	}, {
		name: "board of 10 skills at 4 hops",
		query: `{ mentorBoard(for: $me, skills: ["a","b","c","d","e","f","g","h","i","j"], maxHops: 4) {
			seats { hops mentor { id name openSlots } skills { id name } path { ` + path + ` } } uncovered { id name } } }`,
	}, {
		name: "coverage report at 4 hops, 100 skills",
		query: `{ coverageGaps(maxHops: 4, first: 100) { totalCount pageInfo { hasNextPage endCursor }
			edges { cursor node { skill { id name } demand seekers supply openSlots ratio uncovered uncoveredMentees { id }
				singlePointOfFailure overloadedCount overloaded { id } } } } }`,
	}, {
		name:  "successors in 20 skills",
		query: `{ successors(person: $me, skills: ["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s","t"]) { generation score person { id name } covered { skill { id name } heldSkill { id name } level target gap } } }`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := a
			if tt.lim != nil {
				api = apitest.NewWith(t, *tt.lim)
			}
			query := tt.query
			vars := map[string]any{"me": me}
			switch {
			case strings.Contains(query, "$you"):
				query = "query($me: ID!, $you: ID!) " + query
				vars["you"] = you
			case strings.Contains(query, "$me") && !strings.HasPrefix(query, "query"):
				query = "query($me: ID!) " + query
			}
			r := api.Do(query, vars)
			if tt.code == "" {
				for _, e := range r.Errors {
					if e.Extensions["code"] != resolvers.CodeNotFound {
						t.Errorf("refused: %s (%v)", e.Message, e.Extensions["code"])
					}
				}
				return
			}
			if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != tt.code || !strings.Contains(r.Errors[0].Message, tt.message) {
				t.Fatalf("answer %+v; want one %s error saying %q", r.Errors, tt.code, tt.message)
			}
			if r.Data != nil {
				t.Errorf("refused, yet data: %v", r.Data)
			}
		})
	}
}

// fanOut is a document of 9 fragments, each spreading the one before it
// ten times: under a kilobyte, 2×10^8 fields once expanded.
func fanOut() string {
	var b strings.Builder
	b.WriteString("query { ...f8 }\nfragment f0 on Query { server { version } }\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "fragment f%d on Query {%s }\n", i, strings.Repeat(fmt.Sprintf(" ...f%d", i-1), 10))
	}
	return b.String()
}

// TestFragmentFanOutIsRefusedBeforeValidation: a document whose fragments
// multiply is refused for what it expands to, also when it comes as a
// persisted query; one that uses fragments normally is answered.
func TestFragmentFanOutIsRefusedBeforeValidation(t *testing.T) {
	a := apitest.New(t)
	const want = "the query expands to more than 5000 fields (fragments spread inside fragments); the limit is 5000"
	doc := fanOut()
	if len(doc) > 1000 {
		t.Fatalf("the document is %d bytes, want under 1000", len(doc))
	}
	if e := a.Fails(resolvers.CodeBadUserInput, doc, nil); e.Message != want {
		t.Errorf("fan-out: %q, want %q", e.Message, want)
	}

	// As an automatic persisted query: sent with its hash, then the hash
	// alone (the persisted query is filled in before the check).
	sum := sha256.Sum256([]byte(doc))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	for _, body := range []map[string]any{{"query": doc, "extensions": ext}, {"extensions": ext}} {
		b, _ := json.Marshal(body)
		resp, err := a.HTTP().Post(a.URL, "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		var r apitest.Response
		_ = json.NewDecoder(resp.Body).Decode(&r)
		resp.Body.Close()
		if len(r.Errors) != 1 || r.Errors[0].Message != want {
			t.Errorf("persisted fan-out (query sent: %v): %+v", body["query"] != nil, r.Errors)
		}
	}

	d := a.OK(`query { ...who ... on Query { b: server { ...db } } }
		fragment who on Query { a: server { ...version ...db } }
		fragment version on ServerInfo { version }
		fragment db on ServerInfo { database }`, nil)
	if apitest.At(d, "a", "version") != "test" || apitest.At(d, "b", "database") == nil {
		t.Errorf("fragments used normally: %v", d)
	}
}

// TestRequestErrorsSayWhatAndWhere: a value of the wrong type, as a
// literal or a variable, and a missing or unknown operationName are
// answered with what is wrong and where.
func TestRequestErrorsSayWhatAndWhere(t *testing.T) {
	a := apitest.New(t)
	two := `query A { server { version } } query B { server { database } }`
	tests := []struct {
		name, query, operation string
		vars                   map[string]any
		want                   string
	}{
		{"a float literal for an Int", `{ people(first: 1.5) { totalCount } }`, "", nil,
			"first: 1.5 is not an Int (a whole number) at line 1, column 17"},
		{"a float variable for an Int", `query($first: Int) { people(first: $first) { totalCount } }`, "", map[string]any{"first": 1.5},
			"variable $first: 1.5 is not an Int (a whole number)"},
		{"a string variable for an Int", `query($first: Int) { people(first: $first) { totalCount } }`, "", map[string]any{"first": "ten"},
			`variable $first: "ten" is not an Int (a whole number)`},
		{"a float in an input object literal", `mutation { createPerson(input: {id: "x", name: "X", mentorCapacity: 2.5}) { id } }`, "", nil,
			"input.mentorCapacity: 2.5 is not an Int (a whole number) at line 1, column 69"},
		{"a float in an input object variable", `mutation($in: CreatePersonInput!) { createPerson(input: $in) { id } }`, "",
			map[string]any{"in": map[string]any{"id": "x", "name": "X", "mentorCapacity": 2.5}},
			"variable $in.mentorCapacity: 2.5 is not an Int (a whole number)"},
		{"an unknown enum value", `query($d: LineageDirection!) { lineage(person: "x", direction: $d) { generation } }`, "", map[string]any{"d": "UP"},
			`variable $d: "UP" is not a LineageDirection (one of ANCESTORS, DESCENDANTS)`},
		{"two operations, none named", two, "", nil,
			"the document has 2 operations (A, B); say which to run with operationName"},
		{"an operation not in the document", two, "X", nil,
			`no operation named "X" in the document (it has A, B)`},
		{"a long string literal for an Int", `{ people(first: "` + strings.Repeat("x", 10000) + `") { totalCount } }`, "", nil,
			`first: "` + strings.Repeat("x", 63) + `… is not an Int (a whole number) at line 1, column 18`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _ := json.Marshal(map[string]any{"query": tt.query, "variables": tt.vars, "operationName": tt.operation})
			resp, err := a.HTTP().Post(a.URL, "application/json", bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var r apitest.Response
			if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != http.StatusUnprocessableEntity || len(r.Errors) != 1 ||
				r.Errors[0].Extensions["code"] != "GRAPHQL_VALIDATION_FAILED" || r.Errors[0].Message != tt.want {
				t.Errorf("HTTP %d %+v\nwant 422, GRAPHQL_VALIDATION_FAILED: %q", resp.StatusCode, r.Errors, tt.want)
			}
		})
	}
	// Named, the operation runs.
	b, _ := json.Marshal(map[string]any{"query": two, "operationName": "B"})
	resp, err := a.HTTP().Post(a.URL, "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r apitest.Response
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || len(r.Errors) > 0 || apitest.At(r.Data, "server", "database") == nil {
		t.Errorf("operation B: %+v, %v", r, err)
	}
}

// rawPost sends a POST of body (declaring contentLength, or chunked when
// negative) on a connection of its own, and reads the answer while body
// is still being sent: a server may answer before reading all of it.
// It gives up on the answer after wait (nil response).
func rawPost(t *testing.T, url string, contentLength int, body io.Reader, wait time.Duration) (*http.Response, []byte) {
	t.Helper()
	conn := dialPost(t, url, contentLength)
	go func() {
		if contentLength >= 0 {
			_, _ = io.Copy(conn, body)
			return
		}
		if _, err := io.Copy(&chunked{conn}, body); err == nil {
			_, _ = io.WriteString(conn, "0\r\n\r\n")
		}
	}()
	_ = conn.SetReadDeadline(time.Now().Add(wait))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return nil, nil
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, b
}

// dialPost opens a connection and sends the head of a POST whose body
// has contentLength bytes (chunked when negative).
func dialPost(t *testing.T, url string, contentLength int) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	head := "POST / HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
	if contentLength >= 0 {
		head += fmt.Sprintf("Content-Length: %d\r\n\r\n", contentLength)
	} else {
		head += "Transfer-Encoding: chunked\r\n\r\n"
	}
	if _, err := io.WriteString(conn, head); err != nil {
		t.Fatal(err)
	}
	return conn
}

// chunked writes each Write as one HTTP/1.1 chunk.
type chunked struct{ w io.Writer }

func (c *chunked) Write(p []byte) (int, error) {
	if _, err := fmt.Fprintf(c.w, "%x\r\n%s\r\n", len(p), p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// stall is a body that sends its first byte, then nothing until closed.
type stall struct {
	sent bool
	done chan struct{}
}

func (s *stall) Read(p []byte) (int, error) {
	if !s.sent {
		s.sent = true
		p[0] = '{'
		return 1, nil
	}
	<-s.done
	return 0, io.EOF
}

// refusal decodes an answer of one error and checks its status and code.
func refusal(t *testing.T, resp *http.Response, body []byte, status int, code string) string {
	t.Helper()
	if resp == nil {
		t.Fatalf("no answer; want HTTP %d, %s", status, code)
	}
	var r apitest.Response
	if err := json.Unmarshal(body, &r); err != nil || len(r.Errors) != 1 {
		t.Fatalf("HTTP %d %q; want one GraphQL error", resp.StatusCode, body)
	}
	if resp.StatusCode != status || r.Errors[0].Extensions["code"] != code || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Errorf("HTTP %d (%s), %s: %s; want HTTP %d, %s", resp.StatusCode, resp.Header.Get("Content-Type"), r.Errors[0].Extensions["code"], r.Errors[0].Message, status, code)
	}
	return r.Errors[0].Message
}

// TestRequestBodyLimits: a body over MaxBodyBytes answers 413, one not
// sent within BodyReadTimeout 408, and clients slow to send their bodies
// do not hold the turns (MaxInFlight) of requests that are in.
func TestRequestBodyLimits(t *testing.T) {
	a := apitest.New(t)
	big := `{"query": "{ server { version } }", "variables": {"pad": "` + strings.Repeat("x", 2<<20) + `"}}`
	for _, length := range []int{len(big), -1} {
		t.Run(fmt.Sprintf("2 MiB, Content-Length %d", length), func(t *testing.T) {
			resp, body := rawPost(t, a.URL, length, strings.NewReader(big), 10*time.Second)
			msg := refusal(t, resp, body, http.StatusRequestEntityTooLarge, server.CodeRequestTooLarge)
			if !strings.Contains(msg, "larger than 1048576 bytes (1 MiB)") {
				t.Errorf("message %q does not name the limit", msg)
			}
		})
	}

	t.Run("a body that stalls", func(t *testing.T) {
		lim := server.DefaultLimits
		lim.BodyReadTimeout = 300 * time.Millisecond
		api := apitest.NewWith(t, lim)
		s := &stall{done: make(chan struct{})}
		defer close(s.done)
		resp, body := rawPost(t, api.URL, 100, s, 10*time.Second)
		msg := refusal(t, resp, body, http.StatusRequestTimeout, server.CodeRequestTimeout)
		if !strings.Contains(msg, "within 300ms") {
			t.Errorf("message %q does not name the limit", msg)
		}
	})

	t.Run("slow bodies do not hold the turns", func(t *testing.T) {
		lim := server.DefaultLimits
		lim.MaxInFlight = 2
		lim.BodyReadTimeout = time.Minute
		lim.Timeout = 2 * time.Second
		api := apitest.NewWith(t, lim)
		for range lim.MaxInFlight {
			// One byte of a hundred, then nothing.
			if _, err := io.WriteString(dialPost(t, api.URL, 100), "{"); err != nil {
				t.Fatal(err)
			}
		}
		time.Sleep(300 * time.Millisecond) // both are in the handler, stalling in their bodies
		status, body := api.Post(`{ server { version } }`, nil)
		if status != http.StatusOK || !strings.Contains(string(body), `"version":"test"`) {
			t.Errorf("with %d clients stalling: HTTP %d %s; want the answer", lim.MaxInFlight, status, body)
		}
	})
}

// TestAnswerSizeAndBadJSON: an answer past MaxResponseBytes is replaced
// by an error naming the limit; a body that is not JSON is answered with
// where it goes wrong and its first bytes, not all of it.
func TestAnswerSizeAndBadJSON(t *testing.T) {
	lim := server.DefaultLimits
	lim.MaxResponseBytes = 4096
	a := apitest.NewWith(t, lim)
	r := a.Do(`{ __schema { types { name description fields { name description } } } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != server.CodeResponseTooLarge ||
		!strings.Contains(r.Errors[0].Message, "larger than 4096 bytes (4 KiB)") || !strings.Contains(r.Errors[0].Message, "ask for less") || r.Data != nil {
		t.Errorf("large answer: %+v", r)
	}
	if d := a.OK(`{ server { version } }`, nil); apitest.At(d, "server", "version") != "test" {
		t.Errorf("small answer: %v", d)
	}

	body := `{"query": "` + strings.Repeat("x", 900<<10) + `",, }`
	resp, err := a.HTTP().Post(a.URL, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	msg := refusal(t, resp, raw, http.StatusBadRequest, resolvers.CodeBadUserInput)
	want := fmt.Sprintf(`the request body is not valid JSON: invalid character ',' looking for beginning of object key string at byte %d; it begins "{\"query\": \"%s"…`,
		len(body)-2, strings.Repeat("x", 53))
	if msg != want || len(raw) > 500 {
		t.Errorf("%d bytes of answer to %d bytes that are not JSON: %.300s\nwant %s", len(raw), len(body), msg, want)
	}
}
