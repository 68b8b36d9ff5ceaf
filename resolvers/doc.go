// Package resolvers is MentorGraph's GraphQL layer: gqlgen's generated
// executable schema and models (generated.go, models_gen.go: never edited by
// hand, `go generate ./...` rewrites them from schema/), the hand-written
// resolvers, which stay thin (check arguments, call a loader or a store
// method), and the error presenter.
//
// It imports loaders and graph, never the Neo4j driver.
package resolvers

//go:generate sh -c "cd .. && go run ./resolvers/internal/generate"
