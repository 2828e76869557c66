#!/usr/bin/env bash
# Service identification vs `nmap -sV`, on real daemons, side by side in the same run.
#
# For each layout of tests/PortCatalog.Tests/Identification/RealDaemons/daemons.sh ("usual": every daemon on its
# registered port; "moved": every daemon on a port registered to another service), in a network namespace of its own:
#   1. `portcat scan 127.0.0.1 -p PORTS --identify --format json` (framework-dependent build, process start included),
#      RUNS times;
#   2. nmap -sV -Pn -n on the same ports, once;
# then per port: the truth (what daemons.sh started there), each tool's service, product and version, who is right
# where they differ, every port whose service differs from the catalog's entry, and the wall times.
#
# Needs root (network namespaces), iproute2, nmap, python3, the .NET SDK, and the daemons .ci/run installs.
# Usage: sudo benchmarks/identify/compare-nmap.sh [RUNS=3]
# Nothing leaves the namespaces: every address probed is 127.0.0.1 inside them.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
repo=$PWD
script=$repo/tests/PortCatalog.Tests/Identification/RealDaemons/daemons.sh

for tool in ip nmap python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "compare-nmap.sh: $tool is needed" >&2; exit 2; }
done
[ "$(id -u)" = 0 ] || { echo "compare-nmap.sh: needs root for its network namespaces" >&2; exit 2; }

work=$(mktemp -d /tmp/portcatalog-identify-bench.XXXXXX)
chmod 755 "$work" # the daemons that drop root (postgres, dovecot) read their folders under it
namespaces=()
cleanup() {
  for ns in "${namespaces[@]}"; do
    ip netns exec "$ns" bash "$script" stop "$work/$ns" >/dev/null 2>&1 || true
    ip netns delete "$ns" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

echo "building portcat..." >&2
dotnet build -c Release -nologo -v quiet -f net8.0 -o "$work/portcat" cli/PortCatalog.Cli >/dev/null

now_ms() { date +%s%3N; }

for layout in usual moved; do
  ns=pcid-$$-$layout
  ip netns add "$ns"
  namespaces+=("$ns")
  ip netns exec "$ns" ip link set lo up
  ip netns exec "$ns" bash "$script" start "$layout" "$work/$ns" > "$work/$layout.manifest"
  grep '^absent' "$work/$layout.manifest" >&2 || true
  ports=$(grep -v '^absent' "$work/$layout.manifest" | cut -f1 | sort -n | paste -sd, -)
  [ -n "$ports" ] || { echo "no daemon started for $layout" >&2; exit 1; }

  # Warm-up (first run of portcat, first connections to each daemon), not timed.
  ip netns exec "$ns" dotnet "$work/portcat/portcat.dll" scan 127.0.0.1 -p "$ports" --identify --format json > /dev/null 2>&1
  : > "$work/$layout.ours.times"
  for run in $(seq "$runs"); do
    start=$(now_ms)
    ip netns exec "$ns" dotnet "$work/portcat/portcat.dll" scan 127.0.0.1 -p "$ports" --identify --format json > "$work/$layout.ours.json" 2>/dev/null
    echo $(( $(now_ms) - start )) >> "$work/$layout.ours.times"
  done
  start=$(now_ms)
  ip netns exec "$ns" nmap -sV -Pn -n -p "$ports" 127.0.0.1 -oX "$work/$layout.nmap.xml" > /dev/null
  echo $(( $(now_ms) - start )) > "$work/$layout.nmap.time"
  uptime > "$work/$layout.load"
done

python3 - "$work" <<'PY'
import json, statistics, sys, xml.etree.ElementTree as ET
work = sys.argv[1]
tls_names = {"http": "https", "imap": "imaps", "pop3": "pop3s", "smtp": "submissions", "ldap": "ldaps", "ftp": "ftps", "mqtt": "secure-mqtt"}
# nmap's names for services the catalog (and PortCatalog) names otherwise.
nmap_aliases = {"memcached": "memcache", "vnc": "rfb", "ssl": "tls", "https": "https"}

def nmap_service(svc):
    if svc is None:
        return None, None, None, "-"
    name = svc.get("name", "")
    if name.startswith("mosquitto"):  # nmap 7.93 reports Mosquitto's $SYS version string as the service name
        name = "mqtt"
    name = nmap_aliases.get(name, name)
    if svc.get("tunnel") == "ssl":
        name = tls_names.get(name, name)
    return name, svc.get("product"), svc.get("version"), svc.get("method", "-")

def same_product(a, b):
    return a is not None and b is not None and a.split()[0].lower() == b.split()[0].lower()

def same_version(ours, theirs):
    return ours is not None and theirs is not None and (theirs.startswith(ours) or ours in theirs)

SERVICE, CATALOG = "service", "catalog"
total = {"ports": 0, "service_agree": 0, "ours_right": 0, "nmap_right": 0, "ours_s": 0.0, "nmap_s": 0.0}
for layout in ("usual", "moved"):
    truth = {}
    for line in open(f"{work}/{layout}.manifest"):
        f = line.rstrip("\n").split("\t")
        if f[0] != "absent":
            truth[int(f[0])] = {"service": f[1], "product": None if f[3] == "-" else f[3], "daemon": f[4]}
    ours = {}
    for row in json.load(open(f"{work}/{layout}.ours.json")):
        match = row["identified.matchesCatalog"]
        ours[row["port"]] = {"service": row["identified.service"], "product": row["identified.product"],
                             "version": row["identified.version"], "catalog": row["service"],
                             "match": None if match is None else ("match" if match else "MISMATCH")}
    nmap = {}
    for port in ET.parse(f"{work}/{layout}.nmap.xml").getroot().iter("port"):
        if port.get("protocol") == "tcp":
            nmap[int(port.get("portid"))] = nmap_service(port.find("service"))
    times = [int(x) for x in open(f"{work}/{layout}.ours.times")]
    ours_ms = statistics.median(times)
    nmap_ms = int(open(f"{work}/{layout}.nmap.time").read())
    print(f"\n## layout {layout}  ({open(f'{work}/{layout}.load').read().strip()})\n")
    print("| port | truth (daemon) | PortCatalog | nmap -sV | service | product | version | catalog |")
    print("|---:|---|---|---|---|---|---|---|")
    for p in sorted(truth):
        t, o = truth[p], ours.get(p, {})
        n_name, n_product, n_version, n_method = nmap.get(p, (None, None, None, "-"))
        o_desc = " ".join(x for x in [o.get("service") or "unknown", o.get("product"), o.get("version")] if x)
        n_desc = " ".join(x for x in [n_name or "unknown", n_product, n_version] if x) + ("" if n_method == "probed" else f" [{n_method}]")
        agree = o.get("service") == n_name
        o_right, n_right = o.get("service") == t["service"], n_name == t["service"] and n_method == "probed"
        svc = "agree" if agree and n_method == "probed" else f"differ: {'PortCatalog' if o_right else ''}{' and ' if o_right and n_right else ''}{'nmap' if n_right else ''}{' right' if o_right or n_right else 'neither right'}"
        prod = "-" if n_product is None else ("agree" if same_product(o.get("product"), n_product) else f"differ (truth: {t['product']})")
        ver = "-" if n_version is None else ("agree" if same_version(o.get("version"), n_version) else "differ")
        cat = "-" if o.get("match") is None else ("matches " + o["catalog"] if o["match"] == "match" else f"MISMATCH: catalog says {o['catalog']}")
        print(f"| {p} | {t['service']} ({t['daemon']}) | {o_desc} | {n_desc} | {svc} | {prod} | {ver} | {cat} |")
        total["ports"] += 1
        total["service_agree"] += agree and n_method == "probed"
        total["ours_right"] += o_right
        total["nmap_right"] += n_right
    total["ours_s"] += ours_ms / 1000
    total["nmap_s"] += nmap_ms / 1000
    print(f"\nwall time: PortCatalog {ours_ms / 1000:.2f} s (median of {len(times)}: {', '.join(str(t) for t in times)} ms), "
          f"nmap -sV {nmap_ms / 1000:.2f} s: nmap/PortCatalog = {nmap_ms / ours_ms:.1f}x")
    mismatches = [p for p in sorted(ours) if ours[p].get("match") == "MISMATCH"]
    print(f"catalog mismatches reported by PortCatalog: {len(mismatches)} ({', '.join(f'{p}: {ours[p][SERVICE]} not {ours[p][CATALOG]}' for p in mismatches) or 'none'})")

print(f"\n## total\n\nports {total['ports']}: service right PortCatalog {total['ours_right']}/{total['ports']}, "
      f"nmap {total['nmap_right']}/{total['ports']} (probed, not guessed from its port table); both agree on {total['service_agree']}.")
print(f"wall time: PortCatalog {total['ours_s']:.2f} s, nmap -sV {total['nmap_s']:.2f} s: {total['nmap_s'] / total['ours_s']:.1f}x faster")
PY
