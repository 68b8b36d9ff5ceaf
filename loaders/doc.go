// Package loaders holds MentorGraph's per-request dataloaders: nested fields
// that fetch by key are batched into one UNWIND query per field and cached for
// the life of one request. Middleware puts a fresh set in each request's
// context; nothing here is global.
//
// It imports graph, never a GraphQL package or the Neo4j driver.
package loaders
