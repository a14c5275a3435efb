#!/usr/bin/env bash
# Measures what docs/benchmarks.md records for the foundation: cold build with fetch (empty local
# Maven repository, optional), demo start to ready, and resident memory of WildFly and MariaDB.
# Usage: deploy/bench/measure-startup.sh [--cold]   (runs on loopback only; stops what it starts)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
home=$(mktemp -d "${TMPDIR:-/tmp}/verbund-bench.XXXXXX")
trap '"$repo/verbund" stop --home "$home" >/dev/null 2>&1 || true; rm -rf "$home"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
if [ "${1:-}" = --cold ]; then
  clone=$(mktemp -d); m2=$(mktemp -d)
  git clone -q "$repo" "$clone/verbund"
  start=$(date +%s.%N)
  (cd "$clone/verbund" && mvn -B -q -ntp -Dstyle.color=never -Dmaven.repo.local="$m2" -DskipTests install >/dev/null)
  printf 'cold build + fetch (empty local repository): %.0f s, %s fetched\n' \
    "$(echo "$(date +%s.%N) - $start" | bc)" "$(du -sh "$m2" | cut -f1)"
  rm -rf "$clone" "$m2"
fi

for run in first second; do
  out=$home/demo-$run.out
  start=$(date +%s.%N)
  VERBUND_SKIP_BUILD=1 "$repo/verbund" demo --home "$home" --port-offset 400 > "$out" 2>&1 &
  until grep -q "is ready" "$out" 2>/dev/null; do
    sleep 0.2
    kill -0 $! 2>/dev/null || { cat "$out"; exit 1; }
  done
  printf 'demo start to ready (%s start, %s): %.1f s\n' "$run" \
    "$([ $run = first ] && echo 'new database, demo data created' || echo 'same data')" \
    "$(echo "$(date +%s.%N) - $start" | bc)"
  if [ $run = first ]; then
    sleep 5
    db=$(sed -n 's/^database.pid=//p' "$home/run/processes.properties")
    wf=$(sed -n 's/^wildfly.pid=//p' "$home/run/processes.properties")
    echo "RSS when ready: WildFly $(( $(ps -o rss= -p "$wf") / 1024 )) MB, MariaDB $(( $(ps -o rss= -p "$db") / 1024 )) MB"
  fi
  "$repo/verbund" stop --home "$home" >/dev/null
  wait || true
done
