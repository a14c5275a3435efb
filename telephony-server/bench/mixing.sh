#!/usr/bin/env bash
# The CPU of one mixing room's 20 ms tick (JMH, one thread): MixTickBench with 3, 5 and 10 seats.
# Prints JMH's table, nanoseconds per tick. Needs the test classes compiled
# (mvn -o test-compile -pl telephony-server -am) first. Extra arguments go to JMH.
set -euo pipefail
module=$(cd "$(dirname "$0")/.." && pwd)
cd "$module"
classpath=$(mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java $(java -version 2>&1 | sed -n 's/.*version "\(.*\)".*/\1/p')"
exec java -cp "target/test-classes:target/classes:$classpath" org.openjdk.jmh.Main MixTickBench -rf text -rff /dev/null "$@"
