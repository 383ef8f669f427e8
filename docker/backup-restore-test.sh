#!/usr/bin/env bash
# Backup and restore, end to end: run the service on a PostgreSQL database, load the corpus and resolve
# more forecasts, record every track record and the leaderboards; back the database up with pg_dump -Fc,
# restore it with pg_restore into a fresh database, run a second service on the restored copy and check
# that every track record is identical. Needs PostgreSQL server and client binaries of one version
# (PG_BIN, default /usr/lib/postgresql/15/bin) and root (to run the server as postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${BACKUP_PG_PORT:-55433}
WORK=$(mktemp -d /tmp/hindcast-backup.XXXX)
chmod 755 "$WORK"
export PGPASSWORD=hindcast
APPS=()
cleanup() {
  for p in "${APPS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "backup/restore test FAILED: $*"; exit 1; }

start_app() { # database http-port log
  (cd "$WORK" && env -i PATH="$PATH" HOME="$WORK" QUARKUS_HTTP_PORT="$2" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PORT/$1" \
    QUARKUS_DATASOURCE_USERNAME=hindcast QUARKUS_DATASOURCE_PASSWORD=hindcast \
    HINDCAST_ADMIN_PASSWORD=backup-admin-password HINDCAST_CORPUS_DIR="$PWD/forecasts" \
    java -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar") > "$WORK/$3" 2>&1 &
  APPS+=($!)
  for i in $(seq 1 60); do curl -fsS "http://localhost:$2/q/health/ready" >/dev/null 2>&1 && return 0; sleep 1; done
  fail "the service on $1 did not become ready"
}

snapshot() { # http-port file: every author's and theme's track record and the leaderboards, as JSON
  local base="http://localhost:$1"
  : > "$2"
  for a in $(curl -fsS "$base/api/authors?size=200" | grep -o '"slug":"[^"]*"' | cut -d'"' -f4 | sort); do
    curl -fsS "$base/api/authors/$a/track-record" >> "$2"; echo >> "$2"
  done
  for t in $(curl -fsS "$base/api/themes" | grep -o '"slug":"[^"]*"' | cut -d'"' -f4 | sort); do
    curl -fsS "$base/api/themes/$t/track-record" >> "$2"; echo >> "$2"
    curl -fsS "$base/api/leaderboard?theme=$t&size=200" >> "$2"; echo >> "$2"
  done
  curl -fsS "$base/api/leaderboard?size=200" >> "$2"; echo >> "$2"
}

echo "1/6 build"
./mvnw -B -q package -DskipTests
echo "2/6 PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PORT"
mkdir -p "$WORK/pg" && chown postgres "$WORK/pg" && echo hindcast > "$WORK/pw" && chown postgres "$WORK/pw"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U hindcast --auth=md5 --pwfile="$WORK/pw" >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $PORT -k $WORK/pg -c listen_addresses=localhost" -l "$WORK/pg/server.log" -w start >/dev/null
"$PG_BIN/createdb" -h localhost -p "$PORT" -U hindcast hindcast

echo "3/6 the service on it, with the corpus and more verdicts"
start_app hindcast 18081 a.log
curl -fsS -u admin:backup-admin-password -X POST http://localhost:18081/api/admin/corpus/import >/dev/null
curl -fsS -u admin:backup-admin-password -H 'Content-Type: application/json' \
  -d '{"username":"rev","displayName":"Reviewer","password":"a-long-enough-secret","roles":["REVIEWER"]}' http://localhost:18081/api/users >/dev/null
for id in $(curl -fsS "http://localhost:18081/api/forecasts?status=PENDING&overdue=true&size=6" | grep -o '"id":[0-9]*' | cut -d: -f2 | sort -u | head -6); do
  v=$(curl -fsS "http://localhost:18081/api/forecasts/$id" | grep -o '"version":[0-9]*' | tail -1 | cut -d: -f2)
  curl -fsS -u rev:a-long-enough-secret -H 'Content-Type: application/json' -d "{\"forecastVersion\":$v,\"outcome\":\"$([ $((id % 2)) = 0 ] && echo TRUE || echo FALSE)\",\"resolvedOn\":\"2026-01-15\",\"rationale\":\"backup test\"}" \
    "http://localhost:18081/api/forecasts/$id/resolutions" >/dev/null
done
snapshot 18081 "$WORK/before.json"

echo "4/6 backup: pg_dump -Fc"
"$PG_BIN/pg_dump" -h localhost -p "$PORT" -U hindcast -Fc -f "$WORK/hindcast.dump" hindcast
echo "5/6 restore into a fresh database: pg_restore"
"$PG_BIN/createdb" -h localhost -p "$PORT" -U hindcast hindcast_restored
"$PG_BIN/pg_restore" -h localhost -p "$PORT" -U hindcast -d hindcast_restored --no-owner --exit-on-error "$WORK/hindcast.dump"
start_app hindcast_restored 18082 b.log
snapshot 18082 "$WORK/after.json"

echo "6/6 compare"
records=$(grep -c '"scope"' "$WORK/before.json")
[ "$records" -gt 10 ] || fail "too few track records to compare ($records)"
grep -q '"scored":[1-9]' "$WORK/before.json" || fail "no scored record"
diff -q "$WORK/before.json" "$WORK/after.json" >/dev/null || { diff "$WORK/before.json" "$WORK/after.json" | head -5; fail "the restored track records differ"; }
echo "backup/restore test passed: $records track records and $(grep -c '"entries"' "$WORK/before.json") leaderboards identical after pg_dump -Fc / pg_restore into a fresh database ($(du -h "$WORK/hindcast.dump" | cut -f1) dump)"
