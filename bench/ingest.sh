#!/usr/bin/env bash
# Ingest benchmark (issue 3): starts `./dora up` on a fresh data directory, then loads it from a
# second JVM with signed GitHub deliveries and, in the same run, with the trivial GET /health,
# both at the same concurrency. Prints requests/s, p50 and p99 of each and their ratio.
# Usage: bench/ingest.sh [SECONDS] [CONCURRENCY] [ROUNDS]   (loopback only)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_PER_PHASE="${1:-20}"
CONCURRENCY="${2:-50}"
ROUNDS="${3:-2}"
PORT=18181
DATA="$(mktemp -d)/data"

"$ROOT/dora" --version >/dev/null # builds the jar if needed
(cd "$ROOT" && ./mvnw -q -B -o compile -pl bench -Dspotless.check.skip 2>/dev/null || ./mvnw -q -B compile -pl bench -am -Dspotless.check.skip)
"$ROOT/dora" up --data "$DATA" --port "$PORT" >"$DATA.log" 2>&1 &
until curl -sf "127.0.0.1:$PORT/health" >/dev/null; do sleep 0.2; done
trap 'kill -TERM $(pgrep -f "dora.jar up --data $DATA") 2>/dev/null || true' EXIT
java -Xmx512m -cp "$ROOT/bench/target/classes:$ROOT/app/target/dora.jar" dev.dora.bench.IngestLoad \
  --port "$PORT" --secret-file "$DATA/secrets/github" \
  --seconds "$SECONDS_PER_PHASE" --concurrency "$CONCURRENCY" --rounds "$ROUNDS"
