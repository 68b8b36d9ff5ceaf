package seed

import "github.com/mentorgraph/mentorgraph/graph/dataset"

// Skill categories, the values of dataset.Skill.Category.
const (
	CategoryTechnical     = "TECHNICAL"
	CategoryLeadership    = "LEADERSHIP"
	CategoryBusiness      = "BUSINESS"
	CategoryCareer        = "CAREER"
	CategoryInterpersonal = "INTERPERSONAL"
)

// catalogue is the fixed skill catalogue: five roots (one per category),
// broad skills under them and narrow skills under those. A child lists
// after its parent and shares its category.
var catalogue = []dataset.Skill{
	{ID: "technical", Name: "Technical", Category: CategoryTechnical, Description: "Building, running and securing software systems."},
	{ID: "software-engineering", Name: "Software Engineering", Category: CategoryTechnical, ParentID: "technical", Description: "Designing, writing and maintaining production software."},
	{ID: "go", Name: "Go", Category: CategoryTechnical, ParentID: "software-engineering", Description: "Writing services and tools in the Go programming language."},
	{ID: "python", Name: "Python", Category: CategoryTechnical, ParentID: "software-engineering", Description: "Writing applications, scripts and data pipelines in Python."},
	{ID: "java", Name: "Java", Category: CategoryTechnical, ParentID: "software-engineering", Description: "Building JVM services and applications in Java."},
	{ID: "typescript", Name: "TypeScript", Category: CategoryTechnical, ParentID: "software-engineering", Description: "Typed JavaScript for web front ends and Node.js services."},
	{ID: "rust", Name: "Rust", Category: CategoryTechnical, ParentID: "software-engineering", Description: "Systems programming with Rust's ownership model."},
	{ID: "system-design", Name: "System Design", Category: CategoryTechnical, ParentID: "software-engineering", Description: "Designing scalable, reliable distributed systems."},
	{ID: "software-testing", Name: "Software Testing", Category: CategoryTechnical, ParentID: "software-engineering", Description: "Unit, integration and end-to-end testing strategies."},
	{ID: "code-review", Name: "Code Review", Category: CategoryTechnical, ParentID: "software-engineering", Description: "Reviewing changes for correctness, clarity and design."},
	{ID: "mobile-development", Name: "Mobile Development", Category: CategoryTechnical, ParentID: "software-engineering", Description: "Building native and cross-platform mobile apps."},
	{ID: "cloud", Name: "Cloud Infrastructure", Category: CategoryTechnical, ParentID: "technical", Description: "Running software on cloud platforms and modern infrastructure."},
	{ID: "kubernetes", Name: "Kubernetes", Category: CategoryTechnical, ParentID: "cloud", Description: "Deploying and operating containerised workloads on Kubernetes."},
	{ID: "aws", Name: "AWS", Category: CategoryTechnical, ParentID: "cloud", Description: "Designing and operating systems on Amazon Web Services."},
	{ID: "terraform", Name: "Terraform", Category: CategoryTechnical, ParentID: "cloud", Description: "Managing infrastructure as code with Terraform."},
	{ID: "observability", Name: "Observability", Category: CategoryTechnical, ParentID: "cloud", Description: "Metrics, logs and traces that explain production behaviour."},
	{ID: "site-reliability", Name: "Site Reliability Engineering", Category: CategoryTechnical, ParentID: "cloud", Description: "Service level objectives, incident response and reliability practices."},
	{ID: "data", Name: "Data & Analytics", Category: CategoryTechnical, ParentID: "technical", Description: "Collecting, modelling and learning from data."},
	{ID: "sql", Name: "SQL", Category: CategoryTechnical, ParentID: "data", Description: "Querying and modelling relational data."},
	{ID: "data-engineering", Name: "Data Engineering", Category: CategoryTechnical, ParentID: "data", Description: "Building batch and streaming data pipelines."},
	{ID: "machine-learning", Name: "Machine Learning", Category: CategoryTechnical, ParentID: "data", Description: "Training, evaluating and shipping machine learning models."},
	{ID: "statistics", Name: "Statistics", Category: CategoryTechnical, ParentID: "data", Description: "Experiment design, inference and statistical modelling."},
	{ID: "data-visualization", Name: "Data Visualization", Category: CategoryTechnical, ParentID: "data", Description: "Turning data into clear charts and dashboards."},
	{ID: "security", Name: "Security", Category: CategoryTechnical, ParentID: "technical", Description: "Protecting systems, data and users."},
	{ID: "application-security", Name: "Application Security", Category: CategoryTechnical, ParentID: "security", Description: "Finding and fixing vulnerabilities in software."},
	{ID: "threat-modeling", Name: "Threat Modeling", Category: CategoryTechnical, ParentID: "security", Description: "Identifying and prioritising the threats to a system."},
	{ID: "frontend", Name: "Frontend Development", Category: CategoryTechnical, ParentID: "technical", Description: "Building user interfaces for the web."},
	{ID: "react", Name: "React", Category: CategoryTechnical, ParentID: "frontend", Description: "Building component-based web interfaces with React."},
	{ID: "accessibility", Name: "Accessibility", Category: CategoryTechnical, ParentID: "frontend", Description: "Making products usable by people of all abilities."},

	{ID: "leadership", Name: "Leadership", Category: CategoryLeadership, Description: "Guiding people, teams and organizations."},
	{ID: "people-management", Name: "People Management", Category: CategoryLeadership, ParentID: "leadership", Description: "Leading and growing a team of direct reports."},
	{ID: "hiring", Name: "Hiring", Category: CategoryLeadership, ParentID: "people-management", Description: "Designing interview loops and selecting great candidates."},
	{ID: "one-on-ones", Name: "One-on-Ones", Category: CategoryLeadership, ParentID: "people-management", Description: "Running effective regular conversations with direct reports."},
	{ID: "performance-reviews", Name: "Performance Reviews", Category: CategoryLeadership, ParentID: "people-management", Description: "Assessing performance fairly and setting clear expectations."},
	{ID: "team-building", Name: "Team Building", Category: CategoryLeadership, ParentID: "people-management", Description: "Forming healthy, effective teams."},
	{ID: "technical-leadership", Name: "Technical Leadership", Category: CategoryLeadership, ParentID: "leadership", Description: "Setting technical direction for a team or group."},
	{ID: "architecture-decisions", Name: "Architecture Decisions", Category: CategoryLeadership, ParentID: "technical-leadership", Description: "Making and recording sound architectural trade-offs."},
	{ID: "engineering-strategy", Name: "Engineering Strategy", Category: CategoryLeadership, ParentID: "technical-leadership", Description: "Aligning technical investments with business goals."},
	{ID: "executive-leadership", Name: "Executive Leadership", Category: CategoryLeadership, ParentID: "leadership", Description: "Leading an organization at the executive level."},
	{ID: "organizational-design", Name: "Organizational Design", Category: CategoryLeadership, ParentID: "executive-leadership", Description: "Structuring teams and reporting lines to fit the work."},
	{ID: "change-management", Name: "Change Management", Category: CategoryLeadership, ParentID: "executive-leadership", Description: "Leading people through organizational change."},
	{ID: "delegation", Name: "Delegation", Category: CategoryLeadership, ParentID: "leadership", Description: "Handing off work in a way that grows others."},

	{ID: "business", Name: "Business", Category: CategoryBusiness, Description: "Creating, selling and sustaining products and companies."},
	{ID: "product-management", Name: "Product Management", Category: CategoryBusiness, ParentID: "business", Description: "Deciding what to build and why."},
	{ID: "roadmapping", Name: "Roadmapping", Category: CategoryBusiness, ParentID: "product-management", Description: "Planning and communicating product direction over time."},
	{ID: "user-research", Name: "User Research", Category: CategoryBusiness, ParentID: "product-management", Description: "Learning what users need through interviews and studies."},
	{ID: "prioritization", Name: "Prioritization", Category: CategoryBusiness, ParentID: "product-management", Description: "Choosing what matters most with limited resources."},
	{ID: "negotiation", Name: "Negotiation", Category: CategoryBusiness, ParentID: "business", Description: "Reaching agreements that work for both sides."},
	{ID: "sales", Name: "Sales", Category: CategoryBusiness, ParentID: "business", Description: "Finding, winning and keeping customers."},
	{ID: "enterprise-sales", Name: "Enterprise Sales", Category: CategoryBusiness, ParentID: "sales", Description: "Running complex, multi-stakeholder business-to-business deals."},
	{ID: "customer-relations", Name: "Customer Relations", Category: CategoryBusiness, ParentID: "sales", Description: "Building lasting relationships with customers."},
	{ID: "finance", Name: "Finance", Category: CategoryBusiness, ParentID: "business", Description: "Managing money, budgets and financial planning."},
	{ID: "budgeting", Name: "Budgeting", Category: CategoryBusiness, ParentID: "finance", Description: "Planning and tracking budgets for teams and projects."},
	{ID: "fundraising", Name: "Fundraising", Category: CategoryBusiness, ParentID: "finance", Description: "Raising capital from investors."},
	{ID: "marketing", Name: "Marketing", Category: CategoryBusiness, ParentID: "business", Description: "Reaching and growing an audience."},
	{ID: "growth-marketing", Name: "Growth Marketing", Category: CategoryBusiness, ParentID: "marketing", Description: "Experiment-driven acquisition and retention."},
	{ID: "brand-strategy", Name: "Brand Strategy", Category: CategoryBusiness, ParentID: "marketing", Description: "Defining how a company is perceived."},
	{ID: "entrepreneurship", Name: "Entrepreneurship", Category: CategoryBusiness, ParentID: "business", Description: "Starting and growing a new venture."},

	{ID: "career", Name: "Career Development", Category: CategoryCareer, Description: "Planning and navigating a working life."},
	{ID: "career-planning", Name: "Career Planning", Category: CategoryCareer, ParentID: "career", Description: "Setting direction and milestones for a career."},
	{ID: "promotion-readiness", Name: "Promotion Readiness", Category: CategoryCareer, ParentID: "career-planning", Description: "Preparing a strong case for the next level."},
	{ID: "career-transitions", Name: "Career Transitions", Category: CategoryCareer, ParentID: "career-planning", Description: "Changing roles, fields or tracks."},
	{ID: "job-search", Name: "Job Search", Category: CategoryCareer, ParentID: "career", Description: "Finding and landing a new role."},
	{ID: "interviewing", Name: "Interviewing", Category: CategoryCareer, ParentID: "job-search", Description: "Performing well in job interviews."},
	{ID: "salary-negotiation", Name: "Salary Negotiation", Category: CategoryCareer, ParentID: "job-search", Description: "Negotiating compensation and offers."},
	{ID: "personal-branding", Name: "Personal Branding", Category: CategoryCareer, ParentID: "career", Description: "Building a professional reputation and visibility."},
	{ID: "professional-networking", Name: "Professional Networking", Category: CategoryCareer, ParentID: "personal-branding", Description: "Building and keeping professional relationships."},
	{ID: "work-life-balance", Name: "Work-Life Balance", Category: CategoryCareer, ParentID: "career", Description: "Sustaining energy and avoiding burnout."},

	{ID: "interpersonal", Name: "Interpersonal", Category: CategoryInterpersonal, Description: "Working well with other people."},
	{ID: "communication", Name: "Communication", Category: CategoryInterpersonal, ParentID: "interpersonal", Description: "Conveying ideas clearly to any audience."},
	{ID: "public-speaking", Name: "Public Speaking", Category: CategoryInterpersonal, ParentID: "communication", Description: "Presenting confidently to groups and at conferences."},
	{ID: "written-communication", Name: "Written Communication", Category: CategoryInterpersonal, ParentID: "communication", Description: "Clear writing for documents, proposals and email."},
	{ID: "presenting-to-executives", Name: "Presenting to Executives", Category: CategoryInterpersonal, ParentID: "communication", Description: "Communicating concisely with senior leaders."},
	{ID: "conflict-resolution", Name: "Conflict Resolution", Category: CategoryInterpersonal, ParentID: "interpersonal", Description: "Resolving disagreements constructively."},
	{ID: "feedback", Name: "Feedback", Category: CategoryInterpersonal, ParentID: "interpersonal", Description: "Giving and receiving feedback that helps people grow."},
	{ID: "coaching", Name: "Coaching", Category: CategoryInterpersonal, ParentID: "interpersonal", Description: "Helping others find their own answers."},
	{ID: "mentoring", Name: "Mentoring", Category: CategoryInterpersonal, ParentID: "coaching", Description: "Sharing experience to help others grow."},
	{ID: "cross-cultural-collaboration", Name: "Cross-Cultural Collaboration", Category: CategoryInterpersonal, ParentID: "interpersonal", Description: "Working well across cultures and time zones."},
	{ID: "emotional-intelligence", Name: "Emotional Intelligence", Category: CategoryInterpersonal, ParentID: "interpersonal", Description: "Recognising and managing emotions, your own and others'."},
}

// popularity lists every skill people can hold (all but the roots), most
// commonly held first; the k-th is held in proportion to 1/k^zipfExponent.
var popularity = []string{
	"communication", "python", "sql", "software-engineering", "people-management",
	"typescript", "java", "aws", "product-management", "public-speaking",
	"kubernetes", "system-design", "go", "data", "machine-learning",
	"cloud", "hiring", "written-communication", "react", "mentoring",
	"career-planning", "negotiation", "technical-leadership", "data-engineering", "statistics",
	"interviewing", "software-testing", "code-review", "one-on-ones", "sales",
	"coaching", "observability", "terraform", "prioritization", "user-research",
	"data-visualization", "frontend", "security", "roadmapping", "conflict-resolution",
	"marketing", "emotional-intelligence", "performance-reviews", "customer-relations", "professional-networking",
	"team-building", "architecture-decisions", "site-reliability", "promotion-readiness", "job-search",
	"finance", "budgeting", "enterprise-sales", "growth-marketing", "feedback",
	"delegation", "cross-cultural-collaboration", "engineering-strategy", "change-management", "mobile-development",
	"application-security", "personal-branding", "salary-negotiation", "career-transitions", "executive-leadership",
	"entrepreneurship", "presenting-to-executives", "organizational-design", "rust", "accessibility",
	"threat-modeling", "brand-strategy", "fundraising", "work-life-balance",
}

const zipfExponent = 1.0

// Skills returns the skill catalogue, parents before children. The slice
// is the caller's own.
func Skills() []dataset.Skill {
	return append([]dataset.Skill(nil), catalogue...)
}

// archetype is a kind of professional: the skills they tend to hold and
// their title at each seniority tier (0 junior … 4 principal/executive).
type archetype struct {
	share  int
	skills []string
	titles [5]string
}

var archetypes = []archetype{
	{30, []string{"software-engineering", "go", "python", "java", "typescript", "rust", "system-design", "software-testing", "code-review", "sql", "kubernetes", "aws", "mobile-development"},
		[5]string{"Junior Software Engineer", "Software Engineer", "Senior Software Engineer", "Staff Software Engineer", "Principal Engineer"}},
	{8, []string{"frontend", "typescript", "react", "accessibility", "software-testing", "code-review", "user-research"},
		[5]string{"Junior Frontend Developer", "Frontend Engineer", "Senior Frontend Engineer", "Staff Frontend Engineer", "Principal Frontend Engineer"}},
	{8, []string{"cloud", "kubernetes", "aws", "terraform", "observability", "site-reliability", "go", "python"},
		[5]string{"Junior DevOps Engineer", "Platform Engineer", "Senior Site Reliability Engineer", "Staff Platform Engineer", "Principal Infrastructure Engineer"}},
	{10, []string{"data", "python", "sql", "machine-learning", "statistics", "data-visualization", "data-engineering"},
		[5]string{"Data Analyst", "Data Scientist", "Senior Data Scientist", "Lead Data Scientist", "Head of Data"}},
	{3, []string{"security", "application-security", "threat-modeling", "go", "python", "kubernetes"},
		[5]string{"Security Analyst", "Security Engineer", "Senior Security Engineer", "Staff Security Engineer", "Head of Security"}},
	{10, []string{"people-management", "hiring", "one-on-ones", "performance-reviews", "team-building", "technical-leadership", "architecture-decisions", "engineering-strategy", "delegation", "communication", "feedback"},
		[5]string{"Tech Lead", "Engineering Manager", "Senior Engineering Manager", "Director of Engineering", "VP of Engineering"}},
	{9, []string{"product-management", "roadmapping", "user-research", "prioritization", "communication", "data-visualization", "negotiation", "written-communication"},
		[5]string{"Associate Product Manager", "Product Manager", "Senior Product Manager", "Group Product Manager", "VP of Product"}},
	{6, []string{"sales", "enterprise-sales", "customer-relations", "negotiation", "public-speaking", "professional-networking", "presenting-to-executives"},
		[5]string{"Sales Development Representative", "Account Executive", "Senior Account Executive", "Sales Director", "VP of Sales"}},
	{5, []string{"marketing", "growth-marketing", "brand-strategy", "written-communication", "data-visualization", "public-speaking"},
		[5]string{"Marketing Coordinator", "Marketing Manager", "Senior Marketing Manager", "Head of Growth", "Chief Marketing Officer"}},
	{3, []string{"entrepreneurship", "fundraising", "executive-leadership", "organizational-design", "engineering-strategy", "public-speaking", "negotiation", "change-management"},
		[5]string{"Startup Associate", "Co-founder", "Founder & CEO", "Founder & CEO", "Serial Entrepreneur"}},
	{5, []string{"coaching", "mentoring", "career-planning", "interviewing", "hiring", "emotional-intelligence", "conflict-resolution", "career-transitions"},
		[5]string{"People Operations Coordinator", "Talent Partner", "Senior Talent Partner", "Career Coach", "Chief People Officer"}},
	{3, []string{"finance", "budgeting", "negotiation", "sql", "presenting-to-executives"},
		[5]string{"Financial Analyst", "Finance Manager", "Senior Finance Manager", "Finance Director", "Chief Financial Officer"}},
}

// hubTitles are the headlines of designated hubs.
var hubTitles = []string{
	"Developer Advocate", "Community Organizer", "Engineering Coach",
	"Tech Meetup Organizer", "Open Source Maintainer", "Startup Advisor",
}

// levelWords name skill levels 1–5 in goal titles.
var levelWords = [6]string{"", "basic", "working", "solid", "advanced", "expert"}
