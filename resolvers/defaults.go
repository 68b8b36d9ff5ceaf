package resolvers

import (
	"fmt"

	"github.com/vektah/gqlparser/v2/ast"
)

// Defaults of arguments and input fields are stated once, in schema/. An
// omitted argument gets its default from gqlgen; one the client gives as
// null (the arguments are nullable) gets the same default here, read from
// the parsed schema, and so do the cost functions (complexity.go). A
// default missing from the schema stops the server at start-up.

// The schema's defaults the resolvers and cost functions use.
var (
	defaultBoardHops         = argDefault[int]("Query", "mentorBoard", "maxHops")
	defaultFindMentorsHops   = argDefault[int]("Query", "findMentors", "maxHops")
	defaultFindMentorsFirst  = argDefault[int]("Query", "findMentors", "first")
	defaultNeighborhoodDepth = argDefault[int]("Query", "neighborhood", "depth")
	defaultNeighborhoodLimit = argDefault[int]("Query", "neighborhood", "limit")
	defaultReferralHops      = argDefault[int]("Query", "referralPaths", "maxHops")
	defaultReferralPaths     = argDefault[int]("Query", "referralPaths", "k")
	defaultExcludeUnavail    = argDefault[bool]("Query", "referralPaths", "excludeUnavailable")
	defaultLineageDepth      = argDefault[int]("Query", "lineage", "depth")
	defaultCoverageHops      = argDefault[int]("Query", "coverageGaps", "maxHops")
	defaultCoverageMinLevel  = argDefault[int]("Query", "coverageGaps", "minLevel")
	defaultCoverageFirst     = argDefault[int]("Query", "coverageGaps", "first")
	defaultCoverageFresh     = argDefault[bool]("Query", "coverageGaps", "fresh")
	defaultConnectionsFirst  = argDefault[int]("Person", "connections", "first")

	defaultWeightDistance = inputDefault[float64]("MentorWeights", "distance")
	defaultWeightLevel    = inputDefault[float64]("MentorWeights", "level")
	defaultWeightCapacity = inputDefault[float64]("MentorWeights", "capacity")
	defaultWeightShared   = inputDefault[float64]("MentorWeights", "sharedOrganization")
)

// argDefault is the default the schema gives argument arg of field
// typ.field.
func argDefault[T int | bool | float64](typ, field, arg string) T {
	where := fmt.Sprintf("%s.%s(%s)", typ, field, arg)
	var a *ast.ArgumentDefinition
	if d := parsedSchema.Types[typ]; d != nil {
		if f := d.Fields.ForName(field); f != nil {
			a = f.Arguments.ForName(arg)
		}
	}
	if a == nil {
		panic("schema/ has no argument " + where)
	}
	return defaultOf[T](a.DefaultValue, where)
}

// inputDefault is the default the schema gives field of input type typ.
func inputDefault[T int | bool | float64](typ, field string) T {
	where := typ + "." + field
	d := parsedSchema.Types[typ]
	if d == nil || d.Fields.ForName(field) == nil {
		panic("schema/ has no input field " + where)
	}
	return defaultOf[T](d.Fields.ForName(field).DefaultValue, where)
}

// defaultOf reads a default value of the schema as T.
func defaultOf[T int | bool | float64](v *ast.Value, where string) T {
	if v == nil {
		panic(where + " has no default in schema/")
	}
	raw, err := v.Value(nil)
	if err != nil {
		panic(fmt.Sprintf("%s: default %s: %v", where, v, err))
	}
	var out T
	ok := false
	switch p := any(&out).(type) {
	case *int:
		var n int64
		n, ok = raw.(int64)
		*p = int(n)
	case *bool:
		*p, ok = raw.(bool)
	case *float64:
		switch x := raw.(type) {
		case float64:
			*p, ok = x, true
		case int64:
			*p, ok = float64(x), true
		}
	}
	if !ok {
		panic(fmt.Sprintf("%s: default %s is not a %T", where, v, out))
	}
	return out
}
