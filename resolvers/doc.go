// Package resolvers is MentorGraph's GraphQL layer: gqlgen's generated
// executable schema and models (generated.go, models_gen.go: never edited by
// hand, `go generate ./...` rewrites them from schema/), the hand-written
// resolvers, which stay thin (check arguments, call a loader or a store
// method), and the error presenter.
//
// Three files make answers cheaper than gqlgen alone would: marshal.go
// (lists whose selection reaches no resolver are marshalled in a loop, not a
// goroutine per element), plain.go with plain_gen.go (objects, and lists of
// them, whose selection is all plain fields are written straight into JSON,
// not field by field), and transport.go (an answer that is data alone skips a second pass
// through encoding/json). resolvers/internal/generate writes the generated
// parts; tests compare the bytes with gqlgen's own. handler.go bounds each
// request (depth, complexity, timeout) and the requests served at once.
//
// It imports loaders and graph, never the Neo4j driver.
package resolvers

//go:generate sh -c "cd .. && go run ./resolvers/internal/generate"
