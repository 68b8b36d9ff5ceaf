#!/bin/bash
# provision.sh makes sure a Docker engine answers, then prints the
# environment the tests need as shell `export` lines on stdout:
#
#   eval "$(deploy/provision.sh)"
#
# On a machine where Docker already answers it changes nothing. On a fresh
# Debian machine (as root) it installs Debian's docker.io and debootstrap and
# starts dockerd in the background (log: /var/log/mentorgraph-dockerd.log).
# TESTCONTAINERS_RYUK_DISABLED=true is printed only when testcontainers'
# reaper image cannot be had, TESTCONTAINERS_HOST_OVERRIDE=localhost only
# inside a container host (/.dockerenv); values the user set are kept.
set -euo pipefail

log() { echo "provision: $*" >&2; }
dockerd_log="${DOCKERD_LOG:-/var/log/mentorgraph-dockerd.log}"
ryuk_image="testcontainers/ryuk:0.14.0" # the reaper testcontainers-go v0.44.0 uses

docker_answers() { docker info >/dev/null 2>&1; }

if ! docker_answers; then
  if [[ "$(id -u)" != "0" ]]; then
    log "no Docker engine answers. Start Docker (or run as root on Debian so this script can install it), or set NEO4J_URI to an existing Neo4j."
    exit 1
  fi
  missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  if ((${#missing[@]})); then
    command -v apt-get >/dev/null || { log "need ${missing[*]} but this is not a Debian machine; install Docker yourself"; exit 1; }
    log "installing ${missing[*]} from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  fi
  if ! docker_answers; then
    log "starting dockerd in the background (log: $dockerd_log)"
    nohup dockerd >"$dockerd_log" 2>&1 </dev/null &
    for _ in $(seq 1 120); do
      docker_answers && break
      sleep 0.5
    done
    docker_answers || { log "dockerd did not come up; see $dockerd_log"; tail -20 "$dockerd_log" >&2; exit 1; }
  fi
  log "Docker engine $(docker version --format '{{.Server.Version}}' 2>/dev/null) answers"
fi

if [[ -z "${TESTCONTAINERS_RYUK_DISABLED:-}" ]]; then
  if ! docker image inspect "$ryuk_image" >/dev/null 2>&1 && ! docker pull -q "$ryuk_image" >/dev/null 2>&1; then
    echo "export TESTCONTAINERS_RYUK_DISABLED=true"
  fi
fi
if [[ -z "${TESTCONTAINERS_HOST_OVERRIDE:-}" && -f /.dockerenv ]]; then
  echo "export TESTCONTAINERS_HOST_OVERRIDE=localhost"
fi
