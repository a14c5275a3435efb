#!/usr/bin/env bash
# The CPU SRTP adds per RTP packet (JMH, one thread): SrtpBench's protect (a packet sent) and
# protectThenUnprotect (a packet received and relayed) against copy (the same packet in clear),
# both SDES suites. Prints JMH's table, nanoseconds per packet. Needs the test classes compiled
# (mvn -o test-compile -pl telephony-server -am) first. Extra arguments go to JMH.
set -euo pipefail
module=$(cd "$(dirname "$0")/.." && pwd)
cd "$module"
classpath=$(mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java $(java -version 2>&1 | sed -n 's/.*version "\(.*\)".*/\1/p')"
exec java -cp "target/test-classes:target/classes:$classpath" org.openjdk.jmh.Main SrtpBench -rf text -rff /dev/null "$@"
