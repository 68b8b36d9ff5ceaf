package resolvers_test

import (
	"strings"
	"testing"

	"github.com/mentorgraph/mentorgraph/internal/apitest"
)

func TestOrganizationsAndAffiliations(t *testing.T) {
	a := apitest.New(t)
	const create = `mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id name kind } }`
	d := a.OK(create, map[string]any{"in": map[string]any{"id": a.ID("uni"), "name": "Uni " + a.Prefix, "kind": "UNIVERSITY"}})
	org := apitest.At(d, "createOrganization", "id").(string)
	a.Fails("CONFLICT", create, map[string]any{"in": map[string]any{"id": org, "name": "Other", "kind": "COMPANY"}})
	a.Fails("BAD_USER_INPUT", create, map[string]any{"in": map[string]any{"id": a.ID("o2"), "name": "", "kind": "COMPANY"}})

	p := a.Person("kim", nil)
	const add = `mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role since until person { id } organization { id kind } } }`
	d = a.OK(add, map[string]any{"in": map[string]any{"personId": p, "organizationId": org, "role": "Lecturer", "since": "2020-09-01"}})
	if apitest.At(d, "addAffiliation", "organization", "kind") != "UNIVERSITY" || apitest.At(d, "addAffiliation", "since") != "2020-09-01" {
		t.Errorf("addAffiliation: %v", d)
	}
	a.Fails("CONFLICT", add, map[string]any{"in": map[string]any{"personId": p, "organizationId": org}})
	e := a.Fails("BAD_USER_INPUT", add, map[string]any{"in": map[string]any{"personId": p, "organizationId": org, "since": "2020-01-01", "until": "2019-01-01"}})
	if !strings.Contains(e.Message, "before since") {
		t.Errorf("end before start: %s", e.Message)
	}
	a.Fails("NOT_FOUND", add, map[string]any{"in": map[string]any{"personId": p, "organizationId": a.ID("nope")}})

	d = a.OK(`query($id: ID!) { organization(id: $id) { members { totalCount edges { role node { id } } } } }`, map[string]any{"id": org})
	if apitest.At(d, "organization", "members", "totalCount") != 1.0 || apitest.At(d, "organization", "members", "edges", 0, "role") != "Lecturer" {
		t.Errorf("members: %v", d)
	}
	const end = `mutation($in: EndAffiliationInput!) { endAffiliation(input: $in) { until } }`
	a.Fails("BAD_USER_INPUT", end, map[string]any{"in": map[string]any{"personId": p, "organizationId": org, "until": "2019-12-31"}})
	d = a.OK(end, map[string]any{"in": map[string]any{"personId": p, "organizationId": org, "until": "2024-06-30"}})
	if apitest.At(d, "endAffiliation", "until") != "2024-06-30" {
		t.Errorf("endAffiliation: %v", d)
	}
	a.Fails("NOT_FOUND", end, map[string]any{"in": map[string]any{"personId": p, "organizationId": org}})
	d = a.OK(`query($id: ID!) { organization(id: $id) { members { totalCount } } person(id: "`+p+`") { affiliations { until } } }`, map[string]any{"id": org})
	if apitest.At(d, "organization", "members", "totalCount") != 0.0 || apitest.At(d, "person", "affiliations", 0, "until") != "2024-06-30" {
		t.Errorf("after ending: %v", d)
	}

	d = a.OK(`mutation($in: UpdateOrganizationInput!) { updateOrganization(input: $in) { name kind } }`,
		map[string]any{"in": map[string]any{"id": org, "kind": "ASSOCIATION"}})
	if apitest.At(d, "updateOrganization", "kind") != "ASSOCIATION" || !strings.HasPrefix(apitest.At(d, "updateOrganization", "name").(string), "Uni ") {
		t.Errorf("update: %v", d)
	}
	d = a.OK(`query($k: OrganizationKind, $s: String) { organizations(first: 100, filter: {kind: $k, search: $s}) { totalCount edges { node { id } } } }`,
		map[string]any{"k": "ASSOCIATION", "s": strings.ReplaceAll(a.Prefix, "-", " ")})
	if apitest.At(d, "organizations", "edges", 0, "node", "id") != org {
		t.Errorf("organizations filter: %v", d)
	}
	a.OK(`mutation($id: ID!) { deleteOrganization(id: $id) }`, map[string]any{"id": org})
	d = a.OK(`query($id: ID!) { person(id: $id) { id affiliations { role } } }`, map[string]any{"id": p})
	if apitest.At(d, "person", "id") != p || len(apitest.At(d, "person", "affiliations").([]any)) != 0 {
		t.Errorf("person after deleting the organization: %v", d)
	}
}

// TestUnknownEnumValuesAreRefused: enums the domain keeps as strings
// (kinds, categories, statuses) are still checked against the schema, in
// variables and in the query text.
func TestUnknownEnumValuesAreRefused(t *testing.T) {
	a := apitest.New(t)
	e := a.Fails("GRAPHQL_VALIDATION_FAILED", `query($k: OrganizationKind) { organizations(filter: {kind: $k}) { totalCount } }`,
		map[string]any{"k": "BANK"})
	if !strings.Contains(e.Message, "BANK") || !strings.Contains(e.Message, "OrganizationKind") {
		t.Errorf("error for kind BANK: %s", e.Message)
	}
	e = a.Fails("GRAPHQL_VALIDATION_FAILED", `mutation { createSkill(input: {name: "x", category: MAGIC}) { id } }`, nil)
	if !strings.Contains(e.Message, "MAGIC") {
		t.Errorf("error for category MAGIC: %s", e.Message)
	}
}
