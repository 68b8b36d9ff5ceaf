package web

// The committed build in dist/ comes from src/ through esbuild's Go API
// (see build/main.go); `make test` checks that it is up to date.
//go:generate go run ./build
