package server_test

import (
	"os"
	"testing"

	"github.com/mentorgraph/mentorgraph/graph/neo4jtest"
)

func TestMain(m *testing.M) { os.Exit(neo4jtest.RunMain(m)) }
