package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Readers of values in maps that Cypher returns (map projections). A null
// value, or a null map, reads as the zero value or nil. A key the map does
// not have is a bug (the Cypher and the Go reading it disagree): the reader
// panics with a missingValue, which inTransaction turns into an error
// naming the key.

// missingValue is a value read from a record's map that the map lacks.
type missingValue struct{ key string }

func (e missingValue) Error() string {
	return fmt.Sprintf("the query's answer has no value %q (the Cypher and the Go reading it disagree)", e.key)
}

// value is m[k]: nil when m is nil (a null map), a missingValue panic
// when m lacks k.
func value(m map[string]any, k string) any {
	if m == nil {
		return nil
	}
	v, ok := m[k]
	if !ok {
		panic(missingValue{k})
	}
	return v
}

// recoverMissingValue turns a missingValue panic into *err; other panics
// go on.
func recoverMissingValue(err *error) {
	if r := recover(); r != nil {
		mv, ok := r.(missingValue)
		if !ok {
			panic(r)
		}
		*err = mv
	}
}

func str(m map[string]any, k string) string {
	s, _ := value(m, k).(string)
	return s
}

func strPtr(m map[string]any, k string) *string {
	if s, ok := value(m, k).(string); ok {
		return &s
	}
	return nil
}

func intVal(m map[string]any, k string) int {
	n, _ := value(m, k).(int64)
	return int(n)
}

func intPtr(m map[string]any, k string) *int {
	if n, ok := value(m, k).(int64); ok {
		v := int(n)
		return &v
	}
	return nil
}

func boolVal(m map[string]any, k string) bool {
	b, _ := value(m, k).(bool)
	return b
}

func floatVal(m map[string]any, k string) float64 {
	switch v := value(m, k).(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}

func timeVal(m map[string]any, k string) time.Time {
	t, _ := value(m, k).(time.Time)
	return t
}

func datePtr(m map[string]any, k string) *Date {
	if d, ok := value(m, k).(dbtype.Date); ok {
		v := DateOf(d.Time())
		return &v
	}
	return nil
}

func strList(m map[string]any, k string) []string {
	l, _ := value(m, k).([]any)
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
