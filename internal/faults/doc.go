// Package faults holds the fault tests of MentorGraph (issue 32): the
// real server (internal/server, or the mentorgraph binary) over a Neo4j
// container of each test's own, which the test stops, restarts or pauses
// under load, checking what clients notice: how long requests take, what
// they answer, /readyz, that answers resume, that acknowledged writes are
// kept and that nothing leaks. docs/operations.md ("Faults") says what
// the server does in each.
//
// Only tests live here; they import graph/neo4jtest, internal/server and
// graph.
package faults
