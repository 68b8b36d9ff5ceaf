package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
	"github.com/mentorgraph/mentorgraph/internal/server"
	"github.com/mentorgraph/mentorgraph/resolvers"
)

// TestPOSTAnswersAsGqlgen sends the same requests to the server and to
// one with gqlgen's own POST transport: status, content type and answer
// must agree (answers compared as JSON values), and an answer that is data
// alone must be exactly {"data":…}. A body that is not JSON is the one
// answer whose message differs (notJSON): it says where, quoting little.
func TestPOSTAnswersAsGqlgen(t *testing.T) {
	a := apitest.New(t)
	me := a.Person("me", map[string]any{"headline": `<b>Tom & "Jerry"</b>`})
	log := apitest.Logger(t)
	theirs := httptest.NewServer(server.NewHandlerWithGqlgenPOST(&resolvers.Resolver{Store: a.Store, Version: "test"}, server.DefaultLimits, log))
	t.Cleanup(theirs.Close)

	post := func(url, accept, body string) (int, string, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+a.Token)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Content-Type"), b
	}
	person := `{"query":"query($id: ID!, $n: Int) { person(id: $id) { id name headline connections(first: $n) { since } } }","variables":{"id":"` + me + `","n":5}}`
	cases := []struct {
		name, accept, body string
		dataAlone          bool
		// ownMessage: the message is ours, starting so.
		ownMessage string
	}{
		{"data alone", "", person, true, ""},
		{"data alone, graphql-response+json asked for", "application/graphql-response+json", person, true, ""},
		{"data alone, anything accepted", "text/html, */*;q=0.8", person, true, ""},
		{"a field error", "", `{"query":"query($id: ID!) { referralPaths(from: $id, to: $id) { length } }","variables":{"id":"` + me + `"}}`, false, ""},
		{"an unknown field", "", `{"query":"{ nosuchfield }"}`, false, ""},
		{"an unknown field, graphql-response+json", "application/graphql-response+json", `{"query":"{ nosuchfield }"}`, false, ""},
		{"a body that is not JSON", "", `{"query": `, false, "the request body is not valid JSON: it ends early, at byte 10; "},
		{"no query", "", `{}`, false, ""},
		{"a media type no rule covers", "text/plain", person, true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, ctype, got := post(a.URL, c.accept, c.body)
			wantStatus, wantType, want := post(theirs.URL, c.accept, c.body)
			if status != wantStatus || ctype != wantType {
				t.Errorf("status %d, %s; gqlgen's transport: %d, %s", status, ctype, wantStatus, wantType)
			}
			var g, w any
			if err := json.Unmarshal(got, &g); err != nil {
				t.Fatalf("answer is not JSON: %v: %s", err, got)
			}
			_ = json.Unmarshal(want, &w)
			if c.ownMessage != "" {
				if msg, _ := apitest.At(g, "errors", 0, "message").(string); !strings.HasPrefix(msg, c.ownMessage) {
					t.Errorf("message %q, want %q…", msg, c.ownMessage)
				}
				for _, v := range []any{g, w} {
					if e, ok := apitest.At(v, "errors", 0).(map[string]any); ok {
						delete(e, "message")
					}
				}
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("answer\n%s\ngqlgen's transport answers\n%s", got, want)
			}
			if c.dataAlone != strings.HasPrefix(string(got), `{"data":{`) {
				t.Errorf("answer %s; data alone: %v", got, c.dataAlone)
			}
		})
	}
}
