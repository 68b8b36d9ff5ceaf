// Package server is MentorGraph's HTTP server wiring: the GraphQL handler
// (gqlgen's handler.New with the transports and extensions the server
// needs: GET and the POST transport of transport.go, automatic persisted
// queries, a parsed-query cache, introspection, the error presenter of
// package resolvers), the limits on each request (limits.go, depth.go,
// and the cost functions of resolvers/complexity.go: depth, cost, network
// questions, body and answer size, timeout, the requests served at once),
// clearer messages for malformed requests (requesterrors.go), and the mux
// of every endpoint (mux.go: /graphql, sign-in, the web UI, health checks).
//
// Who asks is decided here, before gqlgen runs (security.go): a bearer API
// token or a session cookie becomes the request's auth.Viewer; anonymous
// requests are refused unless the directory is public, cookie POSTs need
// their CSRF token. signin.go signs in with a password and out; oidc.go
// signs in through an OpenID Provider. What a viewer may do is decided by
// the @auth directive (resolvers/policy.go).
//
// transport.go answers POST as gqlgen's transport.POST does, but writes an
// answer that is data alone around gqlgen's bytes rather than passing it
// through encoding/json again (BenchmarkAnswerWriting), and says where a
// body that is not JSON goes wrong.
//
// It imports resolvers, loaders, graph, internal/auth, web, go-oidc and
// x/oauth2; cmd/mentorgraph and the benchmarks import it.
package server
