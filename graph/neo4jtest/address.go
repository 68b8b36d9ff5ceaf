package neo4jtest

import (
	"context"
	"fmt"
	"net"
	"strconv"
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
// this machine.
func onLocalNetwork(ip net.IP) bool {
	ifaces, err := net.Interfaces()
	if err != nil {
		return false
	}
	for _, iface := range ifaces {
		if iface.Flags&net.FlagUp == 0 || iface.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := iface.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && !n.IP.Equal(ip) && n.Contains(ip) {
				return true
			}
		}
	}
	return false
}
