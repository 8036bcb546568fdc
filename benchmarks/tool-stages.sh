#!/usr/bin/env bash
# Where the time of the installed contracts tool goes, stage by stage, for each package variant.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/tool-stages.sh [-n RUNS] [SPEC…]

Times `contracts generate SPEC -o DIR` with CONTRACTS_TIMINGS=1 (docs/cli.md) for each of our tools that
benchmarks/compare-generators.sh installed under benchmarks/.work/compare/tools (run it first, with --variants for
all three: Native AOT, ReadyToRun, portable IL), alternating between them within each round. A tool installed by hand
under the name contracts-base (another commit's package, `dotnet tool install Contracts.Cli --tool-path
benchmarks/.work/compare/tools/contracts-base …`) is timed in the same rounds, for a before/after of a change. The tool prints how long
each stage took: start (process start to Main), load (the spec and its referenced files), read (the OpenAPI reader,
with the locator and the document facts), model (translation and passes), emit (the C# text), write (the files).
Prints Markdown tables per spec: the median CPU time (all threads: the JIT's and the GC's count) of each stage
and their sum, the numbers to read on a loaded machine; then the wall clock of each stage, their sum and the
whole process's wall time (the rest is runtime start-up before Main and shutdown). Start's CPU time is what the
process used before Main. One untimed warm-up round comes first.

  -n RUNS  timed runs per variant and spec (default 5)
  SPEC…    specs (default: spec/aws/lightsail-2016-11-28.yaml spec/vendors/github-api-1.1.4.yaml
           spec/vendors/stripe-2020-08-27.yaml)
USAGE
}

runs=5 specs=()
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) specs+=("$1"); shift ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n takes a positive number" >&2; exit 2; }

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
bench_large_specs

tools_dir="$BENCH_WORK/compare/tools"
work="$BENCH_WORK/stages"
mkdir -p "$work"
variants=()
for name in contracts contracts-base contracts-r2r contracts-il; do
  [[ -x "$tools_dir/$name/contracts" ]] && variants+=("$name")
done
((${#variants[@]})) || bench_die "no tool installed under $tools_dir: run benchmarks/compare-generators.sh first"
stages=(start load read model emit write)
declare -A tree

load_before=$(bench_load)
echo "load before: $load_before" >&2
for s in "${!specs[@]}"; do
  spec="${specs[$s]}"
  echo "timing $(basename "$spec"): 1 warm-up + $runs runs of each variant, alternating" >&2
  for variant in "${variants[@]}"; do : >"$work/$s.$variant.wall"; : >"$work/$s.$variant.cpu"; done
  for round in $(seq 0 "$runs"); do
    for variant in "${variants[@]}"; do
      out="$work/out/$s.$variant"
      rm -rf "$out" && mkdir -p "$out"
      start=$(bench_now_ns)
      CONTRACTS_TIMINGS=1 "$tools_dir/$variant/contracts" generate "$spec" -o "$out" >"$work/$s.$variant.log" 2>&1 \
        || { tail -n 30 "$work/$s.$variant.log" >&2; bench_die "$variant failed on $spec"; }
      wall=$(( ($(bench_now_ns) - start) / 1000000 ))
      line=$(grep '^timings: ' "$work/$s.$variant.log") || bench_die "$variant printed no timings (CONTRACTS_TIMINGS needs this branch's tool)"
      cpu=$(grep '^cpu timings: ' "$work/$s.$variant.log") || bench_die "$variant printed no CPU timings (an older build of the tool)"
      # "timings: start 25 ms, load 151 ms, …; reader with tree: yes" → "25 151 …", then the whole process's wall time
      if (( round > 0 )); then
        echo "$(sed -E 's/;.*//; s/^timings: //; s/[a-z]+ ([0-9]+) ms,?/\1/g' <<<"$line") $wall" >>"$work/$s.$variant.wall"
        echo "$(sed -E 's/^cpu timings: //; s/[a-z]+ ([0-9]+) ms,?/\1/g' <<<"$cpu")" >>"$work/$s.$variant.cpu"
      fi
      tree[$variant]=$(sed -E 's/.*reader with tree: //' <<<"$line")
    done
  done
done
load_after=$(bench_load)

# table KIND TITLE: one Markdown table per spec of the medians in the KIND files (cpu or wall).
table() {
  local kind="$1" title="$2" s variant row sum i median
  for s in "${!specs[@]}"; do
    echo
    echo "### $(basename "${specs[$s]}"): $title, median milliseconds of $runs alternating runs"
    echo
    if [[ "$kind" == wall ]]; then
      echo "| variant | $(IFS='|'; sed 's/|/ | /g' <<<"${stages[*]}") | sum | whole process |"
      echo "|---|$(printf -- '---:|%.0s' "${stages[@]}")---:|---:|"
    else
      echo "| variant | $(IFS='|'; sed 's/|/ | /g' <<<"${stages[*]}") | sum |"
      echo "|---|$(printf -- '---:|%.0s' "${stages[@]}")---:|"
    fi
    for variant in "${variants[@]}"; do
      row="| $variant"
      sum=0
      for i in "${!stages[@]}"; do
        median=$(bench_median "$work/$s.$variant.$kind" $((i + 1)))
        row+=" | $median"
        sum=$((sum + median))
      done
      row+=" | $sum"
      [[ "$kind" == wall ]] && row+=" | $(bench_median "$work/$s.$variant.wall" $((${#stages[@]} + 1)))"
      echo "$row |"
    done
  done
}
table cpu "CPU time (all threads) per stage"
table wall "wall clock per stage"
echo
for variant in "${variants[@]}"; do
  echo "$variant: $(find "$tools_dir/$variant/.store" -mindepth 3 -maxdepth 3 -type d -printf '%f\n' | grep -v '^[0-9]' | sort | tail -n 1); reader kept its YAML tree: ${tree[$variant]}"
done
echo "$(nproc) cores; load before: $load_before; load after: $load_after"
