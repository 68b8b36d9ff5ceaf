package graph

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// OrganizationInput is a new organization; a nil ID is derived from the name.
type OrganizationInput struct {
	ID   *string
	Name string
	Kind string
}

// OrganizationPatch changes some fields of an organization.
type OrganizationPatch struct {
	Name Optional[string]
	Kind Optional[string]
}

const organizationProjection = `o {.id, .name, .kind}`

func organizationFrom(m map[string]any) Organization {
	return Organization{ID: str(m, "id"), Name: str(m, "name"), Kind: str(m, "kind")}
}

const createOrganizationCypher = `
CREATE (o:Organization {id: $id, name: $name, kind: $kind})
RETURN ` + organizationProjection

// CreateOrganization stores a new organization.
func (s *Store) CreateOrganization(ctx context.Context, in OrganizationInput) (Organization, error) {
	id := Slug(in.Name)
	if in.ID != nil {
		id = *in.ID
	}
	var c checker
	c.id("input.id", id)
	c.name("input.name", in.Name, MaxNameLen)
	c.oneOf("input.kind", in.Kind, OrganizationKinds)
	if c.err != nil {
		return Organization{}, c.err
	}
	o, err := write(ctx, s, "create organization", func(tx neo4j.ManagedTransaction) (Organization, error) {
		return single(ctx, tx, createOrganizationCypher, map[string]any{"id": id, "name": in.Name, "kind": in.Kind}, organizationFrom)
	})
	if isConstraintViolation(err) {
		return Organization{}, conflict("an organization with id %q already exists", id)
	}
	return o, err
}

const updateOrganizationCypher = `
MATCH (o:Organization {id: $id})
SET o += $set
RETURN ` + organizationProjection

// UpdateOrganization applies patch to the organization with id.
func (s *Store) UpdateOrganization(ctx context.Context, id string, patch OrganizationPatch) (Organization, error) {
	var c checker
	notCleared(&c, "input.name", patch.Name)
	if patch.Name.Value != nil {
		c.name("input.name", *patch.Name.Value, MaxNameLen)
	}
	notCleared(&c, "input.kind", patch.Kind)
	if patch.Kind.Value != nil {
		c.oneOf("input.kind", *patch.Kind.Value, OrganizationKinds)
	}
	if c.err != nil {
		return Organization{}, c.err
	}
	set := map[string]any{}
	setOptional(set, "name", patch.Name)
	setOptional(set, "kind", patch.Kind)
	return write(ctx, s, "update organization", func(tx neo4j.ManagedTransaction) (Organization, error) {
		o, err := single(ctx, tx, updateOrganizationCypher, map[string]any{"id": id, "set": set}, organizationFrom)
		if errors.Is(err, errNoRows) {
			return Organization{}, notFound("no organization with id %q", id)
		}
		return o, err
	})
}

const deleteOrganizationCypher = `
MATCH (o:Organization {id: $id})
DETACH DELETE o
RETURN {deleted: true} AS result`

// DeleteOrganization deletes an organization and its affiliations.
func (s *Store) DeleteOrganization(ctx context.Context, id string) error {
	_, err := write(ctx, s, "delete organization", func(tx neo4j.ManagedTransaction) (bool, error) {
		_, err := single(ctx, tx, deleteOrganizationCypher, map[string]any{"id": id}, func(map[string]any) bool { return true })
		if errors.Is(err, errNoRows) {
			return false, notFound("no organization with id %q", id)
		}
		return true, err
	})
	return err
}

const organizationsByIDCypher = `
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN ` + organizationProjection

// OrganizationsByID returns the organizations with these ids, keyed by id.
func (s *Store) OrganizationsByID(ctx context.Context, ids []string) (map[string]Organization, error) {
	return read(ctx, s, "organizations by id", func(tx neo4j.ManagedTransaction) (map[string]Organization, error) {
		orgs, err := collect(ctx, tx, organizationsByIDCypher, map[string]any{"ids": ids}, organizationFrom)
		return keyBy(orgs, func(o Organization) string { return o.ID }), err
	})
}

// OrganizationFilter narrows a list of organizations.
type OrganizationFilter struct {
	Kind   *string
	Search *string
}

func (f OrganizationFilter) params() (map[string]any, error) {
	return enumSearchParams("filter.kind", "kind", f.Kind, OrganizationKinds, f.Search)
}

const organizationsPageCypher = `
MATCH (o:Organization)
WHERE o.id > $after AND ($kind IS NULL OR o.kind = $kind)
WITH o ORDER BY o.id LIMIT $limit
RETURN ` + organizationProjection + ` AS organization, null AS score`

const organizationsSearchCypher = `
CALL db.index.fulltext.queryNodes('names', $search) YIELD node AS o, score
WHERE o:Organization AND ($kind IS NULL OR o.kind = $kind)
  AND ($afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND o.id > $after))
WITH o, score ORDER BY score DESC, o.id LIMIT $limit
RETURN ` + organizationProjection + ` AS organization, score`

const organizationsCountCypher = `
MATCH (o:Organization) WHERE $kind IS NULL OR o.kind = $kind
RETURN count(o) AS n`

const organizationsSearchCountCypher = `
CALL db.index.fulltext.queryNodes('names', $search) YIELD node AS o
WHERE o:Organization AND ($kind IS NULL OR o.kind = $kind)
RETURN count(o) AS n`

// Organizations lists organizations a page at a time: by id, or best match first.
func (s *Store) Organizations(ctx context.Context, f OrganizationFilter, page PageArgs) (Page[Organization], error) {
	cypher := organizationsPageCypher
	if f.Search != nil {
		cypher = organizationsSearchCypher
	}
	return listPage(ctx, s, "list organizations", cypher, f.Search, f.params, page, organizationFrom, func(o Organization) string { return o.ID })
}

// CountOrganizations counts the organizations matching f.
func (s *Store) CountOrganizations(ctx context.Context, f OrganizationFilter) (int, error) {
	return countMatching(ctx, s, "count organizations", organizationsCountCypher, organizationsSearchCountCypher, f.Search, f.params)
}

// Member is a current member of an organization.
type Member struct {
	Person Person
	Role   *string
	Since  *Date
}

var membersCypher = `
UNWIND $ids AS id
MATCH (o:Organization {id: id})
CALL (o) {
  MATCH (p:Person)-[a:AFFILIATED_WITH]->(o)
  WHERE a.until IS NULL AND p.id > $after AND ` + seenBy("p") + `
  WITH p, a ORDER BY p.id LIMIT $limit
  RETURN collect({person: ` + personProjection + `, role: a.role, since: a.since}) AS rows
}
UNWIND rows AS row
RETURN row {.*, key: o.id} AS row`

// MembersOf returns, for each organization, a page of its current members by id.
func (s *Store) MembersOf(ctx context.Context, orgIDs []string, page PageArgs) (map[string]Page[Member], error) {
	after, hasAfter, err := checkPage(page, MaxPageSize)
	if err != nil {
		return nil, err
	}
	rows, err := byKey(ctx, s, "members of organizations", membersCypher, orgIDs,
		map[string]any{"after": after.ID, "limit": page.First + 1}, func(m map[string]any) Member {
			pm, _ := m["person"].(map[string]any)
			return Member{Person: personFrom(pm), Role: strPtr(m, "role"), Since: datePtr(m, "since")}
		})
	if err != nil {
		return nil, err
	}
	return pagesOf(rows, page.First, hasAfter, func(m Member) Cursor { return Cursor{ID: m.Person.ID} }), nil
}

var countMembersCypher = `
MATCH (p:Person)-[a:AFFILIATED_WITH]->(:Organization {id: $org})
WHERE a.until IS NULL AND ` + seenBy("p") + `
RETURN count(a) AS n`

// CountMembers counts an organization's current members.
func (s *Store) CountMembers(ctx context.Context, orgID string) (int, error) {
	return count(ctx, s, "count members", countMembersCypher, map[string]any{"org": orgID})
}

const addAffiliationCypher = `
MATCH (p:Person {id: $person}), (o:Organization {id: $org})
CREATE (p)-[a:AFFILIATED_WITH {role: $role, since: $since, until: $until}]->(o)
SET p.updatedAt = datetime()
RETURN {person: p.id, organization: o.id, role: a.role, since: a.since, until: a.until} AS a`

// affiliationsOfPairCypher reads a person's memberships of an
// organization: the current ones ($current) or the past ones, current and
// earliest first.
const affiliationsOfPairCypher = `
MATCH (p:Person {id: $person})-[a:AFFILIATED_WITH]->(o:Organization {id: $org})
WHERE (a.until IS NULL) = $current
WITH p, o, a ORDER BY a.since
RETURN {person: p.id, organization: o.id, role: a.role, since: a.since, until: a.until} AS a`

// AddAffiliation records a membership. A person has at most one current
// membership (no until) of an organization, and any number of past ones.
// A request identical to a stored membership (same role and until; an
// omitted since matches any) returns the stored one and writes nothing, so
// a client may repeat it; a current membership that differs from the
// stored current one is ErrConflict naming it. The person and the
// organization are locked first, so concurrent requests store one.
func (s *Store) AddAffiliation(ctx context.Context, a Affiliation) (Affiliation, error) {
	var c checker
	c.id("input.personId", a.PersonID)
	c.id("input.organizationId", a.OrganizationID)
	c.text("input.role", a.Role, MaxNameLen)
	c.period("input.until", a.Since, a.Until)
	if c.err != nil {
		return Affiliation{}, c.err
	}
	params := map[string]any{"person": a.PersonID, "org": a.OrganizationID,
		"role": ptrParam(a.Role), "since": dateParam(a.Since), "until": dateParam(a.Until), "current": a.Until == nil}
	return write(ctx, s, "add affiliation", func(tx neo4j.ManagedTransaction) (Affiliation, error) {
		if err := lockNodes(ctx, tx, personLabel, a.PersonID); err != nil {
			return Affiliation{}, err
		}
		if err := lockNodes(ctx, tx, organizationLabel, a.OrganizationID); err != nil {
			return Affiliation{}, err
		}
		if err := requireAll(ctx, tx, ref{personLabel, a.PersonID, "input.personId"}, ref{organizationLabel, a.OrganizationID, "input.organizationId"}); err != nil {
			return Affiliation{}, err
		}
		stored, err := collect(ctx, tx, affiliationsOfPairCypher, params, affiliationFrom)
		if err != nil {
			return Affiliation{}, err
		}
		for _, old := range stored {
			if sameString(a.Role, old.Role) && sameDate(a.Until, old.Until) && (a.Since == nil || sameDate(a.Since, old.Since)) {
				return old, nil
			}
		}
		if a.Until == nil && len(stored) > 0 {
			old := stored[0]
			return Affiliation{}, conflict("%q is already a current member of %q (%s); end that membership first",
				a.PersonID, a.OrganizationID, membership(old))
		}
		return single(ctx, tx, addAffiliationCypher, params, affiliationFrom)
	})
}

// membership describes a stored membership for a message.
func membership(a Affiliation) string {
	role := "no role"
	if a.Role != nil {
		role = "role " + quote(*a.Role)
	}
	return role + period(a.Since, a.Until)
}

const endAffiliationCypher = `
MATCH (p:Person {id: $person})-[a:AFFILIATED_WITH]->(o:Organization {id: $org})
WHERE a.until IS NULL
WITH p, a, o ORDER BY a.since DESC LIMIT 1
SET a.until = $until, p.updatedAt = datetime()
RETURN {person: p.id, organization: o.id, role: a.role, since: a.since, until: a.until} AS a`

const affiliationSinceCypher = `
MATCH (:Person {id: $person})-[a:AFFILIATED_WITH]->(:Organization {id: $org})
WHERE a.until IS NULL
RETURN {since: a.since} AS a ORDER BY a.since DESC LIMIT 1`

// EndAffiliation ends the current membership (until defaults to today);
// ErrNotFound if there is none.
func (s *Store) EndAffiliation(ctx context.Context, personID, orgID string, until *Date) (Affiliation, error) {
	end := Today()
	if until != nil {
		end = *until
	}
	return write(ctx, s, "end affiliation", func(tx neo4j.ManagedTransaction) (Affiliation, error) {
		if err := requireAll(ctx, tx, ref{personLabel, personID, "input.personId"}, ref{organizationLabel, orgID, "input.organizationId"}); err != nil {
			return Affiliation{}, err
		}
		params := map[string]any{"person": personID, "org": orgID, "until": dateParam(&end)}
		since, err := single(ctx, tx, affiliationSinceCypher, params, func(m map[string]any) *Date { return datePtr(m, "since") })
		if errors.Is(err, errNoRows) {
			return Affiliation{}, notFound("%q has no current membership of %q", personID, orgID)
		}
		if err != nil {
			return Affiliation{}, err
		}
		var c checker
		c.period("input.until", since, &end)
		if c.err != nil {
			return Affiliation{}, c.err
		}
		return single(ctx, tx, endAffiliationCypher, params, affiliationFrom)
	})
}
