#!/usr/bin/env bash
# Stops the broker started by start-broker.sh (only the process in DATA_DIR/broker.pid).
#
#   deploy/kafka/stop-broker.sh [DATA_DIR] [--purge]    --purge also deletes DATA_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:-$root/demo-run/kafka}"
[ "$data" = "--purge" ] && data="$root/demo-run/kafka"
purge=false
for arg in "$@"; do [ "$arg" = "--purge" ] && purge=true; done

if [ -f "$data/broker.pid" ]; then
  pid="$(cat "$data/broker.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "stop-broker: pid $pid did not stop in 30 s; killing it" >&2
      kill -9 "$pid"
    fi
    echo "stop-broker: stopped pid $pid"
  else
    echo "stop-broker: pid $pid was not running"
  fi
  rm -f "$data/broker.pid"
else
  echo "stop-broker: no broker.pid in $data"
fi
if $purge; then
  rm -rf "$data"
  echo "stop-broker: deleted $data"
fi
