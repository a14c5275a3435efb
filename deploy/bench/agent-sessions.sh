#!/usr/bin/env bash
# Portal sessions benchmark (issue 5), against a running node: N agents, each with a browser
# session (POST /session), its event stream (GET /events) open all the time and a state change
# every 5-15 s (READY, PAUSED BREAK, ...); ceil(N/100) supervisors with a session and a stream,
# reading GET /queues and GET /agents/states every 10 s. N rises in steps; each step logs the new
# users in (LOGIN_RATE per second), settles SETTLE s, then measures STEADY s. Per step it prints
# the API calls made in the window (requests, p50/p95/p99/max ms, errors), the agent-state events
# each agent received of its own changes (min/avg, against the changes it made), PUT->event p99,
# the WildFly process's CPU (% of one core) and RSS, the load generator's CPU, and new ERROR lines
# in the node's server log. A step with p99 > 3 s or > 1 % errors ends the run.
# The load generator (Gatling, load-bench/) runs on the same machine as the node: a lower bound.
# Creates tenant "bench" with users a0001@bench... and s01@bench... through the API first (once;
# existing ones are skipped), as sysadmin/system-admin (ADMIN=login:password to change).
# Usage: deploy/bench/agent-sessions.sh http://127.0.0.1:10080
#        STEPS=100,250,500,1000 LOGIN_RATE=4 SETTLE=10 STEADY=90 SERVER_PID=<wildfly pid> ...
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:?usage: $0 BASE_URL (e.g. http://127.0.0.1:10080)}
base=${base%/}
steps=${STEPS:-100,250,500,1000}
login_rate=${LOGIN_RATE:-4}
settle=${SETTLE:-10}
steady=${STEADY:-90}
admin=${ADMIN:-sysadmin:system-admin}
out=$repo/load-bench/target/agent-sessions.md

echo "== checking $base/api/v1/health"
curl -fsS "$base/api/v1/health" >/dev/null || { echo "no node answers at $base"; exit 1; }

# WildFly: the process listening on the base URL's port (or SERVER_PID).
port=$(echo "$base" | sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#')
port=${port:-80}
pid=${SERVER_PID:-$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)}
log=
if [ -n "$pid" ]; then
  base_dir=$(tr '\0' '\n' < "/proc/$pid/cmdline" | sed -n 's/^-Djboss.server.base.dir=//p' | head -1)
  [ -n "$base_dir" ] && [ -f "$base_dir/log/server.log" ] && log=$base_dir/log/server.log
  echo "== WildFly: pid $pid, $(ps -o rss= -p "$pid" | awk '{printf "%d MB RSS", $1/1024}'), log ${log:-not found}"
else
  echo "== WildFly's pid not found (set SERVER_PID): no CPU and RSS figures"
fi
echo "== machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2 " GiB RAM"}'); the load generator shares them"
log_lines=0
[ -n "$log" ] && log_lines=$(wc -l < "$log")

echo "== steps N=$steps, logins at $login_rate/s, settle ${settle} s, measured ${steady} s each"
echo "== building and running load-bench (mvn -P bench -pl load-bench gatling:test)"
cd "$repo"
mvn -B -q -P bench -pl load-bench test-compile gatling:test \
  -Dbench.baseUrl="$base" -Dbench.steps="$steps" -Dbench.loginRate="$login_rate" \
  -Dbench.settle="$settle" -Dbench.steady="$steady" -Dbench.serverPid="${pid:-0}" \
  -Dbench.admin="${admin%%:*}" -Dbench.adminPassword="${admin#*:}" -Dbench.out="$out" \
  2>&1 | grep --line-buffered -E '^\[(ramp|setup)\]|Exception|ERROR' || true

if [ -n "$log" ]; then
  errors=$(tail -n +"$((log_lines + 1))" "$log" | grep -c '"level":"ERROR"' || true)
  warnings=$(tail -n +"$((log_lines + 1))" "$log" | grep -c '"level":"WARN' || true)
  echo "== server log during the run: $errors ERROR, $warnings WARN lines"
  tail -n +"$((log_lines + 1))" "$log" | grep '"level":"\(ERROR\|WARN\)' | sed -E 's/.*"message":"([^"]{0,160}).*/  \1/' \
    | sort | uniq -c | sort -rn | head -8 || true
fi
echo
echo "== Portal sessions per step (API calls in each step's ${steady} s window; full Gatling report in load-bench/target/gatling/)"
cat "$out"
