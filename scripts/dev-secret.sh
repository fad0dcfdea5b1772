#!/usr/bin/env bash
# Prints a per-checkout development secret, created once in var/dev-secret-key.
# Production sets CONSERJE_SECRET_KEY itself (see .env.example).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
if [ ! -s var/dev-secret-key ]; then
  python3 -c 'import secrets; print(secrets.token_urlsafe(48))' > var/dev-secret-key
fi
cat var/dev-secret-key
