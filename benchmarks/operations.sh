#!/usr/bin/env bash
# Do time and memory of `contracts check` grow linearly with the number of operations? (docs/reliability.md)
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/operations.sh [-n RUNS] [--cli PATH] [OPERATIONS…]

Writes one OpenAPI 3.0 document per count (default 2500 5000 10000 20000 operations), each operation on its own
path with a path parameter and a query parameter and a JSON response of one shared schema (about 290 bytes per
operation), then times `contracts check DOCUMENT` (whole process) on each, alternating between the documents
within each round after one untimed warm-up round. Prints a Markdown table: operations, document size, the
fastest and slowest wall time, and the median peak memory (RSS, needs GNU /usr/bin/time).

  -n RUNS     timed runs per document (default 2)
  --cli PATH  time this contracts executable instead of publishing one (Release, current RID)
USAGE
}

runs=2 cli="" counts=()
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --cli) cli="${2:?--cli needs a path}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) counts+=("$1"); shift ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n takes a positive number" >&2; exit 2; }
((${#counts[@]})) || counts=(2500 5000 10000 20000)
for count in "${counts[@]}"; do
  [[ "$count" =~ ^[1-9][0-9]*$ ]] || { echo "error: not a number of operations: $count" >&2; exit 2; }
done

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
work="$BENCH_WORK/operations"
mkdir -p "$work"
if [[ -z "$cli" ]]; then
  cli=$(bench_publish_cli "$work/cli")
fi
[[ -x "$cli" ]] || bench_die "not an executable: $cli"

# write_document COUNT FILE
write_document() {
  awk -v n="$1" 'BEGIN {
    print "openapi: 3.0.3"
    print "info: {title: Operations, version: \"1.0\"}"
    print "paths:"
    for (i = 0; i < n; i++) {
      printf "  /items%d/{id}:\n", i
      print  "    get:"
      printf "      operationId: getItem%d\n", i
      print  "      parameters: [{name: id, in: path, required: true, schema: {type: string}}, {name: q, in: query, schema: {type: string}}]"
      print  "      responses: {\"200\": {description: ok, content: {application/json: {schema: {$ref: \"#/components/schemas/Item\"}}}}}"
    }
    print "components:"
    print "  schemas:"
    print "    Item: {type: object, properties: {id: {type: string}, count: {type: integer}}}"
  }' >"$2"
}

for c in "${!counts[@]}"; do
  write_document "${counts[$c]}" "$work/operations-${counts[$c]}.yaml"
  : >"$work/$c.samples"
done

load_before=$(bench_load)
echo "load before: $load_before" >&2
for round in $(seq 0 "$runs"); do
  if (( round == 0 )); then echo "warm-up round" >&2; else echo "round $round of $runs" >&2; fi
  for c in "${!counts[@]}"; do
    document="$work/operations-${counts[$c]}.yaml"
    if (( round == 0 )); then
      "$cli" check "$document" >"$work/$c.log" 2>&1 \
        || { tail -n 30 "$work/$c.log" >&2; bench_die "contracts check failed on ${counts[$c]} operations"; }
      # A check that generated nothing would time nothing: the summary must count one clean spec.
      grep -q '^1 specs: 1 clean, 0 with warnings, 0 generator errors$' "$work/$c.log" \
        || { tail -n 5 "$work/$c.log" >&2; bench_die "contracts check did not report one clean spec for ${counts[$c]} operations"; }
    else
      bench_run "$work/$c.samples" "$work/$c.log" -- "$cli" check "$document"
    fi
  done
done
load_after=$(bench_load)

echo
echo "### contracts check, whole process, one document of N operations ($runs alternating runs each)"
echo
echo "| operations | document | time | peak memory |"
echo "|---|---|---|---|"
for c in "${!counts[@]}"; do
  bytes=$(wc -c <"$work/operations-${counts[$c]}.yaml")
  fastest=$(awk '{ print $1 }' "$work/$c.samples" | sort -n | head -n 1)
  slowest=$(awk '{ print $1 }' "$work/$c.samples" | sort -n | tail -n 1)
  time=$(bench_seconds "$fastest")
  [[ "$slowest" == "$fastest" ]] || time="$(awk -v a="$fastest" -v b="$slowest" 'BEGIN { printf "%.1f–%.1f", a / 1000, b / 1000 }')"
  rss=$(bench_median "$work/$c.samples" 3)
  echo "| $(bench_thousands "${counts[$c]}") | $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1048576 }') | $time s | $(bench_mb "$rss") MB |"
done
echo
echo "contracts: $(bench_display "$cli"); $(nproc) cores; load before: $load_before; load after: $load_after"
