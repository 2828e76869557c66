#!/usr/bin/env bash
# Analyzer cost in a real build: writes the synthetic project (>= 100k lines) outside the repository, then builds it
# with and without the PortCatalog analyzers (-p:ReportAnalyzer=true), alternating, and prints the compiler's own
# analyzer report and the Csc task times.
# Usage: benchmarks/analyzers/PortCatalog.Analyzers.Benchmarks/measure-build.sh [lines] [rounds] [literal%]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lines="${1:-100000}"; rounds="${2:-3}"; literal="${3:-2}"
work="$(mktemp -d /tmp/portcatalog-analyzer-build.XXXXXX)"
dotnet build -c Release "$here" >/dev/null
dotnet run -c Release --no-build --project "$here" -- "$lines" 0 "$literal" --write "$work/Synthetic"
cd "$work/Synthetic"
dotnet restore -v:q >/dev/null
for round in $(seq 1 "$rounds"); do
  for with in false true; do
    log="$work/build-$round-$with.log"
    dotnet build --no-restore --no-incremental -c Release -p:WithPortAnalyzers=$with -p:ReportAnalyzer=true \
      -v:d -clp:PerformanceSummary >"$log" 2>&1
    csc=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | awk '{print $1}' | head -1)
    total=$(grep -m1 'Total analyzer execution time' "$log" | sed 's/.*: //')
    port=$(grep -m1 -E '^\s+[0-9.<]+\s+[0-9<]+\s+PortCatalog.Analyzers,' "$log" | awk '{print $1 " s (" $2 "%)"}' || true)
    # The log repeats each warning in its summary; count distinct ones. Other warnings would cost in both builds.
    portWarnings=$({ grep -E 'warning PORT[0-9]+' "$log" || true; } | sort -u | wc -l)
    otherWarnings=$({ grep -E 'warning [A-Z]+[0-9]+' "$log" || true; } | { grep -v 'warning PORT' || true; } | sort -u | wc -l)
    echo "round $round, analyzers=$with: Csc task ${csc} ms; all analyzers ${total}; PortCatalog.Analyzers ${port:-n/a}; warnings: PORT ${portWarnings}, other ${otherWarnings}"
  done
done
echo "logs: $work"
