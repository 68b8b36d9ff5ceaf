package graph

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// The store's statements by name: the golden files' names
// (testdata/cypher/<question>/<variant>.cypher), which the tests compare
// with cypherStatements, and which a trace gives each statement's span
// (StatementName).

// namedStatement is a statement and its golden file's name.
type namedStatement struct {
	question, variant, cypher string
}

// linkSetNames name the link sets of reach questions in golden file names.
var linkSetNames = [reachLinkSets]string{reachBoth: "both", reachConnections: "connections", reachMentorships: "mentorships"}

// cypherStatements lists every statement the store can send, by question
// and variant: the constants as they are, and of each table of variants
// those the store picks (pickVariant and the questions' own choices).
func cypherStatements() []namedStatement {
	var out []namedStatement
	add := func(question, variant, cypher string) {
		out = append(out, namedStatement{question, variant, cypher})
	}
	hops := func(n int) string { return strconv.Itoa(n) + "-hops" }

	// Reach questions: every link set and hop bound by reach; available
	// mentors within MaxOpenMentorHops from the open-mentor links, by level.
	for l := range reachLinkSets {
		for n := 1; n <= MaxReachHops; n++ {
			add("findMentors", "reach-"+linkSetNames[l]+"-"+hops(n), findMentorsVariants[l][n])
			add("findMentorsWithCount", "reach-"+linkSetNames[l]+"-"+hops(n), findMentorsWithCountVariants[l][n])
			add("countMentors", "reach-"+linkSetNames[l]+"-"+hops(n), countMentorsVariants[l][n])
		}
		for n := 1; n <= MaxOpenMentorHops; n++ {
			for level := 1; level <= MaxSkillLevel; level++ {
				v := fmt.Sprintf("open-%s-%s-level-%d", linkSetNames[l], hops(n), level)
				add("findMentors", v, findOpenMentors[l][n][level])
				add("findMentorsWithCount", v, findOpenMentorsWithCount[l][n][level])
				add("countMentors", v, countOpenMentors[l][n][level])
			}
		}
	}
	// MentorBoard follows both link kinds, at BoardMinLevel.
	for n := 1; n <= MaxReachHops; n++ {
		if n <= MaxOpenMentorHops {
			add("mentorBoard", fmt.Sprintf("candidates-open-%s-level-%d", hops(n), BoardMinLevel), boardOpenCandidates[reachBoth][n][BoardMinLevel])
		} else {
			add("mentorBoard", "candidates-reach-"+hops(n), boardCandidatesVariants[reachBoth][n])
		}
		add("mentorBoard", "seats-"+hops(n), boardSeatsVariants[reachBoth][n])
	}
	for n := 1; n <= MaxNeighborhoodDepth; n++ {
		add("neighborhood", "depth-"+strconv.Itoa(n), neighborhoodVariants[reachBoth][n])
	}
	// Referral paths: k is a literal only where SHORTEST k takes it (paths
	// longer than referralMeetHops); below that the variants are one.
	for n := 1; n <= MaxReferralHops; n++ {
		if n <= referralMeetHops {
			add("referralPaths", hops(n), referralVariants[n][MaxReferralPaths])
			continue
		}
		for k := 1; k <= MaxReferralPaths; k++ {
			add("referralPaths", fmt.Sprintf("%s-%d-paths", hops(n), k), referralVariants[n][k])
		}
	}
	for _, dir := range []LineageDirection{Ancestors, Descendants} {
		for n := 1; n <= MaxLineageDepth; n++ {
			add("lineage", fmt.Sprintf("%s-%d-generations", strings.ToLower(string(dir)), n), lineageVariants[dir][n])
		}
	}
	for n := 1; n <= MaxCoverageHops; n++ {
		add("coverageGaps", hops(n), coverageVariants[n])
		add("coverageGaps", "organization-"+hops(n), coverageOrganizationVariants[n])
	}
	add("coverageGaps", "without-seen", coverageWithoutCypher)
	add("coverageGaps", "seen-ids", coverageSeenCypher)
	add("successors", "successors", successorsCypher)

	// Lists and lookups.
	for _, s := range []struct{ question, variant, cypher string }{
		{"people", "page", peoplePageCypher},
		{"people", "search", peopleSearchCypher},
		{"people", "count", peopleCountCypher},
		{"people", "search-count", peopleSearchCountCypher},
		{"person", "set-privacy", setPrivacyCypher},
		{"people", "organization", peopleOfOrganizationCypher},
		{"people", "organization-count", peopleOfOrganizationCountCypher},
		{"people", "by-id", peopleByIDCypher},
		{"people", "skills", skillsOfPeopleCypher},
		{"people", "goals", goalsOfPeopleCypher},
		{"people", "affiliations", affiliationsOfPeopleCypher},
		{"people", "mentors", mentorsOfPeopleCypher},
		{"people", "mentees", menteesOfPeopleCypher},
		{"people", "connections", connectionsOfPeopleCypher},
		{"skills", "page", skillsPageCypher},
		{"skills", "search", skillsSearchCypher},
		{"skills", "count", skillsCountCypher},
		{"skills", "search-count", skillsSearchCountCypher},
		{"skills", "by-id", skillsByIDCypher},
		{"skills", "narrower", narrowerSkillsCypher},
		{"skills", "counts", skillCountsCypher},
		{"skills", "learners", skillLearnersCypher},
		{"skills", "mentors", skillMentorsCypher},
		{"skills", "mentors-count", skillMentorsCountCypher},
		{"organizations", "page", organizationsPageCypher},
		{"organizations", "search", organizationsSearchCypher},
		{"organizations", "count", organizationsCountCypher},
		{"organizations", "search-count", organizationsSearchCountCypher},
		{"organizations", "by-id", organizationsByIDCypher},
		{"organizations", "members", membersCypher},
		{"organizations", "members-count", countMembersCypher},

		// Writes.
		{"person", "create", createPersonCypher},
		{"person", "update", updatePersonCypher},
		{"person", "delete", deletePersonCypher},
		{"person", "set-skill", setPersonSkillCypher},
		{"person", "remove-skill", removePersonSkillCypher},
		{"person", "connect", connectCypher},
		{"person", "connection", connectionCypher},
		{"person", "disconnect", disconnectCypher},
		{"skill", "create", createSkillCypher},
		{"skill", "update", updateSkillCypher},
		{"skill", "delete", deleteSkillCypher},
		{"skill", "hierarchy", hierarchyCypher},
		{"skill", "hierarchy-lock", skillHierarchyLockCypher},
		{"organization", "create", createOrganizationCypher},
		{"organization", "update", updateOrganizationCypher},
		{"organization", "delete", deleteOrganizationCypher},
		{"organization", "affiliate", addAffiliationCypher},
		{"organization", "affiliations-of-pair", affiliationsOfPairCypher},
		{"organization", "end-affiliation", endAffiliationCypher},
		{"organization", "affiliation-since", affiliationSinceCypher},
		{"mentorship", "record", recordMentorshipCypher},
		{"mentorship", "pair", mentorshipPairCypher},
		{"mentorship", "active", activeMentorshipCypher},
		{"mentorship", "end", endMentorshipCypher},
		{"mentorship", "unknown-skills", unknownSkillsCypher},
		{"mentorshipRequest", "pair", requestPairCypher},
		{"mentorshipRequest", "create", createRequestCypher},
		{"mentorshipRequest", "pending", pendingRequestCypher},
		{"mentorshipRequest", "accept", acceptRequestCypher},
		{"mentorshipRequest", "decline", declineRequestCypher},
		{"mentorshipRequest", "of-person", requestsOfCypher},
		{"goal", "add", addGoalCypher},
		{"goal", "update", updateGoalCypher},
		{"goal", "remove", removeGoalCypher},
		{"openMentorLinks", "refresh", refreshOpenMentorLinksCypher},
		{"openMentorLinks", "people", openMentorLinksPeopleCypher},

		// Start-up: the schema migrations, among them the one-time merge
		// of duplicate links.
		{"schema", "await-indexes", awaitIndexesCypher},
		{"schema", "skill-hierarchy-lock", ensureSkillHierarchyLockCypher},
		{"schema", "read-version", schemaVersionCypher},
		{"schema", "lock-version", lockSchemaVersionCypher},
		{"schema", "start-version", startSchemaVersionCypher},
		{"schema", "record-version", recordSchemaVersionCypher},
		{"uniqueLinks", "people-after", peopleAfterCypher},
		{"uniqueLinks", "merge-mentored-by", mergeMentoredByCypher},
		{"uniqueLinks", "merge-knows", mergeKnowsCypher},
		{"uniqueLinks", "merge-affiliations", mergeAffiliationsCypher},
		{"store", "ping", pingCypher},

		// Accounts, sessions and API tokens.
		{"account", "create", createAccountCypher},
		{"account", "person-has-account", personHasAccountCypher},
		{"account", "by-login", accountByLoginCypher},
		{"account", "by-id", accountByIDCypher},
		{"account", "count-admins", countAdminsCypher},
		{"account", "set-admin", setAdminCypher},
		{"account", "grant-organizer", grantOrganizerCypher},
		{"account", "revoke-organizer", revokeOrganizerCypher},
		{"account", "create-session", createSessionCypher},
		{"account", "session-account", sessionAccountCypher},
		{"account", "delete-session", deleteSessionCypher},
		{"account", "create-api-token", createAPITokenCypher},
		{"account", "token-account", tokenAccountCypher},
		{"account", "touch-api-token", touchAPITokenCypher},
		{"account", "api-token-owner", apiTokenOwnerCypher},
		{"account", "revoke-api-token", revokeAPITokenCypher},
		{"account", "api-tokens-of", apiTokensOfCypher},
		{"account", "goal-owner", goalOwnerCypher},
		{"account", "stored-non-members", storedNonMembersCypher},

		// Export, a page of each kind at a time.
		{"export", "people", exportPeople},
		{"export", "skills", exportSkills},
		{"export", "organizations", exportOrganizations},
		{"export", "person-skills", exportPersonSkills},
		{"export", "affiliations", exportAffiliations},
		{"export", "mentorships", exportMentorships},
		{"export", "connections", exportConnections},
		{"export", "goals", exportGoals},
		{"export", "organization-members", exportOrgMembers},
		{"export", "organization-person-skills", exportOrgPersonSkills},
		{"export", "organization-affiliations", exportOrgAffiliations},
		{"export", "organization-mentorships", exportOrgMentorships},
		{"export", "organization-connections", exportOrgConnections},
		{"export", "organization-goals", exportOrgGoals},
		{"export", "organization-skills", exportOrgSkills},
		{"import", "known-ids", knownIDsCypher},
	} {
		add(s.question, s.variant, s.cypher)
	}
	add("schema", schemaVersionConstraint.name, schemaVersionConstraint.cypher)
	for _, m := range migrations {
		for _, st := range m.schema {
			add("schema", st.name, st.cypher)
		}
	}
	add("schema", "read-indexes", schemaIndexesCypher)
	// Planned reads: each shape the tests read, by id and as a page.
	for _, shape := range PlannedReadShapes {
		projection, _, _ := plannedProjection(shape.Reads)
		add("plannedReads", shape.Name+"-by-id", readPeopleCypher(projection))
		add("plannedReads", shape.Name+"-page", peoplePageCypherWith(projection))
		add("plannedReads", shape.Name+"-search", peopleSearchCypherWith(projection))
		add("plannedReads", shape.Name+"-organization", peopleOfOrganizationCypherWith(projection))
	}
	for _, l := range []label{personLabel, skillLabel, organizationLabel, goalLabel} {
		add("store", "exists-"+labelNoun[l], existsCypher[l])
		add("store", "lock-"+labelNoun[l], lockNodesCypher[l])
	}
	for _, st := range importSteps(&dataset.Dataset{}) {
		kind := strings.ReplaceAll(string(st.kind), "_", "-")
		for _, s := range []struct{ what, cypher string }{
			{"classify", st.classify}, {"create", st.create}, {"update", st.update}, {"create-fresh", st.createFresh},
		} {
			if s.cypher != "" {
				add("import", kind+"-"+s.what, s.cypher)
			}
		}
	}
	add("import", "any-person", anyStoredCypher("Person"))
	add("backup", "nodes", backupNodesCypher)
	add("backup", "relationships", backupRelationshipsCypher)
	add("restore", "state", restoreStateCypher)
	add("restore", "mark", restoreMarkCypher)
	add("restore", "unmark", restoreUnmarkCypher)
	add("restore", "wipe", restoreWipeCypher)
	for _, l := range backupLabels {
		add("restore", "nodes-"+l, restoreNodeCypher[l])
	}
	for _, sh := range backupShapes {
		add("restore", sh.typ+"-"+sh.from+"-"+sh.to, restoreRelationshipCypher[sh])
	}
	return out
}

// PlannedReadShapes are the shapes of planned reads the tests read
// (reads_test.go), each with a golden file per statement.
var PlannedReadShapes = []struct {
	Name  string
	Reads Reads
}{
	{"skills", Reads{Skills: true}},
	// The person view's profile.
	{"profile", Reads{Skills: true, Goals: true, Affiliations: true, Mentors: &Reads{}, Mentees: &Reads{}}},
	// person(id) { skills { skill } mentors { mentor } connections(first: 20) { person } }
	{"skills-mentors-connections", Reads{Skills: true, Mentors: &Reads{}, Connections: []ConnectionReads{{First: 20}}}},
	// Three levels: connections' mentors' skills, mentees' mentors' goals,
	// and connections read twice with different limits.
	{"three-levels", Reads{
		Connections: []ConnectionReads{{First: 2, Person: Reads{Mentors: &Reads{Skills: true}}}, {First: 100}},
		Mentees:     &Reads{Mentors: &Reads{Goals: true, Affiliations: true}},
	}},
	// Skills and mentors five levels down: read to MaxReadDepth.
	{"deeper-than-planned", skillsAndMentors(5)},
	// person(id) { name skills { skill { name } } mentors { mentor { name } }
	// connections(first: 20) { person { name } } }, as the resolvers plan
	// it: no person's open slots, profile or privacy is asked.
	{"names-skills-mentors-connections", Reads{Skip: AllPersonFields, Skills: true, Mentors: &Reads{Skip: AllPersonFields},
		Connections: []ConnectionReads{{First: 20, Person: Reads{Skip: AllPersonFields}}}}},
	// people(first: 50) { name skills { skill { name } } mentors { mentor { name } } }.
	{"names-skills-mentors", Reads{Skip: AllPersonFields, Skills: true, Mentors: &Reads{Skip: AllPersonFields}}},
	// Some fields asked at each level: the profile of the connections,
	// open slots and privacy of the mentors, only the person's own lists.
	{"some-fields", Reads{Skip: AllPersonFields, Mentors: &Reads{Skip: PersonProfile, Mentees: &Reads{Skip: PersonPrivacy}},
		Connections: []ConnectionReads{{First: 3, Person: Reads{Skip: PersonOpenSlots | PersonPrivacy}}}}},
}

// skillsAndMentors reads skills and mentors, levels deep.
func skillsAndMentors(levels int) Reads {
	r := Reads{Skills: true}
	for range levels {
		next := r
		r = Reads{Skills: true, Mentors: &next}
	}
	return r
}

var (
	statementNamesOnce sync.Once
	statementNames     map[string]string
)

// StatementName is the golden file name ("question/variant") of a
// statement the store sends, or "unlisted" for one cypherStatements does
// not list (a planned read of a shape no test reads).
func StatementName(cypher string) string {
	statementNamesOnce.Do(func() {
		statementNames = map[string]string{}
		for _, s := range cypherStatements() {
			if _, dup := statementNames[s.cypher]; !dup {
				statementNames[s.cypher] = s.question + "/" + s.variant
			}
		}
	})
	if n, ok := statementNames[cypher]; ok {
		return n
	}
	return "unlisted"
}
