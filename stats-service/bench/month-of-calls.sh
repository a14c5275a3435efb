#!/usr/bin/env bash
# Statistics for one month of a 200-agent tenant: starts a demo node (offset OFFSET, a fresh home;
# stopped on exit, KEEP=1 keeps the home), writes a month of raw events for the tenant "month"
# into its database (MonthOfCalls: AGENTS agents in GROUP_COUNT groups, CALLS_PER_DAY calls a day,
# multi-row INSERTs), then recalculates the month through the API REPEAT times and prints each
# duration (from the recalculation's own created/finished times) and the median, steps a second and
# the rows made, then times each report
# REPEAT times over the month and prints the median (curl's total time, the whole body received):
# calls by group per interval (JSON), by agent per day (JSON), by agent per interval (XLSX), agent
# states per day (JSON). Goals (issue 15): calls by group per interval < 2 s, the XLSX < 30 s.
# Bounded: generation ~1-2 min, each recalculation at most 30 min, the reports REPEAT times each.
# Needs a build (`mvn -o -q package -DskipTests` at the root).
# RECALCULATIONS (default REPEAT) sets how often the month is recalculated.
# Usage: stats-service/bench/month-of-calls.sh      MONTH=2026-11 CALLS_PER_DAY=5000 AGENTS=200 GROUP_COUNT=10 REPEAT=3 RECALCULATIONS=3 OFFSET=2700
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
month=${MONTH:-2026-11}
repeat=${REPEAT:-3}
offset=${OFFSET:-2700}
bench_name=month-of-calls
. "$repo/deploy/bench/bench-node.sh"
trap 'VERBUND_SKIP_BUILD=1 "$repo/verbund" stop --home "$home" >/dev/null 2>&1 || true; [ -n "${KEEP:-}" ] || rm -rf "$home"' EXIT

classpath=$(cd "$repo/stats-service" && mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g')
start_node
port=$(record database.port)
password=$(sed -n 's/^password=//p' "$home/secrets/db.properties")
mariadb=$(find "$repo/deploy/target/verbund-node" -path '*/bin/mariadb' -type f | head -1)
sql() { "$mariadb" --skip-ssl -h127.0.0.1 -P"$port" -uverbund --password="$password" -N -B -e "$1" verbund; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%F)"

java -cp "$repo/stats-service/target/test-classes:$repo/acd-core/target/classes:$classpath:$(ls "$repo"/deploy/target/lib/mariadb-java-client-*.jar)" \
  io.verbund.acd.stats.bench.MonthOfCalls "jdbc:mariadb://127.0.0.1:$port/verbund" verbund "$password" \
  "$month" "${CALLS_PER_DAY:-5000}" "${AGENTS:-200}" "${GROUP_COUNT:-10}"
tenant=$(sql "SELECT id FROM tenant WHERE tenant_key = 'month'")

api=http://127.0.0.1:$http/stats/api/v1/tenants/month
auth=admin@month:month-admin
from=$month-01
to=$(date -d "$from +1 month -1 day" +%F)
# recalculate: starts the month's recalculation, waits for it, prints its state, steps (call slices
# and agents) and its duration from its own created and finished times.
recalculate() {
  local code id state
  code=$(curl -s -u "$auth" -H 'Content-Type: application/json' -d "{\"from\":\"$from\",\"to\":\"$to\"}" \
    -o /dev/null -w '%{http_code}' "$api/recalculations")
  [ "$code" = 202 ] || { echo "recalculation refused: HTTP $code" >&2; exit 1; }
  id=$(sql "SELECT MAX(id) FROM stats_recalculation WHERE tenant_id = $tenant")
  for _ in $(seq 1 3600); do
    state=$(sql "SELECT state FROM stats_recalculation WHERE id = $id")
    [ "$state" = RUNNING ] || break
    sleep 0.5
  done
  sql "SELECT state, slices_total, TIMESTAMPDIFF(MICROSECOND, created_at, finished_at) / 1e6 FROM stats_recalculation WHERE id = $id"
}
durations=()
recalculations=${RECALCULATIONS:-$repeat}
for run in $(seq 1 "$recalculations"); do
  read -r state total seconds < <(recalculate)
  echo "recalculation $run of $from..$to: $state, $total steps (call slices and agents) in $seconds s"
  durations+=("$seconds")
done
seconds=$(printf '%s\n' "${durations[@]}" | sort -n | sed -n "$(( (recalculations + 1) / 2 ))p")
echo "recalculation median: $seconds s, $(awk -v n="$total" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') steps a second;" \
  "rows: $(sql "SELECT COUNT(*) FROM stats_visit WHERE tenant_id = $tenant") visits," \
  "$(sql "SELECT COUNT(*) FROM stats_call_slice WHERE tenant_id = $tenant") call slice rows," \
  "$(sql "SELECT COUNT(*) FROM stats_agent_slice WHERE tenant_id = $tenant") agent slice rows"

# median URL: the median of REPEAT total times in seconds, and the size of the last body; stops
# the bench when the answer is not 200.
median() {
  local times=() t size code
  for _ in $(seq 1 "$repeat"); do
    read -r t size code < <(curl -s -u "$auth" -o /dev/null -w '%{time_total} %{size_download} %{http_code}\n' "$1")
    [ "$code" = 200 ] || { echo "$1: HTTP $code" >&2; exit 1; }
    times+=("$t")
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (repeat + 1) / 2 ))p")" "$size"
}
printf '%-44s %-10s %-12s %-8s\n' report "median s" bytes goal
for report in "calls?period=interval&by=group <2s" "calls?period=day&by=agent -" "calls?period=interval&by=agent&format=xlsx <30s" \
              "agent-states?period=day -"; do
  set -- $report
  read -r t size < <(median "$api/reports/${1%%\?*}?from=$from&to=$to&${1#*\?}")
  printf '%-44s %-10s %-12s %s\n' "$1" "$t" "$size" "$2"
done
