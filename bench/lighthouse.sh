#!/usr/bin/env bash
# Lighthouse (mobile preset, simulated throttling) on the public pages of a running app, and the
# compressed transfer size of /tree with the CSS, JS, fonts and images it links.
#
#   ./mvnw spring-boot:run &                  # or any running instance
#   bench/lighthouse.sh                       # against http://localhost:8080
#   BASE=http://localhost:8114 bench/lighthouse.sh
#
# Installs Lighthouse from the npm registry into bench/.lighthouse (git-ignored) on first use and runs
# it with Debian's Chromium (CHROME_PATH, default /usr/bin/chromium). Each page is measured RUNS times
# (default 3) and the run with the median performance score is shown, as timings on a busy machine
# vary from run to run. Prints a Markdown table for bench/RESULTS.md; the JSON reports stay in
# bench/lighthouse-out (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"

BASE=${BASE:-http://localhost:8080}
LIGHTHOUSE_VERSION=${LIGHTHOUSE_VERSION:-12}
RUNS=${RUNS:-3}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
OUT=lighthouse-out
rm -rf "$OUT"; mkdir -p "$OUT" .lighthouse

if [ ! -x .lighthouse/node_modules/.bin/lighthouse ]; then
  (cd .lighthouse && npm install --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null)
fi
LH=.lighthouse/node_modules/.bin/lighthouse

curl -sf "$BASE/actuator/health" >/dev/null || { echo "no app answers at $BASE"; exit 1; }
LETTER=$(curl -s "$BASE/tree" | grep -oE '/letters/[0-9A-Z]{12}' | head -1)
PAGES=("/" "/tree" "/tree?view=list" "$LETTER" "/impact" "/about" "/login" "/register")
# LIGHTHOUSE_PAGES="/ /tree": only these (bench/ci.sh)
[ -n "${LIGHTHOUSE_PAGES:-}" ] && read -r -a PAGES <<< "$LIGHTHOUSE_PAGES"

echo "Lighthouse $($LH --version), mobile preset (simulated throttling), $(date -u +%F), $BASE"
echo
echo "| page | performance (each run) | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | weight |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for page in "${PAGES[@]}"; do
  name=$(echo "$page" | tr '/?=' '___')
  for run in $(seq 1 "$RUNS"); do
    profile=$(mktemp -d)
    # Chromium puts its singleton socket folder in TMPDIR: in the profile, so it goes with it
    TMPDIR=$profile $LH "$BASE$page" --quiet --output=json --output-path="$OUT/$name-$run.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=$profile" \
      >/dev/null 2>&1 || true
    rm -rf "$profile"
  done
  # the run with the median performance score
  median=$(for run in $(seq 1 "$RUNS"); do
      node -e 'try { const r = require(process.argv[1]); console.log(r.categories.performance.score, process.argv[1]) } catch (e) {}' "$PWD/$OUT/$name-$run.json"
    done | sort -n | awk '{ lines[NR] = $2 } END { print lines[int((NR + 1) / 2)] }')
  scores=$(for run in $(seq 1 "$RUNS"); do
      node -e 'try { console.log(Math.round(require(process.argv[1]).categories.performance.score * 100)) } catch (e) {}' "$PWD/$OUT/$name-$run.json"
    done | paste -sd/ -)
  cp "$median" "$OUT/$name.json" 2>/dev/null || true
  node -e '
    const r = require(process.argv[1]);
    const c = r.categories, a = r.audits;
    const s = k => c[k] && c[k].score !== null ? Math.round(c[k].score * 100) : "–";
    const d = k => a[k] ? a[k].displayValue.replace(/\u00a0/g, " ") : "–";
    const kb = a["total-byte-weight"] ? Math.round(a["total-byte-weight"].numericValue / 1024) + " KiB" : "–";
    console.log(`| \`${process.argv[2]}\` | ${s("performance")} (${process.argv[3]}) | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} | ${d("first-contentful-paint")} | ${d("largest-contentful-paint")} | ${d("total-blocking-time")} | ${d("cumulative-layout-shift")} | ${kb} |`);
    const failed = Object.values(a).filter(x => x.score !== null && x.score < 1 && ["binary", "numeric"].includes(x.scoreDisplayMode) && !x.id.match(/^(first|largest|total-blocking|cumulative|speed-index|interactive|max-potential)/));
    if (failed.length) console.error(`  ${process.argv[2]}: ` + failed.map(x => x.id).join(", "));
  ' "$PWD/$OUT/$name.json" "$page" "$scores" 2>>"$OUT/failed-audits.txt" || echo "| \`$page\` | no report | | | | | | | | |"
done
echo
echo "Audits below full marks (other than the timings): see $OUT/failed-audits.txt"
echo
echo "Transfer size of /tree with what it links (gzip as the app sends it; raw without compression):"
echo
echo "| file | transferred | raw |"
echo "| --- | ---: | ---: |"
total=0; raw=0
html=$(curl -s "$BASE/tree")
row() {
  local t r
  t=$(curl -s -H 'Accept-Encoding: gzip, deflate, br' -o /dev/null -w '%{size_download}' "$BASE$1")
  r=$(curl -s -o /dev/null -w '%{size_download}' "$BASE$1")
  echo "| \`$1\` | $t | $r |"
  total=$((total + t)); raw=$((raw + r))
}
row /tree
for url in $(echo "$html" | grep -oE '(href|src)="/(css|js|webjars|images)[^"]*"' | sed -E 's/^(href|src)="//; s/"$//' | sort -u); do
  row "$url"
done
echo "| **total** | **$total** | **$raw** |"
