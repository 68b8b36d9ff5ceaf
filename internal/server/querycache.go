package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
)

// maxCachedQuery is the longest query text (in bytes) the parsed-query and
// persisted-query caches keep. Each cache holds 1,000 entries: with
// queries up to the body limit (1 MiB) that could be a gigabyte of text
// and its parsed form, held by anyone sending large distinct queries.
// Real clients' queries are a few kilobytes; a longer one is parsed anew
// each time it is sent.
const maxCachedQuery = 64 << 10

// boundedCache is an LRU cache of 1,000 entries that skips values whose
// query text is longer than maxCachedQuery.
type boundedCache[T any] struct {
	lru *lru.LRU[T]
	// size is the length of the query text an entry stands for.
	size func(key string, value T) int
}

var _ graphql.Cache[string] = boundedCache[string]{}

func (c boundedCache[T]) Get(ctx context.Context, key string) (T, bool) { return c.lru.Get(ctx, key) }

func (c boundedCache[T]) Add(ctx context.Context, key string, value T) {
	if c.size(key, value) <= maxCachedQuery {
		c.lru.Add(ctx, key, value)
	}
}

// newParsedQueryCache caches parsed documents by their query text.
func newParsedQueryCache() graphql.Cache[*ast.QueryDocument] {
	return boundedCache[*ast.QueryDocument]{lru: lru.New[*ast.QueryDocument](1000),
		size: func(query string, _ *ast.QueryDocument) int { return len(query) }}
}

// newPersistedQueryCache caches persisted queries' text by their hash.
func newPersistedQueryCache() graphql.Cache[string] {
	return boundedCache[string]{lru: lru.New[string](1000),
		size: func(_ string, query string) int { return len(query) }}
}
