#!/usr/bin/env bash
# Freshness benchmark (issue 4): starts `./dora up` on a fresh data directory, then measures how
# long a signed push plus a successful production deployment take to show in /api/v1/deployments,
# over N probes while background threads keep posting signed pushes. Prints median and p95.
# Usage: bench/freshness.sh [PROBES] [LOAD_THREADS]   (loopback only)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PROBES="${1:-50}"
LOAD_THREADS="${2:-4}"
PORT=18191
DATA="$(mktemp -d)/data"

"$ROOT/dora" --version >/dev/null # builds the jar if needed
(cd "$ROOT" && ./mvnw -q -B -o compile -pl bench -Dspotless.check.skip 2>/dev/null || ./mvnw -q -B compile -pl bench -am -Dspotless.check.skip)
"$ROOT/dora" up --data "$DATA" --port "$PORT" >"$DATA.log" 2>&1 &
until curl -sf "127.0.0.1:$PORT/health" >/dev/null; do sleep 0.2; done
SERVER=$(pgrep -f "dora.jar up --data $DATA")
trap 'kill -TERM $SERVER 2>/dev/null || true' EXIT
java -Xmx256m -cp "$ROOT/bench/target/classes:$ROOT/app/target/dora.jar" dev.dora.bench.Freshness \
  --port "$PORT" --data "$DATA" --probes "$PROBES" --load-threads "$LOAD_THREADS"
