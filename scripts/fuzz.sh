#!/usr/bin/env bash
# Runs one libFuzzer target for a given time:  scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]
#   TARGET   FuzzWorkspaceLoader, FuzzWebhookReply, FuzzMockScript, FuzzScenarios, FuzzTheme,
#            FuzzKeyDecoder (or "all": each target in turn for SECONDS)
#   SECONDS  wall-clock budget (0: no limit, e.g. with -runs=10000000)
# Builds the Fuzz/ package first (release, -sanitize=fuzzer,address) unless FUZZ_NO_BUILD=1.
# The growing corpus is fuzz-out/corpus/TARGET (seeded from the committed Fuzz/Seeds/TARGET);
# a crash is written to fuzz-out/artifacts/TARGET/ and the script exits non-zero. Reproduce
# one with: Fuzz/.build/release/TARGET fuzz-out/artifacts/TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(FuzzWorkspaceLoader FuzzWebhookReply FuzzMockScript FuzzScenarios FuzzTheme FuzzKeyDecoder)
if [ $# -lt 2 ]; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]; targets: ${targets[*]} all" >&2
  exit 64
fi
target=$1 seconds=$2
shift 2
if [ "$target" = all ]; then
  for t in "${targets[@]}"; do "$0" "$t" "$seconds" "$@"; FUZZ_NO_BUILD=1; export FUZZ_NO_BUILD; done
  exit 0
fi
if [[ " ${targets[*]} " != *" $target "* ]]; then
  echo "fuzz.sh: unknown target '$target'; targets: ${targets[*]} all" >&2
  exit 64
fi

# Release: the optimizer keeps Swift's traps (bounds, overflow, unwrap) and runs several times
# more inputs per second than a debug build. -parse-as-library: the targets have no main.swift;
# libFuzzer's main calls LLVMFuzzerTestOneInput.
build=(swift build --package-path Fuzz --scratch-path Fuzz/.build -c release
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  "${build[@]}" --product "$target" 2>&1 | grep -v 'ld.gold: warning: Cannot export local symbol' || true
fi
binary=Fuzz/.build/release/$target
[ -x "$binary" ] || { echo "fuzz.sh: $binary was not built" >&2; exit 1; }

corpus=fuzz-out/corpus/$target artifacts=fuzz-out/artifacts/$target
mkdir -p "$corpus" "$artifacts"
limit=()
[ "$seconds" != 0 ] && limit=(-max_total_time="$seconds")
# No allocation stack traces: a third faster, and a report still names the faulting access.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:detect_leaks=0}
log=fuzz-out/$target.log
set +e
"$binary" "${limit[@]}" -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" "$corpus" "Fuzz/Seeds/$target" >"$log" 2>&1
status=$?
set -e
grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$log" || true
if [ $status -ne 0 ]; then
  grep -E 'ERROR|Fatal error|SUMMARY|Test unit written' "$log" | head -20 >&2
  echo "fuzz.sh: $target failed (exit $status); full log: $log" >&2
fi
exit $status
