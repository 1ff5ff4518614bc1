#!/usr/bin/env bash
# Runs every test of the project: the sample-study generator, the trainer's unit tests (no
# training: tests load the shipped SavedModels) and the worker, whose end-to-end tests run a
# real Kafka broker inside the test JVM and check the SEG with dciodvfy.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

echo "== models/phantom: sample-study generator =="
./mvnw -B -ntp -f models/phantom/pom.xml install

echo "== models/trainer: trainer unit tests =="
./mvnw -B -ntp -f models/trainer/pom.xml test

echo "== worker =="
./mvnw -B -ntp verify
