#!/bin/bash
# Entry point of MentorGraph's offline Neo4j image. It follows the contract of
# the official neo4j image, so tools written for that image (testcontainers'
# neo4j module among them) work unchanged:
#   NEO4J_AUTH=neo4j/<password> | none
#   NEO4J_<setting>=value   ('_' -> '.', '__' -> '_'), written into neo4j.conf
# and it starts the real server entry point (`neo4j console`).
set -euo pipefail

conf="${NEO4J_HOME}/conf/neo4j.conf"

# set_setting KEY VALUE: replace KEY in neo4j.conf, or append it.
set_setting() {
  local key="$1" value="$2" tmp
  tmp="$(mktemp)"
  grep -v -E "^[[:space:]]*${key//./\\.}=" "$conf" > "$tmp" || true
  printf '%s=%s\n' "$key" "$value" >> "$tmp"
  cat "$tmp" > "$conf"
  rm -f "$tmp"
}

# Environment variables that configure this script, not Neo4j.
reserved=" NEO4J_AUTH NEO4J_HOME NEO4J_CONF NEO4J_EDITION NEO4J_ACCEPT_LICENSE_AGREEMENT NEO4JLABS_PLUGINS NEO4J_PLUGINS NEO4J_DEBUG "

while IFS='=' read -r -d '' name value; do
  case "$name" in NEO4J_*) ;; *) continue ;; esac
  case "$reserved" in *" $name "*) continue ;; esac
  key="${name#NEO4J_}"
  key="${key//__/@}"   # '__' means a literal underscore
  key="${key//_/.}"
  key="${key//@/_}"
  set_setting "$key" "$value"
done < <(env -0)

if [[ "${NEO4JLABS_PLUGINS:-}${NEO4J_PLUGINS:-}" != "" && "${NEO4JLABS_PLUGINS:-}${NEO4J_PLUGINS:-}" != "[]" ]]; then
  echo "warning: this offline image cannot download plugins (${NEO4JLABS_PLUGINS:-}${NEO4J_PLUGINS:-}); put their jars in /plugins" >&2
fi

auth="${NEO4J_AUTH:-neo4j/neo4j}"
case "$auth" in
  none)
    set_setting dbms.security.auth_enabled false
    ;;
  neo4j/*)
    set_setting dbms.security.auth_enabled true
    password="${auth#neo4j/}"
    if [[ ${#password} -lt 8 ]]; then
      echo "NEO4J_AUTH: the password must be at least 8 characters long" >&2
      exit 1
    fi
    # Only takes effect on a fresh /data, exactly like the official image.
    if [[ ! -d /data/databases/system ]]; then
      neo4j-admin dbms set-initial-password "$password" >/dev/null
    fi
    ;;
  *)
    echo "NEO4J_AUTH must be 'none' or 'neo4j/<password>', got '${auth%%/*}/...'" >&2
    exit 1
    ;;
esac

mkdir -p /data /logs /import /plugins
if [[ "$(id -u)" == "0" ]]; then
  chown -R neo4j:neo4j /data /logs /import /plugins "${NEO4J_HOME}/conf"
  exec setpriv --reuid=neo4j --regid=neo4j --init-groups "$@"
fi
exec "$@"
