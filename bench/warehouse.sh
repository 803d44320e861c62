#!/usr/bin/env bash
# Warehouse query benchmark (issue 5): generates a year of a 1,000-service organisation as small
# Parquet files (unless DIR/warehouse exists), serves it with the real dashboard on 127.0.0.1 and
# measures p50/p95/p99 of the overview page's API calls before and after compaction, against
# GET /health in the same run. Prints the file counts and the derivation time after a file change.
# Usage: bench/warehouse.sh [DIR] [SERVICES] [DAYS] [FILES_PER_TABLE_AND_DAY] [SAMPLES]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${1:-$(mktemp -d)}"
"$ROOT/dora" --version >/dev/null # builds the jar if needed
(cd "$ROOT" && ./mvnw -q -B -o compile -pl bench -am -Dspotless.check.skip)
java -Xmx1g -XX:+UseSerialGC -cp "$ROOT/bench/target/classes:$ROOT/app/target/dora.jar" \
  dev.dora.bench.WarehouseBench --dir "$DIR" \
  --services "${2:-1000}" --days "${3:-365}" --files "${4:-24}" --samples "${5:-200}"
