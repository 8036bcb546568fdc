#!/usr/bin/env bash
# How much of a `contracts` run is process startup and JIT, and what publishing and runtime settings save.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/startup.sh [-n RUNS] [--reuse] [--only-lightsail]

Publishes cli/Contracts.Cli four ways (plain JIT, ReadyToRun, ReadyToRun composite, each with the .NET runtime
defaults; and as its csproj publishes it: ReadyToRun, TieredPGO off, InvariantGlobalization) into
benchmarks/.work/startup/ (Release, current RID, framework-dependent), then times, alternating between the configurations
within each round, three workloads:
  help       contracts --help                                  (process start, no generator)
  seed       contracts generate spec/lightsail-bucket-access-keys.yaml  (tiny spec: startup + JIT dominate)
  lightsail  contracts generate spec/aws/lightsail-2016-11-28.yaml      (870 KB, 911 files)
Runtime knobs (tiered PGO, quick JIT for loops, tiered compilation, invariant globalization, concurrent GC) are
applied to the ReadyToRun publish through DOTNET_* environment variables, which set what the matching csproj
properties (TieredPGO, TieredCompilationQuickJitForLoops, TieredCompilation, InvariantGlobalization,
ConcurrentGarbageCollection) write to the runtimeconfig.json.
Prints one Markdown table per workload: median wall time, median CPU time (user+sys), peak RSS, and the
speed-up over the plain publish (plain median / this median).

  -n RUNS           runs per configuration and workload (default 5)
  --reuse           reuse the publishes of an earlier run
  --only-lightsail  skip the help and seed workloads
USAGE
}

runs=5 reuse=0 workloads=(help seed lightsail)
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --reuse) reuse=1; shift ;;
    --only-lightsail) workloads=(lightsail); shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n takes a positive number" >&2; exit 2; }

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
work="$BENCH_WORK/startup"
mkdir -p "$work"

publish() { # publish NAME PROPERTIES…
  local name="$1"; shift
  if (( reuse )) && [[ -x "$work/$name/Contracts.Cli" ]]; then return; fi
  bench_publish_cli "$work/$name" "$@" >/dev/null
}
# The .NET defaults (tiered PGO on, ICU) unless named; "shipped" is what the csproj publishes.
defaults=(-p:TieredPGO=true -p:InvariantGlobalization=false)
publish plain -p:PublishReadyToRun=false "${defaults[@]}"
publish r2r -p:PublishReadyToRun=true "${defaults[@]}"
publish r2r-composite -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true "${defaults[@]}"
publish shipped

# label | publish | environment (space-separated NAME=VALUE, or "-")
configs=(
  "plain (JIT only)|plain|-"
  "ReadyToRun|r2r|-"
  "ReadyToRun composite|r2r-composite|-"
  "ReadyToRun, TieredPGO off|r2r|DOTNET_TieredPGO=0"
  "ReadyToRun, QuickJitForLoops off|r2r|DOTNET_TC_QuickJitForLoops=0"
  "ReadyToRun, TieredCompilation off|r2r|DOTNET_TieredCompilation=0"
  "ReadyToRun, InvariantGlobalization|r2r|DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1"
  "ReadyToRun, concurrent GC off|r2r|DOTNET_gcConcurrent=0"
  "as shipped: ReadyToRun, TieredPGO off, invariant (csproj)|shipped|-"
)

workload_args() { # the contracts arguments of a workload; $2 is a fresh output folder
  case "$1" in
    help) echo "--help" ;;
    seed) echo "generate $BENCH_REPO_ROOT/spec/lightsail-bucket-access-keys.yaml -o $2" ;;
    lightsail) echo "generate $BENCH_REPO_ROOT/spec/aws/lightsail-2016-11-28.yaml -o $2" ;;
  esac
}

echo "load before: $(bench_load)"
for workload in "${workloads[@]}"; do
  for i in "${!configs[@]}"; do : >"$work/$workload.$i.samples"; done
  # One untimed run per configuration so every one starts with warm file caches.
  for round in $(seq 0 "$runs"); do
    for i in "${!configs[@]}"; do
      IFS='|' read -r label name env <<<"${configs[$i]}"
      out="$work/out/$workload.$i"
      rm -rf "$out"
      # shellcheck disable=SC2046 # the arguments are split on purpose; no path here has spaces
      cmd=(env $([[ "$env" == "-" ]] || echo "$env") "$work/$name/Contracts.Cli" $(workload_args "$workload" "$out"))
      if (( round == 0 )); then
        "${cmd[@]}" >"$work/$workload.$i.log" 2>&1 || { cat "$work/$workload.$i.log" >&2; bench_die "$label failed on $workload"; }
      else
        bench_run "$work/$workload.$i.samples" "$work/$workload.$i.log" -- "${cmd[@]}"
      fi
    done
  done

  echo
  echo "### $workload ($runs runs each, alternating)"
  echo
  echo "| configuration | median wall | median CPU | peak RSS | wall speed-up | CPU speed-up |"
  echo "|---|---:|---:|---:|---:|---:|"
  base_wall=$(bench_median "$work/$workload.0.samples" 1)
  base_cpu=$(bench_median "$work/$workload.0.samples" 2)
  for i in "${!configs[@]}"; do
    IFS='|' read -r label name env <<<"${configs[$i]}"
    wall=$(bench_median "$work/$workload.$i.samples" 1)
    cpu=$(bench_median "$work/$workload.$i.samples" 2)
    rss=$(bench_median "$work/$workload.$i.samples" 3)
    echo "| $label | $(bench_seconds "$wall") s | $(bench_seconds "$cpu") s | $(bench_mb "$rss") MB | $(bench_ratio "$base_wall" "$wall" 2) | $(bench_ratio "$base_cpu" "$cpu" 2) |"
  done
done
echo
echo "load after: $(bench_load)"
