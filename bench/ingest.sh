#!/usr/bin/env bash
# Ingest benchmark (issue 3): starts `./dora up` on a fresh data directory, then loads it from a
# second JVM with signed GitHub deliveries and, in the same run, with the trivial GET /health,
# both at the same concurrency. Prints requests/s, p50 and p99 of each and their ratio.
# Usage: bench/ingest.sh [--stage ingest] [SECONDS] [CONCURRENCY] [ROUNDS]   (loopback only)
# --stage ingest: load the ingest stage alone (ingest routes + spool + producer in front of a real
# KRaft broker, no Flink job), as it runs at scale, instead of the whole embedded `dora up`.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STAGE=all
if [ "${1:-}" = "--stage" ]; then STAGE="$2"; shift 2; fi
SECONDS_PER_PHASE="${1:-20}"
CONCURRENCY="${2:-50}"
ROUNDS="${3:-2}"
PORT=18181
DATA="$(mktemp -d)/data"

"$ROOT/dora" --version >/dev/null # builds the jar if needed
(cd "$ROOT" && ./mvnw -q -B -o compile -pl bench -Dspotless.check.skip 2>/dev/null || ./mvnw -q -B compile -pl bench -am -Dspotless.check.skip)
if [ "$STAGE" = ingest ]; then
  java -Xms128m -Xmx1g -XX:+UseSerialGC -cp "$ROOT/bench/target/classes:$ROOT/app/target/dora.jar" dev.dora.bench.IngestStage \
    "$PORT" "$DATA" >"$DATA.log" 2>&1 &
  SERVER=$!
else
  "$ROOT/dora" up --data "$DATA" --port "$PORT" >"$DATA.log" 2>&1 &
  SERVER=
fi
until curl -sf "127.0.0.1:$PORT/health" >/dev/null; do sleep 0.2; done
[ -n "$SERVER" ] || SERVER=$(pgrep -f "dora.jar up --data $DATA")
trap 'kill -TERM $SERVER 2>/dev/null || true' EXIT
java -Xmx512m -cp "$ROOT/bench/target/classes:$ROOT/app/target/dora.jar" dev.dora.bench.IngestLoad \
  --port "$PORT" --secret-file "$DATA/secrets/github" \
  --seconds "$SECONDS_PER_PHASE" --concurrency "$CONCURRENCY" --rounds "$ROUNDS"
