# Shared by the benchmarks that run their own node (sourced after setting repo, offset and a name):
# a fresh home for the node, the node started on it, its records, the bench tenant, and the clean-up
# that stops SIPp and the node on exit (KEEP=1 keeps the home and its logs to look at afterwards).
# Bash functions and variables only; nothing runs but the home's creation.

sip=$((5060 + offset))
http=$((8080 + offset))
home=$(mktemp -d "${TMPDIR:-/tmp}/verbund-$bench_name.XXXXXX")
work=$home/sipp
mkdir -p "$work"

# stop_bench PORT...: ends the SIPp instances of this run (the callers, and those on the local
# ports given) and the node.
stop_bench() {
  pkill -f "sipp 127.0.0.1:$sip" 2>/dev/null || true
  local port
  for port in "$@"; do
    pkill -f "sipp .*-p $port" 2>/dev/null || true
  done
  VERBUND_SKIP_BUILD=1 "$repo/verbund" stop --home "$home" >/dev/null 2>&1 || true
}

start_node() {
  VERBUND_SKIP_BUILD=1 "$repo/verbund" demo --home "$home" --port-offset $offset > "$home/demo.out" 2>&1 &
  until grep -q "is ready" "$home/demo.out" 2>/dev/null; do
    sleep 0.5
    kill -0 $! 2>/dev/null || { cat "$home/demo.out"; exit 1; }
  done
}

# record KEY: a value of the running node's process record (wildfly.pid, database.port, ...).
record() { sed -n "s/^$1=//p" "$home/run/processes.properties"; }

# bench_tenant AGENTS: the bench tenant (one longest-idle group, no wrap-up, service number
# +4930999000) with AGENTS agents b0001..., password "bench"; nothing when it exists.
bench_tenant() {
  java -cp "$repo/deploy/target/test-classes:$(ls "$repo"/acd-core/target/acd-core-*[0-9T].jar | head -1):$(ls "$repo"/deploy/target/lib/mariadb-java-client-*.jar)" \
    io.verbund.acd.node.BenchTenant "jdbc:mariadb://127.0.0.1:$(record database.port)/verbund" verbund \
    "$(sed -n 's/^password=//p' "$home/secrets/db.properties")" "$1" >/dev/null
}
