#!/usr/bin/env bash
# What an edit costs the generator in the IDE (a warm driver), this checkout against a baseline commit: an unrelated C#
# edit, a one-line description edit in the spec, a schema added; alternating processes, medians, the load printed.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/spec-edits.sh [-n RUNS] [-r ROUNDS] [--baseline REF] [SPEC...]

Builds benchmarks/Contracts.Benchmarks.Generation (Release) from this checkout, and the generator of REF (default
main) from a copy of REF's files under benchmarks/.work/spec-edits; the baseline runs the same benchmark program with REF's
generator assemblies in place of this checkout's, so both sides time the same edits with the same harness. Then, for
each SPEC (default: seed lightsail github stripe), RUNS times, alternating which side goes first, one process per side:
  `Contracts.Benchmarks.Generation edits SPEC ROUNDS` (EditTimer): ROUNDS rounds (after two untimed ones) of a first
  build (a new driver over the spec, in the warm process) and, on a warm driver, an unrelated C# edit, a one-line
  description edit there and back, a schema added and removed.
Prints a Markdown table of the medians over the processes' medians (ms and MB allocated), the ratio baseline / this
checkout, and what the description edit did to the parse on each side, with the commits, the date and the load
before and after. Absolute times move with the machine's load; compare the ratios.

  -n RUNS          processes per side and spec (default 3)
  -r ROUNDS        timed rounds of each edit in a process (default 10)
  --baseline REF   the commit to compare with (default main)
USAGE
}

runs=3 rounds=10 baseline=main specs=()
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    -r) rounds="${2:?-r needs a number}"; shift 2 ;;
    --baseline) baseline="${2:?--baseline needs a commit}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) specs+=("$1"); shift ;;
  esac
done
((${#specs[@]})) || specs=(seed lightsail github stripe)

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
repo="$BENCH_REPO_ROOT"
work="$BENCH_WORK/spec-edits"
mkdir -p "$work"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
baseline_commit="$(git -C "$repo" rev-parse --short "$baseline")"
current_commit="$(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- generator benchmarks || echo '+changes')"

echo "building the benchmark at $current_commit and the generator at $baseline ($baseline_commit)…" >&2
rm -rf "$work/current" "$work/baseline"
dotnet build -c Release "$repo/benchmarks/Contracts.Benchmarks.Generation" -o "$work/current" >"$work/build-current.log" 2>&1 \
  || { tail -n 30 "$work/build-current.log" >&2; bench_die "the benchmark did not build"; }
# A plain copy of the baseline's files (no worktree to register or clean up).
rm -rf "$work/baseline-src" "$work/baseline-generator"
mkdir -p "$work/baseline-src"
git -C "$repo" archive "$baseline_commit" | tar -x -C "$work/baseline-src"
dotnet build -c Release "$work/baseline-src/generator" -o "$work/baseline-generator" >"$work/build-baseline.log" 2>&1 \
  || { tail -n 30 "$work/build-baseline.log" >&2; bench_die "the baseline generator did not build"; }
cp -r "$work/current" "$work/baseline"
# The generator and what it ships beside it (the OpenAPI reader, SharpYaml); Roslyn and System.* stay the harness's.
for dll in "$work/baseline-generator"/*.dll; do
  case "$(basename "$dll")" in Microsoft.CodeAnalysis*|System.*) ;; *) cp "$dll" "$work/baseline/" ;; esac
done
# Without a deps.json the host loads every assembly of the folder: the baseline generator's dependencies may differ.
rm -f "$work/current/Contracts.Benchmarks.Generation.deps.json" "$work/baseline/Contracts.Benchmarks.Generation.deps.json"

rows="$work/rows.txt"
: >"$rows"
for ((i = 1; i <= runs; i++)); do
  for spec in "${specs[@]}"; do
    if ((i % 2)); then order=(baseline current); else order=(current baseline); fi
    for side in "${order[@]}"; do
      echo "run $i/$runs: $spec, $side" >&2
      dotnet "$work/$side/Contracts.Benchmarks.Generation.dll" edits "$spec" "$rounds" >"$work/out.txt" 2>"$work/err.txt" \
        || { cat "$work/err.txt" >&2; bench_die "edits $spec failed ($side)"; }
      sed "s/^/$side /" "$work/out.txt" >>"$rows"
    done
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "\`benchmarks/spec-edits.sh -n $runs -r $rounds --baseline $baseline ${specs[*]}\` ($(date -u '+%Y-%m-%d %H:%M UTC'), baseline $baseline_commit, this checkout $current_commit; load $load_before before, $load_after after): medians of $runs processes' medians of $rounds rounds, warm driver."
echo
echo "| spec | edit | baseline ms | this checkout ms | baseline / this | baseline MB | this MB | description edit: baseline / this |"
echo "|---|---|---:|---:|---:|---:|---:|---|"
# Rows: "<side> | spec | edit | ms | MB | detail |"
awk -F'|' '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function trim(s) { gsub(/^ +| +$/, "", s); return s }
  {
    side = trim($1); spec = trim($2); edit = trim($3); key = spec SUBSEP edit
    if (!(key in seen)) { seen[key] = 1; keys[++count] = key; specs[key] = spec; edits[key] = edit }
    ms[key, side] = ms[key, side] " " trim($4); mb[key, side] = mb[key, side] " " trim($5)
    if (trim($6) != "") detail[key, side] = trim($6)
  }
  END {
    for (k = 1; k <= count; k++) {
      key = keys[k]; b = median(ms[key, "baseline"]); c = median(ms[key, "current"])
      d = ((key SUBSEP "baseline") in detail) ? detail[key, "baseline"] " / " detail[key, "current"] : ""
      printf "| %s | %s | %.2f | %.2f | **%.1f×** | %.1f | %.1f | %s |\n", specs[key], edits[key], b, c, (c > 0 ? b / c : 0), median(mb[key, "baseline"]), median(mb[key, "current"]), d
    }
  }' "$rows"
