#!/usr/bin/env bash
# Soak: a bounded run of steady load on one freshly started node, printing every minute what a leak
# shows as a slope: the node's RSS, its heap after a full GC (forced once a minute with jcmd GC.run,
# so the figure is what stays, not where the collector happens to be), its threads and open file
# descriptors, and INVITE->180 p99 of that minute's callers. The bench tenant's callers arrive at
# RATE per second and talk TALK ms; with fewer agents than the load needs, part of them wait on
# music on hold first (the queue's share of callers is printed as "waited").
# Besides them, a standing population of HOLD callers waits on music on hold the whole time: callers
# to the demo's Hotline (welcome prompt, then the Support queue, where no agent is logged in) arrive
# at HOLD / HOLD_SECONDS a second and hang up after HOLD_SECONDS (CANCEL), the music they hear sent to one
# SIPp media port; per minute the script prints how many were holding at the minute's end and how
# many such calls failed so far (a caller the node dropped, or whose CANCEL went unanswered).
# Loopback only; bounded in time. Needs a build (mvn install) first.
# Usage: deploy/bench/soak.sh            RATE=50 MINUTES=60 AGENTS=110 TALK=2000 HOLD=200 HOLD_SECONDS=30 REREGISTER_MINUTES=30 KEEP=1
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
. "$repo/deploy/bench/sipp-figures.sh"
rate=${RATE:-50}
minutes=${MINUTES:-60}
agents=${AGENTS:-110}
talk=${TALK:-2000}
hold=${HOLD:-200}
hold_seconds=${HOLD_SECONDS:-30}
offset=2300
uas_port=5773
bench_name=soak
. "$repo/deploy/bench/bench-node.sh"
cleanup() { stop_bench $uas_port; }
trap 'cleanup; [ -n "${KEEP:-}" ] || rm -rf "$home"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $rate CAPS, $agents agents, talk $talk ms, $hold callers on hold for $hold_seconds s each, $minutes min"
start_node
bench_tenant "$agents"
{ echo SEQUENTIAL; for i in $(seq 1 "$agents"); do u=$(printf 'b%04d' "$i"); echo "$u;[authentication username=$u password=bench];$uas_port"; done; } > "$work/agents.csv"
# The phones register for an hour (bench-register.xml: Expires 3600) and, as real phones do, again
# every REREGISTER_MINUTES (default 30) while the soak runs: a 60-minute soak without it lost every
# agent at its 56th minute (docs/benchmarks.md).
register_agents() {
  (cd "$work" && sipp 127.0.0.1:$sip -sf "$repo/deploy/src/test/sipp/bench-register.xml" -inf agents.csv -i 127.0.0.1 -p 5772 \
      -m "$agents" -r 200 -nostdin -timeout 120s >/dev/null 2>&1) || { echo "registration of $agents agents failed"; exit 1; }
}
register_agents
seq 1 "$agents" | xargs -P 4 -I{} sh -c "curl -s -o /dev/null -u admin@bench:bench-admin -X PUT -H 'Content-Type: application/json' \
    -d '{\"state\":\"READY\"}' http://127.0.0.1:$http/api/v1/agents/\$(printf 'b%04d' {})/state"
(cd "$work" && exec sipp -sf "$repo/deploy/src/test/sipp/agent-answer.xml" -i 127.0.0.1 -p $uas_port -d 0 \
    -nostdin -timeout $((minutes * 60 + 300))s >/dev/null 2>&1) &
wf=$(record wildfly.pid)
if [ "$hold" -gt 0 ]; then
  mkdir -p "$work/hold"
  # As many calls as the whole run needs, at the rate that keeps $hold on hold; -fd 5: the counters every 5 s.
  hold_rate=$(echo "$hold / $hold_seconds" | bc -l | xargs printf '%.2f')
  (cd "$work/hold" && exec sipp 127.0.0.1:$sip -sf "$repo/deploy/src/test/sipp/caller-listens.xml" -s +4930500100 -i 127.0.0.1 -p 5793 \
      -key rtpport 16700 -mp 16700 -r "$hold_rate" -l "$hold" -m $(( (minutes * 60 + 120) * hold / hold_seconds )) -d $((hold_seconds * 1000)) \
      -nostdin -timeout $((minutes * 60 + 300))s -trace_stat -fd 5 >/dev/null 2>&1) &
  echo "filling the music-on-hold population ($hold callers at $hold_rate a second) ..."
  sleep "$hold_seconds"
fi
# holding COLUMN: the hold callers' SIPp counter (CurrentCall, FailedCall(C)) from its last line; - without them.
holding() {
  if [ "$hold" -gt 0 ]; then sipp_count "$work/hold" caller-listens "$1"; else echo -; fi
}

printf '%-4s %-8s %-7s %-7s %-8s %-12s %-12s %-8s %-13s %-8s %-5s %-10s\n' min success failed waited holding "hold failed" "180 p99 ms" "RSS MB" "heap after GC" threads fds "CPU %core"
for minute in $(seq 1 "$minutes"); do
  if [ "$minute" -gt 1 ] && [ $(( (minute - 1) % ${REREGISTER_MINUTES:-30} )) -eq 0 ]; then
    register_agents
  fi
  run=$work/minute-$minute
  mkdir -p "$run"
  cpu_before=$(cpu_ticks "$wf"); t_before=$(date +%s.%N)
  (cd "$run" && timeout -k 10 150 sipp 127.0.0.1:$sip -sf "$repo/deploy/src/test/sipp/caller.xml" -s +4930999000 -i 127.0.0.1 -p 5792 \
      -r "$rate" -m $((rate * 60)) -d "$talk" -l $((rate * 30)) -nostdin -timeout 140s -trace_stat -trace_rtt -rtt_freq 1 >/dev/null 2>&1) || true
  cpu_after=$(cpu_ticks "$wf"); t_after=$(date +%s.%N)
  jcmd "$wf" GC.run >/dev/null
  heap=$(jcmd "$wf" GC.heap_info | awk '/total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024); exit } }')
  # Callers whose answer took longer than a second waited in the queue (on music on hold, after the ring).
  waited=$(awk -F';' '$3=="answer" && $2 > 1000 { n++ } END { print n + 0 }' "$(ls "$run"/caller_*_rtt.csv | head -1)")
  printf '%-4s %-8s %-7s %-7s %-8s %-12s %-12s %-8s %-13s %-8s %-5s %-10s\n' "$minute" \
    "$(sipp_count "$run" caller 'SuccessfulCall(C)')" "$(sipp_count "$run" caller 'FailedCall(C)')" "$waited" \
    "$(holding CurrentCall)" "$(holding 'FailedCall(C)')" \
    "$(sipp_rtt "$run" caller ringing 99)" "$(( $(ps -o rss= -p "$wf") / 1024 ))" "${heap:-?} MB" \
    "$(awk '/^Threads:/ { print $2 }' "/proc/$wf/status")" "$(ls "/proc/$wf/fd" | wc -l)" \
    "$(percent_of_core $((cpu_after - cpu_before)) "$(echo "$t_after - $t_before" | bc -l)")"
done
