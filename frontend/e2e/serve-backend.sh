#!/usr/bin/env bash
# Start the Conserje API (which also serves frontend/dist) on a throw-away database with
# the demo data, for the Playwright tests. Run from frontend/ (playwright.config.ts does).
#   CONSERJE_E2E_DATABASE_URL  use this database instead of a temporary SQLite file
#   E2E_PORT                   port to listen on (default 5817)
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${CONSERJE_VENV:-../.venv}"
CONSERJE="$VENV/bin/conserje"
if [ ! -x "$CONSERJE" ]; then
  echo "serve-backend: $CONSERJE not found; create the Python environment first (make python-deps)" >&2
  exit 1
fi
if [ ! -f dist/index.html ]; then
  echo "serve-backend: frontend/dist is missing; run 'npm run build' first" >&2
  exit 1
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/conserje-e2e.XXXXXX")"
if [[ "${CONSERJE_E2E_DATABASE_URL:-}" == postgresql* ]]; then
  # CONSERJE_E2E_DATABASE_URL is the admin connection: the run gets its own empty database.
  CONSERJE_DATABASE_URL="$("$VENV/bin/python" ../scripts/reset_postgres_db.py \
    "$CONSERJE_E2E_DATABASE_URL" conserje_e2e)"
else
  CONSERJE_DATABASE_URL="${CONSERJE_E2E_DATABASE_URL:-sqlite:///$TMP/e2e.db}"
fi
export CONSERJE_DATABASE_URL
export CONSERJE_SECRET_KEY="e2e-secret-key-for-the-playwright-run-only"
export CONSERJE_MEDIA_DIR="$TMP/media"
export CONSERJE_VAR_DIR="$TMP/var"
export CONSERJE_FRONTEND_DIST="${CONSERJE_FRONTEND_DIST:-$PWD/dist}"
# Every spec logs in from 127.0.0.1: keep the per-IP login limit out of the way.
export CONSERJE_LOGIN_MAX_ATTEMPTS_PER_IP="${CONSERJE_LOGIN_MAX_ATTEMPTS_PER_IP:-1000}"
mkdir -p "$CONSERJE_MEDIA_DIR"
echo "serve-backend: database $CONSERJE_DATABASE_URL, files in $TMP" >&2

"$CONSERJE" init-db
"$CONSERJE" seed-demo
exec "$CONSERJE" serve --port "${E2E_PORT:-5817}"
