#!/usr/bin/env bash
# The signalling ceiling of this box: the benchmark's caller scenario (INVITE, 180, 200, ACK, TALK ms,
# BYE) through a plain Kamailio stateful proxy (tm) in front of one SIPp UAS that answers at once,
# at rising rates, DURATION s each. Prints per rate: successful/failed calls, INVITE->180 and
# 100->200 p50/p99, Kamailio's CPU (% of one core, all its processes) and, last, "ceiling: N CAPS",
# the highest rate with no failed call. Loopback only; bounded in calls and time.
# Needs Debian's kamailio (apt-get install kamailio).
# Usage: deploy/bench/kamailio-baseline.sh        RATES="500 1000 1500 2000 2500" DURATION=30 TALK=2000
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
. "$repo/deploy/bench/sipp-figures.sh"
rates=${RATES:-"500 1000 1500 2000 2500"}
duration=${DURATION:-30}
talk=${TALK:-2000}
proxy_port=5960
uas_port=5971
caller_port=5990
command -v kamailio >/dev/null || { echo "kamailio is not installed: apt-get install kamailio"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/verbund-kamailio.XXXXXX")
cleanup() {
  [ -f "$work/kamailio.pid" ] && kill "$(cat "$work/kamailio.pid")" 2>/dev/null || true
  pkill -f "sipp .*-p $uas_port" 2>/dev/null || true
  pkill -f "sipp 127.0.0.1:$proxy_port" 2>/dev/null || true
}
trap 'cleanup; rm -rf "$work"' EXIT

cat > "$work/kamailio.cfg" <<CFG
#!KAMAILIO
# A plain stateful proxy: every new INVITE to the one UAS, in-dialog requests by their Request-URI.
# One UDP worker: with several, a 200 relayed by one can overtake the 180 relayed by another, and
# the caller scenario (which needs 180 before 200) counts that call failed.
debug=1
log_stderror=yes
children=1
disable_tcp=yes
auto_aliases=no
listen=udp:127.0.0.1:$proxy_port

loadmodule "tm.so"
loadmodule "sl.so"
loadmodule "maxfwd.so"
loadmodule "siputils.so"
loadmodule "textops.so"
loadmodule "pv.so"

request_route {
    if (!mf_process_maxfwd_header("10")) {
        sl_send_reply("483", "Too Many Hops");
        exit;
    }
    if (has_totag()) {
        if (is_method("ACK")) {
            forward();
        } else {
            t_relay();
        }
        exit;
    }
    if (is_method("CANCEL")) {
        if (t_check_trans()) {
            t_relay();
        }
        exit;
    }
    \$du = "sip:127.0.0.1:$uas_port";
    if (!t_relay()) {
        sl_reply_error();
    }
}
CFG
kamailio -c -f "$work/kamailio.cfg" >/dev/null 2>&1 || { kamailio -c -f "$work/kamailio.cfg"; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); Kamailio $(kamailio -v | head -1 | awk '{print $3}'), talk $talk ms, $duration s per rate"
printf '%-6s %-8s %-7s %-12s %-12s %-12s %-12s %-10s\n' CAPS success failed "180 p50 ms" "180 p99 ms" "200 p50 ms" "200 p99 ms" "CPU %core"
ceiling=0
for rate in $rates; do
  rm -f "$work"/caller_* "$work/kamailio.pid"
  kamailio -f "$work/kamailio.cfg" -DD -E -m 512 -M 64 -P "$work/kamailio.pid" > "$work/kamailio.log" 2>&1 &
  kamailio_main=$!
  (cd "$work" && exec sipp -sf "$repo/deploy/src/test/sipp/agent-answer.xml" $sipp_buffers -i 127.0.0.1 -p $uas_port -d 0 \
      -nostdin -timeout $((duration + 120))s >/dev/null 2>&1) &
  sleep 1
  pids=$(pgrep -d ' ' -f "kamailio -f $work/kamailio.cfg")
  # shellcheck disable=SC2086
  before=$(cpu_ticks $pids); t_before=$(date +%s.%N)
  (cd "$work" && timeout -k 10 $((duration + 100)) sipp 127.0.0.1:$proxy_port -sf "$repo/deploy/src/test/sipp/caller.xml" $sipp_buffers -s +4930999000 -i 127.0.0.1 -p $caller_port \
      -r "$rate" -m $((rate * duration)) -d "$talk" -l $((rate * 10)) -nostdin -timeout $((duration + 90))s \
      -trace_stat -trace_rtt -rtt_freq 1 >/dev/null 2>&1) || true
  # shellcheck disable=SC2086
  after=$(cpu_ticks $pids); t_after=$(date +%s.%N)
  ok=$(sipp_count "$work" caller 'SuccessfulCall(C)')
  failed=$(sipp_count "$work" caller 'FailedCall(C)')
  printf '%-6s %-8s %-7s %-12s %-12s %-12s %-12s %-10s\n' "$rate" "$ok" "$failed" \
    "$(sipp_rtt "$work" caller ringing 50)" "$(sipp_rtt "$work" caller ringing 99)" \
    "$(sipp_rtt "$work" caller answer 50)" "$(sipp_rtt "$work" caller answer 99)" \
    "$(percent_of_core $((after - before)) "$(echo "$t_after - $t_before" | bc -l)")"
  if [ "$failed" = 0 ] && [ "$ok" -gt 0 ]; then ceiling=$rate; fi
  cleanup
  wait "$kamailio_main" 2>/dev/null || true
  sleep 2
done
echo "ceiling: $ceiling CAPS"
