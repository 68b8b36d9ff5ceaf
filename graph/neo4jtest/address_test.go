package neo4jtest

import (
	"context"
	"net"
	"strings"
	"testing"
)

func TestOnLocalNetwork(t *testing.T) {
	for _, ip := range []string{"127.0.0.1", "203.0.113.7", "::1"} {
		if onLocalNetwork(net.ParseIP(ip)) {
			t.Errorf("onLocalNetwork(%s) = true; loopback and TEST-NET-3 are no interface's network here", ip)
		}
	}
	// A neighbour of each non-loopback IPv4 address of this machine is on
	// that interface's network; the address itself is the machine's own.
	ifaces, err := net.Interfaces()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, iface := range ifaces {
		if iface.Flags&net.FlagUp == 0 || iface.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := iface.Addrs()
		for _, a := range addrs {
			n, ok := a.(*net.IPNet)
			if !ok || n.IP.To4() == nil {
				continue
			}
			if ones, _ := n.Mask.Size(); ones > 30 {
				continue
			}
			neighbour := n.IP.To4()
			neighbour = net.IPv4(neighbour[0], neighbour[1], neighbour[2], neighbour[3]^1)
			if !onLocalNetwork(neighbour) {
				t.Errorf("onLocalNetwork(%s) = false, but %s has %s", neighbour, iface.Name, n)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Log("no IPv4 interface other than loopback to check against")
	}
}

func TestDirectURIRefuses(t *testing.T) {
	for _, tc := range []struct{ ip, why string }{
		{"", "no IP address"},
		{"203.0.113.7", "no interface of this machine"},
	} {
		uri, why, ok := directURI(context.Background(), tc.ip)
		if ok || uri != "" || !strings.Contains(why, tc.why) {
			t.Errorf("directURI(%q) = %q, %q, %v; want refused with %q", tc.ip, uri, why, ok, tc.why)
		}
	}
}
