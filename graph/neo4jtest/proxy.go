package neo4jtest

import (
	"bytes"
	"fmt"
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
)

// boltCommit is a Bolt COMMIT message as it travels: a chunk of two bytes
// (00 02), the message (a struct of no field B0, signature 12), and the
// end-of-message marker 00 00.
var boltCommit = []byte{0x00, 0x02, 0xB0, 0x12, 0x00, 0x00}

// CommitCutter is a TCP proxy on loopback between a driver and a Neo4j's
// Bolt port that can lose a connection at the worst moment: once armed
// (CutNextCommit), it forwards the next Bolt COMMIT it sees to Neo4j, then
// closes that connection's client side at once without relaying Neo4j's
// answer. Neo4j goes on and commits; the driver sees the connection die
// while it waits for the answer. Everything else is forwarded both ways as
// it is.
type CommitCutter struct {
	ln     net.Listener
	target string
	armed  atomic.Bool
	cuts   atomic.Int64
	mu     sync.Mutex
	conns  []net.Conn
	closed bool
}

// NewCommitCutter starts a CommitCutter to srv's Bolt address, closed when
// the test ends.
func NewCommitCutter(tb testing.TB, srv *Server) *CommitCutter {
	tb.Helper()
	u, err := url.Parse(srv.URI)
	if err != nil {
		tb.Fatalf("neo4jtest: the server's URI %q: %v", srv.URI, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	p := &CommitCutter{ln: ln, target: u.Host}
	go p.accept()
	tb.Cleanup(p.Close)
	return p
}

// URI is the proxy's address as a direct Bolt URI (bolt://, so the driver
// keeps to it rather than following a routing table to Neo4j itself).
func (p *CommitCutter) URI() string { return "bolt://" + p.ln.Addr().String() }

// CutNextCommit arms the proxy: the next COMMIT is forwarded and its
// connection cut.
func (p *CommitCutter) CutNextCommit() { p.armed.Store(true) }

// Cuts is how many connections the proxy has cut.
func (p *CommitCutter) Cuts() int { return int(p.cuts.Load()) }

// Close stops the proxy and closes every connection, both sides.
func (p *CommitCutter) Close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	p.closed = true
	_ = p.ln.Close()
	for _, c := range p.conns {
		_ = c.Close()
	}
}

// track remembers conns for Close; false when the proxy is closed.
func (p *CommitCutter) track(conns ...net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.conns = append(p.conns, conns...)
	return true
}

func (p *CommitCutter) accept() {
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		server, err := net.Dial("tcp", p.target)
		if err != nil {
			_ = client.Close()
			continue
		}
		if !p.track(client, server) {
			_ = client.Close()
			_ = server.Close()
			return
		}
		var cut atomic.Bool
		go p.toServer(client, server, &cut)
		go toClient(server, client, &cut)
	}
}

// toServer forwards what the client sends, watching for a COMMIT while
// the proxy is armed.
func (p *CommitCutter) toServer(client, server net.Conn, cut *atomic.Bool) {
	buf := make([]byte, 64<<10)
	var tail []byte // the end of what came before, for a COMMIT split between reads
	for {
		n, err := client.Read(buf)
		if n > 0 {
			data := buf[:n]
			if p.armed.Load() {
				seen := append(append([]byte(nil), tail...), data...)
				if i := bytes.Index(seen, boltCommit); i >= 0 && p.armed.CompareAndSwap(true, false) {
					end := i + len(boltCommit) - len(tail)
					cut.Store(true)
					_, _ = server.Write(data[:end])
					// Counted before the client side closes: the driver
					// returns as soon as it sees the close, and a test
					// may ask Cuts at once.
					p.cuts.Add(1)
					_ = client.Close()
					return
				}
				tail = append(tail[:0], seen[max(0, len(seen)-len(boltCommit)+1):]...)
			}
			if _, werr := server.Write(data); werr != nil {
				_ = client.Close()
				return
			}
		}
		if err != nil {
			_ = server.Close()
			return
		}
	}
}

// toClient forwards what Neo4j sends, and drops it once the connection
// was cut (the server side stays open until the proxy closes, so Neo4j
// sees no disconnection before it commits).
func toClient(server, client net.Conn, cut *atomic.Bool) {
	buf := make([]byte, 64<<10)
	for {
		n, err := server.Read(buf)
		if n > 0 && !cut.Load() {
			if _, werr := client.Write(buf[:n]); werr != nil && !cut.Load() {
				_ = server.Close()
				return
			}
		}
		if err != nil {
			if !cut.Load() {
				_ = client.Close()
			}
			return
		}
	}
}

// String describes the proxy for logs.
func (p *CommitCutter) String() string {
	return fmt.Sprintf("commit cutter %s → %s", p.ln.Addr(), p.target)
}
