package graph

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mentorgraph/mentorgraph/graph/dataset"
)

// Every Cypher statement the store can send has a golden file,
// testdata/cypher/<question>/<variant>.cypher, so a reviewer reads each
// query as text and sees any change to one as a diff:
//
//	go test ./graph -run Golden -update   # rewrite the files
//	go test ./graph -run Golden           # compare
//
// TestCypherGolden compares cypherStatements with the files.
// TestMain (main_test.go) also records every statement the tests send
// through the store and fails the run when one has no golden file, so a
// statement left out of cypherStatements is noticed.

var updateGolden = flag.Bool("update", false, "rewrite the golden files of testdata/cypher")

// goldenDir holds the golden Cypher files.
const goldenDir = "testdata/cypher"

// namedStatement is a statement and its golden file's name.
type namedStatement struct {
	question, variant, cypher string
}

func (n namedStatement) path() string {
	return filepath.Join(goldenDir, n.question, n.variant+".cypher")
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
	}
	add("coverageGaps", "without-seen", coverageWithoutCypher)
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
		{"goal", "add", addGoalCypher},
		{"goal", "update", updateGoalCypher},
		{"goal", "remove", removeGoalCypher},
		{"openMentorLinks", "refresh", refreshOpenMentorLinksCypher},
		{"openMentorLinks", "people", openMentorLinksPeopleCypher},
		{"openMentorLinks", "version", openMentorLinksVersionCypher},
		{"openMentorLinks", "set-version", setOpenMentorLinksVersionCypher},

		// Start-up: the schema and the one-time merge of duplicate links.
		{"schema", "await-indexes", awaitIndexesCypher},
		{"schema", "skill-hierarchy-lock", ensureSkillHierarchyLockCypher},
		{"uniqueLinks", "version", uniqueLinksVersionCypher},
		{"uniqueLinks", "set-version", setUniqueLinksVersionCypher},
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
		{"import", "known-ids", knownIDsCypher},
	} {
		add(s.question, s.variant, s.cypher)
	}
	for _, st := range schemaStatements {
		add("schema", st.name, st.cypher)
	}
	add("schema", "read-indexes", schemaIndexesCypher)
	add("schema", "read-meta", schemaMetaCypher)
	// Planned reads: each shape the tests read, by id and as a page.
	for _, shape := range PlannedReadShapes {
		projection, _ := plannedProjection(shape.Reads)
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
	return out
}

// goldenText is what a golden file holds for cypher: the statement
// without its surrounding blank lines, and a final newline.
func goldenText(cypher string) string { return strings.TrimSpace(cypher) + "\n" }

func TestCypherGolden(t *testing.T) {
	statements := cypherStatements()
	want := map[string]bool{}
	for _, s := range statements {
		p := s.path()
		if want[p] {
			t.Fatalf("two statements named %s", p)
		}
		want[p] = true
		if *updateGolden {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(goldenText(s.cypher)), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v (run go test ./graph -run Golden -update)", p, err)
			continue
		}
		if diff := cmp.Diff(string(got), goldenText(s.cypher)); diff != "" {
			t.Errorf("%s differs from the statement the store sends (-golden +now); if the change is meant, run go test ./graph -run Golden -update and review the diff:\n%s", p, diff)
		}
	}
	// Files of statements that no longer exist.
	err := filepath.WalkDir(goldenDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || want[p] {
			return err
		}
		if *updateGolden {
			return os.Remove(p)
		}
		t.Errorf("%s: the store has no such statement any more (go test ./graph -run Golden -update removes it)", p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sentStatements records the statements the store sends while tests run
// (see ranStatement).
var sentStatements sync.Map

// RecordSentStatements makes the store record every statement it sends
// (for TestMain).
func RecordSentStatements() {
	ranStatement = func(cypher string) { sentStatements.Store(cypher, true) }
}

// testOnlyStatements are statements only tests send through the store:
// the open-mentor searches forced one way (export_test.go), compared with
// the store's own choice, and a statement that outlives its deadline.
func testOnlyStatements() []string {
	out := []string{slowCountCypher}
	for _, v := range []*openVariants{findOpenMentorsForward, findOpenMentorsBackward, countOpenMentorsForward, countOpenMentorsBackward} {
		for l := range reachLinkSets {
			for n := 1; n <= MaxOpenMentorHops; n++ {
				out = append(out, v[l][n][1:]...)
			}
		}
	}
	return out
}

// UnlistedStatements returns the statements the store sent that have no
// golden file (cypherStatements) and are not testOnlyStatements, on one
// line each (for TestMain).
func UnlistedStatements() []string {
	listed := map[string]bool{}
	for _, s := range cypherStatements() {
		listed[goldenText(s.cypher)] = true
	}
	for _, c := range testOnlyStatements() {
		listed[goldenText(c)] = true
	}
	var out []string
	sentStatements.Range(func(k, _ any) bool {
		if c := k.(string); !listed[goldenText(c)] {
			out = append(out, strings.Join(strings.Fields(c), " "))
		}
		return true
	})
	slices.Sort(out)
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
