#!/usr/bin/env bash
# Runs the worker's demo client (io.segstream.tools.DemoClient) against
# $KAFKA_BOOTSTRAP_SERVERS (default localhost:9092).
#
#   deploy/demo-client.sh announce DIR [--structured]
#   deploy/demo-client.sh await-result STUDY_UID [--timeout SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
classpath="$root/target/demo-client.classpath"
if [ ! -f "$root/target/classes/io/segstream/tools/DemoClient.class" ]; then
  (cd "$root" && ./mvnw -q -B -o compile)
fi
# Offline, Maven cannot map the prefix "dependency" to a plugin, so the goal is named in full:
# the version deploy/kafka/pom.xml pins, which start-broker.sh has downloaded.
if [ ! -f "$classpath" ] || [ "$root/pom.xml" -nt "$classpath" ]; then
  (cd "$root" && ./mvnw -q -B -o \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$classpath")
fi
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -cp "$root/target/classes:$(cat "$classpath")" io.segstream.tools.DemoClient "$@"
