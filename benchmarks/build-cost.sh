#!/usr/bin/env bash
# What the generator costs a `dotnet build`: the Lightsail consumer with the generator vs the same code checked in.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/build-cost.sh [-n RUNS] [--keep]

Builds generator/ and runtime/ (Debug) once, then creates two consumer projects of the full Lightsail
description (spec/aws/lightsail-2016-11-28.yaml) in a temp folder, set up like tests/Contracts.BuildTests:
  generator  the spec as AdditionalFiles, the generator as an analyzer (ProjectReference, OutputItemType=Analyzer)
  plain      the files `contracts generate` writes for the same spec, checked in as plain sources
Both reference Contracts.Runtime and build Debug with `dotnet build --no-restore -p:BuildProjectReferences=false`
(what a PackageReference user gets: the referenced projects are not rebuilt), with the default build servers
(MSBuild node reuse and the Roslyn compiler server on, as a user has them). After a restore and one untimed
build of each, every round times, alternating between the two projects:
  no-op  build again with nothing changed
  edit   change one line and build: the description of GetBucketAccessKeysRequest.bucketName in the spec
         (generator) or the same text in the generated file's doc comment (plain); each round a new text
Prints the medians as a Markdown table. Checks that each edit build really compiled (obj/…/Consumer.dll rewritten).

  -n RUNS   timed rounds (default 5)
  --keep    keep the temp folder (printed) instead of deleting it
USAGE
}

runs=5 keep=0
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n takes a positive number" >&2; exit 2; }

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
spec="$BENCH_REPO_ROOT/spec/aws/lightsail-2016-11-28.yaml"
edited_text="The name of the bucket for which to return access keys."
# Types are grouped into one file per first letter of their names.
generated_file="Generated/LightsailClient.Models.G.g.cs"

# Outside the repository, so the repo's Directory.Build.props and central package versions do not apply.
root=$(mktemp -d "${TMPDIR:-/tmp}/contracts-build-cost.XXXXXX")
if (( keep )); then echo "keeping $root" >&2; else trap 'rm -rf "$root"' EXIT; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "building generator/ and runtime/ (Debug)" >&2
for project in generator/Contracts.Generator.csproj runtime/Contracts.Runtime.csproj; do
  dotnet build "$BENCH_REPO_ROOT/$project" -c Debug -nologo -v quiet >"$root/prepare.log" 2>&1 \
    || { tail -n 30 "$root/prepare.log" >&2; bench_die "building $project failed"; }
done

# consumer_project EXTRA_ITEMS: the project file of both variants; only the generator items differ.
consumer_project() {
  cat <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$BENCH_REPO_ROOT/generator/build/Contracts.Generator.props" />
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>
    <NuGetAudit>false</NuGetAudit>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$BENCH_REPO_ROOT/runtime/Contracts.Runtime.csproj" />
$1
  </ItemGroup>
</Project>
XML
}
program='var request = new Consumer.Api.GetBucketAccessKeysRequest { BucketName = "demo-bucket" };
System.Console.WriteLine(request.BucketName + " " + typeof(Consumer.Api.LightsailClient).Name);'

mkdir -p "$root/generator" "$root/plain"
cp "$spec" "$root/generator/lightsail.yaml"
consumer_project "    <ProjectReference Include=\"$BENCH_REPO_ROOT/generator/Contracts.Generator.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />
    <AdditionalFiles Include=\"lightsail.yaml\" ContractsNamespace=\"Consumer.Api\" ContractsClientName=\"LightsailClient\" />" \
  >"$root/generator/Consumer.csproj"
consumer_project "" >"$root/plain/Consumer.csproj"
echo "$program" >"$root/generator/Program.cs"
echo "$program" >"$root/plain/Program.cs"

echo "generating the plain sources with contracts generate" >&2
dotnet run --project "$BENCH_REPO_ROOT/cli/Contracts.Cli" -c Release -- generate "$spec" -o "$root/plain/Generated" \
  --namespace Consumer.Api --client-name LightsailClient >"$root/generate.log" 2>&1 \
  || { tail -n 30 "$root/generate.log" >&2; bench_die "contracts generate failed"; }
grep -q "$edited_text" "$root/plain/$generated_file" || bench_die "'$edited_text' is not in $generated_file"
grep -q "$edited_text" "$root/generator/lightsail.yaml" || bench_die "'$edited_text' is not in the spec"

variants=(generator plain)
edit_target() { [[ "$1" == generator ]] && echo "$root/generator/lightsail.yaml" || echo "$root/plain/$generated_file"; }
build() { (cd "$root/$1" && dotnet build --no-restore -p:BuildProjectReferences=false -nologo -clp:NoSummary -v quiet); }

for variant in "${variants[@]}"; do
  (cd "$root/$variant" && dotnet restore -nologo -v quiet >"$root/$variant.restore.log" 2>&1) \
    || { tail -n 30 "$root/$variant.restore.log" >&2; bench_die "restoring the $variant consumer failed"; }
  build "$variant" >"$root/$variant.first.log" 2>&1 \
    || { tail -n 30 "$root/$variant.first.log" >&2; bench_die "the first build of the $variant consumer failed"; }
  : >"$root/$variant.noop.samples"
  : >"$root/$variant.edit.samples"
done

load_before=$(bench_load)
echo "load before: $load_before" >&2
previous="$edited_text"
for round in $(seq 1 "$runs"); do
  echo "round $round of $runs" >&2
  for variant in "${variants[@]}"; do
    bench_run "$root/$variant.noop.samples" "$root/$variant.noop.log" -- build "$variant"
  done
  # The same new text in both, different every round, so each edit build has something to compile.
  replacement="The name of the bucket for which to return access keys (edit $round)."
  for variant in "${variants[@]}"; do
    target=$(edit_target "$variant")
    before=$(stat -c %y "$root/$variant/obj/Debug/net10.0/Consumer.dll" 2>/dev/null || echo none)
    sed -i "s/${previous//./\\.}/$replacement/" "$target"
    grep -q "$replacement" "$target" || bench_die "the edit did not apply to $target"
    bench_run "$root/$variant.edit.samples" "$root/$variant.edit.log" -- build "$variant"
    after=$(stat -c %y "$root/$variant/obj/Debug/net10.0/Consumer.dll")
    [[ "$before" != "$after" ]] || bench_die "the $variant edit build did not recompile (obj/Debug/net10.0/Consumer.dll unchanged)"
  done
  previous="$replacement"
done
load_after=$(bench_load)

echo
echo "### dotnet build of the Lightsail consumer (Debug, --no-restore), median of $runs alternating rounds"
echo
echo "| project | no-op build | after a one-line edit |"
echo "|---|---:|---:|"
for variant in "${variants[@]}"; do
  label=$([[ "$variant" == generator ]] && echo "generator (spec as AdditionalFiles)" || echo "plain (generated files checked in)")
  echo "| $label | $(bench_seconds "$(bench_median "$root/$variant.noop.samples" 1)") s | $(bench_seconds "$(bench_median "$root/$variant.edit.samples" 1)") s |"
done
noop_g=$(bench_median "$root/generator.noop.samples" 1) noop_p=$(bench_median "$root/plain.noop.samples" 1)
edit_g=$(bench_median "$root/generator.edit.samples" 1) edit_p=$(bench_median "$root/plain.edit.samples" 1)
echo "| generator − plain | $(bench_seconds $((noop_g - noop_p))) s | $(bench_seconds $((edit_g - edit_p))) s |"
echo
echo "$(ls "$root/plain/Generated" | wc -l) generated files; $(nproc) cores; build servers: defaults (node reuse, shared compilation)."
echo "load before: $load_before; load after: $load_after"
