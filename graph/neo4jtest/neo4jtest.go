package neo4jtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/moby/moby/client"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/testcontainers/testcontainers-go"
	tcneo4j "github.com/testcontainers/testcontainers-go/modules/neo4j"
	"github.com/testcontainers/testcontainers-go/wait"
)

// OfficialImage is the image used when NEO4J_IMAGE is not set.
const OfficialImage = "neo4j:5.26-community"

// DefaultDatabase is the database every session names.
const DefaultDatabase = "neo4j"

// ErrNoDocker means no Docker engine answered, so no Neo4j could be started.
var ErrNoDocker = errors.New("no Docker engine answers")

// Options says how Start gets its Neo4j. The zero value is what tests want:
// read the environment, start a fresh container, remove it on Close.
type Options struct {
	// URI, User, Password and Database of an existing server; when URI is
	// empty a container is started. FromEnv fills them from NEO4J_URI,
	// NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE.
	URI, User, Password, Database string
	// Image of the container (NEO4J_IMAGE); empty means OfficialImage with
	// the offline image as fallback.
	Image string
	// Name, when set, names the container and reuses a running one of that
	// name instead of starting another (the development launcher).
	Name string
	// DataVolume, when set, is a Docker named volume mounted at /data, so
	// the database outlives the container.
	DataVolume string
	// KeepRunning leaves the container running on Close.
	KeepRunning bool
	// HeapSize and PageCacheSize cap the container's memory (e.g. "1g").
	HeapSize, PageCacheSize string
	// Settings are more neo4j.conf settings for the container, e.g.
	// "db.relationship_grouping_threshold" → "1" (NEO4J_SETTINGS holds
	// them as "name=value,name=value").
	Settings map[string]string
	// PublishedPort connects through the container's published port on
	// localhost even when the container's own address can be reached
	// (NEO4J_PUBLISHED_PORT=1); see address.go.
	PublishedPort bool
	// Log receives progress lines (image choice, container start); nil
	// means os.Stderr.
	Log io.Writer
}

// FromEnv returns Options filled from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
// NEO4J_DATABASE, NEO4J_IMAGE, NEO4J_HEAP, NEO4J_PAGECACHE, NEO4J_SETTINGS
// and NEO4J_PUBLISHED_PORT.
func FromEnv() Options {
	return Options{
		URI:           os.Getenv("NEO4J_URI"),
		User:          os.Getenv("NEO4J_USER"),
		Password:      os.Getenv("NEO4J_PASSWORD"),
		Database:      os.Getenv("NEO4J_DATABASE"),
		Image:         os.Getenv("NEO4J_IMAGE"),
		HeapSize:      os.Getenv("NEO4J_HEAP"),
		PageCacheSize: os.Getenv("NEO4J_PAGECACHE"),
		Settings:      parseSettings(os.Getenv("NEO4J_SETTINGS")),
		PublishedPort: os.Getenv("NEO4J_PUBLISHED_PORT") == "1",
	}
}

// parseSettings reads "name=value,name=value"; entries without "=" are
// skipped.
func parseSettings(s string) map[string]string {
	out := map[string]string{}
	for _, kv := range strings.Split(s, ",") {
		if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok && k != "" {
			out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out
}

// Server is a reachable Neo4j and how to log in to it.
type Server struct {
	URI, User, Password, Database string
	// Image is the container's image; empty for an existing server.
	Image string
	// Reach says how URI reaches Neo4j (the container's own address or its
	// published port), and ReachWhy, for the published port, what ruled
	// the container's address out.
	Reach     Reach
	ReachWhy  string
	container *tcneo4j.Neo4jContainer
	keep      bool
}

// ContainerIP is the address of the container Start made on its Docker
// network; empty for an existing server.
func (s *Server) ContainerIP(ctx context.Context) (string, error) {
	if s.container == nil {
		return "", nil
	}
	return s.container.ContainerIP(ctx)
}

// Driver opens a driver to the server and verifies it answers.
func (s *Server) Driver(ctx context.Context) (neo4j.DriverWithContext, error) {
	auth := neo4j.NoAuth()
	if s.User != "" {
		auth = neo4j.BasicAuth(s.User, s.Password, "")
	}
	d, err := neo4j.NewDriverWithContext(s.URI, auth)
	if err != nil {
		return nil, fmt.Errorf("neo4j driver for %s: %w", s.URI, err)
	}
	if err := d.VerifyConnectivity(ctx); err != nil {
		_ = d.Close(ctx)
		return nil, fmt.Errorf("neo4j at %s does not answer: %w", s.URI, err)
	}
	return d, nil
}

// Close removes the container Start made, unless it was asked to keep it.
func (s *Server) Close() error {
	if s.container == nil || s.keep {
		return nil
	}
	return testcontainers.TerminateContainer(s.container, testcontainers.StopTimeout(2*time.Second))
}

// KeepAliveSetting set to KeepAliveValue, on every container Start runs,
// makes Neo4j send its Bolt keep-alive NOOPs only while it streams
// results. With Neo4j's default (ALL) it also tells drivers to expect a
// chunk every two minutes (the connection.recv_timeout_seconds hint), and
// the Go driver then reads every chunk of every answer in a goroutine of
// its own racing a timer: about 135 allocations and 3–9 % of a
// one-statement question's time (README, "Configuration"). A production
// Neo4j wants the same setting.
const (
	KeepAliveSetting = "server.bolt.connection_keep_alive_for_requests"
	KeepAliveValue   = "STREAMING"
)

// devPassword is the password of containers this package starts.
const devPassword = "mentorgraph-dev"

// Start returns a Neo4j per opts: the existing server at opts.URI, or a
// container it starts (or reuses, with opts.Name). Without a Docker engine it
// returns an error wrapping ErrNoDocker.
func Start(ctx context.Context, opts Options) (*Server, error) {
	logw := opts.Log
	if logw == nil {
		logw = os.Stderr
	}
	db := opts.Database
	if db == "" {
		db = DefaultDatabase
	}
	if opts.URI != "" {
		user := opts.User
		if user == "" && opts.Password != "" {
			user = "neo4j"
		}
		return &Server{URI: opts.URI, User: user, Password: opts.Password, Database: db}, nil
	}

	cli, err := testcontainers.NewDockerClientWithOpts(ctx)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoDocker, err)
	}
	defer cli.Close()
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	_, err = cli.Ping(pingCtx, client.PingOptions{})
	cancel()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoDocker, err)
	}

	image, err := chooseImage(ctx, cli, opts.Image, logw)
	if err != nil {
		return nil, err
	}
	heap, pagecache := opts.HeapSize, opts.PageCacheSize
	if heap == "" {
		heap = "1g"
	}
	if pagecache == "" {
		pagecache = "512m"
	}
	settings := map[string]string{
		"server.memory.heap.initial_size": heap,
		"server.memory.heap.max_size":     heap,
		"server.memory.pagecache.size":    pagecache,
		"dbms.usage_report.enabled":       "false",
		KeepAliveSetting:                  KeepAliveValue,
	}
	for k, v := range opts.Settings {
		settings[k] = v
	}
	custom := []testcontainers.ContainerCustomizer{
		tcneo4j.WithAdminPassword(devPassword),
		tcneo4j.WithNeo4jSettings(settings),
		startupDeadline(startupWait),
	}
	if opts.Name != "" {
		custom = append(custom, testcontainers.WithReuseByName(opts.Name))
	}
	if opts.DataVolume != "" {
		custom = append(custom, testcontainers.WithMounts(testcontainers.VolumeMount(opts.DataVolume, "/data")))
	}
	fmt.Fprintf(logw, "neo4jtest: starting Neo4j from image %s\n", image)
	started := time.Now()
	ctr, err := tcneo4j.Run(ctx, image, custom...)
	if err != nil {
		if ctr != nil && opts.Name == "" {
			_ = testcontainers.TerminateContainer(ctr)
		}
		return nil, fmt.Errorf("start neo4j container from %s: %w", image, err)
	}
	uri, err := ctr.BoltUrl(ctx)
	if err != nil {
		_ = testcontainers.TerminateContainer(ctr)
		return nil, fmt.Errorf("bolt address of the neo4j container: %w", err)
	}
	uri, reach, why := chooseURI(ctx, cli.DaemonHost(), uri, ctr.ContainerIP, opts)
	if why != "" {
		fmt.Fprintf(logw, "neo4jtest: %s: connecting through the published port\n", why)
	}
	fmt.Fprintf(logw, "neo4jtest: Neo4j ready at %s (container %.12s, %s)\n", uri, ctr.GetContainerID(), time.Since(started).Round(100*time.Millisecond))
	return &Server{URI: uri, User: "neo4j", Password: devPassword, Database: db, Image: image, Reach: reach, ReachWhy: why, container: ctr, keep: opts.KeepRunning}, nil
}

// chooseImage returns the image to run: want (NEO4J_IMAGE) when set, else
// the official image; an image not on the machine is pulled once, and when
// the official image cannot be had the offline image is built.
func chooseImage(ctx context.Context, cli *testcontainers.DockerClient, want string, logw io.Writer) (string, error) {
	explicit := want != ""
	if !explicit {
		want = OfficialImage
	}
	if _, err := cli.ImageInspect(ctx, want); err == nil {
		return want, nil
	}
	pullErr := pullOnce(ctx, cli, want)
	if pullErr == nil {
		return want, nil
	}
	if explicit && !isOfflineImage(want) {
		return "", fmt.Errorf("NEO4J_IMAGE=%s is not on this machine and cannot be pulled: %v", want, pullErr)
	}
	fmt.Fprintf(logw, "neo4jtest: %s cannot be pulled (%v); using the offline image of deploy/neo4j\n", want, firstLine(pullErr))
	return buildOfflineImage(ctx, logw)
}

// startupWait is how long a container may take to say Bolt and HTTP are
// up. The neo4j module's wait allows 60 s, which a loaded 2-core machine
// starting two or three containers at once (go test runs packages in
// parallel) exceeds: Neo4j then takes 60–90 s to start.
const startupWait = 5 * time.Minute

// startupDeadline waits as the neo4j module does (the log line "Bolt
// enabled on", then HTTP 200 on port 7474), each wait and both together
// allowed deadline.
func startupDeadline(deadline time.Duration) testcontainers.CustomizeRequestOption {
	return testcontainers.WithWaitStrategyAndDeadline(deadline,
		wait.NewLogStrategy("Bolt enabled on").WithStartupTimeout(deadline),
		wait.ForHTTP("/").WithPort("7474/tcp").WithStartupTimeout(deadline))
}

// isOfflineImage reports whether image names the image build.sh makes.
func isOfflineImage(image string) bool {
	return strings.HasPrefix(image, "mentorgraph/neo4j:")
}

// pullOnce tries one pull, bounded in time, without testcontainers' retries
// (which back off for minutes when no registry is reachable).
func pullOnce(ctx context.Context, cli *testcontainers.DockerClient, image string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	resp, err := cli.ImagePull(ctx, image, client.ImagePullOptions{})
	if err != nil {
		return err
	}
	return resp.Wait(ctx)
}

// buildOfflineImage runs deploy/neo4j/build.sh, which is cached per machine,
// and returns the image name it prints last.
func buildOfflineImage(ctx context.Context, logw io.Writer) (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	script := filepath.Join(root, "deploy", "neo4j", "build.sh")
	cmd := exec.CommandContext(ctx, script)
	cmd.Stderr = logw
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("build the offline Neo4j image (%s): %w", script, err)
	}
	lines := strings.Fields(strings.TrimSpace(string(out)))
	if len(lines) == 0 {
		return "", fmt.Errorf("%s printed no image name", script)
	}
	return lines[len(lines)-1], nil
}

// RepoRoot finds the repository root (the folder holding go.mod), from this
// source file's location or else from the working directory upwards.
func RepoRoot() (string, error) {
	var starts []string
	if _, file, _, ok := runtime.Caller(0); ok {
		starts = append(starts, filepath.Dir(file))
	}
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	for _, dir := range starts {
		for d := dir; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "deploy", "neo4j", "build.sh")); err == nil {
				return d, nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return "", errors.New("cannot find the MentorGraph repository (deploy/neo4j/build.sh) from here")
}

func firstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}
