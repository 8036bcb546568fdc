#!/usr/bin/env bash
# How many types does a spec generate, and how many of their names did nobody choose? (docs/names.md)
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/type-names.sh [--cli PATH] [SPEC…]

Generates each spec (default: Stripe's and OpenAI's descriptions under spec/vendors/) with `contracts generate` into
a temporary folder and prints a Markdown table: the generated types (records, unions, enums; the JSON context and
the client excluded), the unions among them, the distinct type names ending in Option<N> (a position, not a name
from the spec) and the distinct union case names ending so, the Clearable<T> members, and the characters generated (every file).

  --cli PATH  the Contracts.Cli.dll to run (default cli/Contracts.Cli/bin/Debug/net10.0/Contracts.Cli.dll; build it first)
USAGE
}

root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/cli/Contracts.Cli/bin/Debug/net10.0/Contracts.Cli.dll" specs=()
while (($#)); do
  case "$1" in
    --cli) cli="${2:?--cli needs a path}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) specs+=("$1"); shift ;;
  esac
done
((${#specs[@]})) || specs=("$root/spec/vendors/stripe-2020-08-27.yaml" "$root/spec/vendors/openai/openapi.yaml")
[[ -f "$cli" ]] || { echo "error: $cli not found (dotnet build cli/Contracts.Cli)" >&2; exit 2; }

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "| spec | types | unions | enums | records | …OptionN types | …OptionN cases | Clearable members | characters |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for spec in "${specs[@]}"; do
  name="$(basename "$spec" | sed -E 's/\.(ya?ml|json)$//')"
  dir="$out/$name"
  dotnet "$cli" generate "$spec" -o "$dir" --namespace Measured --client-name MeasuredClient >/dev/null 2>&1 \
    || { echo "error: generating $spec failed" >&2; exit 1; }
  # Top-level declarations are indented once inside the file-scoped namespace block; nested cases twice.
  decls="$(cat "$dir"/MeasuredClient.Models.*.g.cs | grep -E '^    (public|internal) [a-z ]*(record|struct|class) ' | grep -v ' MeasuredJsonContext' || true)"
  unions="$(grep -c ' abstract partial record ' <<<"$decls" || true)"
  enums="$(grep -c ' readonly partial struct ' <<<"$decls" || true)"
  records="$(grep -c ' sealed partial record ' <<<"$decls" || true)"
  options="$(grep -oE ' (record|struct) [A-Za-z0-9_]*Option[0-9]+\b' <<<"$decls" | sort -u | wc -l)"
  cases="$(cat "$dir"/MeasuredClient.Models.*.g.cs | grep -oE '^        public sealed record [A-Za-z0-9_]*Option[0-9]+\(' | sort -u | wc -l)"
  clearable="$(cat "$dir"/*.cs | grep -cE 'public (global::)?Contracts\.Runtime\.Clearable<' || true)"
  chars="$(cat "$dir"/*.cs | wc -m)"
  echo "| $name | $((unions + enums + records)) | $unions | $enums | $records | $options | $cases | $clearable | $chars |"
done
