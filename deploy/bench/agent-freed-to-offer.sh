#!/usr/bin/env bash
# Agent freed -> offer: how soon a waiting caller is offered to an agent who has just become free.
# CALLS callers arrive within the first second and wait; one bench agent answers every offer at
# once, each caller talks TALK ms and hangs up. No caller arrives while they are served, so nothing
# but the agent becoming free can start the next offer. The bench group has no wrap-up: the agent is
# READY the moment the node ends its call and sends the agent's phone its BYE. From the phone's
# message log (-trace_msg): for every BYE the phone receives, the time until the next INVITE it
# receives; the first SKIP gaps (while callers still arrive) are left out. Prints the count and
# p50/p90/p99/max in ms. Loopback only, bounded; needs a build (mvn install).
# Usage: deploy/bench/agent-freed-to-offer.sh            CALLS=150 TALK=100 SKIP=10
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
. "$repo/deploy/bench/sipp-figures.sh"
calls=${CALLS:-150}
talk=${TALK:-100}
skip=${SKIP:-10}
offset=700
phone_port=5771
bench_name=freed
. "$repo/deploy/bench/bench-node.sh"
trap 'stop_bench $phone_port; [ -n "${KEEP:-}" ] || rm -rf "$home"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $calls callers waiting, talk $talk ms, 1 agent"
start_node
bench_tenant 1
(cd "$work" && sipp 127.0.0.1:$sip -sf "$repo/deploy/src/test/sipp/agent-register.xml" -s b0001 -au b0001 -ap bench \
    -i 127.0.0.1 -p $phone_port -m 1 -nostdin -timeout 20s >/dev/null 2>&1) || { echo "registration failed"; exit 1; }
(cd "$work" && exec sipp -sf "$repo/deploy/src/test/sipp/agent-answer.xml" -i 127.0.0.1 -p $phone_port -d 0 -m "$calls" \
    -nostdin -timeout $((calls * 2 + 60))s -trace_msg >/dev/null 2>&1) &
sleep 1
curl -sf -o /dev/null -u admin@bench:bench-admin -X PUT -H 'Content-Type: application/json' -d '{"state":"READY"}' \
  "http://127.0.0.1:$http/api/v1/agents/b0001/state"
(cd "$work" && timeout -k 10 $((calls * 2 + 90)) sipp 127.0.0.1:$sip -sf "$repo/deploy/src/test/sipp/caller.xml" -s +4930999000 \
    -i 127.0.0.1 -p 5790 -r 200 -l "$calls" -m "$calls" -d "$talk" -nostdin -timeout $((calls * 2 + 60))s >/dev/null 2>&1) || true
sleep 1
# -trace_msg: a line of dashes with the date and time, "UDP message received [n] bytes :", a blank
# line, then the start line. Gaps from each BYE received to the next INVITE received, in ms.
awk '/^-+ [0-9]{4}-/ { split($NF, t, ":"); at = t[1] * 3600 + t[2] * 60 + t[3]; next }
     /message received/ { want = 1; next }
     want && NF { if ($1 == "BYE") freed = at; else if ($1 == "INVITE" && freed) { printf "%.3f\n", (at - freed) * 1000; freed = 0 } want = 0 }' \
  "$work"/agent-answer_*_messages.log | tail -n +$((skip + 1)) > "$work/gaps.txt"
printf '%-8s %-10s %-10s %-10s %-10s\n' offers "p50 ms" "p90 ms" "p99 ms" "max ms"
printf '%-8s %-10s %-10s %-10s %-10s\n' "$(wc -l < "$work/gaps.txt")" "$(percentile "$work/gaps.txt" 50)" \
  "$(percentile "$work/gaps.txt" 90)" "$(percentile "$work/gaps.txt" 99)" "$(percentile "$work/gaps.txt" 100)"
