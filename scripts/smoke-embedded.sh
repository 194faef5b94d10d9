#!/usr/bin/env bash
# Starts the app the way the README does, with no DATABASE_URL (so on the
# embedded PostgreSQL), fetches the article page, then stops it with SIGTERM
# and checks it shut down cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${SMOKE_PORT:-3210}
data_dir=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$data_dir" "$log"' EXIT

env -u DATABASE_URL PORT="$port" GLOSS_DATA_DIR="$data_dir" GLOSS_EMBEDDED_DB_PORT=$((port + 1000)) \
  npm start >"$log" 2>&1 &
pid=$!

ok=""
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/articles/china-shared-future-cyberspace" 2>/dev/null | grep -q "China leads call for shared future in cyberspace"; then
    ok=yes
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.5
done

if [ -z "$ok" ]; then
  echo "smoke: the article page never answered; the app printed:"
  cat "$log"
  kill -TERM "$pid" 2>/dev/null || true
  exit 1
fi
echo "smoke: the article page answered on the embedded database"

kill -TERM "$pid"
for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
if kill -0 "$pid" 2>/dev/null; then
  echo "smoke: the app did not stop within 10 s of SIGTERM"
  cat "$log"
  kill -KILL "$pid"
  exit 1
fi
if [ -e "$data_dir/gloss.lock" ]; then
  echo "smoke: the embedded database was not stopped cleanly (lock file left behind)"
  cat "$log"
  exit 1
fi
echo "smoke: stopped cleanly"
