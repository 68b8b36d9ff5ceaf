// Package auth holds what identity and authorization share across the
// server: the Viewer of a request (who asks, with which roles, through
// which credential) and its context key; password hashing (argon2id);
// random secrets (session ids, API tokens) and their hashes; the CSRF
// token derived from a session; a rate limiter for sign-in attempts; and a
// short-lived cache of resolved viewers.
//
// It imports only the standard library and golang.org/x/crypto, so that
// any package (the store included, for the privacy filtering that will
// take a Viewer) may import it.
package auth
