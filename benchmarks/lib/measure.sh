# Shared helpers for the whole-process benchmark scripts (sourced, not run).
# Each measured run appends one line "wall_ms cpu_ms peak_rss_kb" to a samples file; tables print medians.

# The repository root, whatever folder the script was started from.
BENCH_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Tools, publishes and outputs go here; git-ignored.
BENCH_WORK="${BENCH_WORK:-$BENCH_REPO_ROOT/benchmarks/.work}"

# GNU time gives peak RSS and CPU time; without it we still time wall clock.
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' true >/dev/null 2>&1; then
  BENCH_HAVE_TIME=1
else
  BENCH_HAVE_TIME=0
fi

bench_die() { echo "error: $*" >&2; exit 1; }

bench_now_ns() { date +%s%N; }

# bench_run SAMPLES LOG -- COMMAND...: runs COMMAND once (output to LOG), appends its figures to SAMPLES.
# A failing command stops the whole script and shows the end of its output.
bench_run() {
  local samples="$1" log="$2"; shift 3
  local stats="$log.time" start end status=0 timed=0
  # GNU time runs programs only; a shell function (such as a build in a subshell) gets wall time alone.
  [[ $BENCH_HAVE_TIME == 1 && $(type -t "$1") == file ]] && timed=1
  start=$(bench_now_ns)
  if (( timed )); then
    /usr/bin/time -o "$stats" -f '%U %S %M' "$@" >"$log" 2>&1 || status=$?
  else
    "$@" >"$log" 2>&1 || status=$?
  fi
  end=$(bench_now_ns)
  if (( status != 0 )); then
    echo "error: command failed (exit $status): $*" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  local wall_ms=$(( (end - start) / 1000000 )) cpu_ms="-" rss="-" user sys
  if (( timed )); then
    # The last line: GNU time prints "Command exited…" lines before it only on failure.
    read -r user sys rss < <(tail -n 1 "$stats")
    cpu_ms=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')
  fi
  echo "$wall_ms $cpu_ms $rss" >>"$samples"
}

# bench_median SAMPLES COLUMN: the median of one column (1 wall ms, 2 cpu ms, 3 rss KB); "-" when unknown.
bench_median() {
  awk -v c="$2" '$c != "-" { print $c }' "$1" | sort -n | awk '
    { v[NR] = $1 }
    END {
      if (NR == 0) { print "-"; exit }
      if (NR % 2) print v[(NR + 1) / 2]; else printf "%d\n", (v[NR / 2] + v[NR / 2 + 1]) / 2
    }'
}

# bench_seconds MS: "1.234" (seconds, three decimals) or "-".
bench_seconds() { [[ "$1" == "-" ]] && echo "-" || awk -v m="$1" 'BEGIN { printf "%.2f", m / 1000 }'; }

# bench_mb KB: "123" (MB, whole) or "-".
bench_mb() { [[ "$1" == "-" ]] && echo "-" || awk -v k="$1" 'BEGIN { printf "%d", k / 1024 }'; }

# bench_ratio NUMERATOR DENOMINATOR [DECIMALS]: "2.5×" or "-".
bench_ratio() {
  [[ "$1" == "-" || "$2" == "-" || "$2" == "0" ]] && { echo "-"; return; }
  awk -v a="$1" -v b="$2" -v d="${3:-1}" 'BEGIN { printf "%.*f×", d, a / b }'
}

# bench_display PATH: PATH as the reports print it, relative to the repository root when inside it, so that a
# table pasted into a document names no machine's folders.
bench_display() {
  local path
  path=$(realpath -m "$1")
  case "$path" in
    "$BENCH_REPO_ROOT"/*) echo "${path#"$BENCH_REPO_ROOT"/}" ;;
    *) echo "$path" ;;
  esac
}

# bench_thousands N: "20,000" (a whole number with thousands separators, as the documents print it).
bench_thousands() { sed -E ':a; s/^([0-9]+)([0-9]{3})/\1,\2/; ta' <<<"$1"; }

# bench_load: the load averages, for the notes under each table.
bench_load() { uptime | sed 's/.*load average: /load /'; }

# Kiota 1.38.0 names GitHub's compare parameters `base`, a C# keyword, and that output does not compile: rename them
# `@base` in the C# files under DIR, the only change either script makes to Kiota's output.
bench_patch_kiota_keywords() {
  { grep -rlE --include='*.cs' 'string base\b' "$1" || true; } | while read -r file; do
    sed -i -E 's/string base\b/string @base/g; s/\(base\)/(@base)/g; s/, base([,)])/, @base\1/g' "$file"
  done
}

# bench_publish_cli DIR [MSBUILD PROPERTIES…]: publishes cli/Contracts.Cli (Release, current RID,
# framework-dependent like the installed tool) into DIR; prints the path of the contracts executable.
bench_publish_cli() {
  local dir="$1"; shift
  local rid
  rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
  [[ -n "$rid" ]] || bench_die "cannot tell the current runtime identifier from 'dotnet --info'"
  echo "publishing cli/Contracts.Cli (Release, $rid${*:+, $*}) to $dir" >&2
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  # PublishAot=false: the csproj packs linux-x64 as Native AOT; these scripts time the ReadyToRun (JIT) build.
  dotnet publish "$BENCH_REPO_ROOT/cli/Contracts.Cli/Contracts.Cli.csproj" -c Release -r "$rid" --self-contained false -p:PublishAot=false \
    -o "$dir" -nologo -v quiet "$@" >"$dir.publish.log" 2>&1 \
    || { tail -n 30 "$dir.publish.log" >&2; bench_die "publishing the CLI failed (log: $dir.publish.log)"; }
  echo "$dir/Contracts.Cli"
}

# bench_large_specs: the caller's "specs" array as given on its command line, or else the three large descriptions the
# whole-process comparisons use (Lightsail, GitHub, Stripe); stops the script if one does not exist.
bench_large_specs() {
  ((${#specs[@]})) || specs=(
    "$BENCH_REPO_ROOT/spec/aws/lightsail-2016-11-28.yaml"
    "$BENCH_REPO_ROOT/spec/vendors/github-api-1.1.4.yaml"
    "$BENCH_REPO_ROOT/spec/vendors/stripe-2020-08-27.yaml"
  )
  local spec
  for spec in "${specs[@]}"; do [[ -f "$spec" ]] || bench_die "no such spec: $spec"; done
}
