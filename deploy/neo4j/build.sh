#!/bin/bash
# build.sh builds MentorGraph's offline Neo4j 5.26 Community image without any
# container registry, and prints its name on the last line of stdout.
#
#   1. base: Debian bookworm (debootstrap --variant=minbase) with
#      openjdk-17-jre-headless, turned into an image with `docker import`;
#   2. Neo4j's jars resolved from Maven Central by Maven (pom.xml);
#   3. `docker build` of Dockerfile on that base (nothing pulled).
#
# Both images are tagged with a hash of their inputs, so the build runs once
# per machine and is reused until a file here changes. Concurrent callers
# (parallel test packages) wait on a lock instead of building twice.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="${NEO4J_OFFLINE_REPO:-mentorgraph/neo4j}"
base_repo="${NEO4J_OFFLINE_BASE_REPO:-mentorgraph/debian-jre17}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/mentorgraph"
base_packages="openjdk-17-jre-headless,tini,procps"

log() { echo "build.sh: $*" >&2; }

mkdir -p "$cache"
exec 9>"$cache/neo4j-image.lock"
flock 9

# Bump base_recipe when the way the base is made changes.
base_recipe="debootstrap --variant=minbase bookworm +$base_packages, apt lists and docs removed, v1"
base_tag="bookworm-$(printf '%s' "$base_recipe" | sha256sum | cut -c1-12)"
base="$base_repo:$base_tag"
image_tag="5.26-offline-$(printf '%s' "$base" | cat - "$here/pom.xml" "$here/Dockerfile" "$here/docker-entrypoint.sh" "$here/neo4j.conf" "$here/neo4j.sh" "$here/neo4j-admin.sh" | sha256sum | cut -c1-12)"
image="$repo:$image_tag"

if docker image inspect "$image" >/dev/null 2>&1; then
  log "using cached image $image"
  docker tag "$image" "$repo:5.26-offline" >&2
  echo "$image"
  exit 0
fi

if ! docker image inspect "$base" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || { log "debootstrap is missing (apt-get install debootstrap)"; exit 1; }
  [[ "$(id -u)" == "0" ]] || { log "debootstrap needs root to build the base image $base"; exit 1; }
  rootfs="$cache/rootfs-bookworm"
  rm -rf "$rootfs"
  log "debootstrap bookworm ($base_packages) from $mirror into $rootfs"
  debootstrap --variant=minbase --include="$base_packages" bookworm "$rootfs" "$mirror" > "$cache/debootstrap.log" 2>&1 \
    || { log "debootstrap failed, see $cache/debootstrap.log"; tail -20 "$cache/debootstrap.log" >&2; exit 1; }
  chroot "$rootfs" apt-get clean
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
  log "docker import -> $base"
  tar -C "$rootfs" --numeric-owner -c . | docker import \
      --change 'ENV LANG=C.UTF-8' \
      --change 'CMD ["/bin/bash"]' \
      - "$base" >&2
  rm -rf "$rootfs"
fi

ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT
cp "$here/Dockerfile" "$here/docker-entrypoint.sh" "$here/neo4j.conf" "$here/neo4j.sh" "$here/neo4j-admin.sh" "$ctx/"
log "resolving Neo4j's jars from Maven Central"
mvn -q -B -Dstyle.color=never -f "$here/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$ctx/lib" >&2
log "docker build -> $image"
DOCKER_BUILDKIT=0 docker build -q --build-arg "BASE=$base" -t "$image" -t "$repo:5.26-offline" "$ctx" >&2
echo "$image"
