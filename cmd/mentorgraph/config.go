package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mentorgraph/mentorgraph/resolvers"
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
	// Limits bound each GraphQL request (depth, complexity, time).
	Limits resolvers.Limits
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
	durationFlag(fs, &c.Limits.Timeout, "request-timeout", "MENTORGRAPH_REQUEST_TIMEOUT", resolvers.DefaultLimits.Timeout, "longest time one request may take", &errs)
	intFlag(fs, &c.Limits.MaxDepth, "max-depth", "MENTORGRAPH_MAX_DEPTH", resolvers.DefaultLimits.MaxDepth, "deepest field nesting a GraphQL query may have", &errs)
	intFlag(fs, &c.Limits.MaxComplexity, "max-complexity", "MENTORGRAPH_MAX_COMPLEXITY", resolvers.DefaultLimits.MaxComplexity, "highest complexity a GraphQL query may have (list fields count first x children)", &errs)
	durationFlag(fs, &c.ShutdownTimeout, "shutdown-timeout", "MENTORGRAPH_SHUTDOWN_TIMEOUT", 15*time.Second, "how long shutdown waits for requests in flight", &errs)
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
	if c.Limits.Timeout <= 0 {
		errs = append(errs, errors.New("MENTORGRAPH_REQUEST_TIMEOUT must be positive"))
	}
	if c.ShutdownTimeout <= 0 {
		errs = append(errs, errors.New("MENTORGRAPH_SHUTDOWN_TIMEOUT must be positive"))
	}
	if len(errs) > 0 {
		return c, configError{errors.Join(errs...)}
	}
	return c, nil
}
