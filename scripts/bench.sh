#!/usr/bin/env bash
# Measures Switchboard against peers on the same inputs, in one run, and prints a table of
# medians and ratios (issue 7's targets). Usage:
#
#     scripts/bench.sh [--runs N] [--trunks N] [--rules N] [--scenarios N] [--memory-scenarios N] [--work DIR] [--shapes-only]
#
# * load + validate the generated lk rule list   vs  jq empty on the same file
# * lossless export of it                         vs  jq -c . writing the same file
# * switchboard test, dynamic-rule scenarios       vs  wrk against the built-in mock server
# * the webhook transport alone (bench-transport)   vs  wrk, the same server: test's ceiling
# * peak memory of load + validate (/usr/bin/time -v)
# * peak memory of switchboard test --jobs 64 over --memory-scenarios (default 100,000) scenarios
# * load + validate and its peak memory on every data shape (--shapes): our generator's sparse and
#   dense profiles, and scripts/lk-shapes.py's independent protojson, one-line and snake_case files
#
# Installs missing peers (jq, wrk, time) from Debian's packages. Builds a release
# binary in .build-release (or uses $SWITCHBOARD_BIN). Each measurement is repeated --runs times (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5 trunks=10000 rules=100000 scenarios=10000 memory_scenarios=100000 work="" only_shapes=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --trunks) trunks=$2; shift 2 ;;
    --rules) rules=$2; shift 2 ;;
    --scenarios) scenarios=$2; shift 2 ;;
    --memory-scenarios) memory_scenarios=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --shapes-only) only_shapes=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

missing=()
command -v jq >/dev/null || missing+=(jq)
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -n "${SWITCHBOARD_BIN:-}" ]; then
  sb=$SWITCHBOARD_BIN  # a release binary built elsewhere, e.g. .build/release/switchboard
else
  echo "building release binary (.build-release)…" >&2
  swift build -c release --scratch-path .build-release --product switchboard >&2
  sb="$PWD/.build-release/release/switchboard"
fi

work=${work:-$(mktemp -d /tmp/switchboard-bench.XXXXXX)}
mkdir -p "$work"
big="$work/config"
dyn="$work/dynamic"
if [ ! -f "$big/lk/dispatch-rules.json" ]; then
  "$sb" generate --trunks "$trunks" --rules "$rules" --scenarios "$scenarios" "$big" >/dev/null
fi
if [ ! -f "$dyn/scenarios.json" ]; then
  "$sb" generate --trunks "$trunks" --rules "$rules" --scenarios "$scenarios" --dynamic-scenarios "$dyn" >/dev/null
fi
lkfile="$big/lk/dispatch-rules.json"
size=$(stat -c %s "$lkfile")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
peak_rss_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'; }

# Every shape LiveKit prints, not only our generator's: a reader tuned on one shape can be slow
# or memory-hungry on another. Each shape's rule list is timed against jq on the same file.
shapes_table() {
  local dense="$work/config-dense" lks="$work/lk-shapes" shape file
  [ -f "$dense/lk/dispatch-rules.json" ] ||
    "$sb" generate --trunks "$trunks" --rules "$rules" --scenarios 0 --profile dense "$dense" >/dev/null
  [ -f "$lks/snake/dispatch-rules.json" ] ||
    python3 scripts/lk-shapes.py "$lks" --rules "$rules" --trunks "$trunks" >/dev/null
  echo "timing load + validate on each data shape ($runs runs each, interleaved with jq's)…" >&2
  echo
  echo "| data shape (rule list) | size | validate | jq empty | ratio | peak memory | × file |"
  echo "|---|---|---|---|---|---|---|"
  for shape in generated:"$lkfile" generated-dense:"$dense/lk/dispatch-rules.json" \
    protojson:"$lks/protojson/dispatch-rules.json" one-line:"$lks/compact/dispatch-rules.json" \
    snake_case:"$lks/snake/dispatch-rules.json"; do
    file=${shape#*:}
    rm -f "$work"/times-shape-*
    for run in $(seq 0 "$runs"); do
      timed shape-jq jq empty "$file"
      timed shape-sb "$sb" validate "$file"
    done
    local t_sb t_jq kb bytes
    t_sb=$(median <"$work/times-shape-sb")
    t_jq=$(median <"$work/times-shape-jq")
    kb=$(for _ in $(seq "$runs"); do peak_rss_kb "$sb" validate "$file"; done | median)
    bytes=$(stat -c %s "$file")
    echo "| ${shape%%:*} | $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1000000 }') | $(ms "$t_sb") | $(ms "$t_jq") | $(ratio "$t_sb" "$t_jq")× | $(mb "$kb") | $(ratio "$kb" "$((bytes / 1024))")× |"
  done
}

echo "timing load + validate and export ($runs runs each, interleaved with jq's)…" >&2
# Each run times jq and then Switchboard on the same file, so a change in the machine's load
# during the run falls on both sides of a ratio (timing all of one command and then all of
# the other let it land on one side only: on a shared two-core machine that was most of the
# difference between two runs of the script). Run 0 is a warm-up.
timed() {
  local name=$1 start end
  shift
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  if [ "$run" -gt 0 ]; then awk -v n=$((end - start)) 'BEGIN { printf "%.6f\n", n / 1e9 }' >>"$work/times-$name"; fi
}
if [ "$only_shapes" = 1 ]; then
  shapes_table
  exit 0
fi
jq_compact() { jq -c . "$lkfile" >"$work/jq-out.json"; }
rm -f "$work"/times-*
for run in $(seq 0 "$runs"); do
  timed jq-empty jq empty "$lkfile"
  timed validate "$sb" validate "$lkfile"
  timed jq-c jq_compact
  timed export "$sb" export "$lkfile" -o "$work/export-out.json"
done
t_jq_empty=$(median <"$work/times-jq-empty")
t_validate=$(median <"$work/times-validate")
t_jq_c=$(median <"$work/times-jq-c")
t_export=$(median <"$work/times-export")

peak_kb=$(for _ in $(seq "$runs"); do
  /usr/bin/time -v "$sb" validate "$lkfile" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}'
done | median)
peak_jq_kb=$(/usr/bin/time -v jq empty "$lkfile" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}')

# The terminal UI from exec to its first frame on a 10,000-rule lk list, in a pseudo-terminal
# (script), 120x40. --startup-report (hidden) ends the app after that frame and prints the
# phases; the figure is the kernel's process start to the frame (±10 ms resolution).
echo "timing the terminal UI's first frame ($runs runs)…" >&2
small="$work/config-10k"
if [ ! -f "$small/lk/dispatch-rules.json" ]; then
  "$sb" generate --trunks 1000 --rules 10000 --scenarios 10 "$small" >/dev/null
fi
first_frame_ms=$(for _ in $(seq "$runs"); do
  XDG_STATE_HOME="$work/state" COLUMNS=120 LINES=40 script -qec "$sb --startup-report $small/lk/dispatch-rules.json" /dev/null </dev/null \
    | tr -d '\r' | sed -n 's/.* \([0-9.]*\) ms after exec.*/\1/p'
done | median)

echo "timing switchboard test and wrk ($runs runs each)…" >&2
count=$(jq '.scenarios | length' "$dyn/scenarios.json")
test_rps=$(for _ in $(seq "$runs"); do
  "$sb" test "$dyn/scenarios.json" "$dyn/project.json" --stats 2>&1 >/dev/null | awk '/^stats:/ {print $4}'
done | median)
test_failed=$("$sb" test "$dyn/scenarios.json" "$dyn/project.json" | tail -1)

# Memory of a long run: results are streamed, so peak RSS should not grow with the count.
many="$work/dynamic-$memory_scenarios"
if [ ! -f "$many/scenarios.json" ]; then
  "$sb" generate --trunks "$trunks" --rules "$rules" --scenarios "$memory_scenarios" --dynamic-scenarios "$many" >/dev/null
fi
many_count=$(jq '.scenarios | length' "$many/scenarios.json")
/usr/bin/time -v "$sb" test "$many/scenarios.json" "$many/project.json" --jobs 64 --stats >"$work/many.out" 2>"$work/many.err" || true
many_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/many.err")
many_rate=$(awk '/^stats:/ {print $4}' "$work/many.err")
many_failed=$(tail -1 "$work/many.out")

port=18089
"$sb" mock-webhook "$dyn/mock-webhook.json" --port "$port" --quiet >/dev/null 2>&1 &
mock=$!
trap 'kill $mock 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
  sleep 0.1
done
cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"project_id":"","trunk_id":"ST_akyTTmtXJoRc","call_id":"SCL_8aZ3kQ9xY2mN","from_user":"+12005550100","from_host":"sip.example.com","to_user":"+12015550100","to_host":"sip.livekit.cloud"}'
LUA
wrk_rps=$(for _ in $(seq "$runs"); do
  wrk -t2 -c"$(nproc)" -d3s -s "$work/post.lua" "http://127.0.0.1:$port/dispatch" | awk '/Requests\/sec/ {print $2}'
done | median)
wrk_errors=$(wrk -t2 -c"$(nproc)" -d3s -s "$work/post.lua" "http://127.0.0.1:$port/dispatch" | grep -E "Non-2xx|Socket errors" || true)
# The HTTP client alone (AsyncHTTPClient through our transport, no simulation), same server and
# payload as wrk, as many requests in flight as `test` runs scenarios: the ceiling for `test`.
transport_rps=$(for _ in $(seq "$runs"); do
  "$sb" bench-transport "http://127.0.0.1:$port/dispatch" --requests 20000 --jobs $((16 * $(nproc))) | awk '{print $4}'
done | median)
kill $mock 2>/dev/null || true

filemb=$(awk -v b="$size" 'BEGIN { printf "%.1f MB", b / 1000000 }')

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(swift --version 2>/dev/null | head -1)"
echo "Input: $rules rules, $trunks trunks; lk rule list $filemb; $count dynamic-rule scenarios; $runs runs, medians"
echo
echo "| workload | switchboard | peer | ratio | target |"
echo "|---|---|---|---|---|"
echo "| load + validate the lk list | $(ms "$t_validate") | jq empty: $(ms "$t_jq_empty") | $(ratio "$t_validate" "$t_jq_empty")× of jq | ≤ 0.5× |"
echo "| peak memory, load + validate | $(mb "$peak_kb") | jq empty: $(mb "$peak_jq_kb") | $(ratio "$peak_kb" "$((size / 1024))")× file size | ≤ 3× file |"
echo "| lossless export | $(ms "$t_export") | jq -c .: $(ms "$t_jq_c") | $(ratio "$t_export" "$t_jq_c")× of jq | ≤ 0.5× |"
echo "| webhook transport alone (bench-transport: AsyncHTTPClient, no simulation), requests/s | $(printf '%.0f' "$transport_rps")/s | wrk: $(printf '%.0f' "$wrk_rps")/s ${wrk_errors:+($wrk_errors)} | $(ratio "$transport_rps" "$wrk_rps")× of wrk | (for reference) |"
echo "| switchboard test, scenarios/s, and its overhead over the transport alone | $(printf '%.0f' "$test_rps")/s ($test_failed) | transport: $(printf '%.0f' "$transport_rps")/s | $(awk -v a="$test_rps" -v b="$transport_rps" 'BEGIN { printf "%.0f %%", (1 - a / b) * 100 }') overhead | ≤ 15 % |"
echo "| terminal UI start to first frame, 10,000-rule lk list | ${first_frame_ms} ms | | | ≤ 200 ms |"
echo "| peak memory, switchboard test --jobs 64, $many_count scenarios | $(mb "$many_kb") ($(printf '%.0f' "${many_rate:-0}")/s; $many_failed) | | | bounded |"
shapes_table
echo
echo "Micro benchmarks (routing per call, payloads, TUI keystroke): swift package --package-path Benchmarks --scratch-path Benchmarks/.build benchmark"
