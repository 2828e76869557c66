#!/usr/bin/env bash
# Full 65,535-port TCP connect scan of 127.0.0.1, in ONE run, several repetitions interleaved so every contender sees the
# same machine: cscan (../shared/tools/cscan.c, gcc -O2, this machine's floor for one core), PortScanner (Linux engine),
# nmap -sT -p- -T5 -n -Pn (skipped with a message if nmap is absent), and a TcpClient.ConnectAsync loop.
# Prints every run, then medians and ratios to cscan. Traffic goes to 127.0.0.1 only.
#   usage: benchmarks/scan/run.sh [repetitions=5]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="$(cd "$repo/.." && pwd)/shared"
reps="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cscan_src="$shared/tools/cscan.c"
if [ ! -f "$cscan_src" ]; then
  echo "cscan.c not found at $cscan_src (an outside clone has no ../shared); it is the reference this benchmark reports against." >&2
  exit 1
fi
gcc -O2 -o "$work/cscan" "$cscan_src"

dotnet build -c Release "$here/PortCatalog.ScanBenchmark/PortCatalog.ScanBenchmark.csproj" -o "$work/bench" -v q -nologo >/dev/null
bench=(dotnet "$work/bench/PortCatalog.ScanBenchmark.dll")

have_nmap=1
command -v nmap >/dev/null 2>&1 || { have_nmap=0; echo "nmap is not installed (apt-get install nmap): its column is skipped."; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $reps repetitions"
results="$work/results.tsv"
: >"$results"
for rep in $(seq 1 "$reps"); do
  line="$("$work/cscan" 127.0.0.1 1 65535)"; echo "cscan        #$rep $line"
  echo -e "cscan\t$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")\t" >>"$results"

  line="$("${bench[@]}" portscanner 1 65535 1024)"; echo "PortScanner  #$rep $line"
  echo -e "PortScanner\t$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")\t$(sed -E 's/.*bytes-per-probe=([0-9.]+).*/\1/' <<<"$line")" >>"$results"

  if [ "$have_nmap" = 1 ]; then
    line="$(nmap -sT -p- -T5 -n -Pn 127.0.0.1 | grep -E 'scanned in')"; echo "nmap -sT     #$rep $line"
    echo -e "nmap -sT\t$(sed -E 's/.*scanned in ([0-9.]+) seconds.*/\1/' <<<"$line")\t" >>"$results"
  fi

  line="$("${bench[@]}" tcpclient 1 65535 1024)"; echo "TcpClient    #$rep $line"
  echo -e "TcpClient\t$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")\t$(sed -E 's/.*bytes-per-probe=([0-9.]+).*/\1/' <<<"$line")" >>"$results"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"

python3 - "$results" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
order, times, bytes_ = [], {}, {}
for name, seconds, b in rows:
    if name not in times:
        order.append(name); times[name] = []; bytes_[name] = []
    times[name].append(float(seconds))
    if b:
        bytes_[name].append(float(b))
floor = statistics.median(times["cscan"])
print(f"\n{'scanner':<12} {'median s':>9} {'min s':>7} {'max s':>7} {'x cscan':>8} {'B/probe':>8}")
for name in order:
    m = statistics.median(times[name])
    b = f"{statistics.median(bytes_[name]):.1f}" if bytes_[name] else "-"
    print(f"{name:<12} {m:9.3f} {min(times[name]):7.3f} {max(times[name]):7.3f} {m / floor:8.2f} {b:>8}")
PY
