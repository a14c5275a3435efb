#!/usr/bin/env bash
# Browser softphone benchmark: for each N, N agents on the real agent desktop, each in its own
# headless Chromium (Debian's, through chromedriver; a browser's cookie session is one user) with
# the softphone on (JsSIP over WebSocket to the softphone edge's Kamailio, WebRTC media through
# rtpengine) and Ready; N SIPp callers with audio call the bench number, the desktops answer.
# Once all N talk, over STEADY s: the calls whose browser received and sent audio (>= 40 packets/s
# each way), the packets/s rtpengine relayed (both ways; ~100 a call), and the CPU (user+system from /proc, % of one core) of
# rtpengine, the edge's Kamailio, the WildFly node and all Chromium processes; per call is the rise
# over an idle window (no browser, no call) divided by N. Browsers are added as N grows.
# Everything (node, edge, browsers, SIPp) runs on this box's cores. Loopback only. Needs a build
# (mvn install) first; run it under the ITs' lock (flock /tmp/verbund-it.lock ...) on a shared box.
# Usage: deploy/bench/softphone-calls.sh        CALLS="2 5 10" STEADY=60
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
bench_name=softphone
offset=2300
. "$repo/deploy/bench/bench-node.sh"
calls=${CALLS:-"2 5 10"}
steady=${STEADY:-60}
trap 'stop_bench $((sip + 3340)); [ -n "${KEEP:-}" ] || rm -rf "$home"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(chromium --version 2>/dev/null); $steady s measured per step"
classpath=$home/classpath.txt
(cd "$repo" && mvn -B -ntp -o -q dependency:build-classpath -pl deploy -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >/dev/null)
echo "starting a node with its softphone edge on $home (port offset $offset) ..."
start_node
grep -q "softphone edge" "$home/demo.out" || { echo "the node started without its softphone edge:"; cat "$home/demo.out"; exit 1; }
java -Dverbund.node.dir="$repo/deploy/target/softphone-bench" -Dclk.tck="$(getconf CLK_TCK)" \
  -cp "$repo/deploy/target/test-classes:$repo/deploy/target/classes:$(cat "$classpath")" \
  io.verbund.acd.node.SoftphoneCalls "$home" "$http" "$sip" "$steady" $calls
