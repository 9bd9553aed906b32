#!/usr/bin/env bash
# The budget ledger's acceptance scenario on a running system (./run.sh) with Purbalingga's villages imported:
# a 2026 program of Rp 1,400,000,000 (PBK, 1.4.08) with Rp 6,000,000 for each of Purbalingga's desa, the next
# allocation past the ceiling, a village head spending up to the exact allocation and one rupiah more, a reversal
# twice, and forty concurrent spends that together pass an allocation.
#
#   ADMIN_PASSWORD=... bench/ledger-scenario.sh            # BUDGET_URL=http://localhost:8082 to spend directly
set -euo pipefail

GATEWAY=${GATEWAY:-http://localhost:${GATEWAY_PORT:-8080}}
SPEND_URL=${BUDGET_URL:-$GATEWAY}
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the admin password of the running system}"
RUN=$(date +%s)

json() { sed -E "s/.*\"$1\":\"?([^\",}]*)\"?.*/\1/"; }
token() {
  curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" \
    "$GATEWAY/api/auth/token" | json access_token
}
post() { # token url body [extra curl args] -> prints "status body"
  local t=$1 url=$2 body=$3; shift 3
  curl -s -o /tmp/ledger-scenario.out -w '%{http_code}' -H "Authorization: Bearer $t" \
    -H 'Content-Type: application/json' -d "$body" "$@" "$url"
  echo " $(cat /tmp/ledger-scenario.out)"
}
expect() { # expected actual-line what
  local status=${2%% *}
  if [ "$status" = "$1" ]; then echo "ok   $3 -> $status"; else echo "FAIL $3 -> $2" >&2; exit 1; fi
}

admin=$(token admin "$ADMIN_PASSWORD")
post "$admin" "$GATEWAY/api/auth/users" \
  "{\"username\":\"keuangan.$RUN\",\"password\":\"keuangan-$RUN\",\"role\":\"FINANCE_OFFICER\"}" >/dev/null
post "$admin" "$GATEWAY/api/auth/users" "{\"username\":\"kades.kedungbenda.$RUN\",\"password\":\"kades-$RUN\",\
\"role\":\"VILLAGE_HEAD\",\"villageCode\":\"33.03.01.2001\"}" >/dev/null
finance=$(token "keuangan.$RUN" "keuangan-$RUN")
head=$(token "kades.kedungbenda.$RUN" "kades-$RUN")

villages=$(curl -sf -H "Authorization: Bearer $admin" "$GATEWAY/api/villages?regencyCode=33.03&size=500")
desa=$(echo "$villages" | grep -o '"code":"[0-9.]*","name":"[^"]*","type":"DESA"' | cut -d'"' -f4)
kelurahan=$(echo "$villages" | grep -o '"code":"[0-9.]*","name":"[^"]*","type":"KELURAHAN"' | head -1 | cut -d'"' -f4)
echo "Purbalingga desa: $(echo "$desa" | wc -l)"

line=$(post "$finance" "$GATEWAY/api/budget/programs" \
  '{"fiscalYear":2026,"name":"Digitalisasi Desa 2026","ceiling":1400000000,"fundingSource":"PBK","activityCode":"1.4.08"}')
expect 201 "$line" "program of Rp 1,400,000,000"
program=$(echo "$line" | json id)

start=$(date +%s.%N)
for code in $desa; do
  line=$(post "$finance" "$GATEWAY/api/budget/programs/$program/allocations" "{\"villageCode\":\"$code\",\"amount\":6000000}")
  [ "${line%% *}" = 201 ] || { echo "FAIL allocation to $code -> $line" >&2; exit 1; }
  [ "$code" = 33.03.01.2001 ] && allocation=$(echo "$line" | json id)
done
echo "ok   $(echo "$desa" | wc -l) allocations of Rp 6,000,000 in $(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $start}") s"
curl -sf -H "Authorization: Bearer $finance" "$GATEWAY/api/budget/programs/$program"; echo
expect 409 "$(post "$finance" "$GATEWAY/api/budget/programs/$program/allocations" \
  "{\"villageCode\":\"$kelurahan\",\"amount\":60000000}")" "the next allocation past the ceiling"

spend() { post "$1" "$SPEND_URL/api/budget/allocations/$allocation/spending" \
  "{\"amount\":$2,\"spentOn\":\"2026-03-02\",\"category\":\"HARDWARE\",\"description\":\"Laptop operator SID\"}"; }
expect 201 "$(spend "$head" 4000000)" "spend Rp 4,000,000"
line=$(spend "$head" 2000000); expect 201 "$line" "spend the last Rp 2,000,000"
spending=$(echo "$line" | json id)
expect 409 "$(spend "$head" 1)" "one rupiah more"
expect 201 "$(post "$head" "$SPEND_URL/api/budget/spending/$spending/reversal" '{"reason":"Nota ganda"}')" "reversal"
expect 409 "$(post "$finance" "$SPEND_URL/api/budget/spending/$spending/reversal" '{"reason":"Lagi"}')" "second reversal"

# Rp 2,000,000 is free again: forty concurrent spends of Rp 100,000 pass it; exactly twenty fit.
export -f post spend; export allocation SPEND_URL head
statuses=$(seq 40 | xargs -P 40 -I{} bash -c 'spend "$head" 100000 | cut -d" " -f1' | sort | uniq -c | tr '\n' ' ')
echo "forty concurrent spends of Rp 100,000: $statuses"
curl -sf -H "Authorization: Bearer $finance" "$GATEWAY/api/budget/allocations/$allocation"; echo
