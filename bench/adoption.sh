#!/usr/bin/env bash
# Adoption throughput against the database's own limit, in one run on one database.
#
# Fills a database of its own with N letters (the bench build's generator, see run.sh; bench/data-adopt-N),
# signs 49 donors in, and has wrk press "adopt" on distinct free letters of the open campaign (each wrk
# thread its own share of donors and letters, bench/adopt.lua). What counts is what the database
# committed: the adoptions recorded in the letters' history during the run, read before and after with
# SQL, not the answers wrk saw. Then pgbench runs the same work as one durable transaction per adoption
# (update one letter's status, donor and version; insert one history row) on the same database with the
# same number of clients, and the script prints the ratio of the two: how close the app comes to the
# limit of its database. pgbench's changes are undone afterwards (its history rows carry no person and
# are deleted; the letters keep their status).
#
#   bench/adoption.sh 100000 [duration] [jar]
#
# Needs wrk, curl and pgbench (Debian: postgresql). Not part of ./mvnw verify; bench/ci.sh runs it small.
set -euo pipefail
cd "$(dirname "$0")/.."

LETTERS=${1:-100000}
DURATION=${2:-20s}
JAR=${3:-$(ls target/bench/mektub-*.jar 2>/dev/null | grep -v original | head -1 || true)}
DATA=${BENCH_DATA:-bench/data-adopt-$LETTERS}
PORT=${BENCH_PORT:-8091}
POOL=${BENCH_POOL:-20000}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
DONORS=49
BASE="http://localhost:$PORT"
WORK=bench/work-adopt-$LETTERS
mkdir -p "$WORK"
# shellcheck source=bench/common.sh
. bench/common.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)
[ -n "$PGBENCH" ] && "$PGBENCH" --version >/dev/null 2>&1 || { echo "pgbench is missing: apt-get install postgresql"; exit 1; }
[ -n "$JAR" ] || { ./mvnw -q -B -ntp -Pbench -Dmaven.test.skip=true package; JAR=$(ls target/bench/mektub-*.jar | grep -v original | head -1); }

echo "== starting $JAR on $LETTERS letters ($DATA)"
ASAN_DATA_DIR=$DATA ASAN_BENCH_LETTERS=$LETTERS SPRING_PROFILES_ACTIVE=bench SERVER_PORT=$PORT ASAN_JOBS_MAIL_DELAY=PT1H \
  java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
wait_for_app

: > "$WORK/sessions"
for i in $(seq 1 $DONORS); do session "bench-donor-$i@bench.az" bench12345 "$i" >> "$WORK/sessions"; done
SIGNED_IN=$(while IFS=$'\t' read -r cookie token; do curl -s -o /dev/null -w '%{http_code}\n' -H "Cookie: $cookie" "$BASE/me"; done < "$WORK/sessions" | grep -c 200 || true)
[ "$SIGNED_IN" -eq $DONORS ] || { echo "only $SIGNED_IN of $DONORS donors signed in"; exit 1; }
# Free letters of the open campaign, in an order that spreads them over the table.
sql "SELECT l.code FROM letter l JOIN campaign c ON c.id = l.campaign_id WHERE c.status = 'OPEN' AND l.status = 'PUBLISHED' ORDER BY md5(l.code) LIMIT $POOL" > "$WORK/letters"
FREE=$(wc -l < "$WORK/letters")
[ "$FREE" -gt 0 ] || { echo "no free letters in the open campaign"; exit 1; }

# Adoptions the database committed, by the time of their history row (the database's clock): those of
# the measured window give the rate; those after it are presses still in flight when wrk stopped.
adopted_since() { sql "SELECT count(*) FROM letter_status_change WHERE to_status = 'ADOPTED' AND changed_at >= '$1'" | tr -d '\n'; }
adopted_between() { sql "SELECT count(*) FROM letter_status_change WHERE to_status = 'ADOPTED' AND changed_at >= '$1' AND changed_at < '$2'" | tr -d '\n'; }
# The machine's clock, which the database on it shares (reading it through SQL would take a JVM's start).
now() { date -u +%Y-%m-%dT%H:%M:%S.%6NZ; }
echo "== $FREE free letters, $DONORS donors, $CONNECTIONS connections, $DURATION"
STARTED=$(now)
OUT=$(cd "$WORK" && BENCH_THREADS=2 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s ../adopt.lua "$BASE")
ENDED=$(now)
sleep 2
echo "$OUT" > "$WORK/adopt-$(basename "$JAR").txt"
COMMITTED=$(adopted_between "$STARTED" "$ENDED")
ALL=$(adopted_since "$STARTED")
WINDOW=$(sql "SELECT extract(epoch FROM timestamptz '$ENDED' - timestamptz '$STARTED')" | tr -d '\n')
APP_RATE=$(awk -v n="$COMMITTED" -v s="$WINDOW" 'BEGIN { printf "%.1f", n / s }')
echo "$OUT" | grep -E "Requests/sec|50%|99%|^status|restarted"
echo "committed adoptions, read in the database: $COMMITTED in the ${WINDOW%.*} s measured ($APP_RATE/s), $ALL with the presses in flight at the end"
# Every committed adoption answers 302 and every 302 should be one: a 302 that committed nothing
# ("already yours") or a press counted twice shows here as a ratio other than 1.
REDIRECTS=$(echo "$OUT" | awk '/^status 302/ {print $3}')
echo "302 answers wrk received: ${REDIRECTS:-0}; adoptions committed for them and those in flight: $ALL"

# The database's limit for the same work: one transaction per adoption, as many clients.
cat > "$WORK/pgbench.sql" <<'SQL'
\set id random(:lo, :hi)
BEGIN;
UPDATE letter SET status = status, donor_id = donor_id, version = version + 1 WHERE id = :id;
INSERT INTO letter_status_change (letter_id, from_status, to_status, changed_at, reason) VALUES (:id, 'PUBLISHED', 'PUBLISHED', now(), 'pgbench');
END;
SQL
RANGE=$(sql "SELECT min(id) || ' ' || max(id) FROM letter" | tr -d '\n')
PG_SECONDS=$(echo "$DURATION" | tr -d 's')
PGOUT=$(PGPASSWORD=postgres "$PGBENCH" -h localhost -p "$(pg_port)" -U postgres -n -c "$CONNECTIONS" -j 2 -T "$PG_SECONDS" \
  -D lo="${RANGE% *}" -D hi="${RANGE#* }" -f "$WORK/pgbench.sql" postgres 2>&1)
echo "$PGOUT" > "$WORK/pgbench.txt"
sql "DELETE FROM letter_status_change WHERE reason = 'pgbench' AND from_status = 'PUBLISHED' AND to_status = 'PUBLISHED'" >/dev/null
LIMIT_RATE=$(echo "$PGOUT" | awk -F'= ' '/^tps/ {split($2, a, " "); printf "%.1f", a[1]}')
echo "pgbench, same database and transaction shape, $CONNECTIONS clients: ${LIMIT_RATE:-?} tx/s"
echo "$PGOUT" | grep -E "latency average|number of failed" || true
echo "app / database limit: $(awk -v a="$APP_RATE" -v b="${LIMIT_RATE:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
grep -E "Database: embedded|fsync" "$WORK/app.log" | head -2 || true
# A benchmark is a test: it fails when it measured nothing or counted what did not happen.
[ "$COMMITTED" -gt 0 ] || { echo "FAILED: no adoption committed in the measured window"; exit 1; }
[ "${REDIRECTS:-0}" -le "$ALL" ] || { echo "FAILED: wrk saw more 302 answers (${REDIRECTS:-0}) than adoptions were committed ($ALL)"; exit 1; }
[ -n "${LIMIT_RATE:-}" ] || { echo "FAILED: pgbench measured nothing"; exit 1; }
