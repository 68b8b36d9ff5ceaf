// Package resolvers is MentorGraph's GraphQL layer: gqlgen's generated
// executable schema and models (generated.go, models_gen.go: never edited by
// hand, `go generate ./...` rewrites them from schema/), the hand-written
// resolvers, which stay thin (check arguments, call a loader or a store
// method), and the error presenter.
//
// policy.go is authorization, in one place: the @auth directive and the
// ownership rule of every field that carries it (who may change what).
//
// complexity.go holds the cost of each list field and network question,
// defaults.go the schema's defaults the resolvers and costs use. The
// server's wiring (handler, transports, limits, the mux) is in
// internal/server.
//
// generated.go is plain gqlgen output (`go generate ./resolvers` runs the
// gqlgen pinned as a tool in go.mod): nothing patches or re-generates it.
//
// It imports loaders, graph and internal/auth, never the Neo4j driver.
package resolvers

//go:generate go tool gqlgen generate
