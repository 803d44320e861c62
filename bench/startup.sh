#!/usr/bin/env bash
# Measures what the walking-skeleton issue asks for, on this machine, against 127.0.0.1 only:
#   1. launch of `./dora up` to a healthy /health (and the "ready in" it prints),
#   2. resident memory when idle,
#   3. time from posting a signed GitHub push + production deployment_status to seeing them in
#      GET /api/v1/dora,
#   4. resident memory after the demo organisation is loaded (`./dora up --demo` on a new data dir).
# Usage: bench/startup.sh [PORT]   (builds first if needed; uses a fresh temp data directory)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${1:-18080}"
DATA="$(mktemp -d)/data"
now() { date +%s.%N; }
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$1/status"; }
pid_of() { pgrep -f "dora.jar up.*--data $1" | head -1; }
stop() { local p; p=$(pid_of "$1") && kill -TERM "$p" && while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; }

"$ROOT/dora" --version >/dev/null # build once, outside the timings
start=$(now)
"$ROOT/dora" up --data "$DATA" --port "$PORT" >"$DATA.log" 2>&1 &
until curl -sf "127.0.0.1:$PORT/health" >/dev/null; do sleep 0.1; done
echo "launch to healthy: $(echo "$(now) - $start" | bc) s ($(grep -o 'ready in .*' "$DATA.log"))"
sleep 20
echo "resident memory, idle: $(rss "$(pid_of "$DATA")")"

SECRET=$(cat "$DATA/secrets/github"); TOKEN=$(cat "$DATA/secrets/admin-token")
post() {
  local sig; sig=$(printf '%s' "$2" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}')
  curl -sf -o /dev/null -X POST "127.0.0.1:$PORT/webhooks/github" -H 'Content-Type: application/json' \
    -H "X-GitHub-Event: $1" -H "X-GitHub-Delivery: $(cat /proc/sys/kernel/random/uuid)" \
    -H "X-Hub-Signature-256: sha256=$sig" --data-binary "$2"
}
DAY=$(date -u +%F)
start=$(now)
post push '{"ref":"refs/heads/main","before":"0000000000000000000000000000000000000000","after":"bbbb","commits":[{"id":"aaaa","timestamp":"'"$DAY"'T00:00:00Z"},{"id":"bbbb","timestamp":"'"$DAY"'T00:30:00Z"}],"repository":{"full_name":"acme/bench","default_branch":"main"}}'
post deployment_status '{"deployment_status":{"id":1,"state":"success","environment":"production","created_at":"'"$DAY"'T01:00:00Z"},"deployment":{"id":7,"sha":"bbbb","ref":"main","environment":"production","created_at":"'"$DAY"'T00:59:00Z"},"repository":{"full_name":"acme/bench","default_branch":"main"}}'
until curl -sf -H "Authorization: Bearer $TOKEN" "127.0.0.1:$PORT/api/v1/dora" | grep -q '"changes":2'; do sleep 0.1; done
echo "webhook to visible in /api/v1/dora: $(echo "$(now) - $start" | bc) s"
stop "$DATA"

DEMO="$(mktemp -d)/data"
start=$(now)
"$ROOT/dora" up --demo --data "$DEMO" --port "$PORT" >"$DEMO.log" 2>&1 &
until grep -q 'demo loaded' "$DEMO.log" 2>/dev/null; do sleep 0.2; done
TOKEN=$(cat "$DEMO/secrets/admin-token")
until curl -sf -H "Authorization: Bearer $TOKEN" "127.0.0.1:$PORT/api/v1/dora" | grep -q '"deployments":[1-9][0-9][0-9]'; do sleep 0.2; done
echo "launch to demo visible in the API: $(echo "$(now) - $start" | bc) s"
sleep 10
echo "resident memory, after the demo load: $(rss "$(pid_of "$DEMO")")"
stop "$DEMO"
