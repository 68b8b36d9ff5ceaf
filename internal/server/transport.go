package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// postTransport answers GraphQL over HTTP POST as gqlgen's transport.POST
// does (the same content negotiation, status codes and error answers),
// with two differences. An answer that is data alone (no errors, no
// extensions) is written as {"data":…} around the bytes gqlgen produced.
// transport.POST passes every answer through encoding/json, which checks
// and copies the data once more: about a sixth of the handler's own time
// on a findMentors page (netbench profile). Other answers still go through
// encoding/json. And a body that is not JSON is answered with where it
// goes wrong and its first bytes (notJSON), not the whole body again.
type postTransport struct{}

var _ graphql.Transport = postTransport{}

// Supports accepts POST requests with a JSON body.
func (postTransport) Supports(r *http.Request) bool {
	if r.Header.Get("Upgrade") != "" {
		return false
	}
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && r.Method == http.MethodPost && mediaType == "application/json"
}

const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// Do answers one request.
func (postTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	contentType := answerMediaType(r.Header.Get("Accept"))
	w.Header().Set("Content-Type", contentType)
	start := graphql.Now()
	var body []byte
	if rb, ok := r.Body.(*receivedBody); ok {
		// answered has read it already.
		body = rb.b
	} else {
		var err error
		body, err = io.ReadAll(r.Body)
		// Closed once read: net/http then has nothing left to drain from it
		// before answering.
		_ = r.Body.Close()
		if err != nil {
			writeAnswer(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("could not read request body: %+v", err)}))
			return
		}
	}
	var params graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&params); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		writeAnswer(w, exec.DispatchError(ctx, gqlerror.List{notJSON(body, err)}))
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	rc, opErr := exec.CreateOperationContext(ctx, &params)
	if opErr != nil {
		status := http.StatusOK
		if errcode.GetErrorKind(opErr) == errcode.KindProtocol {
			status = http.StatusUnprocessableEntity
			if contentType == mediaGraphQLResponse {
				status = http.StatusBadRequest
			}
		}
		w.WriteHeader(status)
		writeAnswer(w, exec.DispatchError(graphql.WithOperationContext(ctx, rc), opErr))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	writeAnswer(w, responses(ctx))
}

// notJSON says where body is not the JSON of a GraphQL request, quoting
// at most its first maxQuoted bytes (transport.POST quotes all of it).
func notJSON(body []byte, err error) *gqlerror.Error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var what string
	switch {
	case len(bytes.TrimSpace(body)) == 0:
		return gqlerror.Errorf("the request body is empty: send a JSON object such as {\"query\": \"{ server { version } }\"}")
	case errors.As(err, &syntax):
		what = fmt.Sprintf("%s at byte %d", syntax, syntax.Offset)
	case errors.As(err, &typ) && typ.Field != "":
		what = fmt.Sprintf("%q must be a JSON %s, not %s (at byte %d)", typ.Field, jsonKind(typ.Type.Kind()), withArticle(typ.Value), typ.Offset)
	case errors.As(err, &typ):
		what = fmt.Sprintf("it must be a JSON object, not %s", withArticle(typ.Value))
	case errors.Is(err, io.ErrUnexpectedEOF):
		what = fmt.Sprintf("it ends early, at byte %d", len(body))
	default:
		what = err.Error()
	}
	prefix := strconv.Quote(cutAt(string(body), maxQuoted))
	if len(body) > maxQuoted {
		prefix += "…"
	}
	return gqlerror.Errorf("the request body is not valid JSON: %s; it begins %s", what, prefix)
}

// withArticle is "a number", "an array", "an object".
func withArticle(noun string) string {
	if strings.ContainsAny(noun[:min(1, len(noun))], "aeiou") {
		return "an " + noun
	}
	return "a " + noun
}

// jsonKind names the JSON type a Go kind decodes from.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "string"
	case reflect.Map, reflect.Struct:
		return "object"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Bool:
		return "boolean"
	}
	return "number"
}

// answerMediaType chooses the answer's media type from the Accept header,
// as transport.POST does: application/json unless the client names
// application/graphql-response+json first, or names nothing either type
// covers.
func answerMediaType(accept string) string {
	if accept == "" {
		return mediaJSON
	}
	for part := range strings.SplitSeq(accept, ",") {
		mediaType, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mediaType {
		case "*/*", "application/*", mediaJSON:
			return mediaJSON
		case mediaGraphQLResponse:
			return mediaGraphQLResponse
		}
	}
	return mediaGraphQLResponse
}

// writeAnswer writes a GraphQL answer: data alone directly, anything else
// through encoding/json.
func writeAnswer(w io.Writer, resp *graphql.Response) {
	if resp == nil {
		// The deadline passed before gqlgen ran anything (see answered).
		_, _ = io.WriteString(w, "null")
		return
	}
	if len(resp.Errors) == 0 && len(resp.Extensions) == 0 && resp.Label == "" && resp.Path == nil && resp.HasNext == nil {
		_, _ = io.WriteString(w, `{"data":`)
		if len(resp.Data) == 0 {
			_, _ = io.WriteString(w, "null")
		} else {
			_, _ = w.Write(resp.Data)
		}
		_, _ = io.WriteString(w, "}")
		return
	}
	b, err := json.Marshal(resp)
	if err != nil {
		// gqlgen panics here too: the data it produced is not JSON.
		panic(err)
	}
	_, _ = w.Write(b)
}
