#!/usr/bin/env bash
# The SIP endpoint under load (issue 16): sipp places --calls calls (default 1,000) at --rate
# calls per second (default 200) against `switchboard sip` on the project in Tests/SIPScenarios
# (each call: INVITE, 100/180/200 with SDP, ACK, 100 ms, BYE). Prints the achieved calls/s,
# failed calls, and the answer latency (INVITE sent to 200 OK received, as sipp measures it)
# p50/p99/max, each a median over --runs runs (default 3). Exit 1 if any call failed.
# Usage: scripts/bench-sip.sh [--calls N] [--rate N] [--runs N] [--scenario accept.xml --to NUMBER]
# Installs sipp (Debian's sip-tester) if missing. Builds a release binary in .build-release (or
# uses $SWITCHBOARD_BIN).
set -euo pipefail
cd "$(dirname "$0")/.."

calls=1000 rate=200 runs=3 scenario=accept.xml to=+15550100
while [ $# -gt 0 ]; do
  case "$1" in
    --calls) calls=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --scenario) scenario=$2; shift 2 ;;
    --to) to=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "bench-sip.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if ! command -v sipp >/dev/null; then
  echo "installing sip-tester" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sip-tester >/dev/null
fi
if [ -n "${SWITCHBOARD_BIN:-}" ]; then
  sb=$SWITCHBOARD_BIN
else
  echo "building release binary (.build-release)…" >&2
  swift build -c release --scratch-path .build-release --product switchboard >&2
  sb="$PWD/.build-release/release/switchboard"
fi

root=$PWD
work=$(mktemp -d /tmp/switchboard-bench-sip.XXXXXX)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$sb" sip Tests/SIPScenarios/project.json --listen 127.0.0.1:0 --transport udp --json >"$work/events" 2>"$work/stderr" &
pid=$!
for _ in $(seq 200); do grep -q "listening on sip:" "$work/stderr" 2>/dev/null && break; sleep 0.05; done
port=$(sed -n 's/^listening on sip:127.0.0.1:\([0-9]*\);.*/\1/p' "$work/stderr" | head -1)
[ -n "$port" ] || { echo "switchboard sip did not start:" >&2; cat "$work/stderr" >&2; exit 1; }

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
failed_total=0
for run in $(seq "$runs"); do
  dir="$work/run$run"; mkdir -p "$dir"
  start=$(date +%s.%N)
  status=0
  (cd "$dir" && sipp "127.0.0.1:$port" -sf "$root/Tests/SIPScenarios/$scenario" -key from +12025550100 -key to "$to" \
    -i 127.0.0.1 -r "$rate" -m "$calls" -l $((rate * 4)) -nostdin -timeout 120s -timeout_error \
    -trace_rtt -rtt_freq "$calls" -trace_stat -fd 1 >/dev/null 2>"$dir/sipp.err") || status=$?
  end=$(date +%s.%N)
  stat=$(ls "$dir"/*_.csv 2>/dev/null | head -1 || true)
  failed=$(awk -F';' 'NR==1 {for (i=1;i<=NF;i++) if ($i=="FailedCall(C)") c=i} END {print $c+0}' "$stat" 2>/dev/null || echo "?")
  [ "$status" -eq 0 ] || failed_total=$((failed_total + 1))
  # rtt file: Date_ms;response_time_ms;rtd_no (sipp measures whole milliseconds)
  awk -F';' 'NR>1 && $2 != "" {print $2}' "$dir"/*_rtt.csv | sort -g >"$dir/latency"
  n=$(wc -l <"$dir/latency")
  p50=$(awk -v n="$n" 'NR==int(n*0.50+0.5)' "$dir/latency")
  p99=$(awk -v n="$n" 'NR==int(n*0.99+0.5)' "$dir/latency")
  max=$(tail -1 "$dir/latency")
  cps=$(awk -v c="$calls" -v s="$start" -v e="$end" 'BEGIN {printf "%.0f", c / (e - s)}')
  echo "run $run: $calls calls at -r $rate: sipp exit $status, failed calls $failed, $cps calls/s over the whole run, answer latency p50 $p50 ms, p99 $p99 ms, max $max ms ($n samples)" >&2
  echo "$cps $p50 $p99 $max" >>"$work/summary"
done
echo "| calls | rate asked | calls/s (whole run, median) | answer p50 | answer p99 | max | failed runs |"
echo "|---|---|---|---|---|---|---|"
echo "| $calls | $rate/s | $(cut -d' ' -f1 "$work/summary" | median) | $(cut -d' ' -f2 "$work/summary" | median) ms | $(cut -d' ' -f3 "$work/summary" | median) ms | $(cut -d' ' -f4 "$work/summary" | sort -g | tail -1) ms | $failed_total of $runs |"
events=$(grep -c '"event":"invite"' "$work/events" || true)
echo "(the endpoint logged $events answered INVITEs over all runs)" >&2
[ "$failed_total" -eq 0 ]
