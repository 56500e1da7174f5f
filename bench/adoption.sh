#!/usr/bin/env bash
# Adoption throughput: how many adoptions a second the app commits when many donors press "adopt"
# on free letters (each commit waits for its WAL to reach the disk with durable commits). Fills a
# database of its own with N letters (the bench build's generator, see run.sh; bench/data-adopt-N), then runs wrk
# with 49 signed-in donors pressing "adopt" on random letters of a pool of free ones; the committed
# adoptions are the 302 answers (a letter taken meanwhile answers 409).
#
#   bench/adoption.sh 100000 [duration] [jar]
#
# A jar built from another commit can be measured on a copy of the same data (see bench/RESULTS.md).
# Needs wrk and curl. Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."

LETTERS=${1:-100000}
DURATION=${2:-20s}
JAR=${3:-$(ls target/bench/mektub-*.jar 2>/dev/null | grep -v original | head -1 || true)}
DATA=${BENCH_DATA:-bench/data-adopt-$LETTERS}
PORT=${BENCH_PORT:-8091}
POOL=${BENCH_POOL:-1500}
BASE="http://localhost:$PORT"
WORK=bench/work-adopt-$LETTERS
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
[ -n "$JAR" ] || { ./mvnw -q -B -Pbench -Dmaven.test.skip=true package; JAR=$(ls target/bench/mektub-*.jar | grep -v original | head -1); }

echo "== starting $JAR on $LETTERS letters ($DATA)"
ASAN_DATA_DIR=$DATA ASAN_BENCH_LETTERS=$LETTERS SPRING_PROFILES_ACTIVE=bench SERVER_PORT=$PORT ASAN_JOBS_MAIL_DELAY=PT1H \
  java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 3600); do
  if curl -sf "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "the app stopped; see $WORK/app.log"; exit 1; fi
  sleep 1
done

session() {
  local jar="$WORK/jar-$1"
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=$1" --data-urlencode "password=$2" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/me" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  echo "$(grep ASANSESSION "$jar" | awk '{print $7}') $token"
}

: > "$WORK/sessions"
for i in $(seq 1 49); do session "bench-donor-$i@bench.az" bench12345 >> "$WORK/sessions"; done
: > "$WORK/letters"
page=1
while [ "$(wc -l < "$WORK/letters")" -lt "$POOL" ] && [ $page -lt 400 ]; do
  curl -s "$BASE/tree?view=list&page=$page" | grep -o 'href="/letters/[0-9A-Z]\{12\}"' | grep -o '[0-9A-Z]\{12\}' >> "$WORK/letters"
  page=$((page + 1))
done
sort -u -o "$WORK/letters" "$WORK/letters"
echo "== $(wc -l < "$WORK/letters") free letters, 49 donors, $DURATION"
OUT=$(cd "$WORK" && wrk -t2 -c32 -d"$DURATION" --latency -s ../adopt.lua "$BASE")
echo "$OUT" > "$WORK/adopt-$(basename "$JAR").txt"
SECONDS_RUN=$(echo "$DURATION" | tr -d 's')
COMMITTED=$(echo "$OUT" | awk '/^status 302/ {print $3}')
echo "$OUT" | grep -E "Requests/sec|50%|99%|^status"
echo "committed adoptions/s: $(awk -v n="${COMMITTED:-0}" -v s="$SECONDS_RUN" 'BEGIN { printf "%.1f", n / s }')"
grep -E "Database: embedded|fsync" "$WORK/app.log" | head -2 || true
