#!/bin/bash
# Run once by gvenzl/oracle-free on first start (/container-entrypoint-initdb.d).
# The SQL lives in sql/ so that the entrypoint does not also run it without a password.
set -euo pipefail
: "${CONSERJE_DB_PASSWORD:?set CONSERJE_DB_PASSWORD for the oracle service}"
sqlplus -s / as sysdba @/container-entrypoint-initdb.d/sql/create_app_user.sql "$CONSERJE_DB_PASSWORD"
