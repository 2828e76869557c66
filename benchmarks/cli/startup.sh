#!/usr/bin/env bash
# portcat's start-up: `portcat lookup 22` as Native AOT and as the framework-dependent build, beside
# `getent services 22` (libc's answer to the same question), measured in the same run. Goal: AOT under 20 ms.
# Needs hyperfine (apt-get install hyperfine) and the .NET 10 SDK. Usage: benchmarks/cli/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-40}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

dotnet publish cli/PortCatalog.Cli -c Release -r linux-x64 -o "$out/aot" -nologo -v q
dotnet build cli/PortCatalog.Cli -c Release -o "$out/fdd" -nologo -v q

echo "load: $(uptime)"
hyperfine -N --warmup 5 --runs "$runs" \
  'getent services 22' \
  "$out/aot/portcat lookup 22" \
  "dotnet $out/fdd/portcat.dll lookup 22"
echo "load: $(uptime)"
