#!/bin/bash
# provision.sh makes sure a Docker engine answers, then prints the
# environment the tests need as shell `export` lines on stdout:
#
#   eval "$(deploy/provision.sh)"
#
# On a machine where Docker already answers it changes nothing. On a fresh
# Debian machine (as root) it installs Debian's docker.io and debootstrap and
# starts dockerd in the background (log: /var/log/mentorgraph-dockerd.log).
# It also installs, when missing, what the web UI's checks and browser tests
# use: nodejs and npm, chromium and fonts-liberation.
# TESTCONTAINERS_RYUK_DISABLED=true is printed only when testcontainers'
# reaper image cannot be had, TESTCONTAINERS_HOST_OVERRIDE=localhost only
# inside a container host (/.dockerenv); values the user set are kept.
set -euo pipefail

log() { echo "provision: $*" >&2; }
dockerd_log="${DOCKERD_LOG:-/var/log/mentorgraph-dockerd.log}"
ryuk_image="testcontainers/ryuk:0.14.0" # the reaper testcontainers-go v0.44.0 uses

docker_answers() { docker info >/dev/null 2>&1; }

# The web UI's checks and browser tests need Node.js with npm, and Chromium
# with fonts: Debian's packages, installed (as root) only when missing.
web_missing=()
command -v npm >/dev/null || web_missing+=(nodejs npm)
command -v chromium >/dev/null || web_missing+=(chromium)
if command -v dpkg >/dev/null && ! dpkg -s fonts-liberation >/dev/null 2>&1; then
  web_missing+=(fonts-liberation)
fi
if ((${#web_missing[@]})); then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
    log "installing ${web_missing[*]} from Debian (web UI checks and browser tests)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q --no-install-recommends "${web_missing[@]}" >&2
  else
    log "missing ${web_missing[*]} (web UI checks and browser tests): install them, e.g. apt-get install ${web_missing[*]}"
  fi
fi

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
