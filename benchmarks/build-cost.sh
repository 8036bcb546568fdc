#!/usr/bin/env bash
# What the generator costs a `dotnet build`: the Lightsail consumer with the generator vs the same code checked in;
# with --spec, what operation selection saves: a consumer of a description with and without selection metadata.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/build-cost.sh [-n RUNS] [--keep]
       benchmarks/build-cost.sh --spec FILE [--select NAME=VALUE]... [--spec-edit TEXT] [-n RUNS] [--keep]

Builds generator/ and runtime/ (Debug) once, then creates two consumer projects of the full Lightsail
description (spec/aws/lightsail-2016-11-28.yaml) in a temp folder, set up like tests/Contracts.BuildTests:
  generator  the spec as AdditionalFiles, the generator as an analyzer (ProjectReference, OutputItemType=Analyzer)
  plain      the files `contracts generate` writes for the same spec, checked in as plain sources
Both reference Contracts.Runtime and build Debug with `dotnet build --no-restore -p:BuildProjectReferences=false`
(what a PackageReference user gets: the referenced projects are not rebuilt), with the default build servers
(MSBuild node reuse and the Roslyn compiler server on, as a user has them; where the environment turns them off,
UseSharedCompilation=false or MSBUILDDISABLENODEREUSE, these builds turn them on and stop the servers they started
at the end). After a restore and one untimed
build of each, every round times, alternating between the two projects:
  no-op  build again with nothing changed
  edit   change one line and build: the description of GetBucketAccessKeysRequest.bucketName in the spec
         (generator) or the same text in the generated file's doc comment (plain); each round a new text
Prints the medians as a Markdown table. Checks that each edit build really compiled (obj/…/Consumer.dll rewritten).

With --spec, measures operation selection instead: two consumers of FILE, both with the generator as above (a
CTR warning does not fail their builds: vendor descriptions have some),
  full      the whole description
  selected  the same description with the selection metadata of every --select (on the AdditionalFiles item,
            Contracts<NAME>="VALUE", as <OpenApiContract NAME="VALUE"> sets it); without --select, only full
The untimed first build writes the generated files into obj (EmitCompilerGeneratedFiles) to count them, their
lines, characters and types; every round then times, alternating between the consumers:
  no-op      build again with nothing changed (a no-op build that compiled is reported under the table)
  C# edit    change one line of the app's own code (a string in Program.cs) and build
  spec edit  only with --spec-edit: change the first TEXT in the description (choose a text in an operation
             both consumers keep, such as its description)
Prints the medians as a Markdown table, with the command, the commit, the date and the load before and after.
Checks that each edit build really compiled, and that the selected consumer generated less than the full one.

  -n RUNS            timed rounds (default 5)
  --keep             keep the temp folder (printed) instead of deleting it
  --spec FILE        a description (path from the current folder or the repository root)
  --select NAME=VALUE  selection metadata: IncludeTags, ExcludeTags, IncludePaths, ExcludePaths, IncludeOperations,
                     ExcludeOperations, IncludeMethods or ExcludeMethods; VALUE a list separated by , without ; or #
                     (the compiler reads AdditionalFiles metadata from an editorconfig file, where they start a
                     comment; <OpenApiContract> turns ; into , and # into ? for the user)
  --spec-edit TEXT   a text that occurs in FILE, changed (a new text each round) for the spec edit
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/measure.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/consumers.sh"

runs=5 keep=0 spec_arg="" spec_edit="" selects=()
command_line=$(bench_command_line "benchmarks/build-cost.sh" "$@")
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --keep) keep=1; shift ;;
    --spec) spec_arg="${2:?--spec needs a file}"; shift 2 ;;
    --select) selects+=("${2:?--select needs NAME=VALUE}"); shift 2 ;;
    --spec-edit) spec_edit="${2:?--spec-edit needs a text}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n takes a positive number" >&2; exit 2; }
if [[ -z "$spec_arg" ]] && (( ${#selects[@]} )) || [[ -z "$spec_arg" && -n "$spec_edit" ]]; then
  echo "error: --select and --spec-edit need --spec" >&2; exit 2
fi
selection_names="IncludeTags ExcludeTags IncludePaths ExcludePaths IncludeOperations ExcludeOperations IncludeMethods ExcludeMethods"
for select in "${selects[@]}"; do
  # A misspelt name would be metadata nobody reads: the selected consumer would silently be the full one.
  [[ "$select" == *=?* && " $selection_names " == *" ${select%%=*} "* ]] \
    || { echo "error: --select takes NAME=VALUE with NAME one of: $selection_names (got '$select')" >&2; exit 2; }
  # The compiler reads item metadata from an editorconfig file, where ; and # start a comment: the generator would see
  # only the text before them ("A;B" arrives as "A"), and the selected consumer would keep less than asked.
  [[ "${select#*=}" != *[\;\#]* ]] \
    || { echo "error: --select: separate the values with , (as AdditionalFiles metadata, ; and # end the value; got '$select')" >&2; exit 2; }
done

# Outside the repository, so the repo's Directory.Build.props and central package versions do not apply.
root=$(mktemp -d "${TMPDIR:-/tmp}/contracts-build-cost.XXXXXX")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The build servers as a developer has them, stopped at the end with the temp folder removed (lib/consumers.sh).
bench_on_exit_stop_servers_and_clean "$root" "$keep"

if [[ -n "$spec_arg" ]]; then
  if [[ -f "$spec_arg" ]]; then spec=$(realpath "$spec_arg")
  elif [[ -f "$BENCH_REPO_ROOT/$spec_arg" ]]; then spec="$BENCH_REPO_ROOT/$spec_arg"
  else bench_die "no description at $spec_arg"
  fi
  if [[ -n "$spec_edit" ]]; then
    grep -qF -- "$spec_edit" "$spec" || bench_die "'$spec_edit' (--spec-edit) is not in $spec_arg"
    # sed's pattern and replacement below take the text literally only without these characters.
    [[ "$spec_edit" != *[\\/\&\[\]\*\^\$]* ]] || bench_die "--spec-edit takes plain text (no \\ / & [ ] * ^ \$)"
  fi
fi

echo "building generator/ and runtime/ (Debug)" >&2
for project in generator/Contracts.Generator.csproj runtime/Contracts.Runtime.csproj; do
  dotnet build "$BENCH_REPO_ROOT/$project" -c Debug -nologo -v quiet >"$root/prepare.log" 2>&1 \
    || { tail -n 30 "$root/prepare.log" >&2; bench_die "building $project failed"; }
done

# consumer_project EXTRA_ITEMS [EXTRA_PROPERTIES]: the project file of both variants; only the generator items differ.
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
    <NuGetAudit>false</NuGetAudit>${2:+
$2}
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$BENCH_REPO_ROOT/runtime/Contracts.Runtime.csproj" />
$1
  </ItemGroup>
</Project>
XML
}
build() { (cd "$root/$1" && dotnet build --no-restore -p:BuildProjectReferences=false -nologo -clp:NoSummary -v quiet "${@:2}"); }
dll_time() { stat -c %y "$root/$1/obj/Debug/net10.0/Consumer.dll" 2>/dev/null || echo none; }

# --spec: a consumer of the whole description against one with the selection metadata, same run.
if [[ -n "$spec_arg" ]]; then
  variants=(full)
  (( ${#selects[@]} )) && variants+=(selected)
  selection_metadata=""
  for select in "${selects[@]}"; do
    value="${select#*=}"
    selection_metadata+=" Contracts${select%%=*}=\"$(sed 's/&/\&amp;/g; s/"/\&quot;/g; s/</\&lt;/g' <<<"$value")\""
  done
  for variant in "${variants[@]}"; do
    mkdir -p "$root/$variant"
    cp "$spec" "$root/$variant/spec.yaml"
    metadata=$([[ "$variant" == selected ]] && echo "$selection_metadata" || true)
    consumer_project "    <ProjectReference Include=\"$BENCH_REPO_ROOT/generator/Contracts.Generator.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />
    <AdditionalFiles Include=\"spec.yaml\" ContractsNamespace=\"Consumer.Api\" ContractsClientName=\"ApiClient\"$metadata />" \
      "    <!-- A vendor's description may well have CTR warnings (and a filter that matches nothing is one): measured, not failed. -->
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>" \
      >"$root/$variant/Consumer.csproj"
    # The line the C# edit changes: the client's name keeps the generated code in use, the text changes each round.
    echo 'System.Console.WriteLine("edit 0: " + typeof(Consumer.Api.ApiClient).Name);' >"$root/$variant/Program.cs"
  done

  declare -A files chars lines types
  for variant in "${variants[@]}"; do
    echo "restoring and building the $variant consumer (untimed, generated files written into obj)" >&2
    (cd "$root/$variant" && dotnet restore -nologo -v quiet >"$root/$variant.restore.log" 2>&1) \
      || { tail -n 30 "$root/$variant.restore.log" >&2; bench_die "restoring the $variant consumer failed"; }
    build "$variant" -p:EmitCompilerGeneratedFiles=true >"$root/$variant.first.log" 2>&1 \
      || { tail -n 30 "$root/$variant.first.log" >&2; bench_die "the first build of the $variant consumer failed"; }
    generated="$root/$variant/obj/Debug/net10.0/generated/Contracts.Generator"
    [[ -d "$generated" ]] || bench_die "the $variant build wrote no generated files to $generated"
    files[$variant]=$(find "$generated" -type f -name '*.cs' | wc -l)
    chars[$variant]=$(find "$generated" -type f -name '*.cs' -print0 | sort -z | xargs -0 cat | LC_ALL=C.UTF-8 wc -m)
    lines[$variant]=$(find "$generated" -type f -name '*.cs' -print0 | sort -z | xargs -0 cat | wc -l)
    # Records, enums and unions, counted as benchmarks/scaling.sh counts them (not the JSON context class).
    types[$variant]=$(find "$generated" -type f -name '*.Models.*.cs' -print0 | sort -z | xargs -0 cat \
      | grep -E '^    (public|internal) [a-z ]*(record|struct|class|enum) ' | grep -cv 'JsonContext$' || true)
    # Once more without writing the files, as the timed builds run: it must not compile again.
    before=$(dll_time "$variant")
    build "$variant" >"$root/$variant.settle.log" 2>&1 \
      || { tail -n 30 "$root/$variant.settle.log" >&2; bench_die "the second build of the $variant consumer failed"; }
    [[ "$(dll_time "$variant")" == "$before" ]] || echo "note: the $variant build after EmitCompilerGeneratedFiles compiled again" >&2
    : >"$root/$variant.noop.samples"
    : >"$root/$variant.csharp.samples"
    : >"$root/$variant.spec.samples"
  done
  if [[ " ${variants[*]} " == *" selected "* ]] && (( chars[selected] >= chars[full] )); then
    bench_die "the selection changed nothing (${chars[selected]} characters, the full description ${chars[full]}): does this generator read the metadata of --select?"
  fi
  # Each operation named by IncludeOperations should have its method in the selected client (a check that the whole
  # list arrived, not only its first entry).
  for select in "${selects[@]}"; do
    [[ "${select%%=*}" == IncludeOperations ]] || continue
    IFS=',' read -ra operations <<<"${select#*=}"
    for operation in "${operations[@]}"; do
      operation=$(tr -d '[:space:]' <<<"$operation")
      grep -rqE "[^A-Za-z0-9_]${operation}Async\(" "$root/selected/obj/Debug/net10.0/generated/Contracts.Generator" \
        || echo "warning: no method ${operation}Async in the selected consumer's generated code" >&2
    done
  done

  # edit_build VARIANT KIND FILE OLD NEW: replaces OLD with NEW in FILE, times the build, checks it compiled.
  edit_build() {
    local variant="$1" kind="$2" file="$3" old="$4" new="$5" before
    before=$(dll_time "$variant")
    # The first occurrence only (GNU sed's 0,/re/ range): one line changes.
    sed -i "0,/${old//./\\.}/s//$new/" "$file"
    grep -qF -- "$new" "$file" || bench_die "the edit did not apply to $file"
    bench_run "$root/$variant.$kind.samples" "$root/$variant.$kind.log" -- build "$variant"
    [[ "$(dll_time "$variant")" != "$before" ]] \
      || bench_die "the $variant $kind edit build did not recompile (obj/Debug/net10.0/Consumer.dll unchanged)"
  }

  recompiled_noops=0
  started=$(date -u '+%Y-%m-%d %H:%M')
  load_before=$(bench_load)
  echo "load before: $load_before" >&2
  previous_edit="$spec_edit"
  for round in $(seq 1 "$runs"); do
    echo "round $round of $runs" >&2
    for variant in "${variants[@]}"; do
      before=$(dll_time "$variant")
      bench_run "$root/$variant.noop.samples" "$root/$variant.noop.log" -- build "$variant"
      [[ "$(dll_time "$variant")" == "$before" ]] || recompiled_noops=$((recompiled_noops + 1))
    done
    for variant in "${variants[@]}"; do
      edit_build "$variant" csharp "$root/$variant/Program.cs" "\"edit $((round - 1)): " "\"edit $round: "
    done
    if [[ -n "$spec_edit" ]]; then
      # The same new text in both, different every round, so each edit build has something to compile.
      replacement="$spec_edit (edit $round)"
      for variant in "${variants[@]}"; do
        edit_build "$variant" spec "$root/$variant/spec.yaml" "$previous_edit" "$replacement"
      done
      previous_edit="$replacement"
    fi
  done
  load_after=$(bench_load)
  finished=$(date -u '+%H:%M')

  commit=$(bench_commit_label)
  spec_label=$(bench_display "$spec")
  seconds() { bench_seconds "$(bench_median "$root/$1.$2.samples" 1)"; }
  spec_cell() { [[ -n "$spec_edit" ]] && echo "$(seconds "$1" spec) s" || echo "—"; }
  echo
  echo "### dotnet build of a consumer of $spec_label (Debug, --no-restore), median of $runs alternating rounds"
  echo
  echo "| consumer | generated files | lines | characters | types | no-op build | after a C# edit | after a spec edit |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for variant in "${variants[@]}"; do
    if [[ "$variant" == full ]]; then label="the whole description"
    else label="selected: $(IFS=' '; for select in "${selects[@]}"; do printf '`%s` ' "$select"; done)"; label="${label% }"
    fi
    echo "| $label | ${files[$variant]} | $(bench_thousands "${lines[$variant]}") | $(bench_thousands "${chars[$variant]}") | $(bench_thousands "${types[$variant]}") | $(seconds "$variant" noop) s | $(seconds "$variant" csharp) s | $(spec_cell "$variant") |"
  done
  if [[ " ${variants[*]} " == *" selected "* ]]; then
    ratio() { bench_ratio "$(bench_median "$root/full.$1.samples" 1)" "$(bench_median "$root/selected.$1.samples" 1)"; }
    echo "| whole / selected | | $(bench_ratio "${lines[full]}" "${lines[selected]}") | $(bench_ratio "${chars[full]}" "${chars[selected]}") | $(bench_ratio "${types[full]}" "${types[selected]}") | $(ratio noop) | $(ratio csharp) | $([[ -n "$spec_edit" ]] && ratio spec || echo "—") |"
  fi
  echo
  echo "Command: \`$command_line\`; commit $commit; $started–$finished UTC."
  echo "Files, lines, characters and types: the generator's output (obj/…/generated/Contracts.Generator, EmitCompilerGeneratedFiles); types are the records, enums and unions declared."
  echo "C# edit: one string in Program.cs.${spec_edit:+ Spec edit: the text '$spec_edit' in the description, new each round.}"
  echo "$(nproc) cores; build servers: defaults (node reuse, shared compilation)."
  echo "load before: $load_before; load after: $load_after"
  (( recompiled_noops == 0 )) || echo "warning: $recompiled_noops no-op builds compiled (obj/…/Consumer.dll rewritten); their times are not no-op times"
  exit 0
fi

spec="$BENCH_REPO_ROOT/spec/aws/lightsail-2016-11-28.yaml"
edited_text="The name of the bucket for which to return access keys."
# Types are grouped into one file per first letter of their names.
generated_file="Generated/LightsailClient.Models.G.g.cs"

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
