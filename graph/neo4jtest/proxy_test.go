package neo4jtest

import (
	"bytes"
	"io"
	"net"
	"testing"
	"time"
)

// TestCommitCutterCutsAfterCommit runs the proxy against a fake server:
// bytes pass both ways until it is armed; then a COMMIT split over two
// writes reaches the server whole, the client's connection ends, and the
// server's answer is not relayed.
func TestCommitCutterCutsAfterCommit(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	received := make(chan []byte, 16)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		buf := make([]byte, 1024)
		for {
			n, err := conn.Read(buf)
			if n > 0 {
				received <- bytes.Clone(buf[:n])
				_, _ = conn.Write([]byte("ok"))
			}
			if err != nil {
				close(received)
				return
			}
		}
	}()
	p := NewCommitCutter(t, &Server{URI: "bolt://" + ln.Addr().String()})
	client, err := net.Dial("tcp", p.URI()[len("bolt://"):])
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	_ = client.SetDeadline(time.Now().Add(5 * time.Second))

	// A COMMIT while not armed passes, and so does its answer.
	if _, err := client.Write(boltCommit); err != nil {
		t.Fatal(err)
	}
	answer := make([]byte, 2)
	if _, err := io.ReadFull(client, answer); err != nil || string(answer) != "ok" {
		t.Fatalf("answer before arming: %q, %v", answer, err)
	}
	if got := <-received; !bytes.Equal(got, boltCommit) {
		t.Fatalf("server got %x", got)
	}

	p.CutNextCommit()
	if _, err := client.Write([]byte{0xAA, 0x00, 0x02, 0xB0}); err != nil {
		t.Fatal(err)
	}
	// The server answers the first part; give the proxy time to relay it.
	if _, err := io.ReadFull(client, answer); err != nil {
		t.Fatalf("answer to the first part: %v", err)
	}
	if _, err := client.Write([]byte{0x12, 0x00, 0x00, 0xBB}); err != nil {
		t.Fatal(err)
	}
	var got []byte
	for len(got) < 7 {
		select {
		case b := <-received:
			got = append(got, b...)
		case <-time.After(5 * time.Second):
			t.Fatalf("server got %x, want the COMMIT", got)
		}
	}
	if want := []byte{0xAA, 0x00, 0x02, 0xB0, 0x12, 0x00, 0x00}; !bytes.Equal(got, want) {
		t.Errorf("server got %x, want %x (nothing after the COMMIT)", got, want)
	}
	if n, err := client.Read(answer); err == nil {
		t.Errorf("the client read %q after the cut; want its connection closed", answer[:n])
	}
	if p.Cuts() != 1 {
		t.Errorf("cuts: %d", p.Cuts())
	}
}
