#!/usr/bin/env bash
# Counts what one scaling operation costs in instructions and simulated cache misses, which do not move with the
# machine's load: valgrind's callgrind watches `--loop`, switched on and off exactly around the timed operations.
#
#   bench/callgrind-loop.sh validate|security ESTATE COUNT [DLL]
#
# ESTATE is one `--loop` takes (scale-1, scale-16, ...); DLL defaults to the Release build of the bench. Prints the
# events per operation. With CALLGRIND_KEEP=DIR, keeps callgrind's output and the runtime's perf map (the names of the
# JIT-compiled code) there, for bench/callgrind-functions.py to break the counts down by function. The caches are this machine's (AMD EPYC: 32 KiB L1i, 48 KiB L1d, 32 MiB L3; valgrind models
# two levels, so the L2 is not simulated). The JIT's tiers are off, so every operation runs the same optimised code,
# and the workstation collector runs non-concurrently, on the thread that allocates, so its work is counted in order.
# The loop runs one operation before the counted ones, with the counts zeroed after it: the simulated caches start empty
# when callgrind is switched on, and a first 16x operation misses its whole working set. CALLGRIND_LL=SIZE,WAYS,LINE
# simulates another last level: 1048576,8,64 is one core's L2, to ask what comes from beyond it. valgrind does not carry
# out prefetch instructions, so a line a hint asked for counts as a miss where code first reads it.
set -euo pipefail

operation=${1:?operation}
estate=${2:?estate}
count=${3:?count}
dll=${4:-$(dirname "$0")/VNetLab.Benchmarks/bin/Release/net10.0/VNetLab.Benchmarks.dll}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export VNETLAB_LOOP_GATE=$work DOTNET_TieredCompilation=0 DOTNET_TieredPGO=0 DOTNET_gcServer=0 DOTNET_gcConcurrent=0 \
  DOTNET_EnableWriteXorExecute=0
if [[ -n "${CALLGRIND_KEEP:-}" ]]; then
  export DOTNET_PerfMapEnabled=1
fi

# `exec` makes the coprocess valgrind itself, so its pid is the one callgrind_control must be given (without one it
# switches every callgrind process of the machine).
coproc LOOP (exec valgrind --tool=callgrind --instr-atstart=no --cache-sim=yes --I1=32768,8,64 --D1=49152,12,64 \
  --LL="${CALLGRIND_LL:-33554432,16,64}" --callgrind-out-file="$work/callgrind.out" --log-file="$work/valgrind.log" \
  dotnet "$dll" --loop "$operation" "$estate" "$count")
pid=$LOOP_PID

# --loop waits at each gate until its file exists, so the switch has taken effect before the first operation starts
# and after the last ends: callgrind_control returns once the process has acted on it, which a busy process does only
# when valgrind next polls for commands, while --loop would already be running its first operations.
while IFS= read -r line <&"${LOOP[0]}"; do
  echo "$line"
  case "$line" in
    "loop start"*) callgrind_control -i on "$pid" > /dev/null 2>&1; touch "$work/start" ;;
    "loop warm"*) callgrind_control -z "$pid" > /dev/null 2>&1; touch "$work/warm" ;;
    "loop done"*) callgrind_control -i off "$pid" > /dev/null 2>&1; touch "$work/done" ;;
  esac
done
wait "$pid"
if [[ -n "${CALLGRIND_KEEP:-}" ]]; then
  mkdir -p "$CALLGRIND_KEEP"
  cp "$work/callgrind.out" "$CALLGRIND_KEEP/callgrind.out"
  cp "/tmp/perf-$pid.map" "$CALLGRIND_KEEP/perf.map"
fi

# The events counted while switched on, per operation.
read -r -a names < <(sed -n 's/.*Events    : //p' "$work/valgrind.log" | tail -1)
read -r -a totals < <(sed -n 's/.*Collected : //p' "$work/valgrind.log" | tail -1)
for i in "${!names[@]}"; do
  printf '%-5s per operation: %d\n' "${names[$i]}" $(( totals[i] / count ))
done
