package resolvers_test

import (
	"strings"
	"testing"
)

func TestOrganizationsAndAffiliations(t *testing.T) {
	a := newAPI(t)
	const create = `mutation($in: CreateOrganizationInput!) { createOrganization(input: $in) { id name kind } }`
	d := a.ok(create, map[string]any{"in": map[string]any{"id": a.id("uni"), "name": "Uni " + a.p, "kind": "UNIVERSITY"}})
	org := at(d, "createOrganization", "id").(string)
	a.fails("CONFLICT", create, map[string]any{"in": map[string]any{"id": org, "name": "Other", "kind": "COMPANY"}})
	a.fails("BAD_USER_INPUT", create, map[string]any{"in": map[string]any{"id": a.id("o2"), "name": "", "kind": "COMPANY"}})

	p := a.person("kim", nil)
	const add = `mutation($in: AddAffiliationInput!) { addAffiliation(input: $in) { role since until person { id } organization { id kind } } }`
	d = a.ok(add, map[string]any{"in": map[string]any{"personId": p, "organizationId": org, "role": "Lecturer", "since": "2020-09-01"}})
	if at(d, "addAffiliation", "organization", "kind") != "UNIVERSITY" || at(d, "addAffiliation", "since") != "2020-09-01" {
		t.Errorf("addAffiliation: %v", d)
	}
	a.fails("CONFLICT", add, map[string]any{"in": map[string]any{"personId": p, "organizationId": org}})
	e := a.fails("BAD_USER_INPUT", add, map[string]any{"in": map[string]any{"personId": p, "organizationId": org, "since": "2020-01-01", "until": "2019-01-01"}})
	if !strings.Contains(e.Message, "before since") {
		t.Errorf("end before start: %s", e.Message)
	}
	a.fails("NOT_FOUND", add, map[string]any{"in": map[string]any{"personId": p, "organizationId": a.id("nope")}})

	d = a.ok(`query($id: ID!) { organization(id: $id) { members { totalCount edges { role node { id } } } } }`, map[string]any{"id": org})
	if at(d, "organization", "members", "totalCount") != 1.0 || at(d, "organization", "members", "edges", 0, "role") != "Lecturer" {
		t.Errorf("members: %v", d)
	}
	const end = `mutation($in: EndAffiliationInput!) { endAffiliation(input: $in) { until } }`
	a.fails("BAD_USER_INPUT", end, map[string]any{"in": map[string]any{"personId": p, "organizationId": org, "until": "2019-12-31"}})
	d = a.ok(end, map[string]any{"in": map[string]any{"personId": p, "organizationId": org, "until": "2024-06-30"}})
	if at(d, "endAffiliation", "until") != "2024-06-30" {
		t.Errorf("endAffiliation: %v", d)
	}
	a.fails("NOT_FOUND", end, map[string]any{"in": map[string]any{"personId": p, "organizationId": org}})
	d = a.ok(`query($id: ID!) { organization(id: $id) { members { totalCount } } person(id: "`+p+`") { affiliations { until } } }`, map[string]any{"id": org})
	if at(d, "organization", "members", "totalCount") != 0.0 || at(d, "person", "affiliations", 0, "until") != "2024-06-30" {
		t.Errorf("after ending: %v", d)
	}

	d = a.ok(`mutation($in: UpdateOrganizationInput!) { updateOrganization(input: $in) { name kind } }`,
		map[string]any{"in": map[string]any{"id": org, "kind": "ASSOCIATION"}})
	if at(d, "updateOrganization", "kind") != "ASSOCIATION" || !strings.HasPrefix(at(d, "updateOrganization", "name").(string), "Uni ") {
		t.Errorf("update: %v", d)
	}
	d = a.ok(`query($k: OrganizationKind, $s: String) { organizations(first: 100, filter: {kind: $k, search: $s}) { totalCount edges { node { id } } } }`,
		map[string]any{"k": "ASSOCIATION", "s": strings.ReplaceAll(a.p, "-", " ")})
	if at(d, "organizations", "edges", 0, "node", "id") != org {
		t.Errorf("organizations filter: %v", d)
	}
	a.ok(`mutation($id: ID!) { deleteOrganization(id: $id) }`, map[string]any{"id": org})
	d = a.ok(`query($id: ID!) { person(id: $id) { id affiliations { role } } }`, map[string]any{"id": p})
	if at(d, "person", "id") != p || len(at(d, "person", "affiliations").([]any)) != 0 {
		t.Errorf("person after deleting the organization: %v", d)
	}
}

// TestUnknownEnumValuesAreRefused: enums the domain keeps as strings
// (kinds, categories, statuses) are still checked against the schema, in
// variables and in the query text.
func TestUnknownEnumValuesAreRefused(t *testing.T) {
	a := newAPI(t)
	e := a.fails("GRAPHQL_VALIDATION_FAILED", `query($k: OrganizationKind) { organizations(filter: {kind: $k}) { totalCount } }`,
		map[string]any{"k": "BANK"})
	if !strings.Contains(e.Message, "BANK") || !strings.Contains(e.Message, "OrganizationKind") {
		t.Errorf("error for kind BANK: %s", e.Message)
	}
	e = a.fails("GRAPHQL_VALIDATION_FAILED", `mutation { createSkill(input: {name: "x", category: MAGIC}) { id } }`, nil)
	if !strings.Contains(e.Message, "MAGIC") {
		t.Errorf("error for category MAGIC: %s", e.Message)
	}
}
