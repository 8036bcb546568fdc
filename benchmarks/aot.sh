#!/usr/bin/env bash
# The Native AOT sample against the same app under the JIT: binary size, start + one call, peak memory (the README's
# Native AOT table).
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/aot.sh [-n RUNS] [--reuse]

Publishes samples/Lightsail.Aot twice (Release): with Native AOT as its csproj sets it (needs clang or gcc), and
framework-dependent with PublishAot=false (run as `dotnet Lightsail.Aot.dll`, the JIT column). Starts a loopback
stand-in for Lightsail (benchmarks/lib/LightsailStub.cs, built with the SDK), then runs each app's whole run
(start, one GetBucketAccessKeys call, printing and serializing the result) RUNS times, alternating, after one
untimed warm-up round that also checks the output. Prints a Markdown table: size of the native binary (the .dbg
symbols file apart), median and range of the wall time of a run, and median peak memory (RSS, needs GNU
/usr/bin/time; CPU time too).

  -n RUNS   timed runs per app (default 50)
  --reuse   keep the publishes of an earlier run (benchmarks/.work/aot) instead of publishing again
USAGE
}

runs=50 reuse=0
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --reuse) reuse=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n takes a positive number" >&2; exit 2; }

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
work="$BENCH_WORK/aot"
sample="$BENCH_REPO_ROOT/samples/Lightsail.Aot"
native="$work/native/Lightsail.Aot"
jit="$work/jit/Lightsail.Aot.dll"
mkdir -p "$work"

if (( ! reuse )) || [[ ! -x "$native" || ! -f "$jit" ]]; then
  command -v clang >/dev/null || command -v gcc >/dev/null || bench_die "Native AOT needs clang or gcc (apt-get install clang)"
  echo "publishing samples/Lightsail.Aot with Native AOT" >&2
  rm -rf "$work/native" "$work/jit"
  dotnet publish "$sample" -c Release -o "$work/native" -nologo >"$work/native.publish.log" 2>&1 \
    || { tail -n 30 "$work/native.publish.log" >&2; bench_die "the Native AOT publish failed (log: $work/native.publish.log)"; }
  echo "publishing samples/Lightsail.Aot for the JIT" >&2
  dotnet publish "$sample" -c Release -p:PublishAot=false -o "$work/jit" -nologo >"$work/jit.publish.log" 2>&1 \
    || { tail -n 30 "$work/jit.publish.log" >&2; bench_die "the JIT publish failed (log: $work/jit.publish.log)"; }
fi
[[ -x "$native" ]] || bench_die "no native binary at $native"
[[ -f "$jit" ]] || bench_die "no IL assembly at $jit"

echo "building the loopback stand-in (benchmarks/lib/LightsailStub.cs)" >&2
dotnet build "$BENCH_REPO_ROOT/benchmarks/lib/LightsailStub.cs" -c Release -o "$work/stub" -nologo >"$work/stub.build.log" 2>&1 \
  || { tail -n 30 "$work/stub.build.log" >&2; bench_die "building the stand-in failed (log: $work/stub.build.log)"; }
"$work/stub/LightsailStub" >"$work/stub.out" 2>&1 &
stub=$!
trap 'kill "$stub" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  [[ -s "$work/stub.out" ]] && break
  kill -0 "$stub" 2>/dev/null || bench_die "the stand-in stopped: $(cat "$work/stub.out")"
  sleep 0.1
done
endpoint=$(head -n 1 "$work/stub.out")
[[ "$endpoint" =~ ^http://127\.0\.0\.1:[0-9]+/$ ]] || bench_die "the stand-in printed no address: $(cat "$work/stub.out")"

names=(native jit)
commands=("$native --endpoint $endpoint" "dotnet $jit --endpoint $endpoint")
load_before=$(bench_load)
echo "load before: $load_before" >&2
for name in "${names[@]}"; do : >"$work/$name.samples"; done
for round in $(seq 0 "$runs"); do
  if (( round == 0 )); then echo "warm-up round" >&2; else echo "round $round of $runs" >&2; fi
  for i in "${!names[@]}"; do
    # shellcheck disable=SC2086 # the command is split into its words on purpose; no path here has spaces
    if (( round == 0 )); then
      ${commands[$i]} >"$work/${names[$i]}.log" 2>&1 || { cat "$work/${names[$i]}.log" >&2; bench_die "${names[$i]}: the run failed"; }
      # A run that did not make the call would time nothing worth comparing.
      grep -q 'AKIAIOSFODNN7EXAMPLE Active' "$work/${names[$i]}.log" || { cat "$work/${names[$i]}.log" >&2; bench_die "${names[$i]}: no result printed"; }
    else
      bench_run "$work/${names[$i]}.samples" "$work/${names[$i]}.log" -- ${commands[$i]}
    fi
  done
done
load_after=$(bench_load)

# cell NAME: "median ms (fastest–slowest)".
cell() {
  local samples="$work/$1.samples"
  echo "$(bench_thousands "$(bench_median "$samples" 1)") ms ($(bench_thousands "$(awk '{ print $1 }' "$samples" | sort -n | head -n 1)")–$(bench_thousands "$(awk '{ print $1 }' "$samples" | sort -n | tail -n 1)"))"
}
# cpu NAME: the median CPU time; GNU time counts in 10 ms steps, so 0 means less than that.
cpu() {
  local ms
  ms=$(bench_median "$work/$1.samples" 2)
  case "$ms" in -) echo "-" ;; 0) echo "< 10 ms" ;; *) echo "$(bench_thousands "$ms") ms" ;; esac
}
size=$(stat -c %s "$native")

echo
echo "### samples/Lightsail.Aot: start + one call to a loopback server, whole process ($runs alternating runs each)"
echo
echo "| | Native AOT | JIT (\`dotnet Lightsail.Aot.dll\`) |"
echo "|---|---|---|"
echo "| binary size | $(bench_thousands "$size") bytes ($(awk -v b="$size" 'BEGIN { printf "%.1f MiB", b / 1048576 }')), symbols apart | — |"
echo "| start + one call, median (fastest–slowest) | $(cell native) | $(cell jit) |"
echo "| CPU, median | $(cpu native) | $(cpu jit) |"
echo "| peak memory, median | $(bench_mb "$(bench_median "$work/native.samples" 3)") MB | $(bench_mb "$(bench_median "$work/jit.samples" 3)") MB |"
echo
echo "$(nproc) cores; load before: $load_before; load after: $load_after"
