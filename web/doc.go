// Package web is MentorGraph's web UI: its source (src/, TypeScript with
// Preact), the program that builds it (build/, esbuild's Go API; run by
// `go generate ./web`), the committed build (dist/) embedded with go:embed,
// and the handler that serves it: the app at / with its routes, the
// GraphiQL page, and the hashed assets both load.
//
// The UI talks to the server over HTTP only (/graphql); this package
// imports nothing of the server's.
package web
