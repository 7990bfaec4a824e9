#!/usr/bin/env bash
# Times `switchboard pull` and `switchboard diff` against the LiveKit stand-in
# (Tests/LiveKitStandIn/standin.py) holding a large rule list, and prints the medians. A
# benchmark, not a test: the figures depend on the machine. Usage:
#
#     scripts/bench-server.sh [--rules N] [--trunks N] [--runs N]
#
# Defaults: 5,000 rules, 50 trunks, 5 runs. Pull pages through the lists (1,000 items a
# call), so this measures the whole round trip: HTTP, the stand-in's protobuf JSON, our
# parse, the atomic writes. Diff re-reads the files and the server and compares every item.
# Builds a release binary in .build-release (or uses $SWITCHBOARD_BIN); installs the venv with
# scripts/ci-deps-livekit.sh when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

rules=5000 trunks=50 runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --rules) rules=$2; shift 2 ;;
    --trunks) trunks=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

scripts/ci-deps-livekit.sh
if [ ! -x /usr/bin/time ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
python=${SWITCHBOARD_LIVEKIT_PYTHON:-$PWD/.venv-livekit/bin/python}
if [ -n "${SWITCHBOARD_BIN:-}" ]; then
  sb=$SWITCHBOARD_BIN
else
  echo "building release binary (.build-release)…" >&2
  swift build -c release --scratch-path .build-release --product switchboard >&2
  sb="$PWD/.build-release/release/switchboard"
fi

work=$(mktemp -d /tmp/switchboard-bench-server.XXXXXX)
# A coprocess: its stdin is this script's pipe, so --exit-with-stdin ends it even if this
# script is killed; the trap ends it on any other exit.
coproc STANDIN { exec "$python" Tests/LiveKitStandIn/standin.py --seed-rules "$rules" --seed-trunks "$trunks" --exit-with-stdin; }
trap 'kill "$STANDIN_PID" 2>/dev/null; rm -rf "$work"' EXIT
read -r -t 60 word port <&"${STANDIN[0]}"
[ "$word" = PORT ] || { echo "the stand-in did not start" >&2; exit 1; }

export LIVEKIT_URL="http://127.0.0.1:$port" LIVEKIT_API_KEY=devkey LIVEKIT_API_SECRET=secret-for-tests-only-0123456789
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
# Wall time and switchboard's own CPU (user + sys): the rest is waiting for the stand-in,
# whose Python protobuf JSON is slower than LiveKit's server.
timed() { /usr/bin/time -f "%e %U %S" -o "$work/one" "$@" >/dev/null; awk '{ print $1, $2 + $3 }' "$work/one"; }

for _ in $(seq "$runs"); do timed "$sb" pull --output "$work/pulled"; done >"$work/pull"
files=("$work/pulled/inbound-trunks.json" "$work/pulled/dispatch-rules.json")
for _ in $(seq "$runs"); do timed "$sb" diff "${files[@]}" || true; done >"$work/diff"
"$sb" diff "${files[@]}" >/dev/null || { echo "pull then diff was not empty" >&2; exit 1; }
size=$(stat -c %s "$work/pulled/dispatch-rules.json")

ms() { awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'; }
echo "Input: $rules dispatch rules, $trunks inbound trunks on the stand-in; rule file $((size / 1024)) KiB; $runs runs, medians"
row() { printf '%-36s %10s %12s\n' "$1" "$(ms "$(cut -d' ' -f1 <"$2" | median)")" "$(ms "$(cut -d' ' -f2 <"$2" | median)")"; }
printf '%-36s %10s %12s\n' "" "wall" "own CPU"
row "switchboard pull" "$work/pull"
row "switchboard diff, no differences" "$work/diff"
