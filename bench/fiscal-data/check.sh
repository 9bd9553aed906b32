#!/usr/bin/env bash
# Checks a fiscal year's Fiscal Data Package on a running system with Frictionless Data's own library
# (datapackage-js, installed from npm into a temporary directory): the descriptor against its profile, every CSV
# row through its schema, and the totals. Needs node 18+ and npm.
#
#   bench/fiscal-data/check.sh [fiscalYear]
set -euo pipefail

YEAR=${1:-$(date +%Y)}
GATEWAY=${GATEWAY:-http://localhost:${GATEWAY_PORT:-8080}}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm install --prefix "$work" --no-audit --no-fund --silent datapackage@1.1.10
cp "$here/check.js" "$work/"
node "$work/check.js" "$GATEWAY/api/public/fiscal-data/$YEAR/datapackage.json"
