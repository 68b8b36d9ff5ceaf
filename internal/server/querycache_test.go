package server

import (
	"context"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
)

// TestCachesSkipLongQueries: the parsed-query and persisted-query caches
// keep ordinary queries and leave out ones longer than maxCachedQuery, so
// large distinct queries cannot fill memory through them.
func TestCachesSkipLongQueries(t *testing.T) {
	ctx := context.Background()
	short, long := "{ __typename }", "{ __typename }"+strings.Repeat(" ", maxCachedQuery)

	parsed := newParsedQueryCache()
	parsed.Add(ctx, short, &ast.QueryDocument{})
	parsed.Add(ctx, long, &ast.QueryDocument{})
	if _, ok := parsed.Get(ctx, short); !ok {
		t.Error("parsed-query cache dropped a short query")
	}
	if _, ok := parsed.Get(ctx, long); ok {
		t.Errorf("parsed-query cache kept a %d-byte query", len(long))
	}

	persisted := newPersistedQueryCache()
	persisted.Add(ctx, "hash-short", short)
	persisted.Add(ctx, "hash-long", long)
	if q, ok := persisted.Get(ctx, "hash-short"); !ok || q != short {
		t.Errorf("persisted-query cache: short query %q, %v", q, ok)
	}
	if _, ok := persisted.Get(ctx, "hash-long"); ok {
		t.Errorf("persisted-query cache kept a %d-byte query", len(long))
	}
}
