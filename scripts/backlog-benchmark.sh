#!/usr/bin/env bash
# Backlog benchmark (not a test): starts the standalone broker on 127.0.0.1:9092, announces
# STUDIES small four-sequence studies (8 slices of 32 x 32; four series-ready events each) at
# once, starts the packaged worker on the backlog and waits until every study has its answer.
# Prints the events, the wall time, the answers per study and the worker's peak RSS and heap.
#
#   scripts/backlog-benchmark.sh [STUDIES] [HEAP]      defaults: 250 studies, -Xmx1g
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
studies="${1:-250}"
heap="${2:-1g}"
run="$root/target/backlog-benchmark"
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$root/.djl-cache}"

cleanup() { deploy/kafka/stop-broker.sh "$run/kafka" >/dev/null 2>&1 || true; }
trap cleanup EXIT

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ ! -d target/test-classes ]; then
  ./mvnw -B -q -o package -DskipTests
fi

rm -rf "$run" && mkdir -p "$run"
deploy/kafka/start-broker.sh "$run/kafka"
# After start-broker.sh, which downloads the dependency plugin that deploy/kafka/pom.xml pins:
# offline, Maven cannot map the prefix "dependency" to a plugin, so the goal is named in full.
classpath="$root/target/benchmark.classpath"
if [ ! -f "$classpath" ] || [ pom.xml -nt "$classpath" ]; then
  ./mvnw -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -DincludeScope=test -Dmdep.outputFile="$classpath"
fi
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -DDJL_CACHE_DIR="$DJL_CACHE_DIR" \
  -cp "$root/target/test-classes:$root/target/classes:$(cat "$classpath")" \
  io.segstream.reliability.BacklogBenchmark 127.0.0.1:9092 "$run" "$studies" "$heap" \
  2> "$run/benchmark.err"
grep -E "max.poll.records|processing-queue|queue-capacity" \
  src/main/resources/application.properties | sed 's/^/config: /' || true
echo "benchmark: worker log at $run/worker.log"
