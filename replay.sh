#!/usr/bin/env bash
# Rebuilds a read model from its topic's start on a running system (./run.sh or docker compose), through the
# gateway, as an administrator; see docs/operations.md. Reads stay correct throughout: the service keeps serving the
# current figures until the rebuilt ones have caught up, then switches every instance to them.
#
#   ADMIN_PASSWORD=... ./replay.sh budget-figures     # village-service's budget figures, from budget-events
#   ADMIN_PASSWORD=... ./replay.sh known-villages     # budget-service's view of villages, from village-events
#   ADMIN_PASSWORD=... ./replay.sh --status budget-figures     # only print its state (JSON)
#
# Environment: ADMIN_PASSWORD (required), ADMIN_USER (admin), GATEWAY (http://localhost:${GATEWAY_PORT:-8080}),
# REPLAY_POLL_SECONDS (2). Returns once the service reads the rebuilt generation; exit status 1 if it refused.
set -euo pipefail

GATEWAY=${GATEWAY:-http://localhost:${GATEWAY_PORT:-8080}}
ADMIN_USER=${ADMIN_USER:-admin}
POLL=${REPLAY_POLL_SECONDS:-2}

usage() {
  echo "usage: $0 [--status] budget-figures|known-villages" >&2
  exit 2
}

status_only=false
if [ "${1:-}" = --status ]; then
  status_only=true
  shift
fi
[ $# -eq 1 ] || usage
case "$1" in
  budget-figures) state_url="$GATEWAY/api/villages/read-models/budget-figures" ;;
  known-villages) state_url="$GATEWAY/api/budget/read-models/known-villages" ;;
  *) usage ;;
esac
: "${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the password of $ADMIN_USER on the running system}"

body=$(mktemp)
trap 'rm -f "$body"' EXIT

# JSON without jq: the state's objects hold no nested ones, so each is one {...} without braces inside.
object() { grep -o "\"$1\":{[^}]*}" "$body" || true; }
field() { sed -E "s/.*\"$1\":(\"([^\"]*)\"|([^,}]*)).*/\2\3/"; }

sign_in() {
  local password=${ADMIN_PASSWORD//\\/\\\\}
  password=${password//\"/\\\"}
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$password\"}" "$GATEWAY/api/auth/token" \
    | field access_token || { echo "replay: cannot sign in as $ADMIN_USER at $GATEWAY" >&2; exit 1; }
}
token=$(sign_in)

# call METHOD URL: the body goes to $body, the HTTP status to stdout; signs in again once a token has expired.
call() {
  local status
  status=$(curl -s -o "$body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $token" "$2")
  if [ "$status" = 401 ]; then
    token=$(sign_in)
    status=$(curl -s -o "$body" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $token" "$2")
  fi
  echo "$status"
}

if $status_only; then
  status=$(call GET "$state_url")
  cat "$body"; echo
  [ "$status" = 200 ]
  exit
fi

started=$(date +%s)
status=$(call POST "$state_url/rebuild")
case "$status" in
  202) ;;
  409)
    echo "replay: $(field detail < "$body")"
    echo "replay: following the rebuild under way"
    [ "$(call GET "$state_url")" = 200 ] || { echo "replay: cannot read $state_url" >&2; cat "$body" >&2; exit 1; } ;;
  *)
    echo "replay: the rebuild was refused ($status):" >&2
    cat "$body" >&2; echo >&2
    exit 1 ;;
esac
generation=$(object rebuild | field generation)
[ -n "$generation" ] || { echo "replay: no rebuild under way:" >&2; cat "$body" >&2; exit 1; }
echo "replay: $1 generation $generation is reading $(field topic < "$body") from its start" \
  "(asked by $(object rebuild | field requestedBy) at $(object rebuild | field requestedAt))"

shown=""
while :; do
  sleep "$POLL"
  status=$(call GET "$state_url")
  if [ "$status" != 200 ]; then
    # A restarting service (the rebuild goes on from where it was) or a broker away: say so once, keep asking.
    if [ "$shown" != "$status" ]; then
      echo "replay: the state is not available ($status), asking again: $(cat "$body")" >&2
      shown=$status
    fi
    continue
  fi
  active=$(object active | field generation)
  if [ "$active" -ge "$generation" ]; then
    echo "replay: done in $(( $(date +%s) - started )) s: $1 is read from generation $active" \
      "($(object active | field collection)) since $(object active | field since)"
    exit 0
  fi
  rebuild=$(object rebuild)
  if [ -z "$rebuild" ]; then
    echo "replay: no rebuild under way any more, and generation $generation is not read:" >&2
    cat "$body" >&2; echo >&2
    exit 1
  fi
  line="read $(echo "$rebuild" | field read) offsets, $(echo "$rebuild" | field behind) behind the topic's end"
  if [ "$line" != "$shown" ]; then
    echo "replay: $(( $(date +%s) - started )) s: $line"
    shown=$line
  fi
done
