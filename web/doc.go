// Package web is MentorGraph's web UI: its source and the embedded build the
// server hands out. The UI talks to the server over HTTP only (/graphql).
package web
