#!/usr/bin/env bash
# Analyzer cost in a real compile: writes the synthetic project (>= 100k lines) outside the repository, lets
# `dotnet build -p:ReportAnalyzer=true` produce the exact csc command line with and without the PortCatalog analyzers,
# then runs those two csc commands alternately and prints, per round and as medians:
#   - the compiler's wall time and its CPU time (user + sys of the csc process; on a shared machine the CPU time is the
#     steadier of the two, since other load stretches wall time but not the work done);
#   - the PortCatalog analyzers' execution time as the compiler reports it (/reportanalyzer).
# Each round runs the two compiles back to back, so the CPU difference within a round is a paired difference; its
# median is printed with the medians of each variant.
# With --trace (needs dotnet-trace: `dotnet tool install -g dotnet-trace`), one more compile with the analyzers runs
# under dotnet-trace, and the time of its CPU samples spent in PortCatalog.Analyzers is printed as a share of all samples
# and against csc's measured CPU time (see Program.cs, --cpu-share, for why both).
# Usage: benchmarks/analyzers/PortCatalog.Analyzers.Benchmarks/measure-build.sh [lines] [rounds] [literal%] [--trace]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lines="${1:-100000}"; rounds="${2:-5}"; literal="${3:-2}"; trace="${4:-}"
work="$(mktemp -d /tmp/portcatalog-analyzer-build.XXXXXX)"
dotnet build -c Release "$here" >/dev/null
dotnet run -c Release --no-build --project "$here" -- "$lines" 0 "$literal" --write "$work/Synthetic"
cd "$work/Synthetic"
dotnet restore -v:q >/dev/null

# The csc command line of each variant, from a detailed build log (the first line that invokes csc).
for with in false true; do
  log="$work/build-$with.log"
  dotnet build --no-restore --no-incremental -c Release -p:WithPortAnalyzers=$with -p:ReportAnalyzer=true -v:d >"$log" 2>&1
  command=$(grep -m1 -E '^\s+\S+/csc(\.exe)?\s+/noconfig' "$log" | sed -E 's/^\s+//')
  echo "${command%% *}" >"$work/csc-path"
  # /noconfig only counts on the command line itself, so it moves out of the response file.
  echo "${command#* }" | sed -E 's#(^| )/noconfig( |$)# #' >"$work/csc-$with.rsp"
done
csc=$(cat "$work/csc-path")

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A wall cpu
portSeconds=(); pairs=()
TIMEFORMAT='%R %U %S'
for round in $(seq 1 "$rounds"); do
  for with in false true; do
    out="$work/csc-$round-$with.out"
    # bash's `time` keyword reports the child's wall, user and sys seconds on stderr.
    times=$( { time "$csc" /noconfig "@$work/csc-$with.rsp" >"$out" 2>&1; } 2>&1 )
    read -r real user sys <<<"$times"
    cpuSeconds=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    wall[$with]+="$real "; cpu[$with]+="$cpuSeconds "
    port=$({ grep -m1 -E '^\s+[0-9.<]+\s+[0-9<]+\s+PortCatalog.Analyzers,' "$out" || true; } | awk '{print $1}')
    portWarnings=$({ grep -E 'warning PORT[0-9]+' "$out" || true; } | wc -l)
    otherWarnings=$({ grep -E 'warning [A-Z]+[0-9]+' "$out" || true; } | { grep -v 'warning PORT' || true; } | wc -l)
    [ "$with" = true ] && portSeconds+=("$port")
    [ "$with" = false ] && without="$cpuSeconds"
    [ "$with" = true ] && pairs+=("$(awk -v a="$cpuSeconds" -v b="$without" 'BEGIN { printf "%.2f", (a - b) / b * 100 }')")
    echo "round $round, analyzers=$with: wall ${real} s, CPU ${cpuSeconds} s; PortCatalog.Analyzers ${port:-n/a} s; warnings: PORT ${portWarnings}, other ${otherWarnings}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done

# shellcheck disable=SC2086 # the accumulated lists are meant to split into words
awk -v w0="$(median ${wall[false]})" -v w1="$(median ${wall[true]})" -v c0="$(median ${cpu[false]})" -v c1="$(median ${cpu[true]})" \
    -v p="$(median "${portSeconds[@]}")" 'BEGIN {
  printf "medians of %d rounds: wall without %.2f s, with %.2f s (%+.1f%%); CPU without %.2f s, with %.2f s (%+.1f%%)\n", '"$rounds"', w0, w1, (w1 - w0) / w0 * 100, c0, c1, (c1 - c0) / c0 * 100
  printf "PortCatalog.Analyzers execution (reportanalyzer): %.3f s = %.1f%% of the wall time, %.1f%% of the CPU time without analyzers (medians)\n", p, p / w0 * 100, p / c0 * 100
}'
# Each round runs the two compiles back to back: the CPU difference within a round is the paired difference.
echo "paired CPU differences (with - without) / without, per round: ${pairs[*]/%/%}; median $(median "${pairs[@]}")%"
if [ "$trace" = --trace ]; then
  tracer=$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")
  if [ ! -x "$tracer" ]; then
    echo "--trace: dotnet-trace not found; install it with: dotnet tool install -g dotnet-trace" >&2
    exit 1
  fi
  "$tracer" collect --profile dotnet-sampled-thread-time -o "$work/csc.nettrace" -- "$csc" /noconfig "@$work/csc-true.rsp" >"$work/trace.log" 2>&1
  "$tracer" convert --format speedscope -o "$work/csc" "$work/csc.nettrace" >>"$work/trace.log" 2>&1
  dotnet run -c Release --no-build --project "$here" -- --cpu-share "$work/csc.speedscope.json" "$(median ${cpu[true]})"
  echo "load average after the trace: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
echo "logs: $work"
