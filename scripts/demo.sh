#!/usr/bin/env bash
# The whole path once, on this machine: installs what is missing, builds, starts a real Kafka
# broker and the worker, makes the sample study (seed 7) from the real Colin27 T1, announces its
# four series, waits for the answer, prints it and where the SEG is, then shuts everything down.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
run="$root/demo-run"
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$root/.djl-cache}"
worker_pid=""

cleanup() {
  if [ -n "$worker_pid" ] && kill -0 "$worker_pid" 2>/dev/null; then
    echo "demo: stopping the worker"
    kill "$worker_pid" 2>/dev/null || true
    wait "$worker_pid" 2>/dev/null || true
  fi
  echo "demo: stopping the broker"
  deploy/kafka/stop-broker.sh "$run/kafka" >/dev/null 2>&1 || true
}
trap cleanup EXIT

./scripts/setup.sh
echo "demo: building the sample-study generator and the worker"
./mvnw -B -q -ntp -f models/phantom/pom.xml install -DskipTests
./mvnw -B -q -ntp package -DskipTests

rm -rf "$run" && mkdir -p "$run"
echo "demo: starting a single-node Kafka broker on 127.0.0.1:9092"
deploy/kafka/start-broker.sh "$run/kafka"

echo "demo: generating the sample study (seed 7)"
java -jar models/phantom/target/segstream-phantom.jar --seed 7 --out "$run/study"

echo "demo: starting the worker"
java -Xmx4g -DDJL_CACHE_DIR="$DJL_CACHE_DIR" -Dai.djl.offline=true \
  -Dorg.bytedeco.javacpp.cachedir="$DJL_CACHE_DIR/javacpp" \
  -Dsegstream.storage.allowed-roots="$run/study" \
  -Dsegstream.output.folder="$run/output" \
  -jar target/quarkus-app/quarkus-run.jar > "$run/worker.log" 2>&1 &
worker_pid=$!
for _ in $(seq 1 120); do
  if curl -sf http://127.0.0.1:8080/q/health/ready >/dev/null 2>&1; then
    break
  fi
  kill -0 "$worker_pid" 2>/dev/null || { cat "$run/worker.log"; exit 1; }
  sleep 1
done
if ! curl -sf http://127.0.0.1:8080/q/health/ready >/dev/null 2>&1; then
  echo "demo: the worker was not ready after 120 s; its log:" >&2
  tail -50 "$run/worker.log" >&2
  exit 1
fi
grep -E "Loaded model|inference runs" "$run/worker.log" | sed 's/^/worker: /' || true

client=(deploy/demo-client.sh)
study_uid=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["studyInstanceUid"])' \
  "$run/study/study.json")
echo "demo: announcing the four series"
"${client[@]}" announce "$run/study"
echo "demo: waiting for the answer"
"${client[@]}" await-result "$study_uid" --timeout 600 | tee "$run/result.json"

seg=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d.get("data",d)["segmentation"]["location"])' "$run/result.json" 2>/dev/null || true)
echo
echo "demo: SEG stored at ${seg:-(no SEG: see the failure above)}"
if [ -n "$seg" ]; then
  echo "demo: dciodvfy on the SEG (errors would be lines starting with 'Error'):"
  dciodvfy "${seg#file://}" 2>&1 | sed 's/^/  /'
fi
echo "demo: worker log at $run/worker.log"
