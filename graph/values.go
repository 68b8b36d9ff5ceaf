package graph

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Readers of values in maps that Cypher returns (map projections). Missing
// keys and nulls read as zero values or nil.

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func strPtr(m map[string]any, k string) *string {
	if s, ok := m[k].(string); ok {
		return &s
	}
	return nil
}

func intVal(m map[string]any, k string) int {
	n, _ := m[k].(int64)
	return int(n)
}

func intPtr(m map[string]any, k string) *int {
	if n, ok := m[k].(int64); ok {
		v := int(n)
		return &v
	}
	return nil
}

func boolVal(m map[string]any, k string) bool {
	b, _ := m[k].(bool)
	return b
}

func floatVal(m map[string]any, k string) float64 {
	switch v := m[k].(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}

func timeVal(m map[string]any, k string) time.Time {
	t, _ := m[k].(time.Time)
	return t
}

func datePtr(m map[string]any, k string) *Date {
	if d, ok := m[k].(dbtype.Date); ok {
		v := DateOf(d.Time())
		return &v
	}
	return nil
}

func strList(m map[string]any, k string) []string {
	l, _ := m[k].([]any)
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// dateParam turns d into a Cypher DATE parameter (nil stays null).
func dateParam(d *Date) any {
	if d == nil {
		return nil
	}
	return neo4j.DateOf(d.Time())
}

// optional values for parameters: nil pointers become null.
func ptrParam[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// collect runs cypher and converts each record's first value, a map, with conv.
func collect[T any](ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any, conv func(map[string]any) T) ([]T, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	var out []T
	for res.Next(ctx) {
		m, _ := res.Record().Values[0].(map[string]any)
		out = append(out, conv(m))
	}
	return out, res.Err()
}
