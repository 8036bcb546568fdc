#!/usr/bin/env bash
# Packs the contracts tool as users install it: the Contracts.Cli pointer package and one package per platform.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/pack-tool.sh [-o FEED] [--version VERSION] [-c CONFIGURATION] [--rid RID]… [-p NAME=VALUE]…

Packs cli/Contracts.Cli into the folder feed FEED as `dotnet tool install Contracts.Cli --add-source FEED` finds it
(the layout is in cli/Contracts.Cli/Contracts.Cli.csproj):
  Contracts.Cli            the pointer package: names the platform packages, the SDK installs the one for its RID
  Contracts.Cli.linux-x64  Native AOT (built here; needs clang or gcc)
  Contracts.Cli.win-x64    ReadyToRun, framework-dependent (AOT cannot cross-compile to another OS)
  Contracts.Cli.osx-arm64  ReadyToRun, framework-dependent
  Contracts.Cli.any        portable IL (JIT), for every other RID
Prints each package with its size.

  -o FEED          the feed folder (default benchmarks/.work/feed; created, packages of the same version replaced)
  --version V      the package version (default 0.1.0-local.<UTC time>, new on every run so no cache serves an old one)
  -c CONFIG        the configuration (default Release)
  --rid RID        pack only these platform packages (repeatable; default linux-x64 win-x64 osx-arm64 any);
                   the pointer package is always packed
  -p NAME=VALUE    an MSBuild property for every pack, for variants: `-p ContractsAotRuntimeIdentifiers=none`
                   packs linux-x64 as ReadyToRun too, `-p SelfContained=true` a ReadyToRun package with its own runtime,
                   `-p ToolPackageRuntimeIdentifiers= --rid none` the single portable package of earlier releases
Needs only the .NET SDK (and the NuGet feed for the runtime packs, the first time). The last line printed is the version.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
feed="$BENCH_WORK/feed" version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)" configuration=Release rids=() properties=()
while (($#)); do
  case "$1" in
    -o) feed="${2:?-o needs a folder}"; shift 2 ;;
    --version) version="${2:?--version needs a version}"; shift 2 ;;
    -c) configuration="${2:?-c needs a configuration}"; shift 2 ;;
    --rid) rids+=("${2:?--rid needs a RID}"); shift 2 ;;
    -p) properties+=("-p:${2:?-p needs NAME=VALUE}"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
((${#rids[@]})) || rids=(linux-x64 win-x64 osx-arm64 any)

project="$BENCH_REPO_ROOT/cli/Contracts.Cli/Contracts.Cli.csproj"
mkdir -p "$feed"
feed=$(cd "$feed" && pwd)
logs="$BENCH_WORK/pack-tool"
mkdir -p "$logs"

# pack LABEL [ARGS…]: one dotnet pack of the tool into the feed; a failure shows the end of its log.
pack() {
  local label="$1"; shift
  local log="$logs/$label.log" start
  start=$(bench_now_ns)
  dotnet pack "$project" -c "$configuration" -o "$feed" -nologo "-p:PackageVersion=$version" "${properties[@]}" "$@" >"$log" 2>&1 \
    || { tail -n 30 "$log" >&2; bench_die "packing $label failed (log: $log)"; }
  echo "packed $label in $(bench_seconds $(( ($(bench_now_ns) - start) / 1000000 ))) s" >&2
}

pack pointer
for rid in "${rids[@]}"; do
  [[ "$rid" == none ]] && continue
  # A platform package takes every file of its publish folder: files an earlier pack left there must go.
  rm -rf "$BENCH_REPO_ROOT/cli/Contracts.Cli/bin/$configuration/net10.0/$rid/publish"
  pack "$rid" -r "$rid"
done

echo "| package | size |"
echo "|---|---:|"
for package in "$feed"/Contracts.Cli*."$version".nupkg; do
  echo "| $(basename "$package") | $(bench_thousands "$(( $(wc -c <"$package") / 1024 ))") KB |"
done
echo "feed: $(bench_display "$feed")"
echo "$version"
