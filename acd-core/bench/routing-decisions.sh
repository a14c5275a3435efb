#!/usr/bin/env bash
# Routing decisions a second and their latency (JMH, one thread): RoutingDecisionsBench over
# 10 / 200 / 2000 agents x 10 / 200 / 2000 waiting callers, with skills and steps. Prints JMH's
# table: "pass:decisions" is decisions a second, "oneDecision" the time of one caller's decision
# (p0.99 is the 99th percentile). Needs `mvn install -DskipTests` (or test-compile of acd-core) first.
# Extra arguments go to JMH, e.g. `-p agents=200 -p callers=200`.
set -euo pipefail
core=$(cd "$(dirname "$0")/.." && pwd)
cd "$core"
classpath=$(mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java $(java -version 2>&1 | sed -n 's/.*version "\(.*\)".*/\1/p')"
exec java -cp "target/test-classes:target/classes:$classpath" org.openjdk.jmh.Main RoutingDecisionsBench -rf text -rff /dev/null "$@"
