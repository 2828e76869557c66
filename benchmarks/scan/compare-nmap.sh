#!/usr/bin/env bash
# Scenario matrix: both probe engines against nmap, in the same network namespaces, over the network edges a scanner
# meets: open, closed, drop, TCP reset, each ICMP error a firewall answers with, and a rate-limited link (veth).
# TCP/UDP x IPv4/IPv6 x {default (Linux epoll) engine, portable engine}; nmap runs -sS (TCP) and -sU (UDP), its own
# reading of the packets. Prints, per scenario and cell, "agree" or what each side said, then the count of agreements.
# Needs root, ip, nft, nmap, python3. Traffic stays inside namespaces this script creates (deleted on exit).
#   usage: benchmarks/scan/compare-nmap.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
for tool in ip nft nmap python3; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || { echo "needs $tool (.ci/run installs it)" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "needs root (network namespaces)" >&2; exit 1; }

work="$(mktemp -d)"
ns="pccmp-$$"; src="pcsrc-$$"; dst="pcdst-$$"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  ip netns delete "$ns" 2>/dev/null || true; ip netns delete "$src" 2>/dev/null || true; ip netns delete "$dst" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release "$repo/tests/PortCatalog.ProbeHost/PortCatalog.ProbeHost.csproj" -o "$work/host" -v q -nologo >/dev/null
host=(dotnet "$work/host/PortCatalog.ProbeHost.dll")

# One namespace, one port per scenario (loopback inside it).
ip netns add "$ns"; ip netns exec "$ns" ip link set lo up
cat >"$work/rules.nft" <<'NFT'
table inet cmp {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport 7001 drop
    udp dport 7001 drop
    meta nfproto ipv4 tcp dport 7003 reject with icmp type prot-unreachable
    meta nfproto ipv4 udp dport 7003 reject with icmp type prot-unreachable
    tcp dport 7004 reject with icmpx type host-unreachable
    udp dport 7004 reject with icmpx type host-unreachable
    tcp dport 7005 reject with icmpx type admin-prohibited
    udp dport 7005 reject with icmpx type admin-prohibited
    tcp dport 7006 reject with icmpx type port-unreachable
    udp dport 7006 reject with icmpx type port-unreachable
    tcp dport 7007 reject with tcp reset
    meta nfproto ipv4 tcp dport 7008 reject with icmp type net-unreachable
    meta nfproto ipv4 udp dport 7008 reject with icmp type net-unreachable
    meta nfproto ipv6 tcp dport 7008 reject with icmpv6 type no-route
    meta nfproto ipv6 udp dport 7008 reject with icmpv6 type no-route
  }
}
NFT
ip netns exec "$ns" nft -f "$work/rules.nft"
# Open: a TCP listener and a UDP echo on 7000, dual-stack, inside the namespace.
ip netns exec "$ns" python3 -c '
import socket, threading
t = socket.socket(socket.AF_INET6, socket.SOCK_STREAM); t.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
t.bind(("::", 7000)); t.listen(64)
u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0); u.bind(("::", 7000))
def echo():
    while True:
        data, peer = u.recvfrom(2048); u.sendto(data or b"x", peer)
threading.Thread(target=echo, daemon=True).start()
while True:
    c, _ = t.accept(); c.close()
' & pids+=($!)
sleep 1

# A rate-limited link: two namespaces joined by veth; the target answers closed UDP ports with ICMP, rate-limited.
ip netns add "$src"; ip netns add "$dst"
ip link add "pcs$$" netns "$src" type veth peer name "pcd$$" netns "$dst"
ip netns exec "$src" ip addr add 10.211.0.1/24 dev "pcs$$"; ip netns exec "$src" ip link set "pcs$$" up; ip netns exec "$src" ip link set lo up
ip netns exec "$dst" ip addr add 10.211.0.2/24 dev "pcd$$"; ip netns exec "$dst" ip link set "pcd$$" up; ip netns exec "$dst" ip link set lo up
ip netns exec "$src" ip -6 addr add fd00:211::1/64 dev "pcs$$" nodad; ip netns exec "$dst" ip -6 addr add fd00:211::2/64 dev "pcd$$" nodad

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
out="$work/cells.tsv"; : >"$out"
run_cell() { # scenario-set namespace address ports transport engine
  local set="$1" where="$2" addr="$3" ports="$4" proto="$5" engine="$6" flag=() six=()
  [ "$proto" = udp ] && flag=(--udp)
  [[ "$addr" == *:* ]] && six=(-6)
  local ours; ours="$(ip netns exec "$where" "${host[@]}" scan "$addr" "$ports" --engine "$engine" --timeout-ms 1000 --all "${flag[@]}")"
  local theirs; theirs="$(ip netns exec "$where" nmap -n -Pn "$([ "$proto" = udp ] && echo -sU || echo -sS)" "${six[@]}" -p "$ports" -oX - "$addr")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$set" "$proto$([[ "$addr" == *:* ]] && echo 6 || echo 4)" "$engine" "$ours" "$(tr -d '\n' <<<"$theirs")" "$ports" >>"$out"
}
for engine in default portable; do
  for addr in 127.0.0.1 ::1; do
    for proto in tcp udp; do run_cell edges "$ns" "$addr" 7000-7009 "$proto" "$engine"; done
  done
  for addr in 10.211.0.2 fd00:211::2; do
    for proto in tcp udp; do run_cell ratelimited "$src" "$addr" 7101-7120 "$proto" "$engine"; done
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"

python3 - "$out" <<'PY'
import re, sys
names = {7000: "open", 7001: "drop", 7002: "closed", 7003: "proto-unreach (v4 only)", 7004: "host-unreach",
         7005: "admin-prohibited", 7006: "port-unreach", 7007: "tcp reset", 7008: "net-unreach / no-route", 7009: "closed (2nd port)"}
state_word = {"Open": "open", "Closed": "closed", "Filtered": "filtered", "OpenOrFiltered": "open|filtered"}
cells, agree, total = {}, 0, 0
for line in open(sys.argv[1]):
    scenario_set, column, engine, ours, xml, ports = line.rstrip("\n").split("\t")
    mine = {int(p): (state_word[s], r) for p, s, r in (x.split(":") for x in re.search(r"results=(\S+)", ours).group(1).split(","))}
    elapsed = int(re.search(r"elapsed-ms=(\d+)", ours).group(1))
    nmap_elapsed = float(re.search(r'elapsed="([\d.]+)"', xml).group(1))
    theirs = {int(m[0]): (m[1], m[2]) for m in re.findall(r'portid="(\d+)"><state state="([^"]+)" reason="([^"]+)"', xml)}
    for m in re.finditer(r'<extraports state="([^"]+)" count="(\d+)">', xml):
        for p in mine:
            theirs.setdefault(p, (m.group(1), "(folded)"))
    if scenario_set == "ratelimited":
        rows = {"rate-limited link, 20 closed ports": [p for p in mine]}
    else:
        rows = {names[p]: [p] for p in sorted(mine)}
    for row, ports_ in rows.items():
        diffs = [f"{p}: ours {mine[p][0]} ({mine[p][1]}) nmap {theirs.get(p, ('?', '?'))[0]} ({theirs.get(p, ('?', '?'))[1]})"
                 for p in ports_ if mine[p][0] != theirs.get(p, ("?",))[0]]
        ok = not diffs
        total += 1; agree += ok
        note = "agree" if ok else f"{len(diffs)} differ: " + "; ".join(diffs[:2])
        if scenario_set == "ratelimited":
            note += f" (ours {elapsed / 1000:.1f} s, nmap {nmap_elapsed:.1f} s)"
        cells.setdefault(row, {})[f"{column} {engine}"] = note
columns = sorted({c for r in cells.values() for c in r})
for row, by_column in cells.items():
    print(f"\n{row}")
    for c in columns:
        if c in by_column:
            print(f"  {c:<18} {by_column[c]}")
print(f"\n{agree} of {total} cells agree with nmap")
PY
