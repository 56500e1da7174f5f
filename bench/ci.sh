#!/usr/bin/env bash
# Every benchmark under bench/ for a few seconds at small scale, as CI runs it after the tests: a benchmark
# that no longer runs, or that counts what did not happen, fails the build. The figures of such a run
# mean nothing (a cold JVM, seconds of load); bench/RESULTS.md holds measured ones.
#
#   bench/ci.sh        # needs wrk, curl, pgbench, Chromium and npm (lighthouse.sh installs Lighthouse)
set -euo pipefail
cd "$(dirname "$0")/.."
LETTERS=${BENCH_CI_LETTERS:-20000}
OUT=target/bench-ci
mkdir -p "$OUT"
./mvnw -q -B -ntp -Pbench -Dmaven.test.skip=true package
JAR=$(ls target/bench/mektub-*.jar | grep -v original | head -1)

echo "== bench/run.sh at $LETTERS letters, a few seconds a page"
BENCH_JAR=$JAR BENCH_MIN_WARM=0 BENCH_REWARM=1s BENCH_CONTENTION=3s BENCH_CONNECTIONS=8 \
  bench/run.sh "$LETTERS" 2s 1s | tee "$OUT/run.txt"

echo "== bench/adoption.sh at $LETTERS letters"
BENCH_POOL=2000 BENCH_CONNECTIONS=8 bench/adoption.sh "$LETTERS" 3s "$JAR" | tee "$OUT/adoption.txt"

echo "== bench/lighthouse.sh, one run a page, on the same data"
PORT=8092
ASAN_DATA_DIR=bench/data-$LETTERS SPRING_PROFILES_ACTIVE=bench SERVER_PORT=$PORT java -Xmx1g -jar "$JAR" > "$OUT/lighthouse-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
BASE=http://localhost:$PORT WORK=$OUT
# shellcheck source=bench/common.sh
. bench/common.sh
wait_for_app
BASE=http://localhost:$PORT RUNS=1 LIGHTHOUSE_PAGES="/ /tree /impact" bench/lighthouse.sh | tee "$OUT/lighthouse.txt"
if grep -q "no report" "$OUT/lighthouse.txt"; then echo "FAILED: Lighthouse made no report for a page"; exit 1; fi
echo "bench/ci.sh: every benchmark ran"
