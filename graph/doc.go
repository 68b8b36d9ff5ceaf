// Package graph is the mentor graph: its domain types and the Neo4j store.
// All Cypher of MentorGraph lives here, as constants next to the Go that
// runs them, every value a $parameter, every traversal bounded.
//
// It imports the Neo4j driver, the standard library, graph/dataset (the
// import layout) and graph/internal/textrule (which characters text may
// hold, shared with dataset), never a GraphQL package; resolvers and
// loaders call it.
package graph
