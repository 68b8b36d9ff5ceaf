package neo4jtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/moby/moby/client"
	"github.com/testcontainers/testcontainers-go"
)

// errNoContainer is what the fault methods return for an existing server
// (NEO4J_URI), which they cannot stop or pause.
var errNoContainer = errors.New("neo4jtest: not a container this package started (NEO4J_URI): it cannot be stopped or paused")

// Stop stops the server's container (Neo4j shuts down as on SIGTERM,
// killed after grace); its data stays in the container, for StartAgain.
func (s *Server) Stop(ctx context.Context, grace time.Duration) error {
	if s.container == nil {
		return errNoContainer
	}
	return s.container.Stop(ctx, &grace)
}

// StartAgain starts the stopped container again, waits until Neo4j
// answers, and updates URI: the container may come back on another
// address (Docker gives the container's address and its published port
// anew at each start), which is why a driver that must outlive a restart
// goes through a Relay.
func (s *Server) StartAgain(ctx context.Context) error {
	if s.container == nil {
		return errNoContainer
	}
	if err := s.container.Start(ctx); err != nil {
		return err
	}
	published, err := s.container.BoltUrl(ctx)
	if err != nil {
		return fmt.Errorf("bolt address of the restarted neo4j container: %w", err)
	}
	cli, err := testcontainers.NewDockerClientWithOpts(ctx)
	if err != nil {
		return err
	}
	defer cli.Close()
	s.URI, s.Reach, s.ReachWhy = chooseURI(ctx, cli.DaemonHost(), published, s.container.ContainerIP, Options{PublishedPort: s.Reach == ReachPublishedAsked})
	return nil
}

// Pause freezes every process of the container (docker pause): its
// connections stay open, nothing answers. The kernel's freezer can fail
// to freeze a busy process ("unable to freeze"); Pause tries again, up to
// five times.
func (s *Server) Pause(ctx context.Context) error {
	return s.docker(ctx, func(cli *testcontainers.DockerClient, id string) error {
		var err error
		for range 5 {
			if _, err = cli.ContainerPause(ctx, id, client.ContainerPauseOptions{}); err == nil || !strings.Contains(err.Error(), "unable to freeze") {
				return err
			}
			time.Sleep(500 * time.Millisecond)
		}
		return err
	})
}

// Unpause lets a paused container run again (docker unpause).
func (s *Server) Unpause(ctx context.Context) error {
	return s.docker(ctx, func(cli *testcontainers.DockerClient, id string) error {
		_, err := cli.ContainerUnpause(ctx, id, client.ContainerUnpauseOptions{})
		return err
	})
}

func (s *Server) docker(ctx context.Context, do func(cli *testcontainers.DockerClient, id string) error) error {
	if s.container == nil {
		return errNoContainer
	}
	cli, err := testcontainers.NewDockerClientWithOpts(ctx)
	if err != nil {
		return err
	}
	defer cli.Close()
	return do(cli, s.container.GetContainerID())
}

// Relay is a TCP relay on loopback to a Neo4j's Bolt port whose target can
// change (Retarget): a driver given its URI reaches the same Neo4j after a
// container restart moved it, as a driver given a DNS name would. Each
// connection is relayed both ways as it is; when either side closes, so
// does the other.
type Relay struct {
	ln     net.Listener
	mu     sync.Mutex
	target string
	conns  map[net.Conn]struct{}
	closed bool
}

// NewRelay starts a Relay to srv's Bolt address, closed when the test ends.
func NewRelay(tb testing.TB, srv *Server) *Relay {
	tb.Helper()
	host, err := hostOf(srv.URI)
	if err != nil {
		tb.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	r := &Relay{ln: ln, target: host, conns: map[net.Conn]struct{}{}}
	go r.accept()
	tb.Cleanup(r.Close)
	return r
}

func hostOf(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("neo4jtest: the server's URI %q: %w", uri, err)
	}
	return u.Host, nil
}

// URI is the relay's address as a direct Bolt URI.
func (r *Relay) URI() string { return "bolt://" + r.ln.Addr().String() }

// Retarget sends new connections to the Bolt address of uri.
func (r *Relay) Retarget(uri string) error {
	host, err := hostOf(uri)
	if err != nil {
		return err
	}
	r.mu.Lock()
	r.target = host
	r.mu.Unlock()
	return nil
}

// Close stops the relay and closes every connection, both sides.
func (r *Relay) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return
	}
	r.closed = true
	_ = r.ln.Close()
	for c := range r.conns {
		_ = c.Close()
	}
}

func (r *Relay) accept() {
	for {
		c, err := r.ln.Accept()
		if err != nil {
			return
		}
		go r.relay(c)
	}
}

// relay connects c to the target; a target that does not accept within a
// second (a stopped container's address may not answer at all) closes c.
func (r *Relay) relay(c net.Conn) {
	r.mu.Lock()
	target := r.target
	r.mu.Unlock()
	s, err := net.DialTimeout("tcp", target, time.Second)
	if err != nil {
		_ = c.Close()
		return
	}
	if !r.track(c, s) {
		_ = c.Close()
		_ = s.Close()
		return
	}
	done := make(chan struct{}, 2)
	pipe := func(dst, src net.Conn) {
		_, _ = io.Copy(dst, src)
		_ = dst.Close()
		_ = src.Close()
		done <- struct{}{}
	}
	go pipe(s, c)
	go pipe(c, s)
	<-done
	<-done
	r.mu.Lock()
	delete(r.conns, c)
	delete(r.conns, s)
	r.mu.Unlock()
}

func (r *Relay) track(conns ...net.Conn) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return false
	}
	for _, c := range conns {
		r.conns[c] = struct{}{}
	}
	return true
}
