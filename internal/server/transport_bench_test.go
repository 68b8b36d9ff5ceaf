package server

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// BenchmarkAnswerWriting compares the two ways an answer that is data
// alone is written: postTransport's (writeAnswer: {"data":…} around
// gqlgen's bytes) and gqlgen's transport.POST's (encoding/json, which
// checks and copies the data once more), for an answer the size of a
// findMentors page of 20 matches with their paths. It is what keeping
// transport.go buys per request.
func BenchmarkAnswerWriting(b *testing.B) {
	var page strings.Builder
	page.WriteString(`{"findMentors":{"edges":[`)
	for i := range 20 {
		if i > 0 {
			page.WriteString(",")
		}
		fmt.Fprintf(&page, `{"node":{"hops":2,"score":0.7%d,"level":4,"openSlots":2,`+
			`"mentor":{"id":"person-%05d","name":"Mentor Number %d","headline":"Engineering manager at Example \u0026 Co"},`+
			`"skill":{"id":"skill-leadership","name":"Leadership"},`+
			`"path":{"length":2,"steps":[{"from":{"id":"person-00001","name":"Asker"},"to":{"id":"person-%05d","name":"Via %d"},"kind":"CONNECTION","direction":"FORWARD","since":"2021-03-01"},`+
			`{"from":{"id":"person-%05d","name":"Via %d"},"to":{"id":"person-%05d","name":"Mentor Number %d"},"kind":"MENTORSHIP","direction":"BACKWARD","since":null}]}},`+
			`"cursor":"c2NvcmU6MC43fHBlcnNvbi0wMDAwMQ=="}`, i, i, i, i+100, i, i+100, i, i, i)
	}
	page.WriteString(`],"pageInfo":{"hasNextPage":true,"endCursor":"c2NvcmU6MC43fHBlcnNvbi0wMDAwMQ=="}}}`)
	resp := &graphql.Response{Data: json.RawMessage(page.String())}
	b.Logf("answer data: %d bytes", page.Len())
	b.Run("writeAnswer", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			writeAnswer(io.Discard, resp)
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, err := json.Marshal(resp)
			if err != nil {
				b.Fatal(err)
			}
			_, _ = io.Discard.Write(out)
		}
	})
}
