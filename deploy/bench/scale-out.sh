#!/usr/bin/env bash
# Scale-out: the same call load on one node and on two nodes behind Kamailio, each time in the
# redundant topology of ./verbund cluster (two masters, two replicas, haproxy, Kamailio; ports of
# scale-out.yaml), and the share of its capacity each node keeps when two share the load.
# Why CPU per call and not two clean rates: on a box whose few cores the nodes, four MariaDB servers,
# Kamailio and SIPp all share, two nodes can never show twice the CAPS of one, however well they
# scale. What a node's capacity divides is the CPU each call costs it, and that can be measured at
# a rate both set-ups carry cleanly. So: the nodes' CPU (user + system, from /proc; their JIT compiler
# threads apart) per answered call
# with one node, over the same with two nodes (both nodes' CPU together), each less what the nodes
# used in IDLE s with no calls just before (what a node costs idle is no cost of a call, and a
# second node's would otherwise weigh on a low rate's figure); the cluster's own work
# (the replicated caches, the agent leases taken across nodes, the talking calls' dialogs a second
# node could take over, JGroups) is what makes the second figure larger.
# Each set-up: a fresh cluster, the bench tenant (AGENTS agents registered through Kamailio, one SIPp
# answering every offer), WARMUP s of calls not counted, IDLE s without calls, then RATE CAPS for DURATION s through
# Kamailio to the bench number (INVITE, 180, 200, ACK, TALK ms, BYE). Prints per set-up the calls,
# the records per node, INVITE->180 and ->200 times, and the CPU of the nodes, the databases and
# Kamailio; then the factor. Loopback only; bounded in calls and time. Needs a build (mvn install).
# Usage: deploy/bench/scale-out.sh            RATE=20 DURATION=60 WARMUP=60 IDLE=20 AGENTS=500 TALK=2000 NODES=1|2 KEEP=1
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
. "$repo/deploy/bench/sipp-figures.sh"
rate=${RATE:-20}
duration=${DURATION:-60}
warmup=${WARMUP:-60}
idle=${IDLE:-20}
agents=${AGENTS:-500}
talk=${TALK:-2000}
uas_port=5871
home=$(mktemp -d "${TMPDIR:-/tmp}/verbund-scale-out.XXXXXX")
work=$home/sipp
mkdir -p "$work"
topology=$repo/deploy/bench/scale-out.yaml
kamailio=$(sed -n 's/^ *sip: *\([0-9]*\).*/\1/p' "$topology" | head -1)
db_master=$(sed -n 's/^ *dbMaster: *\([0-9]*\).*/\1/p' "$topology" | head -1)
mariadb=$(find "$repo/deploy/target/verbund-node" -path '*/bin/mariadb' -type f | head -1)

stop_cluster() {
  pkill -f "sipp 127.0.0.1:$kamailio" 2>/dev/null || true
  pkill -f "sipp .*-p $uas_port" 2>/dev/null || true
  VERBUND_SKIP_BUILD=1 "$repo/verbund" stop --home "$home/cluster" >/dev/null 2>&1 || true
}
trap 'stop_cluster; [ -n "${KEEP:-}" ] || rm -rf "$home"' EXIT

# jit_ticks PID...: clock ticks the JVMs' JIT compiler threads (C1, C2) used so far. A fresh node
# still compiles minutes into its load (a third of a core at 90 s here, in each JVM); that is no
# cost of a call, and two fresh JVMs pay it twice, so it is counted apart and left out.
jit_ticks() {
  local total=0 pid task
  for pid in "$@"; do
    for task in /proc/"$pid"/task/*; do
      case "$(cat "$task/comm" 2>/dev/null)" in
        "C1 CompilerThre"*|"C2 CompilerThre"*)
          total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$task/stat" 2>/dev/null || echo 0))) ;;
      esac
    done
  done
  echo "$total"
}
# work_ticks PID...: the processes' CPU without their JIT compiler threads.
work_ticks() { echo $(( $(cpu_ticks "$@") - $(jit_ticks "$@") )); }

# pid COMPONENT: a process of the running cluster (node-a, node-b, kamailio, master1, ...), from its record.
pid() { sed -n "s/^pid\.$1=//p" "$home/cluster/run/cluster.properties"; }
# The cluster's database users need TLS, with a certificate of the cluster's own CA.
sql() {
  "$mariadb" --ssl --ssl-ca="$home/cluster/secrets/tls/ca.pem" -h127.0.0.1 -P"$db_master" -uverbund --password="$(sed -n 's/^password=//p' "$home/cluster/secrets/db.properties")" \
    -N -B -e "$1" verbund
}
# answered_by_node: "node-a=N node-b=M", the bench tenant's ANSWERED records so far per handling node.
answered_by_node() {
  sql "SELECT r.handled_by_node, COUNT(*) FROM call_record r JOIN tenant t ON t.id = r.tenant_id WHERE t.tenant_key = 'bench'
       AND r.outcome = 'ANSWERED' GROUP BY r.handled_by_node ORDER BY 1" | awk '{ printf "%s%s=%s", (NR > 1 ? " " : ""), $1, $2 }'
}

# run NODES: one set-up, from a fresh cluster of NODES nodes to its figures; sets per_call_ms.
run() {
  local nodes=$1 t=$home/scale-out-$1.yaml
  if [ "$nodes" = 1 ]; then grep -v 'name: node-b' "$topology" > "$t"; else cp "$topology" "$t"; fi
  echo "-- $nodes node(s): starting the cluster ..."
  VERBUND_SKIP_BUILD=1 "$repo/verbund" cluster --home "$home/cluster" --topology "$t" --fresh > "$home/cluster-$nodes.out" 2>&1 &
  local launcher=$!
  until grep -q "is ready" "$home/cluster-$nodes.out" 2>/dev/null; do
    sleep 1
    kill -0 $launcher 2>/dev/null || { cat "$home/cluster-$nodes.out"; exit 1; }
  done
  local node_pids=() name
  for name in node-a node-b; do [ -n "$(pid $name)" ] && node_pids+=("$(pid $name)"); done
  [ "${#node_pids[@]}" = "$nodes" ] || { echo "expected $nodes node processes, found ${#node_pids[@]}"; exit 1; }
  local databases=("$(pid master1)" "$(pid master2)" "$(pid replica1)" "$(pid replica2)")
  java -cp "$repo/deploy/target/test-classes:$(ls "$repo"/acd-core/target/acd-core-*[0-9T].jar | head -1):$(ls "$repo"/deploy/target/lib/mariadb-java-client-*.jar)" \
    io.verbund.acd.node.BenchTenant "jdbc:mariadb://127.0.0.1:$db_master/verbund?sslMode=verify-ca&serverSslCert=$home/cluster/secrets/tls/ca.pem" verbund \
    "$(sed -n 's/^password=//p' "$home/cluster/secrets/db.properties")" "$agents" >/dev/null
  { echo SEQUENTIAL; for i in $(seq 1 "$agents"); do u=$(printf 'b%04d' "$i"); echo "$u;[authentication username=$u password=bench];$uas_port"; done; } > "$work/agents.csv"
  (cd "$work" && sipp 127.0.0.1:$kamailio -sf "$repo/deploy/src/test/sipp/bench-register.xml" -inf agents.csv -i 127.0.0.1 -p 5870 \
      -m "$agents" -r 100 -nostdin -timeout 120s >/dev/null 2>&1) || { echo "registration of $agents agents through Kamailio failed"; exit 1; }
  local http
  http=$((8080 + $(sed -n 's/.*name: node-a.*portOffset: *\([0-9]*\).*/\1/p' "$topology")))
  seq 1 "$agents" | xargs -P 4 -I{} sh -c "curl -sf -o /dev/null -u admin@bench:bench-admin -X PUT -H 'Content-Type: application/json' \
      -d '{\"state\":\"READY\"}' http://127.0.0.1:$http/api/v1/agents/\$(printf 'b%04d' {})/state" \
      || { echo "agents not made READY through node-a's API"; exit 1; }
  (cd "$work" && exec sipp -sf "$repo/deploy/src/test/sipp/agent-answer.xml" -i 127.0.0.1 -p $uas_port -d 0 \
      -nostdin -timeout $((warmup + duration + 200))s >/dev/null 2>&1) &
  echo "   $agents agents registered through Kamailio and READY; warming up for $warmup s at $rate CAPS ..."
  mkdir -p "$work/warmup-$nodes"
  (cd "$work/warmup-$nodes" && sipp 127.0.0.1:$kamailio -sf "$repo/deploy/src/test/sipp/caller.xml" -s +4930999000 -i 127.0.0.1 -p 5890 \
      -r "$rate" -m $((rate * warmup)) -d "$talk" -l $((rate * 10)) -nostdin -timeout $((warmup + 90))s >/dev/null 2>&1) || true
  sleep 3
  # The nodes' CPU with no calls (timers, cache heartbeats, what compiling is left): taken off the
  # CPU under load, so the figure per call is what a call costs, not what a node costs idle.
  local idle_before idle_t idle_rate
  idle_before=$(work_ticks "${node_pids[@]}"); idle_t=$(date +%s.%N)
  sleep "$idle"
  idle_rate=$(echo "($(work_ticks "${node_pids[@]}") - $idle_before) / ($(date +%s.%N) - $idle_t)" | bc -l)
  local before after cpu_before jit_before db_before kam_before t_before cpu jit db kam seconds
  before=$(answered_by_node)
  local first_id
  first_id=$(sql "SELECT COALESCE(MAX(id), 0) FROM call_record")
  cpu_before=$(work_ticks "${node_pids[@]}"); jit_before=$(jit_ticks "${node_pids[@]}"); db_before=$(cpu_ticks "${databases[@]}"); kam_before=$(cpu_ticks $(pgrep -f "kamailio.*$home/cluster/config" || true))
  t_before=$(date +%s.%N)
  local per_node_before=()
  for name in "${node_pids[@]}"; do per_node_before+=("$(work_ticks "$name")"); done
  echo "   measuring $duration s at $rate CAPS ..."
  rm -rf "$work/run-$nodes"; mkdir -p "$work/run-$nodes"
  (cd "$work/run-$nodes" && timeout -k 10 $((duration + 100)) sipp 127.0.0.1:$kamailio -sf "$repo/deploy/src/test/sipp/caller.xml" -s +4930999000 \
      -i 127.0.0.1 -p 5890 -r "$rate" -m $((rate * duration)) -d "$talk" -l $((rate * 10)) -nostdin -timeout $((duration + 90))s \
      -trace_stat -trace_rtt -rtt_freq 1 >/dev/null 2>&1) || true
  cpu=$(( $(work_ticks "${node_pids[@]}") - cpu_before )); jit=$(( $(jit_ticks "${node_pids[@]}") - jit_before )); db=$(( $(cpu_ticks "${databases[@]}") - db_before ))
  kam=$(( $(cpu_ticks $(pgrep -f "kamailio.*$home/cluster/config" || true)) - kam_before ))
  seconds=$(echo "$(date +%s.%N) - $t_before" | bc -l)
  local per_node="" i=0
  for name in "${node_pids[@]}"; do
    per_node+="${per_node:+ + }$(percent_of_core $(( $(work_ticks "$name") - per_node_before[i] )) "$seconds")"; i=$((i + 1))
  done
  sleep 3 # the last call records
  after=$(answered_by_node)
  local ok failed
  ok=$(sipp_count "$work/run-$nodes" caller 'SuccessfulCall(C)')
  failed=$(sipp_count "$work/run-$nodes" caller 'FailedCall(C)')
  per_call_ms=$(echo "($cpu - $idle_rate * $seconds) * 1000 / $(getconf CLK_TCK) / $ok" | bc -l | xargs printf '%.2f')
  gross_ms=$(echo "$cpu * 1000 / $(getconf CLK_TCK) / $ok" | bc -l | xargs printf '%.2f')
  printf '   %-6s %-6s %-8s %-7s %-12s %-12s %-12s %-16s %-10s %-9s %-9s %-9s %-12s %-14s %s\n' nodes CAPS success failed "180 p99 ms" "200 p50 ms" "200 p99 ms" \
    "nodes %core" "idle %core" "JIT %core" "DB %core" "Kam %core" "ms/call net" "ms/call gross" "answered per node (before -> after)"
  printf '   %-6s %-6s %-8s %-7s %-12s %-12s %-12s %-16s %-10s %-9s %-9s %-9s %-12s %-14s %s\n' "$nodes" "$rate" "$ok" "$failed" \
    "$(sipp_rtt "$work/run-$nodes" caller ringing 99)" "$(sipp_rtt "$work/run-$nodes" caller answer 50)" "$(sipp_rtt "$work/run-$nodes" caller answer 99)" \
    "$per_node" "$(echo "$idle_rate * 100 / $(getconf CLK_TCK)" | bc -l | xargs printf '%.0f')" "$(percent_of_core "$jit" "$seconds")" "$(percent_of_core "$db" "$seconds")" \
    "$(percent_of_core "$kam" "$seconds")" "$per_call_ms" "$gross_ms" "$before -> $after"
  # Where the time to the answer went, per node: queued -> first offer, first offer -> agent's answer (averages and maxima, ms).
  sql "SELECT CONCAT('   ', handled_by_node, ': queued -> offered avg ', ROUND(AVG(TIMESTAMPDIFF(MICROSECOND, queued_at, offered_at)) / 1000),
         ' max ', ROUND(MAX(TIMESTAMPDIFF(MICROSECOND, queued_at, offered_at)) / 1000), ' ms; offered -> answered avg ',
         ROUND(AVG(TIMESTAMPDIFF(MICROSECOND, offered_at, answered_at)) / 1000), ' max ',
         ROUND(MAX(TIMESTAMPDIFF(MICROSECOND, offered_at, answered_at)) / 1000), ' ms')
       FROM call_record WHERE id > $first_id AND outcome = 'ANSWERED' GROUP BY handled_by_node ORDER BY handled_by_node"
  if [ "$failed" != 0 ] || [ "$ok" = 0 ]; then
    echo "   $failed of $((ok + failed)) calls failed: the rate is past what this set-up carries cleanly here, so its CPU per call is no fair figure; try a lower RATE"
    per_call_ms=
  fi
  stop_cluster
  wait $launcher 2>/dev/null || true
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $rate CAPS through Kamailio, $agents agents, talk $talk ms, $duration s measured after $warmup s"
if [ -n "${NODES:-}" ]; then
  run "$NODES" # one set-up alone, to look at (with KEEP=1, its logs stay)
  exit 0
fi
run 1
one=$per_call_ms; one_gross=$gross_ms
run 2
two=$per_call_ms; two_gross=$gross_ms
if [ -z "$one" ] || [ -z "$two" ]; then
  echo "scale-out: not measured (a set-up lost calls)"
  exit 1
fi
echo "node CPU per answered call, idle taken off: one node $one ms, two nodes together $two ms"
echo "with idle included: one node $one_gross ms, two nodes $two_gross ms (scale-out $(echo "$one_gross / $two_gross" | bc -l | xargs printf '%.2f') at this rate)"
echo "scale-out: $(echo "$one / $two" | bc -l | xargs printf '%.2f') (the share of a lone node's capacity each of two nodes keeps)"
