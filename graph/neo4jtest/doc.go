// Package neo4jtest provides a real Neo4j 5 server to tests, benchmarks and
// the development launcher (cmd/neo4j-dev): the one place in MentorGraph that
// decides where Neo4j comes from.
//
// With NEO4J_URI set, that server is used as it is. Otherwise a container is
// started with testcontainers-go's neo4j module, from NEO4J_IMAGE (default
// the official neo4j:5.26-community); when that image is not on the machine
// and cannot be pulled, the offline image of deploy/neo4j is built (once per
// machine) and used instead.
//
// CommitCutter, a loopback proxy between a driver and that Neo4j, loses a
// connection right after forwarding a COMMIT, for tests of what a write
// answers when its outcome is unknown.
//
// It may import the Neo4j driver and testcontainers-go; nothing in the
// server's request path imports it.
package neo4jtest
