#!/usr/bin/env bash
# Whole process, side by side: `contracts generate` vs Kiota vs NSwag on the same large specs, alternating runs.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/compare-generators.sh [-n RUNS] [--variants] [--reuse] [--cli PATH] [SPEC…]

Our tool as a user gets it: packs cli/Contracts.Cli into a local feed (benchmarks/pack-tool.sh: the pointer package
and this machine's platform package) and installs it with
  dotnet tool install Contracts.Cli --tool-path DIR --version V --add-source FEED
so the SDK picks the package for this RID (Native AOT on linux-x64); the table says which it installed.
Installs the peers as .NET tools (Microsoft.OpenApi.Kiota 1.38.0, NSwag.ConsoleCore 14.7.1) into
benchmarks/.work/peers (reused when present), then for each spec times, alternating (contracts, kiota, nswag,
contracts, kiota, …), each tool writing into a fresh output folder:
  contracts generate SPEC -o DIR
  kiota generate -l CSharp -d SPEC -o DIR
  nswag openapi2csclient /input:SPEC /output:DIR/Client.cs
One untimed warm-up round comes first. Prints Markdown tables: median wall time of each tool and the ratios
(faster peer / ours), then median CPU time (user+sys) and its ratios, and peak RSS (with GNU time).
Kiota's update check and telemetry are switched off (KIOTA_UPDATE__DISABLED, KIOTA_TELEMETRY__OPTOUT): both
call out to the network, which would time the network, not the generator.

  -n RUNS     timed runs per tool and spec (default 5)
  --variants  also install and time, in the same rounds, the other packages this RID could get: ReadyToRun
              (framework-dependent; what win-x64 and osx-arm64 install) and portable IL (Contracts.Cli.any, JIT;
              the single package of earlier releases), each from its own feed
  --reuse     reuse the tools installed by an earlier run (benchmarks/.work/compare/tools)
  --cli PATH  also time this contracts executable (a publish, a build), as "cli"
  SPEC…       specs to compare (default: spec/aws/lightsail-2016-11-28.yaml spec/vendors/github-api-1.1.4.yaml
              spec/vendors/stripe-2020-08-27.yaml)
Needs only the .NET SDK (and the NuGet feed, the first time). Exits non-zero if any tool fails.
USAGE
}

runs=5 cli="" variants=0 reuse=0 specs=()
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --cli) cli="${2:?--cli needs a path}"; shift 2 ;;
    --variants) variants=1; shift ;;
    --reuse) reuse=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) specs+=("$1"); shift ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n takes a positive number" >&2; exit 2; }

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
bench_large_specs
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

# Our tool, installed from a local feed as a user installs it. Each variant gets its own feed and version, so no
# package cache can hand one variant's files to another.
rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
[[ -n "$rid" ]] || bench_die "cannot tell the current runtime identifier from 'dotnet --info'"
case "$rid" in linux-x64|win-x64|osx-arm64) platform="$rid" ;; *) platform=any ;; esac
ours=(contracts)
((variants)) && ours+=(contracts-r2r contracts-il)
declare -A tool_path variant_name
# install_ours NAME PACK-TOOL ARGUMENTS…: packs into $work/feed-NAME and installs into $work/tools/NAME.
install_ours() {
  local name="$1"; shift
  local feed="$work/feed-$name" dir="$work/tools/$name" version
  if ! (( reuse )) || [[ ! -x "$dir/contracts" ]]; then
    rm -rf "$feed" "$dir"
    version=$("$BENCH_REPO_ROOT/benchmarks/pack-tool.sh" -o "$feed" --version "0.1.0-bench.$(date -u +%Y%m%d%H%M%S).${name//-/.}" "$@" | tail -n 1)
    echo "installing Contracts.Cli $version ($name) into $(bench_display "$dir")" >&2
    dotnet tool install Contracts.Cli --tool-path "$dir" --version "$version" --add-source "$feed" >"$work/install-$name.log" 2>&1 \
      || { cat "$work/install-$name.log" >&2; bench_die "could not install our tool ($name)"; }
  fi
  tool_path[$name]="$dir/contracts"
  variant_name[$name]=$(describe_install "$dir")
}
# describe_install DIR: which package the SDK installed, and whether it is a native executable or managed code.
describe_install() {
  local package kind
  package=$(find "$1/.store" -mindepth 3 -maxdepth 3 -type d -path '*/contracts.cli*' -printf '%f\n' | grep -v '^[0-9]' | sort | tail -n 1)
  if find "$1/.store" -name Contracts.Cli.dll | grep -q .; then
    if find "$1/.store" -name Contracts.Cli.dll -size +0 -exec grep -c -a 'RTR' {} + 2>/dev/null | grep -q '[1-9]'; then kind="ReadyToRun"; else kind="IL (JIT)"; fi
  else
    kind="Native AOT"
  fi
  echo "${package:-contracts.cli} ($kind)"
}
install_ours contracts --rid "$platform"
if ((variants)); then
  install_ours contracts-r2r --rid "$platform" -p ContractsAotRuntimeIdentifiers=none
  install_ours contracts-il --rid none -p ToolPackageRuntimeIdentifiers= -p PublishAot=false
fi
if [[ -n "$cli" ]]; then
  [[ -x "$cli" ]] || bench_die "not an executable: $cli"
  ours+=(cli)
  tool_path[cli]="$cli"
  variant_name[cli]=$(bench_display "$cli")
fi

tools=("${ours[@]}" kiota nswag)
# tool_command TOOL SPEC OUT: the command line of one tool writing into the fresh folder OUT.
tool_command() {
  case "$1" in
    kiota) echo "env KIOTA_UPDATE__DISABLED=true KIOTA_TELEMETRY__OPTOUT=true $peers/kiota generate -l CSharp -d $2 -o $3 --ll Warning" ;;
    nswag) echo "$peers/nswag openapi2csclient /input:$2 /output:$3/Client.cs" ;;
    *) echo "${tool_path[$1]} generate $2 -o $3" ;;
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

# min_of A B: the smaller of two medians ("-" when either is unknown).
min_of() { [[ "$1" == "-" || "$2" == "-" ]] && echo "-" || echo $(( $1 < $2 ? $1 : $2 )); }

# time_table TITLE COLUMN WITH_SIZE: one table of medians of the samples' COLUMN (1 wall, 2 CPU), with the ratios
# of the faster peer to each of ours.
time_table() {
  local title=$1 column=$2 with_size=$3 header="| spec" rule="|---" s spec row tool faster
  echo
  echo "### $title"
  echo
  if [[ $with_size == yes ]]; then header+=" | size"; rule+="|---:"; fi
  for tool in "${tools[@]}"; do header+=" | $tool"; rule+="|---:"; done
  for tool in "${ours[@]}"; do header+=" | faster peer / $tool"; rule+="|---:"; done
  echo "$header |"; echo "$rule|"
  for s in "${!specs[@]}"; do
    spec="${specs[$s]}"
    row="| $(basename "$spec")"
    if [[ $with_size == yes ]]; then row+=" | $(awk -v b="$(wc -c <"$spec")" 'BEGIN { printf "%d KB", b / 1024 }')"; fi
    for tool in "${tools[@]}"; do row+=" | $(bench_seconds "$(bench_median "$work/$s.$tool.samples" "$column")") s"; done
    faster=$(min_of "$(bench_median "$work/$s.kiota.samples" "$column")" "$(bench_median "$work/$s.nswag.samples" "$column")")
    for tool in "${ours[@]}"; do row+=" | **$(bench_ratio "$faster" "$(bench_median "$work/$s.$tool.samples" "$column")")**"; done
    echo "$row |"
  done
}

time_table "Whole process: median wall time of $runs alternating runs" 1 yes
time_table "CPU time (user+sys), medians of the same runs" 2 no

echo
echo "### Peak RSS and output, medians of the same runs"
echo
header="| spec"; rule="|---"
for tool in "${tools[@]}"; do header+=" | $tool RSS"; rule+="|---:"; done
echo "$header | .cs files ($(IFS=/; echo "${tools[*]}")) |"; echo "$rule|---:|"
for s in "${!specs[@]}"; do
  row="| $(basename "${specs[$s]}")"
  counts=()
  for tool in "${tools[@]}"; do
    row+=" | $(bench_mb "$(bench_median "$work/$s.$tool.samples" 3)") MB"
    counts+=("${files[$s.$tool]}")
  done
  echo "$row | $(IFS=/; echo "${counts[*]}") |"
done
echo
for tool in "${ours[@]}"; do echo "$tool: ${variant_name[$tool]}"; done
echo "kiota 1.38.0 and nswag 14.7.1 from $(bench_display "$peers"); RID $rid; $(nproc) cores."
echo "load before: $load_before; load after: $load_after"
