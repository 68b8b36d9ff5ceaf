package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mentorgraph/mentorgraph/graph/seed"
	"github.com/mentorgraph/mentorgraph/internal/server"
)

// Config is everything the server reads from flags and the environment. It
// is read once, in main, and validated before anything starts.
type Config struct {
	Neo4jURI      string
	Neo4jUser     string
	Neo4jPassword string
	Neo4jDatabase string

	Listen          string
	ShutdownTimeout time.Duration
	// LogFormat is json or text.
	LogFormat string
	// Limits bound each GraphQL request (depth, complexity, network
	// questions, size, time).
	Limits server.Limits
	// Security says who may ask (sessions, tokens, a public directory),
	// how cookies are set, and the OpenID Provider, if any.
	Security server.Security
	// TLSCert and TLSKey, both set, make serve speak HTTPS itself.
	TLSCert, TLSKey string
}

// configError marks a bad flag or environment value (exit status 2).
type configError struct{ error }

// envOr returns the environment variable key, or def when it is unset.
func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

// durationFlag registers a duration flag whose default comes from env.
func durationFlag(fs *flag.FlagSet, p *time.Duration, name, env string, def time.Duration, usage string, errs *[]error) {
	d := def
	if v, ok := os.LookupEnv(env); ok {
		parsed, err := time.ParseDuration(v)
		if err != nil {
			*errs = append(*errs, fmt.Errorf("%s=%q: not a duration (use e.g. 10s, 1m)", env, v))
		} else {
			d = parsed
		}
	}
	fs.DurationVar(p, name, d, usage+" ($"+env+")")
}

// intFlag registers an integer flag whose default comes from env.
func intFlag(fs *flag.FlagSet, p *int, name, env string, def int, usage string, errs *[]error) {
	n := def
	if v, ok := os.LookupEnv(env); ok {
		parsed, err := strconv.Atoi(v)
		if err != nil {
			*errs = append(*errs, fmt.Errorf("%s=%q: not a whole number", env, v))
		} else {
			n = parsed
		}
	}
	fs.IntVar(p, name, n, usage+" ($"+env+")")
}

// boolFlag registers a boolean flag whose default comes from env.
func boolFlag(fs *flag.FlagSet, p *bool, name, env string, usage string, errs *[]error) {
	b := false
	if v, ok := os.LookupEnv(env); ok {
		parsed, err := strconv.ParseBool(v)
		if err != nil {
			*errs = append(*errs, fmt.Errorf("%s=%q: not true or false", env, v))
		} else {
			b = parsed
		}
	}
	fs.BoolVar(p, name, b, usage+" ($"+env+")")
}

// securityFlags registers serve's sign-in, cookie, TLS and OIDC flags.
func (c *Config) securityFlags(fs *flag.FlagSet, oidc *server.OIDCConfig, errs *[]error) {
	c.Security = server.DefaultSecurity
	boolFlag(fs, &c.Security.PublicDirectory, "public-directory", "MENTORGRAPH_PUBLIC_DIRECTORY", "let anonymous requests ask queries (mutations still need an account)", errs)
	durationFlag(fs, &c.Security.SessionTTL, "session-ttl", "MENTORGRAPH_SESSION_TTL", server.DefaultSecurity.SessionTTL, "how long a browser session lasts after sign-in", errs)
	boolFlag(fs, &c.Security.SecureCookies, "secure-cookies", "MENTORGRAPH_SECURE_COOKIES", "mark cookies Secure on plain HTTP too: the server is behind a proxy that terminates TLS", errs)
	fs.StringVar(&c.TLSCert, "tls-cert", envOr("MENTORGRAPH_TLS_CERT", ""), "PEM certificate file: serve HTTPS ($MENTORGRAPH_TLS_CERT)")
	fs.StringVar(&c.TLSKey, "tls-key", envOr("MENTORGRAPH_TLS_KEY", ""), "PEM key file of -tls-cert ($MENTORGRAPH_TLS_KEY)")
	fs.StringVar(&oidc.Issuer, "oidc-issuer", envOr("MENTORGRAPH_OIDC_ISSUER", ""), "OpenID Provider issuer URL; enables \"Sign in with ...\" ($MENTORGRAPH_OIDC_ISSUER)")
	fs.StringVar(&oidc.ClientID, "oidc-client-id", envOr("MENTORGRAPH_OIDC_CLIENT_ID", ""), "OIDC client id ($MENTORGRAPH_OIDC_CLIENT_ID)")
	fs.StringVar(&oidc.ClientSecret, "oidc-client-secret", envOr("MENTORGRAPH_OIDC_CLIENT_SECRET", ""), "OIDC client secret ($MENTORGRAPH_OIDC_CLIENT_SECRET)")
	fs.StringVar(&oidc.RedirectURL, "oidc-redirect-url", envOr("MENTORGRAPH_OIDC_REDIRECT_URL", ""), "this server's /auth/oidc/callback as the provider sees it ($MENTORGRAPH_OIDC_REDIRECT_URL)")
	fs.StringVar(&oidc.Name, "oidc-name", envOr("MENTORGRAPH_OIDC_NAME", ""), "the provider's name on the sign-in page ($MENTORGRAPH_OIDC_NAME)")
	fs.StringVar(&oidc.SignUpDomain, "oidc-signup-domain", envOr("MENTORGRAPH_OIDC_SIGNUP_DOMAIN", ""), "people with a verified e-mail at this domain and no account sign up as MEMBER ($MENTORGRAPH_OIDC_SIGNUP_DOMAIN)")
}

// validateSecurity checks the security settings and sets OIDC when its
// issuer is given.
func (c *Config) validateSecurity(oidc server.OIDCConfig) []error {
	var errs []error
	if c.Security.SessionTTL < time.Minute {
		errs = append(errs, errors.New("MENTORGRAPH_SESSION_TTL must be at least 1m"))
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		errs = append(errs, errors.New("MENTORGRAPH_TLS_CERT and MENTORGRAPH_TLS_KEY go together: give both or neither"))
	}
	if oidc.Issuer == "" {
		return errs
	}
	for _, s := range []struct{ env, v string }{
		{"MENTORGRAPH_OIDC_CLIENT_ID", oidc.ClientID},
		{"MENTORGRAPH_OIDC_CLIENT_SECRET", oidc.ClientSecret},
		{"MENTORGRAPH_OIDC_REDIRECT_URL", oidc.RedirectURL},
	} {
		if s.v == "" {
			errs = append(errs, fmt.Errorf("%s is needed with MENTORGRAPH_OIDC_ISSUER", s.env))
		}
	}
	for _, s := range []struct{ env, v string }{{"MENTORGRAPH_OIDC_ISSUER", oidc.Issuer}, {"MENTORGRAPH_OIDC_REDIRECT_URL", oidc.RedirectURL}} {
		if u, err := url.Parse(s.v); s.v != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
			errs = append(errs, fmt.Errorf("%s %q: want an http(s) URL", s.env, s.v))
		}
	}
	c.Security.OIDC = &oidc
	return errs
}

// neo4jFlags registers the connection flags every command shares.
func (c *Config) neo4jFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Neo4jURI, "neo4j-uri", envOr("NEO4J_URI", "neo4j://localhost:7687"), "Neo4j URI: bolt://, neo4j://, neo4j+s:// ($NEO4J_URI)")
	fs.StringVar(&c.Neo4jUser, "neo4j-user", envOr("NEO4J_USER", "neo4j"), "Neo4j user; empty for a server without auth ($NEO4J_USER)")
	fs.StringVar(&c.Neo4jPassword, "neo4j-password", envOr("NEO4J_PASSWORD", ""), "Neo4j password ($NEO4J_PASSWORD)")
	fs.StringVar(&c.Neo4jDatabase, "neo4j-database", envOr("NEO4J_DATABASE", "neo4j"), "Neo4j database every session names ($NEO4J_DATABASE)")
}

// validateNeo4j checks the connection settings.
func (c *Config) validateNeo4j() []error {
	var errs []error
	u, err := url.Parse(c.Neo4jURI)
	switch {
	case err != nil:
		errs = append(errs, fmt.Errorf("NEO4J_URI %q: %v", c.Neo4jURI, err))
	case !strings.HasPrefix(u.Scheme, "bolt") && !strings.HasPrefix(u.Scheme, "neo4j"):
		errs = append(errs, fmt.Errorf("NEO4J_URI %q: scheme must be bolt, bolt+s, bolt+ssc, neo4j, neo4j+s or neo4j+ssc", c.Neo4jURI))
	case u.Host == "":
		errs = append(errs, fmt.Errorf("NEO4J_URI %q: no host", c.Neo4jURI))
	}
	if c.Neo4jDatabase == "" {
		errs = append(errs, errors.New("NEO4J_DATABASE must not be empty"))
	}
	return errs
}

// parseServeConfig reads the serve command's flags over the environment.
func parseServeConfig(args []string) (Config, error) {
	var c Config
	var errs []error
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	c.neo4jFlags(fs)
	fs.StringVar(&c.Listen, "listen", envOr("MENTORGRAPH_LISTEN", ":8080"), "address to serve HTTP on ($MENTORGRAPH_LISTEN)")
	durationFlag(fs, &c.Limits.Timeout, "request-timeout", "MENTORGRAPH_REQUEST_TIMEOUT", server.DefaultLimits.Timeout, "longest time one request may take", &errs)
	intFlag(fs, &c.Limits.MaxDepth, "max-depth", "MENTORGRAPH_MAX_DEPTH", server.DefaultLimits.MaxDepth, "deepest field nesting a GraphQL query may have", &errs)
	intFlag(fs, &c.Limits.MaxComplexity, "max-complexity", "MENTORGRAPH_MAX_COMPLEXITY", server.DefaultLimits.MaxComplexity, "highest complexity a GraphQL query may have (list fields count first x children)", &errs)
	intFlag(fs, &c.Limits.MaxInFlight, "max-in-flight", "MENTORGRAPH_MAX_IN_FLIGHT", server.DefaultLimits.MaxInFlight, "most requests worked on at once; more wait for a turn (0: no limit)", &errs)
	intFlag(fs, &c.Limits.MaxNetworkQuestions, "max-network-questions", "MENTORGRAPH_MAX_NETWORK_QUESTIONS", server.DefaultLimits.MaxNetworkQuestions, "most network questions (findMentors, referralPaths, ...) one request may ask", &errs)
	intFlag(fs, &c.Limits.MaxSelections, "max-selections", "MENTORGRAPH_MAX_SELECTIONS", server.DefaultLimits.MaxSelections, "most fields a GraphQL query may expand to, fragments spread where used", &errs)
	intFlag(fs, &c.Limits.MaxBodyBytes, "max-body-bytes", "MENTORGRAPH_MAX_BODY_BYTES", server.DefaultLimits.MaxBodyBytes, "largest request body, in bytes", &errs)
	durationFlag(fs, &c.Limits.BodyReadTimeout, "body-read-timeout", "MENTORGRAPH_BODY_READ_TIMEOUT", server.DefaultLimits.BodyReadTimeout, "longest time to receive a request's body", &errs)
	intFlag(fs, &c.Limits.MaxResponseBytes, "max-response-bytes", "MENTORGRAPH_MAX_RESPONSE_BYTES", server.DefaultLimits.MaxResponseBytes, "largest answer, in bytes; a larger one is replaced by an error", &errs)
	durationFlag(fs, &c.ShutdownTimeout, "shutdown-timeout", "MENTORGRAPH_SHUTDOWN_TIMEOUT", 15*time.Second, "how long shutdown waits for requests in flight", &errs)
	fs.StringVar(&c.LogFormat, "log-format", envOr("MENTORGRAPH_LOG_FORMAT", "json"), "log lines as json or text ($MENTORGRAPH_LOG_FORMAT)")
	var oidc server.OIDCConfig
	c.securityFlags(fs, &oidc, &errs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, err
		}
		return c, configError{err}
	}
	if fs.NArg() > 0 {
		errs = append(errs, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " ")))
	}
	errs = append(errs, c.validateNeo4j()...)
	errs = append(errs, c.validateSecurity(oidc)...)
	if _, port, err := net.SplitHostPort(c.Listen); err != nil {
		errs = append(errs, fmt.Errorf("MENTORGRAPH_LISTEN %q: want host:port, e.g. :8080", c.Listen))
	} else if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		errs = append(errs, fmt.Errorf("MENTORGRAPH_LISTEN %q: port must be a number 0-65535", c.Listen))
	}
	if c.Limits.MaxDepth < 1 {
		errs = append(errs, errors.New("MENTORGRAPH_MAX_DEPTH must be at least 1"))
	}
	if c.Limits.MaxComplexity < 1 {
		errs = append(errs, errors.New("MENTORGRAPH_MAX_COMPLEXITY must be at least 1"))
	}
	for _, l := range []struct {
		env   string
		value int
	}{
		{"MENTORGRAPH_MAX_NETWORK_QUESTIONS", c.Limits.MaxNetworkQuestions},
		{"MENTORGRAPH_MAX_SELECTIONS", c.Limits.MaxSelections},
		{"MENTORGRAPH_MAX_BODY_BYTES", c.Limits.MaxBodyBytes},
		{"MENTORGRAPH_MAX_RESPONSE_BYTES", c.Limits.MaxResponseBytes},
	} {
		if l.value < 1 {
			errs = append(errs, fmt.Errorf("%s must be at least 1", l.env))
		}
	}
	if c.Limits.BodyReadTimeout <= 0 {
		errs = append(errs, errors.New("MENTORGRAPH_BODY_READ_TIMEOUT must be positive"))
	}
	if c.Limits.MaxInFlight < 0 {
		errs = append(errs, errors.New("MENTORGRAPH_MAX_IN_FLIGHT must be 0 (no limit) or more"))
	}
	if c.Limits.Timeout <= 0 {
		errs = append(errs, errors.New("MENTORGRAPH_REQUEST_TIMEOUT must be positive"))
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		errs = append(errs, fmt.Errorf("MENTORGRAPH_LOG_FORMAT %q: want json or text", c.LogFormat))
	}
	if c.ShutdownTimeout <= 0 {
		errs = append(errs, errors.New("MENTORGRAPH_SHUTDOWN_TIMEOUT must be positive"))
	}
	if len(errs) > 0 {
		return c, configError{errors.Join(errs...)}
	}
	return c, nil
}

// importConfig is the import command's settings: the connection, the files
// to read and how to write them.
type importConfig struct {
	Config
	// Paths is one folder, or one or more import files.
	Paths     []string
	DryRun    bool
	BatchSize int
}

// exportConfig is the export command's settings: exactly one of Dir and
// NDJSON is set.
type exportConfig struct {
	Config
	Dir string
	// NDJSON is the file to write NDJSON to; "-" is standard output.
	NDJSON string
}

// seedConfig is the seed command's settings.
type seedConfig struct {
	Config
	People int
	Seed   uint64
	// Shape is how the KNOWS links are drawn (-shape: default or social).
	Shape seed.Shape
	// Out, when set, is the folder the network is written to as CSV files,
	// instead of loading it into Neo4j.
	Out string
	// IfEmpty loads the network only into a database without people.
	IfEmpty   bool
	BatchSize int
	// DemoAccounts also creates the demo accounts (one per role) after
	// loading.
	DemoAccounts bool
}

// defaultBatchSize is the rows per transaction of import and seed.
const defaultBatchSize = 10000

// newToolFlags makes the flag set of a tool command, printing its usage
// line and flags to out.
func newToolFlags(name, synopsis, about string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprintf(out, "usage: mentorgraph %s %s\n\n%s\n\nflags:\n", name, synopsis, about)
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses flags given before, between or after the positional
// arguments (`import data -dry-run` as well as `import -dry-run data`) and
// returns the positional ones. After "--" everything is positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, configError{err}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// parseImportConfig reads the import command's flags and paths.
func parseImportConfig(args []string, out io.Writer) (importConfig, error) {
	var c importConfig
	fs := newToolFlags("import", "[flags] PATH...",
		"Validates CSV or NDJSON files (a folder of them, or the files themselves) and\nwrites them into Neo4j. Importing the same files again changes nothing.", out)
	c.neo4jFlags(fs)
	fs.BoolVar(&c.DryRun, "dry-run", false, "validate and count what would be created, updated or left unchanged; write nothing")
	fs.IntVar(&c.BatchSize, "batch-size", defaultBatchSize, "rows written per transaction")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return c, err
	}
	c.Paths = paths
	var errs []error
	if len(c.Paths) == 0 {
		errs = append(errs, errors.New("no PATH: give a folder of import files, or the files (mentorgraph import [flags] PATH...)"))
	}
	if c.BatchSize < 1 {
		errs = append(errs, fmt.Errorf("-batch-size %d: must be at least 1", c.BatchSize))
	}
	errs = append(errs, c.validateNeo4j()...)
	if len(errs) > 0 {
		return c, configError{errors.Join(errs...)}
	}
	return c, nil
}

// parseExportConfig reads the export command's flags and folder.
func parseExportConfig(args []string, out io.Writer) (exportConfig, error) {
	var c exportConfig
	fs := newToolFlags("export", "[flags] DIR",
		"Writes the whole graph as the eight CSV files of the import layout into DIR\n(made if missing), or with -ndjson as NDJSON lines.", out)
	c.neo4jFlags(fs)
	fs.StringVar(&c.NDJSON, "ndjson", "", "write NDJSON to this file instead of CSV files to DIR (- for standard output)")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return c, err
	}
	var errs []error
	switch {
	case len(rest) > 1:
		errs = append(errs, fmt.Errorf("unexpected arguments: %s (give one DIR)", strings.Join(rest[1:], " ")))
	case len(rest) == 1 && c.NDJSON != "":
		errs = append(errs, fmt.Errorf("both DIR %q and -ndjson %q: give one of them", rest[0], c.NDJSON))
	case len(rest) == 1:
		c.Dir = rest[0]
	case c.NDJSON == "":
		errs = append(errs, errors.New("no DIR: give the folder to write CSV files to, or -ndjson FILE (mentorgraph export [flags] DIR)"))
	}
	errs = append(errs, c.validateNeo4j()...)
	if len(errs) > 0 {
		return c, configError{errors.Join(errs...)}
	}
	return c, nil
}

// parseSeedConfig reads the seed command's flags.
func parseSeedConfig(args []string, out io.Writer) (seedConfig, error) {
	var c seedConfig
	fs := newToolFlags("seed", "[flags]",
		"Generates a realistic demo network and loads it into Neo4j (as import does),\nor with -out writes it as the CSV files of the import layout. The same -people\nand -seed always give the same network.", out)
	c.neo4jFlags(fs)
	fs.IntVar(&c.People, "people", 1000, "number of people in the network")
	fs.Uint64Var(&c.Seed, "seed", 1, "which network to generate")
	shape := fs.String("shape", string(seed.ShapeDefault), "the network's shape: default, or social (grown by preferential attachment: median 6 connections, the biggest hub knowing about a quarter of everyone)")
	fs.StringVar(&c.Out, "out", "", "write the network as CSV files into this folder instead of loading it (needs no Neo4j)")
	fs.BoolVar(&c.IfEmpty, "if-empty", false, "load only when the database holds no person (for demo data)")
	fs.BoolVar(&c.DemoAccounts, "demo-accounts", false, "also create the demo accounts (admin, organizer, member @demo.example; password "+demoPassword+")")
	fs.IntVar(&c.BatchSize, "batch-size", defaultBatchSize, "rows written per transaction")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return c, err
	}
	var errs []error
	if len(rest) > 0 {
		errs = append(errs, fmt.Errorf("unexpected arguments: %s", strings.Join(rest, " ")))
	}
	if c.People < 0 {
		errs = append(errs, fmt.Errorf("-people %d: must be 0 or more", c.People))
	}
	if c.Shape, err = seed.ParseShape(*shape); err != nil {
		errs = append(errs, fmt.Errorf("-shape: %w", err))
	}
	if c.BatchSize < 1 {
		errs = append(errs, fmt.Errorf("-batch-size %d: must be at least 1", c.BatchSize))
	}
	if c.Out != "" && c.DemoAccounts {
		errs = append(errs, errors.New("-demo-accounts applies to loading into Neo4j, not to writing files with -out"))
	}
	if c.Out != "" && c.IfEmpty {
		errs = append(errs, errors.New("-if-empty applies to loading into Neo4j, not to writing files with -out"))
	}
	if c.Out == "" {
		errs = append(errs, c.validateNeo4j()...)
	}
	if len(errs) > 0 {
		return c, configError{errors.Join(errs...)}
	}
	return c, nil
}
