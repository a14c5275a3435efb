#!/usr/bin/env bash
# One step of `./verbund bench` (the launcher runs this once per step and builds the table): runs the
# step's own benchmark script with the settings the launcher passes in the environment, passes its
# output through, and ends with "figure: N" (the step's clean figure; 0 when nothing was clean).
#   call-path  call-path-caps.sh, BASELINE=0: clean CAPS through queue to an agent
#   ivr        call-path-caps.sh, SHAPE=ivr: clean CAPS of IVR-only calls (announcement, menu, key, hang-up)
#   moh        moh-callers.sh: most callers on music on hold with send-interval p99 <= 5 ms
#   portal     agent-sessions.sh against a node started here: most agent sessions with API p99 <= 3 s
#              and <= 1 % errors
#   ceiling    kamailio-baseline.sh: clean CAPS of the same call through a plain Kamailio proxy
# Settings (environment): RATES, DURATION, WARMUP, AGENTS (call-path, ivr), CALLERS (moh), STEPS,
# SETTLE, STEADY, LOGIN_RATE (portal), CEILING_RATES (ceiling). Loopback only; needs a build.
# Usage: deploy/bench/bench.sh call-path|ivr|moh|portal|ceiling
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
bench=$repo/deploy/bench

# clean_figure PATTERN: reads the step's output, passes it through, prints "figure: N" from the line
# that matches PATTERN (sed, N as \1).
clean_figure() {
  local line figure=
  while IFS= read -r line; do
    echo "$line"
    if [[ -z $figure ]]; then figure=$(sed -n "s/$1/\\1/p" <<< "$line"); fi
  done
  [[ -n $figure ]] || { echo "no figure in the step's output"; return 1; }
  echo "figure: $figure"
}

case "${1:-}" in
  call-path)
    BASELINE=0 SHAPE=call-path "$bench/call-path-caps.sh" | clean_figure '^Verbund ACD: clean .* up to \([0-9]*\) CAPS$' ;;
  ivr)
    BASELINE=0 SHAPE=ivr "$bench/call-path-caps.sh" | clean_figure '^Verbund ACD, IVR only: clean .* up to \([0-9]*\) CAPS$' ;;
  moh)
    "$bench/moh-callers.sh" | clean_figure '^Verbund ACD: clean .* up to \([0-9]*\) callers on music on hold$' ;;
  ceiling)
    RATES=${CEILING_RATES:-"500 1000 1500 2000"} "$bench/kamailio-baseline.sh" | clean_figure '^ceiling: \([0-9]*\) CAPS$' ;;
  portal)
    offset=700
    bench_name=portal
    . "$bench/bench-node.sh"
    trap 'stop_bench; [ -n "${KEEP:-}" ] || rm -rf "$home"' EXIT
    start_node
    rm -f "$repo/load-bench/target/agent-sessions.md"
    SERVER_PID=$(record wildfly.pid) "$bench/agent-sessions.sh" "http://127.0.0.1:$http"
    # agent-sessions.sh's table: | N | supervisors | requests | p50 | p95 | p99 | max | errors | ...
    # The figure is the largest N whose step stayed within its bars (p99 <= 3 s, errors <= 1 %).
    awk -F'|' '$2 ~ /^ *[0-9]+ *$/ { if ($7 + 0 <= 3000 && $9 * 100 <= $4 && $2 + 0 > best) best = $2 + 0 }
               END { print "figure: " best + 0 }' "$repo/load-bench/target/agent-sessions.md" ;;
  *)
    echo "usage: $0 call-path|ivr|moh|portal|ceiling" >&2
    exit 2 ;;
esac
