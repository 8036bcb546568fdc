#!/usr/bin/env bash
# The generator's stages (read, model, emit, the driver) on a base commit and on this checkout, alternating in one
# script: the move of the Reading stage to Microsoft.OpenApi 3.11 (issue 19) measured against the reader it replaced.
# Each run is `Contracts.Benchmarks.Generation stages <spec> <warm runs>` (its own medians of warm runs after a cold
# one); the table gives the median over rounds and the ratio this/base. Scratch in benchmarks/.work/reader-stages/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"

RUNS=3
WARM=5
BASE=main
SPECS=(lightsail github stripe)

usage() {
  cat <<'EOF'
usage: benchmarks/reader-stages.sh [-n RUNS] [--warm N] [--base REF] [spec...]

Builds benchmarks/Contracts.Benchmarks.Generation (Release) at REF (default main, in a git worktree under
benchmarks/.work/reader-stages/base) and in this checkout, then runs `stages <spec> N` RUNS times on each,
alternating base and this checkout, for each spec (default: lightsail github stripe; also openai, or a path relative
to the repository root, such as spec/vendors/stripe-2020-08-27.yaml, which leaves out the warm driver's edits).
Prints a Markdown table: per stage the median of the per-run medians, in ms, and the ratio this/base; the load
average before and after.

  -n RUNS      alternating rounds per spec (default 3)
  --warm N     warm runs inside each stages run (default 5)
  --base REF   the commit to compare with (default main)
EOF
}

while (( $# > 0 )); do
  case "$1" in
    -n) RUNS="$2"; shift 2 ;;
    --warm) WARM="$2"; shift 2 ;;
    --base) BASE="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) bench_die "unknown option $1 (see --help)" ;;
    *) break ;;
  esac
done
(( $# > 0 )) && SPECS=("$@")

WORK="$BENCH_WORK/reader-stages"
BASE_TREE="$WORK/base"
mkdir -p "$WORK"

if [[ ! -d "$BASE_TREE" ]]; then
  git -C "$BENCH_REPO_ROOT" worktree add --detach "$BASE_TREE" "$BASE" >/dev/null
else
  git -C "$BASE_TREE" checkout --detach -q "$BASE"
fi

build() {
  dotnet build -c Release "$1/benchmarks/Contracts.Benchmarks.Generation" -v q -nologo >"$WORK/build-$2.log" 2>&1 \
    || { tail -n 30 "$WORK/build-$2.log" >&2; bench_die "the $2 build failed"; }
}
build "$BASE_TREE" base
build "$BENCH_REPO_ROOT" head

dll() { echo "$1/benchmarks/Contracts.Benchmarks.Generation/bin/Release/net10.0/Contracts.Benchmarks.Generation.dll"; }
BASE_DLL="$(dll "$BASE_TREE")"
HEAD_DLL="$(dll "$BENCH_REPO_ROOT")"

# The stage timer names lightsail, github and stripe; OpenAI's description is passed by its path.
spec_argument() { [[ $1 == openai ]] && echo "spec/vendors/openai/openapi.yaml" || echo "$1"; }

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$WORK"/*.samples
for spec in "${SPECS[@]}"; do
  for (( round = 1; round <= RUNS; round++ )); do
    for side in base head; do
      tree="$BENCH_REPO_ROOT"; exe="$HEAD_DLL"
      [[ $side == base ]] && { tree="$BASE_TREE"; exe="$BASE_DLL"; }
      out="$WORK/${spec//\//_}-$side-$round.md"
      (cd "$tree" && dotnet "$exe" stages "$(spec_argument "$spec")" "$WARM") >"$out" 2>&1 || { tail -n 20 "$out" >&2; bench_die "stages $spec failed on $side"; }
      # "| read | cold | median | MB |": keep the warm median per stage.
      # (Appended: one file per spec, side and stage collects every round's median.)
      awk -F'|' -v s="${spec//\//_}" -v side="$side" -v w="$WORK" 'NF >= 5 && $3 ~ /[0-9]/ && $2 !~ /^ *stage *$/ {
        gsub(/^ +| +$/, "", $2); gsub(/ /, "", $4); print $4 >> (w "/" s "-" side "-" $2 ".samples") }' "$out"
    done
  done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Base $BASE ($(git -C "$BASE_TREE" rev-parse --short HEAD)) against this checkout ($(git -C "$BENCH_REPO_ROOT" rev-parse --short HEAD)$(git -C "$BENCH_REPO_ROOT" diff --quiet || echo ', with changes')); $RUNS alternating rounds of \`stages <spec> $WARM\`; load before $LOAD_BEFORE, after $LOAD_AFTER."
echo
echo "| spec | stage | base ms | this ms | this/base |"
echo "|---|---|---:|---:|---:|"
for spec in "${SPECS[@]}"; do
  for stage in read model emit "driver (all stages)"; do
    b="$WORK/${spec//\//_}-base-$stage.samples"; h="$WORK/${spec//\//_}-head-$stage.samples"
    [[ -f "$b" && -f "$h" ]] || continue
    bm=$(median "$b"); hm=$(median "$h")
    ratio=$(awk -v b="$bm" -v h="$hm" 'BEGIN { if (b > 0) printf "%.2f", h / b; else print "-" }')
    echo "| $spec | $stage | $bm | $hm | $ratio |"
  done
done
