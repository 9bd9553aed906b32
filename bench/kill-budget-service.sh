#!/usr/bin/env bash
# kill -9 of budget-service in the middle of spending writes, on a running system (./run.sh) with Purbalingga's
# villages imported: every acknowledged spending must be there after the supervisor restarted it, none twice, and
# village-service's figures must equal budget-service's once the outbox sweep ran.
#
#   ADMIN_PASSWORD=... bench/kill-budget-service.sh
set -u
G=http://localhost:8080; B=http://localhost:8082
tok() { curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" $G/api/auth/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
ADMIN=$(tok admin "${ADMIN_PASSWORD:?set ADMIN_PASSWORD}")
R=$(date +%s)
curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "{\"username\":\"fin$R\",\"password\":\"fin-pass-$R\",\"role\":\"FINANCE_OFFICER\"}" $G/api/auth/users
curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "{\"username\":\"kades$R\",\"password\":\"kades-pass-$R\",\"role\":\"VILLAGE_HEAD\",\"villageCode\":\"33.03.02.2001\"}" $G/api/auth/users
FIN=$(tok fin$R fin-pass-$R); HEAD=$(tok kades$R kades-pass-$R)
P=$(curl -s -H "Authorization: Bearer $FIN" -H 'Content-Type: application/json' -d '{"fiscalYear":2027,"name":"Kill test","ceiling":1000000000,"fundingSource":"ADD","activityCode":"1.4.08"}' $G/api/budget/programs | sed -E 's/.*"id":"([^"]+)".*/\1/')
A=$(curl -s -H "Authorization: Bearer $FIN" -H 'Content-Type: application/json' -d '{"villageCode":"33.03.02.2001","amount":500000000}' $G/api/budget/programs/$P/allocations | sed -E 's/.*"id":"([^"]+)".*/\1/')
echo "program $P allocation $A"
export B A HEAD
ACKED_FILE=$(mktemp); CODES_FILE=$(mktemp); export ACKED_FILE
spend_one() { out=$(curl -s -m 20 -w ' %{http_code}' -H "Authorization: Bearer $HEAD" -H 'Content-Type: application/json' -d '{"amount":1000,"spentOn":"2027-01-05","category":"DATA","description":"kill test"}' $B/api/budget/allocations/$A/spending); code=${out##* }; [ "$code" = 201 ] && echo "$out" | sed -E 's/.*"id":"([^"]+)".*/\1/' >> $ACKED_FILE; echo $code; }
export -f spend_one
( seq 3000 | xargs -P 16 -I{} bash -c spend_one > $CODES_FILE ) &
LOAD=$!
sleep 4
BPID=$(ss -ltnpH 'sport = :8082' | grep -o 'pid=[0-9]*' | cut -d= -f2)
echo "kill -9 budget-service pid $BPID after $(wc -l < $ACKED_FILE) acknowledged"; kill -9 $BPID
wait $LOAD
echo "status codes: $(sort $CODES_FILE | uniq -c | tr '\n' ' ')"
for i in $(seq 60); do curl -sf $B/actuator/health >/dev/null && break; sleep 1; done
sleep 35  # one outbox sweep interval
ACKED=$(wc -l < $ACKED_FILE)
MISSING=0; while read id; do c=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $FIN" $B/api/budget/spending/$id); [ "$c" = 200 ] || MISSING=$((MISSING+1)); done < $ACKED_FILE
SPENT=$(curl -s -H "Authorization: Bearer $FIN" $B/api/budget/allocations/$A | sed -E 's/.*"spent":([0-9]+).*/\1/')
YEAR=$(curl -s -H "Authorization: Bearer $FIN" "$B/api/budget/villages/33.03.02.2001/summary?fiscalYear=2027" | sed -E 's/.*"allocated":([0-9]+),"spent":([0-9]+).*/allocated \1, spent \2/')
VS=$(curl -s -H "Authorization: Bearer $ADMIN" $G/api/villages/33.03.02.2001 | grep -o '{"fiscalYear":2027[^}]*}')
echo "acknowledged $ACKED, missing after restart $MISSING, unique acked ids $(sort -u $ACKED_FILE | wc -l)"
echo "this run's allocation: spent $SPENT = $((SPENT/1000)) spends of Rp 1,000 recorded (acknowledged ones plus those in flight at the kill)"
echo "village 33.03.02.2001 in 2027: budget-service $YEAR; village-service $VS"
