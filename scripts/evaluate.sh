#!/usr/bin/env bash
# Re-evaluates shipped models on the held-out studies and prints the per-study Dice table:
#   scripts/evaluate.sh                                  # models/unet
#   scripts/evaluate.sh models/deeplabv3plus
#   scripts/evaluate.sh models/unet,models/deeplabv3plus # the worker's ensemble
#   scripts/evaluate.sh models/unet --test-seeds 9000..9004
# Installs what it needs first (Debian packages, PixelMed, the sample-study generator).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

models="${1:-models/unet}"
shift || true
absolute=()
IFS=',' read -ra listed <<< "$models"
for model in "${listed[@]}"; do
  if [ ! -f "$model/model.json" ]; then
    echo "evaluate: $model has no model.json; pass a model folder such as models/unet" >&2
    exit 2
  fi
  absolute+=("$(cd "$model" && pwd)")
done
joined=$(IFS=','; echo "${absolute[*]}")

./scripts/setup.sh
./mvnw -B -q -ntp -f models/phantom/pom.xml install -DskipTests
exec ./scripts/trainer.sh evaluate --model "$joined" "$@"
