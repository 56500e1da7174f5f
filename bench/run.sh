#!/usr/bin/env bash
# The benchmark: fills a database with N letters (through the app's own SQL bulk path), starts the app
# on it and measures the busiest pages with wrk, each also as a ratio to the app's cheapest page.
#
#   bench/run.sh 100000          # 100 000 letters, 20 s a scenario
#   bench/run.sh 1000000 30s     # 1 000 000 letters, 30 s a scenario
#
# Needs wrk (Debian: apt-get install wrk) and curl. Not part of ./mvnw verify. The database stays in
# bench/data-N (git-ignored), so a second run at the same size skips the filling.
set -euo pipefail
cd "$(dirname "$0")/.."

LETTERS=${1:-100000}
DURATION=${2:-20s}
PORT=${BENCH_PORT:-8090}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
BASE="http://localhost:$PORT"
WORK=bench/work-$LETTERS
mkdir -p "$WORK"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
JAR=$(ls target/mektub-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then ./mvnw -q -B -DskipTests package; JAR=$(ls target/mektub-*.jar | grep -v original | head -1); fi

echo "== starting the app on $LETTERS letters (bench/data-$LETTERS)"
ASAN_DATA_DIR=bench/data-$LETTERS ASAN_BENCH_LETTERS=$LETTERS SERVER_PORT=$PORT \
  java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 3600); do
  if curl -sf "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "the app stopped; see $WORK/app.log"; exit 1; fi
  sleep 1
done
grep -E "Benchmark data|Loaded demo" "$WORK/app.log" || true

# A signed-in session: log in through the form and keep the cookie; print "cookie token".
session() {
  local jar="$WORK/jar-$1"
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=$1" --data-urlencode "password=$2" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  local page
  page=$(curl -s -c "$jar" -b "$jar" "$BASE/me")
  token=$(echo "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
  echo "$(grep ASANSESSION "$jar" | awk '{print $7}') $token"
}

STAFF=$(session staff@demo.az demo12345 | cut -d' ' -f1)
DONOR=$(session bench-donor-50@bench.az bench12345 | cut -d' ' -f1)
TREE=$(curl -s "$BASE/tree?view=list")
CODE=$(echo "$TREE" | grep -o 'href="/letters/[0-9A-Z]\{12\}"' | head -1 | grep -o '[0-9A-Z]\{12\}')
REGION=$(curl -s "$BASE/tree" | grep -A400 'id="f-region"' | grep -o 'value="[0-9]*">Gəncə<' | head -1 | grep -o '[0-9]\+')

declare -a ROWS
FLOOR_RPS=""
measure() { # name url [cookie] [connections]
  local name=$1 url=$2 cookie=${3:-} conns=${4:-$CONNECTIONS}
  local args=(-t2 -c"$conns" -d"$DURATION" --latency)
  [ -n "$cookie" ] && args+=(-H "Cookie: ASANSESSION=$cookie")
  curl -s -o /dev/null ${cookie:+-H "Cookie: ASANSESSION=$cookie"} "$BASE$url"   # warm up
  local out
  out=$(wrk "${args[@]}" "$BASE$url")
  echo "$out" > "$WORK/$name.txt"
  local rps p50 p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  [ -z "$FLOOR_RPS" ] && FLOOR_RPS=$rps
  local ratio
  ratio=$(awk -v a="$rps" -v b="$FLOOR_RPS" 'BEGIN { printf "%.2f", a / b }')
  ROWS+=("| $name | \`$url\` | $conns | $rps | $p50 | $p99 | $ratio | ${non2xx:-0} |")
  echo "  $name: $rps req/s, p50 $p50, p99 $p99 (x$ratio of the floor)"
}

echo "== measuring, $DURATION a scenario"
measure floor "/about"
measure tree "/tree"
measure tree-signed-in "/tree" "$DONOR"
measure tree-filtered "/tree?region=$REGION&ageMin=6&ageMax=10&category=TOY"
measure tree-search "/tree?q=velosiped&view=list"
measure tree-shaken "/tree?shake=123456789"
measure letter "/letters/$CODE"
measure impact "/impact"
measure regional-report "/reports/regions" "$STAFF" 4

# Single requests of the regional report, as a person would wait for them.
REPORT_TIMES=$(for i in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: ASANSESSION=$STAFF" "$BASE/reports/regions?sort=fulfilled&dir=desc"; done | sort -n | tr '\n' ' ')

# Adoption under contention: 49 donors, 5 letters, every request an adoption attempt.
echo "== adoption under contention"
: > "$WORK/sessions"
for i in $(seq 1 49); do session "bench-donor-$i@bench.az" bench12345 >> "$WORK/sessions"; done
curl -s "$BASE/tree?view=list&page=3" | grep -o 'href="/letters/[0-9A-Z]\{12\}"' | grep -o '[0-9A-Z]\{12\}' | sort -u | head -5 > "$WORK/letters"
ADOPT=$(cd "$WORK" && wrk -t2 -c"$CONNECTIONS" -d10s --latency -s ../adopt.lua "$BASE")
echo "$ADOPT" > "$WORK/adopt.txt"
A_RPS=$(echo "$ADOPT" | awk '/Requests\/sec/ {print $2}')
A_P50=$(echo "$ADOPT" | awk '$1 == "50%" {print $2}')
A_P99=$(echo "$ADOPT" | awk '$1 == "99%" {print $2}')
A_STATUS=$(echo "$ADOPT" | grep '^status' | tr '\n' ' ')
WON=$(for c in $(cat "$WORK/letters"); do curl -s -o /dev/null -w '%{http_code}\n' "$BASE/letters/$c"; done | grep -c 404 || true)
ROWS+=("| adoption-contention | \`POST /letters/{code}/adopt\` (49 donors, 5 letters) | $CONNECTIONS | $A_RPS | $A_P50 | $A_P99 | $(awk -v a="$A_RPS" -v b="$FLOOR_RPS" 'BEGIN { printf "%.2f", a / b }') | $A_STATUS |")

echo
echo "### $(date -u +%Y-%m-%d) — $LETTERS letters"
echo
echo "Command: \`bench/run.sh $LETTERS $DURATION\` on $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1)."
echo "Letters in the database: $(grep -o 'Benchmark data[^"]*' "$WORK/app.log" | tail -1)."
echo
echo "| scenario | URL | connections | req/s | p50 | p99 | × floor | non-2xx |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${ROWS[@]}"
echo
echo "Regional report, five single requests (s): $REPORT_TIMES"
echo "Adoption: the 5 letters now adopted (their public page answers 404): $WON of 5; statuses: $A_STATUS"
