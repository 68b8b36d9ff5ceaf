// Package server is MentorGraph's HTTP server wiring: the GraphQL handler
// (gqlgen's handler.New with the transports and extensions the server
// needs: GET and the POST transport of transport.go, automatic persisted
// queries, a parsed-query cache, introspection, the error presenter of
// package resolvers), the limits on each request (limits.go, depth.go,
// and the cost functions of resolvers/complexity.go: depth, cost, network
// questions, body and answer size, timeout, the requests served at once),
// clearer messages for malformed requests (requesterrors.go), and the mux
// of every endpoint (mux.go: /graphql, the web UI, health checks).
//
// transport.go answers POST as gqlgen's transport.POST does, but writes an
// answer that is data alone around gqlgen's bytes rather than passing it
// through encoding/json again (BenchmarkAnswerWriting), and says where a
// body that is not JSON goes wrong.
//
// It imports resolvers, loaders, graph and web; cmd/mentorgraph and the
// benchmarks import it.
package server
