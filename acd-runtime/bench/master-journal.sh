#!/usr/bin/env bash
# Call events sustained into the MariaDB master through the call path's journal and its drain
# (MasterJournalBench): at each call rate, for SECONDS s, the 11 writes of an answered call (6 call
# events, the record and its 4 moments) are journaled and drained in JDBC batches into the
# database of a demo node this script starts (offset OFFSET, a fresh home; stopped on exit, KEEP=1
# keeps the home). The node runs as usual meanwhile, its slice worker reading the new events.
# Prints per rate: entries a second appended and stored, the lag (age of the oldest entry not yet
# in the master, sampled every 100 ms) p50/p99/max, the largest backlog, how long the rest took to
# drain after the load stopped (at most 120 s), the call_event rows stored and the dead letters.
# Bounded: RATES x SECONDS plus the drains and a node start. Needs a build
# (`mvn -o -q package -DskipTests` at the root).
# Usage: acd-runtime/bench/master-journal.sh        RATES="100 300 500 1000" SECONDS_PER_RATE=30 OFFSET=2700
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
offset=${OFFSET:-2700}
bench_name=master-journal
. "$repo/deploy/bench/bench-node.sh"
trap 'VERBUND_SKIP_BUILD=1 "$repo/verbund" stop --home "$home" >/dev/null 2>&1 || true; [ -n "${KEEP:-}" ] || rm -rf "$home"' EXIT

cd "$repo/acd-runtime"
classpath=$(mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')
start_node
port=$(record database.port)
password=$(sed -n 's/^password=//p' "$home/secrets/db.properties")
mariadb=$(find "$repo/deploy/target/verbund-node" -path '*/bin/mariadb' -type f | head -1)
tenant=$("$mariadb" --skip-ssl -h127.0.0.1 -P"$port" -uverbund --password="$password" -N -B \
  -e "SELECT id FROM tenant WHERE tenant_key = 'demo'" verbund)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java $(java -version 2>&1 | sed -n 's/.*version "\(.*\)".*/\1/p'); $(date -u +%F)"
echo "journal in ${TMPDIR:-/tmp} ($(df -h "${TMPDIR:-/tmp}" | tail -1 | awk '{print $1}')); ${SECONDS_PER_RATE:-30} s per rate; 11 entries per call"
java -cp "target/test-classes:target/classes:$classpath:$(ls "$repo"/deploy/target/lib/mariadb-java-client-*.jar)" \
  -Dbench.url="jdbc:mariadb://127.0.0.1:$port/verbund?connectTimeout=3000" -Dbench.user=verbund -Dbench.password="$password" \
  -Dbench.tenant="$tenant" -Dbench.rates="${RATES:-100 300 500 1000}" -Dbench.seconds="${SECONDS_PER_RATE:-30}" \
  io.verbund.acd.runtime.journal.MasterJournalBench
