#!/usr/bin/env bash
# Does `contracts generate` (whole process) grow linearly with the size of the spec?
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/scaling.sh [-n RUNS] [--cli PATH] [CORPUS]

Times `contracts generate SPEC -o DIR` (whole process, fresh output folder each run) on corpus specs of
increasing size, alternating between the specs within each round after one untimed warm-up round:
  amazonaws.com/dax/2017-04-19 (~100 KB), asana.com/1.0 (~390 KB), amazonaws.com/lightsail/2016-11-28
  (~870 KB), meraki.com/1.12.0 (~1.2 MB), github.com/api.github.com/1.1.4 (~2.8 MB),
  googleapis.com/compute/beta (~3.5 MB)
Prints a Markdown table (size, operations and types the generated client has, files, median wall and CPU
time, time per MB) and a least-squares line through the medians: wall ≈ a + b·MB (a is the fixed cost of a run,
b the cost per MB; R² near 1 means linear growth), and the same for CPU time (less disturbed by other load).

  -n RUNS     timed runs per spec (default 5)
  --cli PATH  time this contracts executable instead of publishing one (Release, current RID)
  CORPUS      the corpus folder (default ../shared/corpus from the repository root); absent: skipped with a message
USAGE
}

runs=5 cli="" corpus=""
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --cli) cli="${2:?--cli needs a path}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) corpus="$1"; shift ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n takes a positive number" >&2; exit 2; }

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
corpus="${corpus:-$BENCH_REPO_ROOT/../shared/corpus}"
if [[ ! -d "$corpus" ]]; then
  echo "skipped: no corpus at $corpus (pass its folder as the argument)"
  exit 0
fi
corpus=$(cd "$corpus" && pwd)
specs=(
  amazonaws.com/dax/2017-04-19/openapi.yaml
  asana.com/1.0/openapi.yaml
  amazonaws.com/lightsail/2016-11-28/openapi.yaml
  meraki.com/1.12.0/openapi.yaml
  github.com/api.github.com/1.1.4/openapi.yaml
  googleapis.com/compute/beta/openapi.yaml
)
for spec in "${specs[@]}"; do [[ -f "$corpus/$spec" ]] || bench_die "the corpus has no $spec"; done

work="$BENCH_WORK/scaling"
mkdir -p "$work"
if [[ -z "$cli" ]]; then
  cli=$(bench_publish_cli "$work/cli")
fi
[[ -x "$cli" ]] || bench_die "not an executable: $cli"

load_before=$(bench_load)
echo "load before: $load_before" >&2
for s in "${!specs[@]}"; do : >"$work/$s.samples"; done
for round in $(seq 0 "$runs"); do
  if (( round == 0 )); then echo "warm-up round" >&2; else echo "round $round of $runs" >&2; fi
  for s in "${!specs[@]}"; do
    out="$work/out/$s"
    rm -rf "$out"
    if (( round == 0 )); then
      "$cli" generate "$corpus/${specs[$s]}" -o "$out" >"$work/$s.log" 2>&1 \
        || { tail -n 30 "$work/$s.log" >&2; bench_die "contracts generate failed on ${specs[$s]}"; }
    else
      bench_run "$work/$s.samples" "$work/$s.log" -- "$cli" generate "$corpus/${specs[$s]}" -o "$out"
    fi
  done
done
load_after=$(bench_load)

echo
echo "### contracts generate, whole process, by spec size (median of $runs alternating runs)"
echo
echo "| spec | size | operations | types | files | median wall | median CPU | wall per MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
: >"$work/points"
for s in "${!specs[@]}"; do
  out="$work/out/$s"
  bytes=$(wc -c <"$corpus/${specs[$s]}")
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.3f", b / 1048576 }')
  # The client interface declares one method per operation; each generated type is declared at namespace level in a
  # Models file (grouped by first letter; converters are nested deeper, in the JsonContext class). Every Models file
  # declares that context class again (partial, at the same depth): it is not a type of the document, and counting
  # it doubled the column once (docs/performance.md prints the count without it, as this prints it).
  operations=$(cat "$out"/*.Client.g.cs 2>/dev/null | grep -cE '^        [^ ].*Async\(.*\);$' || true)
  schemas=$(cat "$out"/*.Models.*.g.cs 2>/dev/null | grep -E '^    (public|internal) [a-z ]*(record|struct|class|enum) ' | grep -cv 'JsonContext$' || true)
  files=$(find "$out" -type f | wc -l)
  wall=$(bench_median "$work/$s.samples" 1)
  cpu=$(bench_median "$work/$s.samples" 2)
  echo "$mb $wall $cpu" >>"$work/points"
  per_mb=$(awk -v w="$wall" -v m="$mb" 'BEGIN { printf "%.2f", w / 1000 / m }')
  echo "| ${specs[$s]%/openapi.yaml} | $(awk -v m="$mb" 'BEGIN { printf "%.2f MB", m }') | $(bench_thousands "${operations:-0}") | $(bench_thousands "$schemas") | $(bench_thousands "$files") | $(bench_seconds "$wall") s | $(bench_seconds "$cpu") s | $per_mb s |"
done
echo
# fit COLUMN LABEL: the least-squares line through (MB, seconds) and its R².
fit() {
  awk -v c="$1" -v label="$2" '$c != "-" { n++; v = $c / 1000; x += $1; y += v; xx += $1 * $1; xy += $1 * v; yy += v * v }
    END {
      if (n < 2) exit
      b = (n * xy - x * y) / (n * xx - x * x); a = (y - b * x) / n
      r = (n * xy - x * y) / sqrt((n * xx - x * x) * (n * yy - y * y))
      printf "Least squares over the medians: %s ≈ %.2f s + %.2f s/MB × size (R² = %.3f).\n", label, a, b, r * r
    }' "$work/points"
}
fit 2 wall
fit 3 CPU
echo
echo "contracts: $(bench_display "$cli"); $(nproc) cores; load before: $load_before; load after: $load_after"
