#!/usr/bin/env bash
# Applies the Verbund ACD server configuration to a WildFly installation, offline (embed-server).
# Every *.cli script here is idempotent: it may run against a fresh or an already configured server,
# and against a running one through `jboss-cli.sh --connect --file=…` as well.
set -euo pipefail
wildfly_home=${1:?usage: configure-server.sh WILDFLY_HOME}
here=$(cd "$(dirname "$0")" && pwd)
script=$(mktemp "${TMPDIR:-/tmp}/verbund-configure.XXXXXX.cli")
trap 'rm -f "$script"' EXIT
{
  echo "embed-server --server-config=standalone-ha.xml --std-out=discard"
  for part in datasources infinispan jgroups logging undertow tls jaxrs openapi metrics; do
    echo "# --- $part.cli"
    cat "$here/$part.cli"
  done
  echo "stop-embedded-server"
} > "$script"
echo "Configuring WildFly in $wildfly_home (datasources, infinispan, jgroups, logging, undertow, tls, jaxrs, openapi, metrics)"
JAVA_OPTS="-Xmx512m" bash "$wildfly_home/bin/jboss-cli.sh" --file="$script"
