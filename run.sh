#!/usr/bin/env bash
# Starts the whole desa-digital stack on this machine, without Docker: a Kafka broker, a MongoDB
# wire-protocol store, village-service, budget-service and the gateway, each its own process under the
# launcher's supervisor. Prints "READY http://localhost:<GATEWAY_PORT>" once everything answers; Ctrl-C or
# SIGTERM stops the services first, then the broker and the store.
#
# Environment (all optional): DATA_DIR (./data), GATEWAY_PORT (8080), VILLAGE_PORT (8081),
# BUDGET_PORT (8082), KAFKA_PORT (9092), MONGO_PORT (27017), ADMIN_PASSWORD, RATE_LIMIT_RPS (100),
# KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI (use an external Kafka / MongoDB instead of the embedded one),
# SERVICE_INSTANCES (1; 2 runs village-service-2 on VILLAGE_PORT+10 and budget-service-2 on BUDGET_PORT+10).
set -euo pipefail

invoked_from="$(pwd)"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

# A DATA_DIR given relative is taken from where run.sh was called; the default lives in the repository.
data_dir="${DATA_DIR:-$root/data}"
case "$data_dir" in
  /*) ;;
  *) data_dir="$invoked_from/$data_dir" ;;
esac
mkdir -p "$data_dir"
DATA_DIR="$(cd "$data_dir" && pwd)"
export DATA_DIR

modules=(contracts platform village-service budget-service gateway launcher)
jars=(launcher/target/launcher.jar
      village-service/target/village-service.jar
      budget-service/target/budget-service.jar
      gateway/target/gateway.jar)

# Builds when a jar is missing or a pom.xml or main source file changed since the last build. Maven leaves an
# up-to-date jar untouched, so the jars' own times cannot tell; a stamp written after each build does.
stamp=launcher/target/.run-sh-built
needs_build() {
  local sources=(pom.xml) module jar
  for module in "${modules[@]}"; do
    [[ -f "$module/pom.xml" ]] && sources+=("$module/pom.xml")
    [[ -d "$module/src/main" ]] && sources+=("$module/src/main")
  done
  for jar in "${jars[@]}"; do
    [[ -f "$jar" ]] || return 0
  done
  [[ -f "$stamp" ]] || return 0
  [[ -n "$(find "${sources[@]}" -newer "$stamp" -print -quit)" ]]
}

if needs_build; then
  echo "launcher: building (jars missing or older than the sources)"
  ./mvnw -B -q -DskipTests package
  touch "$stamp"
fi

command -v java >/dev/null || { echo "run.sh: java (17 or newer) is not on the PATH" >&2; exit 1; }

# exec: the supervisor becomes this process, so Ctrl-C and SIGTERM reach it directly.
# Small heap: it only starts, watches and relays output of its children.
exec java -Xmx64m -XX:+UseSerialGC -Dfile.encoding=UTF-8 -Ddesadigital.home="$root" \
  -jar launcher/target/launcher.jar
