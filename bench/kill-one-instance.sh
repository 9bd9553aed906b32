#!/usr/bin/env bash
# kill -9 of the second instance of each service in the middle of reads and writes through the gateway, on a
# running system started with two instances (SERVICE_INSTANCES=2 ./run.sh) and Purbalingga's villages imported.
# Every read must be answered; a spending write the gateway could not complete (502: its instance died with the
# request) is sent again with the same Idempotency-Key, as a client does, and must then be recorded exactly once:
# at the end the allocation's spending is exactly Rp 1,000 per key.
#
#   ADMIN_PASSWORD=... bench/kill-one-instance.sh
set -u
GATEWAY_PORT=${GATEWAY_PORT:-8080}; VILLAGE_PORT=${VILLAGE_PORT:-8081}; BUDGET_PORT=${BUDGET_PORT:-8082}
G=http://localhost:$GATEWAY_PORT
V2_PORT=${VILLAGE_PORT_2:-$((VILLAGE_PORT + 10))}; B2_PORT=${BUDGET_PORT_2:-$((BUDGET_PORT + 10))}
VILLAGE=33.03.02.2001
tok() { curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" $G/api/auth/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
for port in $V2_PORT $B2_PORT; do
  [ -n "$(pid_on $port)" ] || { echo "nothing listens on $port: start the system with SERVICE_INSTANCES=2" >&2; exit 1; }
done
ADMIN=$(tok admin "${ADMIN_PASSWORD:?set ADMIN_PASSWORD}")
R=$(date +%s)
curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "{\"username\":\"fin$R\",\"password\":\"fin-pass-$R\",\"role\":\"FINANCE_OFFICER\"}" $G/api/auth/users
curl -s -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "{\"username\":\"kades$R\",\"password\":\"kades-pass-$R\",\"role\":\"VILLAGE_HEAD\",\"villageCode\":\"$VILLAGE\"}" $G/api/auth/users
FIN=$(tok fin$R fin-pass-$R); HEAD=$(tok kades$R kades-pass-$R)
P=$(curl -s -H "Authorization: Bearer $FIN" -H 'Content-Type: application/json' -d '{"fiscalYear":2027,"name":"Kill one instance","ceiling":1000000000,"fundingSource":"ADD","activityCode":"1.4.08"}' $G/api/budget/programs | sed -E 's/.*"id":"([^"]+)".*/\1/')
A=$(curl -s -H "Authorization: Bearer $FIN" -H 'Content-Type: application/json' -d "{\"villageCode\":\"$VILLAGE\",\"amount\":500000000}" $G/api/budget/programs/$P/allocations | sed -E 's/.*"id":"([^"]+)".*/\1/')
echo "program $P allocation $A"
export G A HEAD VILLAGE R
OUT=$(mktemp -d); export OUT
# One spending of Rp 1,000 under its own key, sent again with that key until it is answered 201 (at most 10 times);
# then one read of the village and one of the programs. Every answer's status is kept.
spend() {
  key="kill-one-$R-$1"; tries=0; code=0
  while [ "$code" != 201 ] && [ $tries -lt 10 ]; do
    code=$(curl -s -o /dev/null -m 20 -w '%{http_code}' -H "Authorization: Bearer $HEAD" -H "Idempotency-Key: $key" -H 'Content-Type: application/json' -d '{"amount":1000,"spentOn":"2027-01-05","category":"DATA","description":"kill one instance"}' $G/api/budget/allocations/$A/spending)
    [ $tries = 0 ] && echo $code >> $OUT/write-first || echo $code >> $OUT/write-again
    tries=$((tries + 1))
  done
  [ "$code" = 201 ] && echo "$1" >> $OUT/recorded
}
work() {
  spend $1
  curl -s -o /dev/null -m 20 -w '%{http_code}\n' -H "Authorization: Bearer $HEAD" $G/api/villages/$VILLAGE >> $OUT/reads
  curl -s -o /dev/null -m 20 -w '%{http_code}\n' -H "Authorization: Bearer $HEAD" "$G/api/budget/programs?fiscalYear=2027" >> $OUT/reads
}
export -f spend work
START=$(date +%s.%N)
( seq 2000 | xargs -P 16 -I{} bash -c 'work {}' ) &
LOAD=$!
touch $OUT/reads
while [ "$(wc -l < $OUT/reads)" -lt 200 ]; do sleep 0.2; done
echo "kill -9 village-service-2 (pid $(pid_on $V2_PORT)) and budget-service-2 (pid $(pid_on $B2_PORT)) after $(wc -l < $OUT/reads) reads"
KILLED=$(date +%s.%N)
kill -9 "$(pid_on $V2_PORT)" "$(pid_on $B2_PORT)"
wait $LOAD
END=$(date +%s.%N)
for i in $(seq 180); do curl -sf localhost:$B2_PORT/actuator/health >/dev/null && curl -sf localhost:$V2_PORT/actuator/health >/dev/null && break; sleep 1; done
BACK=$(date +%s.%N)
# What a client does with a write it got no answer for in time: it sends it again later, with the same key.
seq 2000 | sort | comm -23 - <(sort -u $OUT/recorded) > $OUT/unanswered
while read n; do spend $n; done < $OUT/unanswered
SPENT=$(curl -s -H "Authorization: Bearer $FIN" $G/api/budget/allocations/$A | sed -E 's/.*"spent":([0-9]+).*/\1/')
seconds() { awk "BEGIN { printf \"%.1f\", $2 - $1 }"; }
echo "load ran $(seconds $START $END) s; both second instances answered their health again $(seconds $KILLED $BACK) s after the kill"
echo "reads: $(sort $OUT/reads | uniq -c | tr '\n' ' ')"
echo "writes, first answer: $(sort $OUT/write-first | uniq -c | tr '\n' ' ')"
echo "writes sent again with the same key: $(sort $OUT/write-again 2>/dev/null | uniq -c | tr '\n' ' ')"
echo "keys still unanswered when the load ended, sent again after: $(wc -l < $OUT/unanswered)"
echo "keys answered 201: $(sort -u $OUT/recorded | wc -l) of 2000; the allocation's spent is $SPENT = $((SPENT / 1000)) spends of Rp 1,000"
