#!/usr/bin/env bash
# Compile cost of generated code: ours (this checkout, and optionally another commit's generator) against Kiota's
# output, compiled with Roslyn in one process, interleaved rounds (benchmarks/Contracts.Benchmarks.Compile).
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/compile-cost.sh [-n RUNS] [--base REF] [--phases LIST] [--variant V]… [SPEC…]

For each spec (default: openai github stripe), compiles in one process, round after round in the same order:
  ours            this checkout's generator, run in a generator driver as the compiler runs it
  REF             with --base: the generator of git commit REF (its generator/ folder built beside this
                  benchmark in benchmarks/.work/compile/base-REF), its output written first and read back
  ours, V         with --variant: ours with a part taken away (see the benchmark's --help)
  kiota           Kiota 1.38.0's output for the same description (installed into benchmarks/.work/peers as
                  compare-generators.sh does; generated once into benchmarks/.work/compile/kiota-SPEC and reused),
                  compiled against Kiota's packages (2.1.6)
as a Debug build of a net10.0 library compiles them (reference pack, C# 14, nullable enabled, portable PDB, reference
assembly), and prints per phase the median CPU seconds (parse, diagnostics, emit), parse + emit CPU and wall, and the
ratios to Kiota and to the first set. The machine's load before and after is printed with the table.

Kiota's output is patched in one place before it is compiled: for GitHub's description Kiota 1.38.0 names two path
parameters `base`, a C# keyword, and its output does not compile; they are renamed `@base`. Kiota sometimes stops on
OpenAI's description with "the current dom node already contains a child with name …" (a race in its parallel
generation); it is run again, up to five times.

  -n RUNS        rounds (default 3)
  --base REF     also compile the output of the generator at git commit REF (for example main)
  --phases LIST  parse,diagnostics,emit (default all three)
  --variant V    passed to the benchmark (repeatable)
  SPEC…          openai, github, stripe, lightsail, seed, or a path to a description
Needs only the .NET SDK (and the NuGet feed, the first time).
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"

runs=3 base="" phases="parse,diagnostics,emit" specs=() variants=()
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --base) base="${2:?--base needs a git commit}"; shift 2 ;;
    --phases) phases="${2:?--phases needs a list}"; shift 2 ;;
    --variant) variants+=(--variant "${2:?--variant needs a name}"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) specs+=("$1"); shift ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n takes a positive number" >&2; exit 2; }
((${#specs[@]})) || specs=(openai github stripe)

work="$BENCH_WORK/compile"
peers="$BENCH_WORK/peers"
mkdir -p "$work" "$peers"

spec_path() {
  case "$1" in
    openai) echo "$BENCH_REPO_ROOT/spec/vendors/openai/openapi.yaml" ;;
    github) echo "$BENCH_REPO_ROOT/spec/vendors/github-api-1.1.4.yaml" ;;
    stripe) echo "$BENCH_REPO_ROOT/spec/vendors/stripe-2020-08-27.yaml" ;;
    lightsail) echo "$BENCH_REPO_ROOT/spec/aws/lightsail-2016-11-28.yaml" ;;
    seed) echo "$BENCH_REPO_ROOT/spec/lightsail-bucket-access-keys.yaml" ;;
    *) realpath "$1" ;;
  esac
}
spec_name() { case "$1" in openai|github|stripe|lightsail|seed) echo "$1" ;; *) basename "${1%.*}" ;; esac; }

# The benchmark, built from a checkout (this one, or the base copy) into its own bin folder.
build_benchmark() {
  local root="$1"
  dotnet build "$root/benchmarks/Contracts.Benchmarks.Compile/Contracts.Benchmarks.Compile.csproj" -c Release -nologo -v quiet \
    >"$work/build-$(basename "$root").log" 2>&1 || { tail -n 30 "$work/build-$(basename "$root").log" >&2; bench_die "building the compile benchmark in $root failed"; }
  echo "$root/benchmarks/Contracts.Benchmarks.Compile/bin/Release/net10.0/Contracts.Benchmarks.Compile.dll"
}

echo "building the compile benchmark" >&2
bench=$(build_benchmark "$BENCH_REPO_ROOT")

# Known names are resolved by the benchmark; a path names its set by its file name, as spec_name does.
spec_args=()
for spec in "${specs[@]}"; do
  spec_args+=(--spec "$spec")
done
args=("${spec_args[@]}")

# Kiota's output, generated once per spec.
if [[ ! -x "$peers/kiota" ]]; then
  echo "installing Microsoft.OpenApi.Kiota 1.38.0 into $peers" >&2
  dotnet tool install --tool-path "$peers" Microsoft.OpenApi.Kiota --version 1.38.0 >"$work/install-kiota.log" 2>&1 \
    || { cat "$work/install-kiota.log" >&2; bench_die "could not install Kiota"; }
fi
for spec in "${specs[@]}"; do
  name=$(spec_name "$spec") out="$work/kiota-$name"
  if [[ ! -f "$out/.complete" ]]; then
    for attempt in 1 2 3 4 5; do
      rm -rf "$out"
      echo "kiota generate $name (attempt $attempt)" >&2
      if env KIOTA_UPDATE__DISABLED=true KIOTA_TELEMETRY__OPTOUT=true "$peers/kiota" generate -l CSharp -d "$(spec_path "$spec")" -o "$out" \
           -n "Kiota.${name^}" -c "${name^}Client" --ll Warning >"$work/kiota-$name.log" 2>&1; then
        touch "$out/.complete"
        break
      fi
    done
    [[ -f "$out/.complete" ]] || { tail -n 20 "$work/kiota-$name.log" >&2; bench_die "kiota failed on $name"; }
    bench_patch_kiota_keywords "$out"
  fi
  args+=(--kiota "$name=$out")
done

# Another commit's generator: this checkout copied with generator/ taken from REF, its output written once per run.
if [[ -n "$base" ]]; then
  commit=$(git -C "$BENCH_REPO_ROOT" rev-parse --short "$base")
  copy="$work/base-$commit"
  if [[ ! -d "$copy" ]]; then
    git -C "$BENCH_REPO_ROOT" worktree add --detach "$copy" HEAD >/dev/null 2>&1 || bench_die "cannot create a worktree in $copy"
  fi
  # generator/ is emptied first: a file added since REF would otherwise stay and be compiled with REF's files.
  git -C "$copy" checkout -q -f --detach "$(git -C "$BENCH_REPO_ROOT" rev-parse HEAD)" && rm -rf "$copy/generator" \
    && git -C "$copy" checkout -q "$commit" -- generator
  echo "building the benchmark with the generator of $commit" >&2
  base_bench=$(build_benchmark "$copy")
  rm -rf "$work/out-$commit"
  dotnet "$base_bench" "${spec_args[@]}" --write "$work/out-$commit" >/dev/null 2>"$work/write-$commit.log" \
    || { cat "$work/write-$commit.log" >&2; bench_die "generating with $commit failed"; }
  for spec in "${specs[@]}"; do
    name=$(spec_name "$spec")
    args+=(--saved "$commit:$name=$work/out-$commit/$name")
  done
fi

echo "compiling: $runs rounds (load: $(bench_load))" >&2
dotnet "$bench" "${args[@]}" "${variants[@]}" -n "$runs" --phases "$phases"
echo
echo "Commit $(git -C "$BENCH_REPO_ROOT" rev-parse --short HEAD)$( [[ -n "$base" ]] && echo ", base $commit"); $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')."
