# MentorGraph. The two commands:
#   make run    start Neo4j (a container, data kept between runs), load demo data
#               into an empty database, and start the server
#   make test   check generated code, the web UI's build and formatting, vet, run every
#               test against a real Neo4j (and the UI's in a headless Chromium), then
#               a short fuzz run of the GraphQL endpoint (make fuzz)
#   make web    rebuild the web UI (web/src -> web/dist, committed); needs Node.js + npm
SHELL := /bin/bash
GO    ?= go
export CGO_ENABLED ?= 0

# Generated files that `go generate ./...` must reproduce exactly.
GENERATED := resolvers/generated.go resolvers/models_gen.go
# The web UI's installed libraries (npm ci's record of them).
WEB_DEPS  := web/node_modules/.package-lock.json

.PHONY: test fuzz run stop generate check-generated check-web web check-format vet loadbench

# Verbose, so the Neo4j container start and any SKIP show, without the lines
# of passing tests.
test: check-web check-generated check-format vet
	@set -eo pipefail; eval "$$(deploy/provision.sh)"; \
	$(GO) test -v -count=1 -timeout 30m ./... 2>&1 | grep -v -E '^ *(=== (RUN|PAUSE|CONT|NAME)|--- PASS)'; \
	$(MAKE) --no-print-directory fuzz

# A short fuzz run of the GraphQL endpoint: FUZZTIME of requests made by the
# generator of internal/server/fuzzgen_test.go, against a Neo4j of its own
# (about a minute with the container's start). The seed corpora of every
# fuzz target run with the tests. The long run: docs/operations.md, "Fuzzing".
# Its Neo4j keeps the plans of its statements for the run: the fuzzer's
# writes would otherwise make it plan them anew every few seconds, seconds
# each, and a fuzz worker takes an input that runs over 10 s for a deadlock.
FUZZTIME ?= 15s
FUZZ_NEO4J_SETTINGS := dbms.cypher.min_replan_interval=1h
fuzz:
	@set -eo pipefail; eval "$$(deploy/provision.sh)"; \
	NEO4J_SETTINGS="$(FUZZ_NEO4J_SETTINGS)" $(GO) test -run '^$$' -fuzz '^FuzzGeneratedRequests$$' -fuzztime $(FUZZTIME) ./internal/server

run:
	@set -e; eval "$$(deploy/provision.sh)"; \
	eval "$$($(GO) run ./cmd/neo4j-dev)"; \
	$(GO) build -o bin/mentorgraph ./cmd/mentorgraph; \
	bin/mentorgraph seed -people 3000 -if-empty -demo-accounts; \
	echo "demo API tokens (admin, organizer, member): bin/mentorgraph token demo  (after eval \"\$$(go run ./cmd/neo4j-dev)\")"; \
	exec bin/mentorgraph serve

# Stop the development Neo4j started by `make run`; its data volume stays.
stop:
	$(GO) run ./cmd/neo4j-dev -stop

# The server under a steady request rate, with its memory (README, "Measured
# (loadbench)"). Flags go in ARGS, e.g. make loadbench ARGS="-rate 400".
loadbench:
	@set -e; eval "$$(deploy/provision.sh)"; \
	$(GO) build -o bin/mentorgraph ./cmd/mentorgraph; \
	$(GO) run ./cmd/loadbench -server bin/mentorgraph $(ARGS)

generate: $(WEB_DEPS)
	$(GO) generate ./...

# Regenerate and fail if that changed anything: the committed generated code
# must match schema/ and gqlgen.yml.
check-generated: $(WEB_DEPS)
	@before="$$(cat $(GENERATED) | sha256sum)"; \
	$(GO) generate ./... ; \
	after="$$(cat $(GENERATED) | sha256sum)"; \
	if [ "$$before" != "$$after" ]; then \
	  echo "generated code was out of date with schema/: regenerated it; review and commit $(GENERATED)"; exit 1; \
	fi

# The web UI's libraries and TypeScript, as locked in web/package-lock.json,
# installed again only when the lock file changes (provision.sh installs
# Node.js and npm on Debian when they are missing).
$(WEB_DEPS): web/package.json web/package-lock.json
	@command -v npm >/dev/null || deploy/provision.sh >/dev/null || true
	@command -v npm >/dev/null || { echo "the web UI needs Node.js and npm (Debian: apt-get install nodejs npm; deploy/provision.sh installs them as root)"; exit 1; }
	cd web && npm ci --no-audit --no-fund

# Type-check the UI and rebuild web/dist (commit it with the change to web/src).
web: $(WEB_DEPS)
	cd web && npx --no-install tsc --noEmit -p .
	$(GO) generate ./web

# Type-check the UI and fail if web/dist differs from a fresh build of
# web/src: the binary serves the committed build, so it must match.
check-web: $(WEB_DEPS)
	@cd web && npx --no-install tsc --noEmit -p .
	@$(GO) run ./web/build -dir web -check

check-format:
	@out="$$(gofmt -l $$(git ls-files '*.go'))"; \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
