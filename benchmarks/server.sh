#!/usr/bin/env bash
# Generated ASP.NET Core endpoints vs a hand-written minimal API vs an NSwag controller, per request.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/server.sh [--rounds N] [--batch N] [--no-bdn] [--no-interleaved] [-- BENCHMARKDOTNET ARGS…]

Serves the operations of samples/PetStore.Server/petstore.yaml three ways from benchmarks/Contracts.Benchmarks.Server
(each a WebApplication on TestServer: the whole ASP.NET Core pipeline, in memory) and times one request at a time:
  generated     our generator's endpoints (ContractsGenerate="Server") and a handler
  hand-written  minimal API lambdas compiled by the request delegate generator, a JsonSerializerContext, TypedResults
  nswag         NSwag.ConsoleCore 14.7.1 openapi2cscontroller (abstract controller, ActionResult<T>, System.Text.Json)
                and a controller deriving from it with [ApiController]
Requests: GET /pets/42 (200), GET /pets?limit=10&tag=a&tag=b (200), POST /pets (201), GET /pets/abc (400).

Installs NSwag into benchmarks/.work/peers (reused when present), writes its controller to
benchmarks/.work/server/PetStoreNSwagController.g.cs (the project compiles it only when present), builds Release,
checks every answer (--check), then
  1. the interleaved mode (--interleaved): all servers in one process, in turns, a batch of one operation each, the
     order rotating per round; median wall and process CPU time per request, allocated bytes per request;
  2. BenchmarkDotNet (default arguments: --filter * --job short --inProcess): mean and allocated bytes per request.
Prints Markdown tables with generated ÷ hand-written and generated ÷ NSwag. Each figure includes the harness
(TestServer and HttpClient); the floor column (a RequestDelegate answering 204) is its share. The hand-written
server's 400 has no body; the last columns time it with AddProblemDetails and UseStatusCodePages, which give it one.

  --rounds N        interleaved rounds (default 31)
  --batch N         requests per server and operation in a round (default 200)
  --no-bdn          skip BenchmarkDotNet
  --no-interleaved  skip the interleaved mode
Needs only the .NET SDK (and the NuGet feed, the first time).
USAGE
}

rounds=31 batch=200 bdn=1 interleaved=1 bdn_args=()
while (($#)); do
  case "$1" in
    --rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
    --batch) batch="${2:?--batch needs a number}"; shift 2 ;;
    --no-bdn) bdn=0; shift ;;
    --no-interleaved) interleaved=0; shift ;;
    --) shift; bdn_args=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ && "$batch" =~ ^[1-9][0-9]*$ ]] || { echo "error: --rounds and --batch take positive numbers" >&2; exit 2; }
# In process: BenchmarkDotNet's own rebuild of the project (generator included) outlasts its 2-minute build timeout
# on a loaded machine, and every server runs in one process in the interleaved mode too.
((${#bdn_args[@]})) || bdn_args=(--filter '*' --job short --inProcess)

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
project="$BENCH_REPO_ROOT/benchmarks/Contracts.Benchmarks.Server"
spec="$BENCH_REPO_ROOT/samples/PetStore.Server/petstore.yaml"
work="$BENCH_WORK/server"
peers="$BENCH_WORK/peers"
controller="$work/PetStoreNSwagController.g.cs"
mkdir -p "$work" "$peers"

if ! dotnet tool list --tool-path "$peers" 2>/dev/null | awk 'tolower($1) == "nswag.consolecore" && $2 == "14.7.1" { found = 1 } END { exit !found }'; then
  echo "installing NSwag.ConsoleCore 14.7.1 into $peers" >&2
  dotnet tool install --tool-path "$peers" NSwag.ConsoleCore --version 14.7.1 >"$work/install-nswag.log" 2>&1 \
    || { cat "$work/install-nswag.log" >&2; bench_die "could not install NSwag.ConsoleCore 14.7.1"; }
fi

"$peers/nswag" openapi2cscontroller "/input:$spec" "/output:$controller" /ControllerStyle:Abstract /UseActionResultType:true \
  /JsonLibrary:SystemTextJson /Namespace:Contracts.Benchmarks.Server.NSwag /ClassName:PetStore >"$work/nswag.log" 2>&1 \
  || { cat "$work/nswag.log" >&2; bench_die "nswag openapi2cscontroller failed"; }

dotnet build "$project" -c Release -m:1 -p:NSwagControllerFile="$controller" >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; bench_die "build failed (see $work/build.log)"; }
app="$project/bin/Release/net10.0/Contracts.Benchmarks.Server.dll"
dotnet "$app" --check >"$work/check.log" 2>&1 || { cat "$work/check.log" >&2; bench_die "a server answered unexpectedly"; }
grep -q '^ok   nswag ' "$work/check.log" || bench_die "the NSwag server was not compiled in (see $work/build.log)"

# table TITLE UNIT DIVISOR: reads "operation;server;value" lines; one row per operation, the ratios of generated.
table() {
  awk -F';' -v title="$1" -v unit="$2" -v div="$3" '
    { v[$1, $2] = $3 / div; if (!($1 in seen)) { seen[$1] = 1; ops[++n] = $1 } }
    function fmt(x) { return x == "" ? "-" : (x >= 100 ? sprintf("%.0f", x) : sprintf("%.1f", x)) }
    function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "-" : sprintf("%.2f", a / b) }
    END {
      printf "\n%s\n\n| Operation | generated (%s) | hand-written (%s) | NSwag (%s) | generated ÷ hand-written | generated ÷ NSwag | floor (%s) | hand-written with problem details (%s) | generated ÷ that |\n", title, unit, unit, unit, unit, unit
      print "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
      for (i = 1; i <= n; i++) {
        o = ops[i]; g = v[o, "generated"]; h = v[o, "hand-written"]; s = v[o, "nswag"]; f = v[o, "floor"]; p = v[o, "hand-written-problem"]
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", o, fmt(g), fmt(h), fmt(s), ratio(g, h), ratio(g, s), fmt(f), fmt(p), ratio(g, p)
      }
    }'
}

echo "commit $(git -C "$BENCH_REPO_ROOT" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(dotnet --version) SDK"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

if ((interleaved)); then
  dotnet "$app" --interleaved --rounds "$rounds" --batch "$batch" >"$work/interleaved.txt"
  rows=$(awk -F';' 'NF == 5 && $1 != "operation"' "$work/interleaved.txt")
  echo "load after the interleaved mode: $(cut -d' ' -f1-3 /proc/loadavg)"
  awk -F';' '{ print $1 ";" $2 ";" $4 }' <<<"$rows" | table "Interleaved ($rounds rounds of $batch requests): median process CPU time per request" µs 1000
  awk -F';' '{ print $1 ";" $2 ";" $3 }' <<<"$rows" | table "Interleaved: median wall time per request" µs 1000
  awk -F';' '{ print $1 ";" $2 ";" $5 }' <<<"$rows" | table "Interleaved: allocated per request (client and server)" B 1
fi

if ((bdn)); then
  artifacts="$work/bdn"
  rm -rf "$artifacts/results"
  (cd "$work" && dotnet "$app" "${bdn_args[@]}" --artifacts "$artifacts" >"$work/bdn.log" 2>&1) \
    || { tail -40 "$work/bdn.log" >&2; bench_die "BenchmarkDotNet failed (see $work/bdn.log)"; }
  echo "load after BenchmarkDotNet: $(cut -d' ' -f1-3 /proc/loadavg)"
  # The CSV reports have fixed units (Program.cs): Mean [ns], Allocated [B]; numbers may carry thousands separators.
  rows=$(for csv in "$artifacts"/results/*-report.csv; do
    awk -F';' '
      NR == 1 { for (i = 1; i <= NF; i++) { gsub(/"/, "", $i); col[$i] = i }; next }
      {
        for (i = 1; i <= NF; i++) { gsub(/"/, "", $i) }
        # "Server" is also the GC column; the parameter comes after it, so col[] holds the parameter.
        floor = $col["Method"] == "Floor"
        server = floor ? "floor" : FILENAME ~ /ProblemBodyBenchmarks/ ? "hand-written-problem" : $col["Server"]
        op = floor ? "GetPet" : $col["Method"]
        mean = $col["Mean [ns]"]; alloc = $col["Allocated [B]"]; gsub(/,/, "", mean); gsub(/,/, "", alloc)
        print op ";" server ";" mean ";" alloc
      }' "$csv"
  done)
  awk -F';' '$3 !~ /^[0-9.]+$/ || $4 !~ /^[0-9.]+$/ { bad = 1 } END { exit bad || NR == 0 }' <<<"$rows" \
    || bench_die "BenchmarkDotNet reported no figure for some benchmark (see $work/bdn.log)"
  awk -F';' '{ print $1 ";" $2 ";" $3 }' <<<"$rows" | table "BenchmarkDotNet (${bdn_args[*]}): mean per request" µs 1000
  awk -F';' '{ print $1 ";" $2 ";" $4 }' <<<"$rows" | table "BenchmarkDotNet: allocated per request (client and server)" B 1
fi
