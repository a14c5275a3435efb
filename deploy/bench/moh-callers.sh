#!/usr/bin/env bash
# Music-on-hold benchmark: N SIPp callers with RTP wait in the Hotline's queue on one node (no
# agent is logged in), each hearing the welcome prompt, then music on hold from the node's media
# engine. For each N: once every caller is queued, the node's media figures are reset, and after
# DURATION s the script prints the RTP packets a second the node sent, the deviation of its send
# intervals from 20 ms (p50/p99/max, measured by the pacer for every packet), the pacer's late
# ticks and the WildFly process's CPU (% of one core, from /proc). The callers' RTP goes to SIPp's
# own media port. SIPp (the load generator) runs on the same cores as the node. Last, the most callers
# a step held clean: every caller's leg open and a send-interval p99 within 5 ms (issue 6's bar).
# Loopback only; bounded in calls and time. Needs a build (mvn install) first.
# Usage: deploy/bench/moh-callers.sh          CALLERS="100 500 1000" DURATION=20 RATE=100
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
. "$repo/deploy/bench/sipp-figures.sh"
callers=${CALLERS:-"100 500 1000"}
duration=${DURATION:-20}
rate=${RATE:-100}
offset=700
sip=$((5060 + offset))
http=$((8080 + offset))
media_port=16500
home=$(mktemp -d "${TMPDIR:-/tmp}/verbund-moh.XXXXXX")
work=$home/sipp
mkdir -p "$work"
cleanup() {
  pkill -f "sipp 127.0.0.1:$sip" 2>/dev/null || true
  VERBUND_SKIP_BUILD=1 "$repo/verbund" stop --home "$home" >/dev/null 2>&1 || true
}
trap 'cleanup; rm -rf "$home"' EXIT

VERBUND_SKIP_BUILD=1 "$repo/verbund" demo --home "$home" --port-offset $offset > "$home/demo.out" 2>&1 &
until grep -q "is ready" "$home/demo.out" 2>/dev/null; do
  sleep 0.5
  kill -0 $! 2>/dev/null || { cat "$home/demo.out"; exit 1; }
done
record() { sed -n "s/^$1=//p" "$home/run/processes.properties"; }
figures() { curl -s -u sysadmin:system-admin "http://127.0.0.1:$http/telephony/media"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
wf=$(record wildfly.pid)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $duration s measured per step, callers arriving at $rate/s"
printf '%-8s %-8s %-10s %-12s %-12s %-12s %-10s %-10s\n' callers legs "pkts/s" "jitter p50" "jitter p99" "jitter max" "late ticks" "CPU %core"
best=0
for n in $callers; do
  ramp=$(( (n + rate - 1) / rate ))
  hold_ms=$(( (ramp + 8 + duration + 5) * 1000 ))
  rm -f "$work"/*.csv
  (cd "$work" && sipp 127.0.0.1:$sip -sf "$repo/deploy/src/test/sipp/caller-listens.xml" -s +4930500100 -i 127.0.0.1 -p 5790 \
      -key rtpport $media_port -mp $media_port -r "$rate" -m "$n" -l "$n" -d "$hold_ms" -nostdin \
      -timeout $(( hold_ms / 1000 + 60 ))s -trace_stat >/dev/null 2>&1) &
  sipp_pid=$!
  # Everyone in, past the welcome prompt and on music on hold.
  sleep $(( ramp + 8 ))
  curl -s -o /dev/null -u sysadmin:system-admin -X DELETE "http://127.0.0.1:$http/telephony/media"
  cpu_before=$(cpu_ticks "$wf"); t_before=$(date +%s.%N)
  sleep "$duration"
  cpu_after=$(cpu_ticks "$wf"); t_after=$(date +%s.%N)
  json=$(figures)
  legs=$(echo "$json" | field "['openLegs']")
  p99=$(echo "$json" | field "['sendIntervalDeviationMillis']['p99']")
  printf '%-8s %-8s %-10s %-12s %-12s %-12s %-10s %-10s\n' "$n" "$legs" \
    "$(echo "$json" | field "['packetsPerSecond']")" \
    "$(echo "$json" | field "['sendIntervalDeviationMillis']['p50']")" \
    "$p99" \
    "$(echo "$json" | field "['sendIntervalDeviationMillis']['max']")" \
    "$(echo "$json" | field "['pacerLateTicks']")" \
    "$(percent_of_core $((cpu_after - cpu_before)) "$(echo "$t_after - $t_before" | bc -l)")"
  if [ "$legs" -ge "$n" ] && [ "$(echo "$p99 <= 5" | bc -l)" = 1 ]; then best=$n; fi
  wait "$sipp_pid" || true
  sleep 3
done
echo "Verbund ACD: clean (every caller's leg open, send-interval p99 <= 5 ms) up to $best callers on music on hold"
