#!/usr/bin/env bash
# What a large user table costs a warm build (issue 12 goal: the IANA registry adds at most 2 s).
# Two copies of samples/PortCatalog.Sample in a temp directory, identical except that one also has
#   <PortTable Include="<the IANA snapshot>" ClassName="IanaPorts" />
# Each round makes a one-line edit to both Program.cs files and builds them alternately with
# `dotnet build --no-restore --no-dependencies -p:UseSharedCompilation=true` (the compiler server stays warm, as on a
# developer's machine, even where the environment turns it off; the runtime, generator and analyzers are built once
# before the rounds, as a package would bring them prebuilt). Prints every build's wall time and the CPU time the
# compiler server spent on it (steadier than wall time on a busy machine), then medians and their difference, with the
# load average.
#   usage: benchmarks/catalog/warm-build.sh [rounds=7] [table=../shared/data/iana/service-names-port-numbers.csv]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rounds="${1:-7}"
table="$(realpath -m "${2:-$repo/../shared/data/iana/service-names-port-numbers.csv}")"
if [ ! -f "$table" ]; then
  echo "The table $table does not exist (an outside clone has no ../shared); pass a CSV or Markdown port table as the second argument." >&2
  exit 1
fi
case "$rounds" in '' | *[!0-9]* | 0) echo "rounds must be a positive whole number, not '$rounds'" >&2; exit 1 ;; esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for variant in plain table; do
  cp -r "$repo/samples/PortCatalog.Sample" "$work/$variant"
  rm -rf "$work/$variant/bin" "$work/$variant/obj"
  # Paths into the repository become absolute; the copies live outside it (no Directory.Build.props), like a user's project.
  sed -i "s#\.\.\\\\\.\.\\\\#$repo/#g; s#\.\.[\\/]\.\.[\\/]#$repo/#g" "$work/$variant/PortCatalog.Sample.csproj"
done
sed -i "s#<PortTable Include=\"ports/internal.csv\"#<PortTable Include=\"$table\" ClassName=\"IanaPorts\" />\n    &#" "$work/table/PortCatalog.Sample.csproj"
grep -q IanaPorts "$work/table/PortCatalog.Sample.csproj" || { echo "could not add the PortTable line to the copy" >&2; exit 1; }

build() {
  local variant="$1"; shift
  dotnet build "$work/$variant/PortCatalog.Sample.csproj" -c Debug -nologo -v q -p:UseSharedCompilation=true "$@" >"$work/$variant.log" 2>&1 || { cat "$work/$variant.log" >&2; exit 1; }
}
# Restore and build the references; then three uncounted rounds of edits, so the compiler server has loaded and
# jitted the compiler, the generator and the analyzers (its CPU per build keeps falling for the first few builds).
for variant in plain table; do
  dotnet restore "$work/$variant/PortCatalog.Sample.csproj" -v q >/dev/null
  build "$variant" --no-restore
done
for round in 1 2 3; do
  for variant in plain table; do
    echo "// warm-up $round" >>"$work/$variant/Program.cs"
    build "$variant" --no-restore --no-dependencies
  done
done

# CPU seconds (user + system) the compiler server has used so far; empty when not exactly one server runs.
server_cpu() {
  local pids
  pids="$(pgrep -f 'Roslyn/bincore/VBCSCompiler' || true)"
  [ -n "$pids" ] && [ "$(wc -w <<<"$pids")" = 1 ] || return 0
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pids/stat"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $rounds rounds; table $table"
: >"$work/times.tsv"
for round in $(seq 1 "$rounds"); do
  for variant in plain table; do
    echo "// edit $round" >>"$work/$variant/Program.cs"
    cpu_start=$(server_cpu)
    start=$(date +%s.%N)
    build "$variant" --no-restore --no-dependencies
    end=$(date +%s.%N)
    cpu_end=$(server_cpu)
    seconds=$(echo "$end - $start" | bc)
    cpu=$([ -n "$cpu_start" ] && [ -n "$cpu_end" ] && echo "$cpu_end - $cpu_start" | bc || echo NA)
    printf '%s\t%s\t%s\n' "$variant" "$seconds" "$cpu" >>"$work/times.tsv"
    printf 'round %2d %-5s %6.2f s wall, compiler server CPU %s s   load %s\n' "$round" "$variant" "$seconds" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done

median() { awk -v v="$1" -v c="$2" '$1 == v && $c != "NA" { print $c }' "$work/times.tsv" | sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "NA"; else print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
plain=$(median plain 2)
with=$(median table 2)
printf 'wall time, median: without the table %.2f s, with it %.2f s: the table adds %.2f s (goal: at most 2 s)\n' "$plain" "$with" "$(echo "$with - $plain" | bc)"
plain=$(median plain 3)
with=$(median table 3)
if [ "$plain" != NA ] && [ "$with" != NA ]; then
  printf 'compiler server CPU, median: without the table %.2f s, with it %.2f s: the table adds %.2f s\n' "$plain" "$with" "$(echo "$with - $plain" | bc)"
fi
