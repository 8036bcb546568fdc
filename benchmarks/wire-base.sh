#!/usr/bin/env bash
# The wire benchmark of this checkout against the one of git commit REF, in alternating processes: what a change to the
# generated converters or the runtime's JSON helpers does to reading and writing speed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"

usage() {
  cat <<'USAGE'
usage: benchmarks/wire-base.sh [-n RUNS] [--rounds R] [--only Read|Write] --base REF

Builds benchmarks/Contracts.Benchmarks.Wire twice, from this checkout and from a copy of git commit REF (the whole
tree: generator, runtime and the benchmark, in benchmarks/.work/wire/base-REF), then runs them one after the other,
RUNS times each, alternating (`--interleaved --rounds R`: every method round-robin in one process, thread CPU time).
Each process gives, per operation, the generated code's median ("Ours", what the client calls) and the hand-written
ceiling's ("HandWritten"); the table prints the medians over the processes of ours / hand-written for REF and for this
checkout, and this / REF (below 1.00: faster than before). Ratios within one process are what survive a loaded machine.

  -n RUNS      processes per side (default 3)
  --rounds R   rounds inside each process (default 21)
  --only OP    Read or Write only (default both)
  --base REF   the commit to compare with (for example main)
Needs only the .NET SDK.
USAGE
}

runs=3 rounds=21 base="" only=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
    --base) base="${2:?--base needs a git commit}"; shift 2 ;;
    --only) only=(--only "${2:?--only needs Read or Write}"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ -n "$base" ]] || { usage >&2; exit 2; }

work="$BENCH_WORK/wire"
mkdir -p "$work"
commit=$(git -C "$BENCH_REPO_ROOT" rev-parse --short "$base")
copy="$work/base-$commit"
if [[ ! -d "$copy" ]]; then
  git -C "$BENCH_REPO_ROOT" worktree add --detach "$copy" "$commit" >/dev/null 2>&1 || bench_die "cannot create a worktree in $copy"
fi

build() {
  local root="$1" label="$2"
  echo "building the wire benchmark ($label)" >&2
  dotnet build "$root/benchmarks/Contracts.Benchmarks.Wire/Contracts.Benchmarks.Wire.csproj" -c Release -nologo -v quiet >"$work/build-$label.log" 2>&1 \
    || { tail -n 30 "$work/build-$label.log" >&2; bench_die "building the wire benchmark ($label) failed"; }
  echo "$root/benchmarks/Contracts.Benchmarks.Wire/bin/Release/net10.0/Contracts.Benchmarks.Wire.dll"
}
base_dll=$(build "$copy" "$commit")
this_dll=$(build "$BENCH_REPO_ROOT" "this")

samples="$work/samples.txt"
: >"$samples"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((run = 1; run <= runs; run++)); do
  for side in base this; do
    dll=$base_dll; [[ $side == this ]] && dll=$this_dll
    echo "run $run/$runs: $side" >&2
    # | Operation | Keys | Body | Method | Median | Ratio | Allocated |  →  side operation keys body ours/hand-written
    dotnet "$dll" --interleaved --rounds "$rounds" "${only[@]}" | awk -F'|' -v side="$side" '
      function num(s) { gsub(/[^0-9.]/, "", s); return s + 0 }
      NF > 7 && ($5 ~ /^ *Ours *$/ || $5 ~ /^ *HandWritten *$/) {
        key = $2 "|" $3 "|" $4; gsub(/ /, "", key)
        if ($5 ~ /Ours/) ours[key] = num($6); else hand[key] = num($6)
      }
      END { for (k in ours) if (hand[k] > 0) printf "%s %s %.4f\n", side, k, ours[k] / hand[k] }' >>"$samples"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Medians of $runs processes per side, each of $rounds interleaved rounds; ours / hand-written within each process."
echo
echo "| operation | keys | body | $commit: ours / hand-written | this: ours / hand-written | this / $commit |"
echo "|---|---:|---|---:|---:|---:|"
awk '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { values[$1 "," $2] = values[$1 "," $2] " " $3; keys[$2] = 1 }
  END {
    for (k in keys) {
      b = median(values["base," k]); t = median(values["this," k]); split(k, p, "|")
      printf "| %s | %s | %s | %.3f | %.3f | **%.2f** |\n", p[1], p[2], p[3], b, t, t / b
    }
  }' "$samples" | sort
echo
echo "Commit $(git -C "$BENCH_REPO_ROOT" rev-parse --short HEAD) against $commit; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')."
