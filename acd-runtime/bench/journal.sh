#!/usr/bin/env bash
# The journal's appends a second (4 threads, ~300-byte call events, group commit every 100 ms beside
# them) and its drain's entries a second without a database (JournalBench, JMH). Writes into
# acd-runtime/target, so it measures the disk the build is on. Needs the test classes of acd-runtime
# (`mvn -o test-compile -pl acd-runtime -am`). Extra arguments go to JMH.
set -euo pipefail
runtime=$(cd "$(dirname "$0")/.." && pwd)
cd "$runtime"
classpath=$(mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java $(java -version 2>&1 | sed -n 's/.*version "\(.*\)".*/\1/p'); disk: $(df -h target | tail -1 | awk '{print $1}')"
exec java -cp "target/test-classes:target/classes:$classpath" org.openjdk.jmh.Main JournalBench -rf text -rff /dev/null "$@"
