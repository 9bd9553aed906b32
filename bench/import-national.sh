#!/usr/bin/env bash
# Benchmark: the whole national Kemendagri area list (about 84,000 villages) imported in one request through the
# gateway, as an administrator would do it. Needs the system running (./run.sh) and the file at hand:
#
#   ADMIN_PASSWORD=... bench/import-national.sh [path/to/villages.csv]
#
# Prints the wall-clock time of the first import (everything created) and of a second one (everything unchanged).
set -euo pipefail

CSV=${1:-../shared/data/wilayah/villages.csv}
GATEWAY=${GATEWAY:-http://localhost:${GATEWAY_PORT:-8080}}
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the admin password of the running system}"
[ -r "$CSV" ] || { echo "cannot read $CSV" >&2; exit 2; }

token=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"${ADMIN_PASSWORD}\"}" "$GATEWAY/api/auth/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

rows=$(($(wc -l < "$CSV") - 1))
echo "file: $CSV ($rows rows, $(du -h "$CSV" | cut -f1))"
for run in first second; do
  start=$(date +%s.%N)
  report=$(curl -sf --max-time 600 -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
    --data-binary @"$CSV" "$GATEWAY/api/villages/import")
  end=$(date +%s.%N)
  counts=$(echo "$report" | sed -E 's/.*"created":([0-9]+),"updated":([0-9]+),"unchanged":([0-9]+).*/created=\1 updated=\2 unchanged=\3/')
  rejected=$(echo "$report" | { grep -o '"line"' || true; } | wc -l)
  printf '%s import: %.1f s  %s rejected=%s\n' "$run" "$(awk "BEGIN{print $end - $start}")" "$counts" "$rejected"
done
