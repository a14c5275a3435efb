#!/usr/bin/env bash
# Call-path benchmark: SIPp callers through the queue to agents, at rising call rates.
# A bench tenant with AGENTS agents (default 1000, so agents are never the limit) is registered
# from one SIPp instance; one SIPp UAS answers every offer at once. Callers: INVITE, 180, 200, ACK,
# TALK ms, BYE. Each rate runs DURATION s on a freshly started node (restart between steps), after
# WARMUP s of the same load that is not counted (a fresh JVM spends its first seconds compiling).
# Prints per rate: successful/failed calls, the ANSWERED call records written for them,
# INVITE->180 and 100->200 p50/p99 (-trace_rtt), the WildFly and MariaDB processes' CPU (% of one core each, from
# /proc), RSS, and the UDP datagrams the kernel dropped for a full socket receive buffer meanwhile:
# at the node's SIP socket (the drops column of /proc/net/udp) and on the whole host (RcvbufErrors
# of /proc/net/snmp: SIPp's sockets too). PROFILE=1 records the node with JDK Flight Recorder (its default, low-overhead settings; "profile" sank the node here) during
# each measured run and prints its hottest frames (the recording stays in the home with KEEP=1). THREADS=1 prints the node's threads by CPU over the measured run (from /proc, no agent in the JVM). Then, unless BASELINE=0, runs kamailio-baseline.sh (the same scenario through a
# plain Kamailio proxy) and prints our best clean rate as a fraction of the box's ceiling.
# SHAPE=ivr measures the IVR-only call instead (caller-ivr.xml to the bench tenant's IVR number:
# greeting and menu in early media, key 1 by RFC 4733, the flow hangs up with 480; no agent is
# registered): "records" then counts the HANGUP_IN_FLOW records, the "200" columns stay empty.
# Loopback only; bounded in calls and time. Needs a build (mvn install) first.
# Usage: deploy/bench/call-path-caps.sh            RATES="50 100" DURATION=30 WARMUP=15 AGENTS=1000 TALK=2000 BASELINE=1 SHAPE=call-path
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
. "$repo/deploy/bench/sipp-figures.sh"
bench=$repo/deploy/bench
rates=${RATES:-"50 100 150 200 300"}
duration=${DURATION:-30}
agents=${AGENTS:-1000}
talk=${TALK:-2000}
warmup=${WARMUP:-15}
shape=${SHAPE:-call-path}
offset=700
uas_port=5771
bench_name=caps
. "$repo/deploy/bench/bench-node.sh"
cleanup() { stop_bench $uas_port; }
trap 'cleanup; [ -n "${KEEP:-}" ] || rm -rf "$home"' EXIT

case $shape in
  call-path) number=+4930999000; outcome=ANSWERED; scenario=$repo/deploy/src/test/sipp/caller.xml; label= ;;
  ivr)
    # The key 6 s after the 183: the greeting (4.8 s) is over and the menu plays, so the node
    # hears it while it sends a prompt, as a caller who knows the menu would press it.
    number=+4930999001; outcome=HANGUP_IN_FLOW; scenario=$work/caller-ivr.xml; agents=0; label=", IVR only"
    sed -e "s#@DTMF_PCAP@#/usr/share/sip-tester/dtmf_2833_1.pcap#" -e "s#@DELAY_MS@#6000#" \
      "$repo/deploy/src/test/sipp/caller-ivr.xml" > "$scenario" ;;
  *) echo "SHAPE is call-path or ivr, not $shape"; exit 2 ;;
esac

mariadb=$(find "$repo/deploy/target/verbund-node" -path '*/bin/mariadb' -type f | head -1)
# shape_records: the step's records of its shape (ANSWERED, or HANGUP_IN_FLOW for the IVR).
shape_records() {
  "$mariadb" --skip-ssl -h127.0.0.1 -P"$(record database.port)" -uverbund --password="$(sed -n 's/^password=//p' "$home/secrets/db.properties")" \
    -N -B -e "SELECT COUNT(*) FROM call_record r JOIN tenant t ON t.id = r.tenant_id WHERE t.tenant_key = 'bench' AND r.outcome = '$outcome' AND r.service_number = '$number'" verbund
}

if [ "$shape" = ivr ]; then
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); IVR only (greeting, menu, key 1, hang-up), $duration s per rate"
else
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $agents agents, talk $talk ms, $duration s per rate"
fi
# udp_rcvbuf_errors: datagrams the host dropped so far because a socket's receive buffer was full.
udp_rcvbuf_errors() {
  awk '/^Udp:/ { if (!names) { for (i = 1; i <= NF; i++) col[$i] = i; names = 1 } else print $col["RcvbufErrors"] }' /proc/net/snmp
}
# node_socket_drops: datagrams the kernel dropped so far at the node's SIP socket (any address, v4 and v6).
node_socket_drops() {
  local port_hex
  port_hex=$(printf '%04X' "$sip")
  cat /proc/net/udp /proc/net/udp6 2>/dev/null | awk -v port=":$port_hex" 'substr($2, length($2) - 4) == port { sum += $NF } END { print sum + 0 }'
}
printf '%-6s %-8s %-7s %-8s %-12s %-12s %-12s %-12s %-10s %-9s %-8s %-11s %-10s\n' CAPS success failed records "180 p50 ms" "180 p99 ms" \
  "200 p50 ms" "200 p99 ms" "CPU %core" "DB %core" "RSS MB" "node drops" "host drops"
first=1
best=0
for rate in $rates; do
  start_node
  if [ $first = 1 ]; then
    bench_tenant "$agents"
    { echo SEQUENTIAL; for i in $(seq 1 "$agents"); do u=$(printf 'b%04d' "$i"); echo "$u;[authentication username=$u password=bench];$uas_port"; done; } > "$work/agents.csv"
    first=0
  fi
  if [ "$agents" -gt 0 ]; then
    (cd "$work" && sipp 127.0.0.1:$sip -sf "$repo/deploy/src/test/sipp/bench-register.xml" -inf agents.csv -i 127.0.0.1 -p 5770 \
        -m "$agents" -r 200 -nostdin -timeout 120s >/dev/null 2>&1) || { echo "registration of $agents agents failed"; exit 1; }
    seq 1 "$agents" | xargs -P 4 -I{} sh -c "curl -s -o /dev/null -u admin@bench:bench-admin -X PUT -H 'Content-Type: application/json' \
        -d '{\"state\":\"READY\"}' http://127.0.0.1:$http/api/v1/agents/\$(printf 'b%04d' {})/state"
    (cd "$work" && exec sipp -sf "$repo/deploy/src/test/sipp/agent-answer.xml" $sipp_buffers -i 127.0.0.1 -p $uas_port -d 0 \
        -nostdin -timeout $((duration + 120))s >/dev/null 2>&1) &
    sleep 1
  fi
  wf=$(record wildfly.pid)
  db=$(record database.pid)
  if [ "$warmup" -gt 0 ]; then
    # A fresh JVM spends its first seconds compiling (C2 took a third of a core at 15 s here);
    # a node in service has long done that. Warm-up calls are not counted.
    mkdir -p "$work/warmup"
    (cd "$work/warmup" && sipp 127.0.0.1:$sip -sf "$scenario" $sipp_buffers -s $number -i 127.0.0.1 -p 5790 \
        -r "$rate" -m $((rate * warmup)) -d "$talk" -l $((rate * 10)) -nostdin -timeout $((warmup + 90))s >/dev/null 2>&1) || true
    sleep 3
  fi
  records_before=$(shape_records)
  cpu_before=$(cpu_ticks "$wf"); db_before=$(cpu_ticks "$db"); t_before=$(date +%s.%N); drops_before=$(udp_rcvbuf_errors); node_drops_before=$(node_socket_drops)
  [ "${THREADS:-0}" = 1 ] && thread_ticks "$wf" > "$work/threads-before"
  if [ "${PROFILE:-0}" = 1 ]; then
    jcmd "$wf" JFR.start name=caps settings=default filename="$home/caps-$rate.jfr" >/dev/null
  fi
  rm -f "$work"/caller*_*
  (cd "$work" && timeout -k 10 $((duration + 100)) sipp 127.0.0.1:$sip -sf "$scenario" $sipp_buffers -s $number -i 127.0.0.1 -p 5790 \
      -r "$rate" -m $((rate * duration)) -d "$talk" -l $((rate * 10)) -nostdin -timeout $((duration + 90))s \
      -trace_stat -trace_rtt -rtt_freq 1 -trace_err >/dev/null 2>&1) || true
  cpu_after=$(cpu_ticks "$wf"); db_after=$(cpu_ticks "$db"); t_after=$(date +%s.%N); drops=$(( $(udp_rcvbuf_errors) - drops_before ))
  node_drops=$(( $(node_socket_drops) - node_drops_before ))
  [ "${THREADS:-0}" = 1 ] && thread_ticks "$wf" > "$work/threads-after"
  [ "${THREADS:-0}" = 1 ] && udp_drops_by_program > "$work/drops"
  if [ "${PROFILE:-0}" = 1 ]; then
    jcmd "$wf" JFR.stop name=caps >/dev/null
  fi
  rss=$(( $(ps -o rss= -p "$wf") / 1024 ))
  sleep 2 # the last batch of call records
  records=$(( $(shape_records) - records_before ))
  scenario_name=$(basename "$scenario" .xml)
  ok=$(sipp_count "$work" "$scenario_name" 'SuccessfulCall(C)')
  failed=$(sipp_count "$work" "$scenario_name" 'FailedCall(C)')
  printf '%-6s %-8s %-7s %-8s %-12s %-12s %-12s %-12s %-10s %-9s %-8s %-11s %-10s\n' "$rate" "$ok" "$failed" "$records" \
    "$(sipp_rtt "$work" "$scenario_name" ringing 50)" "$(sipp_rtt "$work" "$scenario_name" ringing 99)" \
    "$(sipp_rtt "$work" "$scenario_name" answer 50)" "$(sipp_rtt "$work" "$scenario_name" answer 99)" \
    "$(percent_of_core $((cpu_after - cpu_before)) "$(echo "$t_after - $t_before" | bc -l)")" \
    "$(percent_of_core $((db_after - db_before)) "$(echo "$t_after - $t_before" | bc -l)")" "$rss" "$node_drops" "$drops"
  if [ "$shape" = call-path ]; then
    # Where a caller's wait for its 200 went: the queue (queued -> first offer) or the agent's
    # phone (first offer -> answer), from the measured run's call records.
    wait_split=$("$mariadb" --skip-ssl -h127.0.0.1 -P"$(record database.port)" -uverbund --password="$(sed -n 's/^password=//p' "$home/secrets/db.properties")" \
      -N -B -e "SELECT CONCAT('queued -> offered avg ', ROUND(AVG(TIMESTAMPDIFF(MICROSECOND, r.queued_at, r.offered_at)) / 1000),
          ' max ', ROUND(MAX(TIMESTAMPDIFF(MICROSECOND, r.queued_at, r.offered_at)) / 1000), ' ms; offered -> answered avg ',
          ROUND(AVG(TIMESTAMPDIFF(MICROSECOND, r.offered_at, r.answered_at)) / 1000), ' max ',
          ROUND(MAX(TIMESTAMPDIFF(MICROSECOND, r.offered_at, r.answered_at)) / 1000), ' ms')
        FROM call_record r JOIN tenant t ON t.id = r.tenant_id WHERE t.tenant_key = 'bench' AND r.outcome = '$outcome'
          AND r.service_number = '$number' AND r.queued_at >= FROM_UNIXTIME(${t_before%.*})" verbund)
    echo "  the wait for the 200: $wait_split"
  fi
  if [ "$failed" != 0 ]; then
    # Why SIPp counted calls failed: its error log's kinds, most frequent first.
    echo "  why calls failed (SIPp's error log):"
    # Each error's first line says why (the received message's headers follow it); the pipeline may
    # be cut short by head, which must not end the run under pipefail.
    { cat "$work"/*_errors.log 2>/dev/null | grep -E 'Aborting|expecting|[Tt]imeout|SIP/2\.0 [0-9]{3}' \
        | sed -e 's/^[^A-Za-z]*//' -e "s/'[^']*@[^']*'/'…'/g" -e 's/[0-9]\+/N/g' | cut -c1-140 | sort | uniq -c | sort -rn | head -5 \
        | sed 's/^/    /'; } || true
  fi
  if [ "$failed" = 0 ] && [ "$ok" -gt 0 ] && [ "$records" = "$ok" ]; then best=$rate; fi
  if [ "${THREADS:-0}" = 1 ]; then
    echo "  node threads at $rate CAPS (% of one core over the measured run):"
    thread_share "$work/threads-before" "$work/threads-after" "$(echo "$t_after - $t_before" | bc -l)" | sed 's/^/    /'
    echo "  UDP datagrams dropped for a full receive buffer, per program and port kind (sockets still open):"
    sed 's/^/    /' "$work/drops"
  fi
  if [ "${PROFILE:-0}" = 1 ]; then
    echo "  hottest frames at $rate CAPS (JFR execution samples, top of stack):"
    jfr print --events jdk.ExecutionSample "$home/caps-$rate.jfr" | awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print }' \
      | sort | uniq -c | sort -rn | head -15 | sed 's/^/    /'
  fi
  cleanup
  sleep 2
done
echo "Verbund ACD${label}: clean (0 failed, every call recorded) up to $best CAPS"
if [ "${BASELINE:-1}" != 0 ]; then
  echo
  echo "Baseline: the same scenario through a plain Kamailio proxy"
  baseline=$(DURATION=$duration TALK=$talk "$repo/deploy/bench/kamailio-baseline.sh")
  echo "$baseline"
  ceiling=$(echo "$baseline" | sed -n 's/^ceiling: \([0-9]*\) CAPS$/\1/p')
  if [ "${ceiling:-0}" -gt 0 ]; then
    echo "Verbund ACD reaches $best of $ceiling CAPS: $(( best * 100 / ceiling )) % of the box's signalling ceiling"
  fi
fi
