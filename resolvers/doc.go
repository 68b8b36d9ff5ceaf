// Package resolvers is MentorGraph's GraphQL layer: gqlgen's generated
// executable schema and models (generated.go, models_gen.go: never edited by
// hand, `go generate ./...` rewrites them from schema/), the hand-written
// resolvers, which stay thin (check arguments, call a loader or a store
// method), and the error presenter.
//
// The server's wiring: handler.go builds gqlgen's handler.New with the
// transports and extensions it needs (GET and the POST transport of
// transport.go, automatic persisted queries, a parsed-query cache,
// introspection) and bounds each request (limits.go, depth.go,
// complexity.go: depth, cost, timeout, body and answer size, the requests
// served at once). transport.go answers POST as gqlgen's transport.POST
// does, but writes an answer that is data alone around gqlgen's bytes
// rather than passing it through encoding/json again, and says where a
// body that is not JSON goes wrong.
//
// generated.go is plain gqlgen output (`go generate ./resolvers` runs the
// gqlgen pinned as a tool in go.mod): nothing patches or re-generates it.
//
// It imports loaders and graph, never the Neo4j driver.
package resolvers

//go:generate go tool gqlgen generate
