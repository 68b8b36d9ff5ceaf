package neo4jtest

import (
	"context"
	"errors"
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
	// A neighbour of each IPv4 interface network of this machine is on
	// that network; the interface's own address is the machine's, not a
	// neighbour's.
	checked := 0
	for _, n := range localNetworks() {
		if n.IP.IsLoopback() {
			t.Errorf("localNetworks() holds loopback %s", n)
			continue
		}
		if n.IP.To4() == nil {
			continue
		}
		if ones, _ := n.Mask.Size(); ones > 30 {
			continue
		}
		if onLocalNetwork(n.IP) {
			t.Errorf("onLocalNetwork(%s) = true for this machine's own address", n.IP)
		}
		own := n.IP.To4()
		neighbour := net.IPv4(own[0], own[1], own[2], own[3]^1)
		if !onLocalNetwork(neighbour) {
			t.Errorf("onLocalNetwork(%s) = false, but this machine has %s", neighbour, n)
		}
		checked++
	}
	if checked == 0 {
		t.Log("no IPv4 interface other than loopback to check against")
	}
}

func TestChooseURIKeepsThePublishedPort(t *testing.T) {
	const published = "neo4j://localhost:32768"
	ipIs := func(ip string, err error) func(context.Context) (string, error) {
		return func(context.Context) (string, error) { return ip, err }
	}
	for _, tc := range []struct {
		name       string
		daemonHost string
		ip         func(context.Context) (string, error)
		opts       Options
		reach      Reach
		why        string
	}{
		{"asked for", "unix:///var/run/docker.sock", ipIs("172.17.0.2", nil), Options{PublishedPort: true}, ReachPublishedAsked, ""},
		{"remote engine", "tcp://10.1.2.3:2376", ipIs("172.17.0.2", nil), Options{}, ReachPublishedRemote, "not local (tcp://10.1.2.3:2376)"},
		{"no container address", "unix:///var/run/docker.sock", ipIs("", errors.New("no network")), Options{}, ReachPublishedFallback, "the container's address: no network"},
		{"address on no local network", "unix:///var/run/docker.sock", ipIs("203.0.113.7", nil), Options{}, ReachPublishedFallback, "no interface of this machine"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			uri, reach, why := chooseURI(context.Background(), tc.daemonHost, published, tc.ip, tc.opts)
			if uri != published || reach != tc.reach || !strings.Contains(why, tc.why) || (tc.why == "" && why != "") {
				t.Errorf("chooseURI = %q, %v, %q; want %q, %v, a why holding %q", uri, reach, why, published, tc.reach, tc.why)
			}
		})
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
