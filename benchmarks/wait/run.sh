#!/usr/bin/env bash
# PortProbe.WaitUntilOpenAsync against the hand-written 100 ms TcpClient polling loop, in ONE run:
#  1. detection latency: every contender waits for the same loopback port, which opens at a random moment within a
#     window; median and p90 of (wait returned - listen()) over many trials;
#  2. CPU while waiting on closed ports: each contender in a process of its own, all four started together (so they
#     share the machine's load), CPU time over the same seconds; "idle" is a process that waits on nothing.
# Traffic goes to 127.0.0.1 only.  usage: benchmarks/wait/run.sh [trials=300] [cpu-seconds=20]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
trials="${1:-300}"
seconds="${2:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build -c Release "$here/PortCatalog.WaitBenchmark/PortCatalog.WaitBenchmark.csproj" -o "$work/bench" -v q -nologo >/dev/null
bench=(dotnet "$work/bench/PortCatalog.WaitBenchmark.dll")

echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
"${bench[@]}" latency "$trials" 10 1000
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after the latency trials"

for waiters in 1 20; do
  pids=()
  for contender in idle wait wait-100ms tcpclient-100ms; do
    "${bench[@]}" cpu "$contender" "$seconds" "$waiters" >"$work/cpu-$contender-$waiters.txt" &
    pids+=($!)
  done
  wait "${pids[@]}"
  cat "$work"/cpu-*-"$waiters".txt
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
