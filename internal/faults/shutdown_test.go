package faults_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptrace"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/mentorgraph/mentorgraph/graph"
	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

// TestGracefulShutdownUnderLoad runs `mentorgraph serve` under load and
// sends it SIGTERM while requests are in flight (held there by pausing
// Neo4j a moment): those requests complete OK, new connections are
// refused, and the process exits 0 within -shutdown-timeout.
func TestGracefulShutdownUnderLoad(t *testing.T) {
	const shutdownTimeout = 20 * time.Second
	srv := ownNeo4j(t)
	_, store := openStore(t, srv, srv.URI)
	token := adminToken(t, store)
	targetID := "shutdown-target"
	if _, err := store.CreatePerson(context.Background(), graph.PersonInput{ID: &targetID, Name: "Shutdown Target"}); err != nil {
		t.Fatal(err)
	}
	bin := buildMentorgraph(t)

	cmd := exec.Command(bin, "serve", "-listen", "127.0.0.1:0", "-log-format", "json",
		"-neo4j-uri", srv.URI, "-neo4j-user", srv.User, "-neo4j-password", srv.Password, "-neo4j-database", srv.Database,
		"-shutdown-timeout", shutdownTimeout.String())
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			t.Log("serve: " + line)
			var l struct{ Msg, URL string }
			if json.Unmarshal([]byte(line), &l) == nil && l.Msg == "serving" {
				urlc <- l.URL
			}
		}
		exited <- cmd.Wait()
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
	})
	var url string
	select {
	case url = <-urlc:
	case err := <-exited:
		t.Fatalf("mentorgraph serve ended before serving: %v", err)
	case <-time.After(2 * time.Minute):
		t.Fatal("mentorgraph serve did not start serving within 2 minutes")
	}
	addr := strings.TrimPrefix(url, "http://")

	// Every request on a connection of its own: a request either is
	// refused (once SIGTERM is sent) or answers OK.
	client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{DisableKeepAlives: true}}
	read := func() answer { return ask(client, url, token, readQuery, map[string]any{"id": targetID}) }
	if _, ok := waitFor(60*time.Second, func() bool { return read().ok() }); !ok {
		t.Fatalf("the server does not answer: %s", read())
	}

	var (
		signalled   atomic.Bool
		mu          sync.Mutex
		problems    []string
		ok, refused int
		stop        atomic.Bool
		wg          sync.WaitGroup
	)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				// A load request whose connection was still waiting to be
				// accepted at SIGTERM is reset as one refused: so any
				// request ending after SIGTERM may fail to connect (the
				// requests held above are the ones known in flight).
				a := read()
				after := signalled.Load()
				mu.Lock()
				switch {
				case a.ok():
					ok++
				case a.err != nil && after:
					refused++
				default:
					problems = append(problems, fmt.Sprintf("a request (ended %s SIGTERM): %s", map[bool]string{true: "after", false: "before"}[after], a))
				}
				mu.Unlock()
				if a.err != nil && after {
					return
				}
			}
		}()
	}
	t.Cleanup(func() { stop.Store(true); wg.Wait() })
	if _, done := waitFor(30*time.Second, func() bool { mu.Lock(); defer mu.Unlock(); return ok >= 20 }); !done {
		t.Fatalf("the load did not get going: %d answers OK", ok)
	}

	// Requests in flight at SIGTERM: Neo4j paused holds them.
	ctx := context.Background()
	if err := srv.Pause(ctx); err != nil {
		t.Fatal(err)
	}
	paused := true
	t.Cleanup(func() {
		if paused {
			_ = srv.Unpause(ctx)
		}
	})
	const held = 3
	var sent sync.WaitGroup
	var heldPorts []int
	inFlight := make([]answer, held)
	var heldDone sync.WaitGroup
	for i := range inFlight {
		sent.Add(1)
		heldDone.Add(1)
		go func() {
			defer heldDone.Done()
			var once sync.Once
			trace := &httptrace.ClientTrace{
				GotConn: func(info httptrace.GotConnInfo) {
					mu.Lock()
					heldPorts = append(heldPorts, info.Conn.LocalAddr().(*net.TCPAddr).Port)
					mu.Unlock()
				},
				WroteRequest: func(httptrace.WroteRequestInfo) { once.Do(sent.Done) },
			}
			c := &http.Client{Timeout: time.Minute, Transport: &http.Transport{DisableKeepAlives: true}}
			inFlight[i] = askTraced(c, url, token, trace)
			once.Do(sent.Done)
		}()
	}
	sent.Wait()
	// In flight means in the server: a connection the kernel completed
	// but the process has not accepted yet is reset when the server stops
	// listening, as one refused (the client cannot tell them apart).
	mu.Lock()
	ports := append([]int(nil), heldPorts...)
	mu.Unlock()
	if waited, ok := waitFor(10*time.Second, func() bool { return acceptedBy(cmd.Process.Pid, ports) }); !ok {
		t.Fatalf("the server did not accept the held requests' connections within %s", waited)
	}

	signalled.Store(true)
	sigterm := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	// New connections are refused once the server stops listening.
	if waited, ok := waitFor(10*time.Second, func() bool {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			_ = c.Close()
			return false
		}
		return errors.Is(err, syscall.ECONNREFUSED)
	}); !ok {
		t.Errorf("new connections still accepted %s after SIGTERM", waited.Round(time.Millisecond))
	}
	select {
	case err := <-exited:
		t.Fatalf("mentorgraph serve exited with requests in flight: %v", err)
	default:
	}
	if err := srv.Unpause(ctx); err != nil {
		t.Fatal(err)
	}
	paused = false

	select {
	case err := <-exited:
		took := time.Since(sigterm)
		if err != nil {
			t.Errorf("mentorgraph serve exited after SIGTERM with %v; want 0", err)
		}
		if took > shutdownTimeout {
			t.Errorf("mentorgraph serve took %s to exit, past -shutdown-timeout %s", took, shutdownTimeout)
		}
		t.Logf("exited %s after SIGTERM", took.Round(time.Millisecond))
	case <-time.After(shutdownTimeout + 10*time.Second):
		t.Fatalf("mentorgraph serve still running %s after SIGTERM", shutdownTimeout+10*time.Second)
	}
	heldDone.Wait()
	for _, a := range inFlight {
		if !a.ok() {
			t.Errorf("a request in flight at SIGTERM (sent %s before it): %s; want OK", sigterm.Sub(a.sent).Round(time.Millisecond), a)
		}
	}
	stop.Store(true)
	wg.Wait()
	t.Logf("load: %d OK, %d refused after SIGTERM", ok, refused)
	for _, p := range problems {
		t.Error(p)
	}
}

// askTraced is ask of the readers' question with a client trace.
func askTraced(c *http.Client, url, token string, trace *httptrace.ClientTrace) answer {
	return askWith(c, url, token, readQuery, map[string]any{"id": "shutdown-target"}, func(r *http.Request) *http.Request {
		return r.WithContext(httptrace.WithClientTrace(r.Context(), trace))
	})
}

// buildMentorgraph builds the mentorgraph command into a temporary
// folder.
func buildMentorgraph(t *testing.T) string {
	t.Helper()
	root, err := neo4jtest.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "mentorgraph")
	build := exec.Command("go", "build", "-o", bin, "./cmd/mentorgraph")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/mentorgraph: %v\n%s", err, out)
	}
	return bin
}

// acceptedBy reports whether process pid holds, as open files, the server
// side of the loopback TCP connections from each of the client ports
// (Linux: /proc/net/tcp and /proc/PID/fd).
func acceptedBy(pid int, clientPorts []int) bool {
	raw, err := os.ReadFile("/proc/net/tcp")
	if err != nil {
		return false
	}
	inodes := map[int]string{} // client port → inode of the server side
	for _, line := range strings.Split(string(raw), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) < 10 {
			continue
		}
		// local_address rem_address ...: the server side's remote
		// address is the client's port.
		_, rem, ok := strings.Cut(f[2], ":")
		if !ok {
			continue
		}
		port, err := strconv.ParseInt(rem, 16, 32)
		if err != nil {
			continue
		}
		for _, p := range clientPorts {
			if int(port) == p && f[9] != "0" {
				inodes[p] = f[9]
			}
		}
	}
	fds, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	if err != nil {
		return false
	}
	held := map[string]bool{}
	for _, fd := range fds {
		if l, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/%s", pid, fd.Name())); err == nil {
			held[l] = true
		}
	}
	for _, p := range clientPorts {
		ino, ok := inodes[p]
		if !ok || !held["socket:["+ino+"]"] {
			return false
		}
	}
	return len(clientPorts) > 0
}
