package resolvers

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestEveryNetworkQuestionIsLimited: the questions of schema/network.graphqls
// are the ones networkQuestionLimit counts, and each has a cost function
// (complexity.go), so a new one cannot escape both limits.
func TestEveryNetworkQuestionIsLimited(t *testing.T) {
	var inSchema []string
	for _, f := range NewExecutableSchema(Config{}).Schema().Query.Fields {
		if f.Position != nil && f.Position.Src != nil && strings.HasSuffix(f.Position.Src.Name, "network.graphqls") {
			inSchema = append(inSchema, f.Name)
		}
	}
	slices.Sort(inSchema)
	counted := slices.Sorted(slices.Values(networkQuestions))
	if !slices.Equal(inSchema, counted) {
		t.Errorf("network questions in the schema %v; counted %v", inSchema, counted)
	}
	costs := reflect.ValueOf(complexity().Query)
	for _, name := range inSchema {
		f := costs.FieldByName(strings.ToUpper(name[:1]) + name[1:])
		if !f.IsValid() || f.IsNil() {
			t.Errorf("%s has no cost function", name)
		}
	}
}
