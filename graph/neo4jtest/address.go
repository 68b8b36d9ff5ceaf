package neo4jtest

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
)

// boltPort is the port Neo4j listens for Bolt on inside its container.
const boltPort = 7687

// The published port of a container on localhost is served by Docker's
// userland proxy (docker-proxy), a process that copies every byte between
// two TCP connections: each Bolt round trip then wakes a third process
// twice. Measured on the 2-core machine (2,000 one-statement read
// transactions, p50): 1.07–1.28 ms through the published port, 0.74–0.82
// ms to the container's own address. So when this machine has an interface
// on the container's network (a local Docker engine on Linux: the bridge
// docker0), Start connects to the container's address instead; elsewhere
// (Docker Desktop, a remote engine) the container's address is not on this
// machine and the published port is used.

// Reach says how a Server's URI reaches Neo4j.
type Reach int

const (
	// ReachExisting: an existing server named by Options.URI.
	ReachExisting Reach = iota
	// ReachDirect: the container's own address, on this machine's Docker
	// network.
	ReachDirect
	// ReachPublishedAsked: the published port, because
	// Options.PublishedPort (NEO4J_PUBLISHED_PORT=1) asked for it.
	ReachPublishedAsked
	// ReachPublishedRemote: the published port, because the Docker engine
	// is not local (its host is not a unix:// socket).
	ReachPublishedRemote
	// ReachPublishedFallback: the published port, because the container's
	// address could not be used (Server.ReachWhy says why).
	ReachPublishedFallback
)

// String names the reach in words, for messages.
func (r Reach) String() string {
	switch r {
	case ReachExisting:
		return "an existing server"
	case ReachDirect:
		return "the container's own address"
	case ReachPublishedAsked:
		return "the published port, as asked"
	case ReachPublishedRemote:
		return "the published port of a remote engine"
	case ReachPublishedFallback:
		return "the published port, the container's address being unusable"
	}
	return fmt.Sprintf("Reach(%d)", int(r))
}

// chooseURI returns the URI to connect to a container that publishes its
// Bolt port at published: the container's own address when opts allow it,
// the engine is local and directURI reaches it; published otherwise. why
// says what ruled the container's address out (empty with ReachDirect and
// ReachPublishedAsked).
func chooseURI(ctx context.Context, daemonHost, published string, containerIP func(context.Context) (string, error), opts Options) (uri string, reach Reach, why string) {
	if opts.PublishedPort {
		return published, ReachPublishedAsked, ""
	}
	if !strings.HasPrefix(daemonHost, "unix://") {
		return published, ReachPublishedRemote, fmt.Sprintf("the Docker engine is not local (%s)", daemonHost)
	}
	ip, err := containerIP(ctx)
	if err != nil {
		return published, ReachPublishedFallback, fmt.Sprintf("the container's address: %v", err)
	}
	direct, why, ok := directURI(ctx, ip)
	if !ok {
		return published, ReachPublishedFallback, why
	}
	return direct, ReachDirect, ""
}

// directURI returns bolt://ip:7687 when the container's address ip is on a
// network of one of this machine's interfaces and its Bolt port accepts a
// connection; ok is false otherwise, with why saying what stopped it.
func directURI(ctx context.Context, ip string) (uri, why string, ok bool) {
	addr := net.ParseIP(ip)
	if addr == nil {
		return "", fmt.Sprintf("the container has no IP address (%q)", ip), false
	}
	if !onLocalNetwork(addr) {
		return "", fmt.Sprintf("no interface of this machine is on the network of %s", ip), false
	}
	hostPort := net.JoinHostPort(ip, strconv.Itoa(boltPort))
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", hostPort)
	if err != nil {
		return "", fmt.Sprintf("%s does not accept connections: %v", hostPort, err), false
	}
	_ = conn.Close()
	return "bolt://" + hostPort, "", true
}

// onLocalNetwork reports whether ip is on the network of one of this
// machine's interfaces (other than loopback), so traffic to it stays on
// this machine; ip itself being one of the machine's addresses does not
// count.
func onLocalNetwork(ip net.IP) bool {
	for _, n := range localNetworks() {
		if !n.IP.Equal(ip) && n.Contains(ip) {
			return true
		}
	}
	return false
}

// localNetworks returns the networks of this machine's interfaces that are
// up and not loopback, each with the interface's own address in IP.
func localNetworks() []*net.IPNet {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var nets []*net.IPNet
	for _, iface := range ifaces {
		if iface.Flags&net.FlagUp == 0 || iface.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := iface.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok {
				nets = append(nets, n)
			}
		}
	}
	return nets
}
