package resolvers

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// postTransport answers GraphQL over HTTP POST as gqlgen's transport.POST
// does (the same content negotiation, status codes and error answers),
// with one difference: an answer that is data alone (no errors, no
// extensions) is written as {"data":…} around the bytes gqlgen produced.
// transport.POST passes every answer through encoding/json, which checks
// and copies the data once more: about a sixth of the handler's own time
// on a findMentors page (netbench profile). Other answers still go through
// encoding/json.
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
	body, err := io.ReadAll(r.Body)
	// Closed once read: net/http then has nothing left to drain from it
	// before answering.
	_ = r.Body.Close()
	if err != nil {
		writeAnswer(w, exec.DispatchError(ctx, gqlerror.List{gqlerror.Errorf("could not read request body: %+v", err)}))
		return
	}
	var params graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&params); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		writeAnswer(w, exec.DispatchError(ctx, gqlerror.List{
			gqlerror.Errorf("json request body could not be decoded: %+v body:%s", err, body)}))
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
