#!/usr/bin/env bash
# What the image does, checked on a machine without Docker: build with the wrapper (the build stage), start
# a PostgreSQL server (the compose database), run the jar as a non-root user configured only by the compose
# file's environment variables, and probe it with the image's HEALTHCHECK command. Exits non-zero on failure.
# Needs PostgreSQL server binaries (PG_BIN, default /usr/lib/postgresql/15/bin) and root (to drop privileges).
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${SMOKE_PG_PORT:-55432}
HTTP=${SMOKE_HTTP_PORT:-18080}
WORK=$(mktemp -d /tmp/hindcast-smoke.XXXX)
chmod 755 "$WORK"
cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "smoke test FAILED: $*"; tail -20 "$WORK/app.log" 2>/dev/null; exit 1; }

echo "1/5 build (as the image's build stage)"
./mvnw -B -q package -DskipTests

echo "2/5 PostgreSQL on port $PORT (as the compose database)"
mkdir -p "$WORK/pg" && chown postgres "$WORK/pg" && echo hindcast > "$WORK/pw" && chown postgres "$WORK/pw"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U hindcast --auth=md5 --pwfile="$WORK/pw" >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $PORT -k $WORK/pg -c listen_addresses=localhost" -l "$WORK/pg/server.log" -w start >/dev/null
PGPASSWORD=hindcast "$PG_BIN/createdb" -h localhost -p "$PORT" -U hindcast hindcast

echo "3/5 the service as a non-root user, configured by environment variables"
cp -r target/quarkus-app "$WORK/app" && cp -r forecasts "$WORK/app/forecasts" && chown -R nobody "$WORK/app"
(cd "$WORK/app" && exec runuser -u nobody -- env -i PATH="$PATH" HOME="$WORK/app" \
  QUARKUS_HTTP_PORT="$HTTP" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PORT/hindcast" \
  QUARKUS_DATASOURCE_USERNAME=hindcast QUARKUS_DATASOURCE_PASSWORD=hindcast \
  HINDCAST_ADMIN_PASSWORD=smoke-admin-password HINDCAST_CORPUS_LOAD_ON_FIRST_START=true \
  java -XX:MaxRAMPercentage=75 -jar quarkus-run.jar) > "$WORK/app.log" 2>&1 &
APP=$!

echo "4/5 the image's health check: curl -fsS http://localhost:$HTTP/q/health/ready"
for i in $(seq 1 60); do
  curl -fsS "http://localhost:$HTTP/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP" 2>/dev/null || fail "the service exited"
  sleep 1
done
curl -fsS "http://localhost:$HTTP/q/health/ready" >/dev/null || fail "not ready after 60 s"
pgrep -u nobody -f "java .*quarkus-run.jar" >/dev/null || fail "not running as the non-root user"

echo "5/5 what a user sees"
total=$(curl -fsS "http://localhost:$HTTP/api/forecasts?size=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
[ "$total" = "72" ] || fail "expected the 72 corpus forecasts, found $total"
grep -q "Embedded PostgreSQL" "$WORK/app.log" && fail "the embedded database started although a URL was configured"
curl -fsS -u admin:smoke-admin-password "http://localhost:$HTTP/api/users" | grep -q '"admin"' || fail "the first admin cannot sign in"
curl -fsS "http://localhost:$HTTP/authors/lee-dong-gyu" | grep -q "Brier 0.155" || fail "the author page is wrong"
echo "smoke test passed: ready, non-root, configured PostgreSQL, corpus of $total forecasts loaded, admin signs in, pages render"
