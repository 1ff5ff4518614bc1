#!/usr/bin/env bash
# Starts a real standalone single-node Kafka 4.1.2 (KRaft, broker and controller in one process)
# on 127.0.0.1:9092 and creates the worker's topics. No containers: the broker's jars come from
# Maven Central through deploy/kafka/pom.xml.
#
#   deploy/kafka/start-broker.sh [DATA_DIR]     default DATA_DIR: demo-run/kafka
#
# The broker's data, server.properties, broker.log and broker.pid live in DATA_DIR; running the
# script again on a started broker only re-creates missing topics. Stop it with stop-broker.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$(mkdir -p "${1:-$root/demo-run/kafka}" && cd "${1:-$root/demo-run/kafka}" && pwd)"
lib="$here/target/lib"
bootstrap=127.0.0.1:9092
java_opts=(-Xms256m -Xmx512m -Dlog4j2.configurationFile="$here/log4j2.xml")

if [ ! -f "$lib/.complete" ]; then
  echo "start-broker: resolving the Kafka 4.1.2 classpath into $lib"
  rm -rf "$lib"
  "$root/mvnw" -q -B -f "$here/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$lib" -DincludeScope=runtime
  touch "$lib/.complete"
fi

kafka() { java "${java_opts[@]}" -Dkafka.log.file="$data/$1.log" -cp "$lib/*" "${@:2}"; }
topics() { kafka tools org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" "$@"; }

if [ -f "$data/broker.pid" ] && kill -0 "$(cat "$data/broker.pid")" 2>/dev/null; then
  echo "start-broker: already running (pid $(cat "$data/broker.pid"))"
else
  cat > "$data/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://127.0.0.1:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data/log
num.partitions=2
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
  if [ ! -f "$data/log/meta.properties" ]; then
    cluster_id="$(kafka tools kafka.tools.StorageTool random-uuid)"
    kafka tools kafka.tools.StorageTool format --ignore-formatted -t "$cluster_id" \
      -c "$data/server.properties" >/dev/null
  fi
  nohup java "${java_opts[@]}" -Dkafka.log.file="$data/broker.log" -cp "$lib/*" \
    kafka.Kafka "$data/server.properties" >"$data/broker.out" 2>&1 &
  echo $! > "$data/broker.pid"
  echo "start-broker: started pid $(cat "$data/broker.pid"), data in $data"
fi

for _ in $(seq 1 60); do
  if topics --list >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$(cat "$data/broker.pid")" 2>/dev/null; then
    echo "start-broker: the broker exited; see $data/broker.log and $data/broker.out" >&2
    exit 1
  fi
  sleep 1
done
topics --list >/dev/null || { echo "start-broker: not ready after 60 s" >&2; exit 1; }

for topic in dicom.series.ready:2 segmentation.results:2 segmentation.failures:2 \
  segstream.dead-letter:1; do
  topics --create --if-not-exists --topic "${topic%%:*}" --partitions "${topic##*:}" \
    --replication-factor 1 >/dev/null
done
echo "start-broker: ready on $bootstrap with topics: $(topics --list | tr '\n' ' ')"
