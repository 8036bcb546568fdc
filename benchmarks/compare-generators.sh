#!/usr/bin/env bash
# Whole process, side by side: `contracts generate` vs Kiota vs NSwag on the same large specs, alternating runs.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/compare-generators.sh [-n RUNS] [--cli PATH] [SPEC…]

Installs the peers as .NET tools (Microsoft.OpenApi.Kiota 1.38.0, NSwag.ConsoleCore 14.7.1) into
benchmarks/.work/peers (reused when present), publishes cli/Contracts.Cli (Release, current RID, with the
publish settings of its csproj) into benchmarks/.work/cli, then for each spec times, alternating
(contracts, kiota, nswag, contracts, kiota, …), each tool writing into a fresh output folder:
  contracts generate SPEC -o DIR
  kiota generate -l CSharp -d SPEC -o DIR
  nswag openapi2csclient /input:SPEC /output:DIR/Client.cs
One untimed warm-up round comes first. Prints Markdown tables: median wall time of each tool and the
ratios (peer median / ours), then median CPU time (user+sys) and peak RSS (with GNU time).
Kiota's update check and telemetry are switched off (KIOTA_UPDATE__DISABLED, KIOTA_TELEMETRY__OPTOUT): both
call out to the network, which would time the network, not the generator.

  -n RUNS     timed runs per tool and spec (default 5)
  --cli PATH  time this contracts executable instead of publishing one
  SPEC…       specs to compare (default: spec/aws/lightsail-2016-11-28.yaml spec/vendors/github-api-1.1.4.yaml
              spec/vendors/stripe-2020-08-27.yaml)
Needs only the .NET SDK (and the NuGet feed, the first time). Exits non-zero if any tool fails.
USAGE
}

runs=5 cli="" specs=()
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --cli) cli="${2:?--cli needs a path}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) specs+=("$1"); shift ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n takes a positive number" >&2; exit 2; }

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
((${#specs[@]})) || specs=(
  "$BENCH_REPO_ROOT/spec/aws/lightsail-2016-11-28.yaml"
  "$BENCH_REPO_ROOT/spec/vendors/github-api-1.1.4.yaml"
  "$BENCH_REPO_ROOT/spec/vendors/stripe-2020-08-27.yaml"
)
for spec in "${specs[@]}"; do [[ -f "$spec" ]] || bench_die "no such spec: $spec"; done
# Command lines are built as words (see tool_command): no path here may contain a space.
for path in "${specs[@]}" "$BENCH_WORK" "$cli"; do
  case "$path" in *" "*) bench_die "paths with spaces are not supported: $path" ;; esac
done

work="$BENCH_WORK/compare"
peers="$BENCH_WORK/peers"
mkdir -p "$work" "$peers"

# install_peer PACKAGE VERSION COMMAND: a local tool install, skipped when that version is already there.
install_peer() {
  local package="$1" version="$2" command="$3"
  if dotnet tool list --tool-path "$peers" 2>/dev/null | awk -v p="${package,,}" -v v="$version" 'tolower($1) == p && $2 == v { found = 1 } END { exit !found }'; then
    return
  fi
  echo "installing $package $version into $peers" >&2
  dotnet tool install --tool-path "$peers" "$package" --version "$version" >"$work/install-$command.log" 2>&1 \
    || { cat "$work/install-$command.log" >&2; bench_die "could not install $package $version"; }
}
install_peer Microsoft.OpenApi.Kiota 1.38.0 kiota
install_peer NSwag.ConsoleCore 14.7.1 nswag

if [[ -z "$cli" ]]; then
  cli=$(bench_publish_cli "$work/cli")
fi
[[ -x "$cli" ]] || bench_die "not an executable: $cli"

tools=(contracts kiota nswag)
# tool_command TOOL SPEC OUT: the command line of one tool writing into the fresh folder OUT.
tool_command() {
  case "$1" in
    contracts) echo "$cli generate $2 -o $3" ;;
    kiota) echo "env KIOTA_UPDATE__DISABLED=true KIOTA_TELEMETRY__OPTOUT=true $peers/kiota generate -l CSharp -d $2 -o $3 --ll Warning" ;;
    nswag) echo "$peers/nswag openapi2csclient /input:$2 /output:$3/Client.cs" ;;
  esac
}
# check_output TOOL OUT: a tool that exits 0 but writes nothing has failed too.
check_output() {
  local count
  count=$(find "$2" -name '*.cs' -size +0 | wc -l)
  (( count > 0 )) || bench_die "$1 exited 0 but wrote no C# into $2"
}

load_before=$(bench_load)
echo "load before: $load_before" >&2
declare -A files
for s in "${!specs[@]}"; do
  spec="${specs[$s]}"
  name=$(basename "$spec")
  echo "timing $name: 1 warm-up + $runs runs of each tool, alternating" >&2
  for tool in "${tools[@]}"; do : >"$work/$s.$tool.samples"; done
  for round in $(seq 0 "$runs"); do
    for tool in "${tools[@]}"; do
      out="$work/out/$s.$tool"
      rm -rf "$out" && mkdir -p "$out"
      # shellcheck disable=SC2046 # split on purpose; paths with spaces are refused above
      if (( round == 0 )); then
        $(tool_command "$tool" "$spec" "$out") >"$work/$s.$tool.log" 2>&1 \
          || { tail -n 30 "$work/$s.$tool.log" >&2; bench_die "$tool failed on $name"; }
      else
        bench_run "$work/$s.$tool.samples" "$work/$s.$tool.log" -- $(tool_command "$tool" "$spec" "$out")
      fi
      check_output "$tool" "$out"
      files[$s.$tool]=$(find "$out" -name '*.cs' | wc -l)
    done
  done
done
load_after=$(bench_load)

echo
echo "### Whole process: median wall time of $runs alternating runs"
echo
echo "| spec | size | contracts | kiota | nswag | kiota / contracts | nswag / contracts | faster peer / contracts |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for s in "${!specs[@]}"; do
  spec="${specs[$s]}"
  ours=$(bench_median "$work/$s.contracts.samples" 1)
  kiota=$(bench_median "$work/$s.kiota.samples" 1)
  nswag=$(bench_median "$work/$s.nswag.samples" 1)
  faster=$(( kiota < nswag ? kiota : nswag ))
  size=$(awk -v b="$(wc -c <"$spec")" 'BEGIN { printf "%d KB", b / 1024 }')
  echo "| $(basename "$spec") | $size | $(bench_seconds "$ours") s | $(bench_seconds "$kiota") s | $(bench_seconds "$nswag") s | $(bench_ratio "$kiota" "$ours") | $(bench_ratio "$nswag" "$ours") | **$(bench_ratio "$faster" "$ours")** |"
done

echo
echo "### CPU time (user+sys), peak RSS and output, medians of the same runs"
echo
echo "| spec | contracts CPU | kiota CPU | nswag CPU | faster peer / contracts (CPU) | contracts RSS | kiota RSS | nswag RSS | .cs files (contracts / kiota / nswag) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for s in "${!specs[@]}"; do
  row="| $(basename "${specs[$s]}")"
  for tool in "${tools[@]}"; do row+=" | $(bench_seconds "$(bench_median "$work/$s.$tool.samples" 2)") s"; done
  ours=$(bench_median "$work/$s.contracts.samples" 2)
  kiota=$(bench_median "$work/$s.kiota.samples" 2)
  nswag=$(bench_median "$work/$s.nswag.samples" 2)
  if [[ "$ours" == "-" || "$kiota" == "-" || "$nswag" == "-" ]]; then row+=" | -"; else row+=" | $(bench_ratio $(( kiota < nswag ? kiota : nswag )) "$ours")"; fi
  for tool in "${tools[@]}"; do row+=" | $(bench_mb "$(bench_median "$work/$s.$tool.samples" 3)") MB"; done
  echo "$row | ${files[$s.contracts]} / ${files[$s.kiota]} / ${files[$s.nswag]} |"
done
echo
echo "contracts: $(bench_display "$cli"); kiota 1.38.0 and nswag 14.7.1 from $(bench_display "$peers"); $(nproc) cores."
echo "load before: $load_before; load after: $load_after"
