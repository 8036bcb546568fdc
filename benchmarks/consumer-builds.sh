#!/usr/bin/env bash
# What a consumer's builds cost: ours in the app, ours as a contract class library, and Kiota's output, for the same
# descriptions, alternating in one run.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/consumer-builds.sh [-n RUNS] [--keep] [SPEC…]

For each SPEC (default: spec/vendors/openai/openapi.yaml spec/vendors/github-api-1.1.4.yaml
spec/vendors/stripe-2020-08-27.yaml) builds three consumers, as a user would set them up, in a new folder under
benchmarks/.work/consumer/:
  ours in the app     a console app with the Contracts.Generator and Contracts.Runtime packages and one
                      <OpenApiContract> item
  ours as a library   a class library with the two packages and the <OpenApiContract> item (the contract), and the
                      console app referencing it (ProjectReference), as docs/contract-library.md sets it up
  Kiota               `kiota generate -l CSharp` output (Microsoft.OpenApi.Kiota 1.38.0, installed as a .NET tool into
                      benchmarks/.work/peers as compare-generators.sh installs it) inside a console app with Kiota's
                      packages (Microsoft.Kiota.Abstractions, Http.HttpClientLibrary, Serialization.Json, .Form,
                      .Text, .Multipart 2.1.6)
                      Kiota 1.38.0 names GitHub's compare parameters `base`, a keyword, and that output
                      does not compile: they are renamed `@base` after each generate (untimed), as compile-cost.sh does
Our packages are packed from this checkout (Release) into a local folder feed under a version unique to the run,
as tests/Contracts.PackageTests/LocalFeed.cs packs them: exactly what a user installs. Each app constructs its client
and calls one operation (for the three default descriptions; another SPEC gets the client constructed only), so the
generated code is used.

Every build is `dotnet build App.csproj --no-restore` (Debug) of the app, which builds the contract library first
where there is one; the build servers are as a developer has them (MSBuild node reuse and the Roslyn compiler
server on, and already warm from the untimed first build, for every variant alike; where the environment turns them
off, they are turned on for these builds and the servers started are stopped at the end). Each project is restored
once, untimed, before the first build. Then each round times, alternating between the three consumers:
  cold        bin/ and obj/Debug/ of every project of the consumer deleted, the restore's outputs in obj/ kept
              (project.assets.json and the nuget.g.* files): the first build after a clone and restore, or after a
              clean
  app edit    one string in the app's Program.cs changed
  spec edit   a one-line description change in the description (in the operation the app calls; the first
              one-line description after `paths:` for another SPEC), a new text every round; for Kiota the
              `kiota generate` the user must run first is timed in its own column and is not part of the build
The run's folder has a Directory.Build.props of its own (so none of the repository's applies) that turns off the
SDK's source control queries: with them, a commit in this checkout during a run would change every assembly's
informational version, and so every project's inputs. Each build is checked: the app edit recompiled the app (its obj/…/App.dll rewritten) and, for the library, not the
contract (obj/…/Contract.dll not rewritten); the spec edit recompiled the contract. The generated C# is counted
from an untimed first build with EmitCompilerGeneratedFiles (ours) and from Kiota's output folder.
Prints one Markdown table per spec (as soon as it is done) with medians, ratios ours / Kiota, the command, the
commit, and the load before and after.

  -n RUNS   timed rounds per spec (default 3; each round is nine builds and a kiota generate)
  --keep    keep the run's folder (printed) instead of deleting it
  SPEC…     descriptions to measure (paths from the current folder or the repository root)
Needs only the .NET SDK and the NuGet feed (the first time, for Kiota and its packages).
USAGE
}

runs=3 keep=0 specs=()
command_line=""
while (($#)); do
  case "$1" in
    -n) runs="${2:?-n needs a number}"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) specs+=("$1"); shift ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "error: -n takes a positive number" >&2; exit 2; }

here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/lib/measure.sh"
source "$here/lib/consumers.sh"
command_line=$(bench_command_line "benchmarks/consumer-builds.sh" -n "$runs" "${specs[@]}")

((${#specs[@]})) || specs=(spec/vendors/openai/openapi.yaml spec/vendors/github-api-1.1.4.yaml spec/vendors/stripe-2020-08-27.yaml)
for i in "${!specs[@]}"; do
  if [[ -f "${specs[$i]}" ]]; then specs[$i]=$(realpath "${specs[$i]}")
  elif [[ -f "$BENCH_REPO_ROOT/${specs[$i]}" ]]; then specs[$i]="$BENCH_REPO_ROOT/${specs[$i]}"
  else bench_die "no description at ${specs[$i]}"
  fi
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 KIOTA_UPDATE__DISABLED=true KIOTA_TELEMETRY__OPTOUT=true
stamp=$(date -u +%Y%m%d%H%M%S)
root="$BENCH_WORK/consumer/run-$stamp"
mkdir -p "$root"
bench_on_exit_stop_servers_and_clean "$root" "$keep"

# The run's folder is inside the repository: these files stop MSBuild, NuGet's central versions and the editorconfig
# search here, so the consumers see none of the repository's settings, as a user's projects would not. The SDK would
# also write the checkout's commit into each assembly's informational version (source control queries for Source
# Link): a commit made in the checkout during a run would then change every project's inputs and compile the
# contract library again after an app edit. A user editing between two commits has no such change; neither do these.
cat >"$root/Directory.Build.props" <<'XML'
<Project>
  <PropertyGroup>
    <EnableSourceControlManagerQueries>false</EnableSourceControlManagerQueries>
  </PropertyGroup>
</Project>
XML
echo '<Project />' >"$root/Directory.Build.targets"
echo '<Project />' >"$root/Directory.Packages.props"
printf 'root = true\n' >"$root/.editorconfig"

version="0.1.0-consumer.$stamp"
bench_pack_local_feed "$root/feed" "$version"
cat >"$root/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="contracts-local" value="$root/feed" />
  </packageSources>
</configuration>
XML
peers="$BENCH_WORK/peers"
bench_install_peer "$peers" Microsoft.OpenApi.Kiota 1.38.0
kiota="$peers/kiota"
kiota_version=2.1.6

# What each default description's app calls and which line its spec edit changes: a text that occurs once, in the
# called operation's description or summary.
spec_kind() {
  case "$1" in
    */openai/openapi.yaml) echo openai ;;
    */github-api-*.yaml) echo github ;;
    */stripe-*.yaml) echo stripe ;;
    *) echo other ;;
  esac
}
ours_call() {
  case "$1" in
    openai) echo 'await client.ListModelsAsync();' ;;
    github) echo 'await client.ReposGetAsync("octocat", "Hello-World");' ;;
    stripe) echo 'await client.GetBalanceAsync();' ;;
    *) echo 'System.Console.WriteLine(client.GetType().Name);' ;;
  esac
}
kiota_call() {
  case "$1" in
    openai) echo 'await client.Models.GetAsync();' ;;
    github) echo 'await client.Repos["octocat"]["Hello-World"].GetAsync();' ;;
    # Stripe's description gives its GET operations a (form) request body, which Kiota makes a required parameter.
    stripe) echo 'await client.V1.Balance.GetAsync(new Consumer.Kiota.V1.Balance.BalanceGetRequestBody());' ;;
    *) echo 'System.Console.WriteLine(client.GetType().Name);' ;;
  esac
}
edit_text() {
  case "$1" in
    openai) echo 'Lists the currently available models, and provides basic information' ;;
    github) echo 'When you pass the `scarlet-witch-preview` media type, requests to' ;;
    stripe) echo 'Retrieves the current account balance, based on the authentication that was used to make the request.' ;;
    *) # The first one-line description after paths: (an operation's or a parameter's), without its key.
      awk '/^paths:/ { p = 1 } p && /^ +description: [^|>"'"'"' ]/ { sub(/^ +description: /, ""); print; exit }' "$2" ;;
  esac
}

# program KIND CALL ROUND: the app's Program.cs; the operation is called only with an argument, so the app runs
# without a server, and the string the app edit changes holds the round.
program() {
  local construct
  if [[ "$1" == ours ]]; then
    construct='var client = new Consumer.Api.ApiClient(new System.Net.Http.HttpClient());'
  else
    construct='var client = new Consumer.Kiota.ApiClient(new Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter(new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider()));'
  fi
  cat <<CS
if (args.Length > 0)
{
    $construct
    $2
}
System.Console.WriteLine("app edit $3");
CS
}

# project OUTPUT_TYPE ITEMS: a project file as dotnet new console/classlib writes it, plus ITEMS.
project() {
  cat <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>$1</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
$2
  </ItemGroup>
</Project>
XML
}
contracts_items="    <PackageReference Include=\"Contracts.Generator\" Version=\"$version\" PrivateAssets=\"all\" />
    <PackageReference Include=\"Contracts.Runtime\" Version=\"$version\" />
    <OpenApiContract Include=\"api.yaml\" Namespace=\"Consumer.Api\" ClientName=\"ApiClient\" />"
kiota_items=""
for package in Abstractions Http.HttpClientLibrary Serialization.Json Serialization.Form Serialization.Text Serialization.Multipart; do
  kiota_items+="    <PackageReference Include=\"Microsoft.Kiota.$package\" Version=\"$kiota_version\" />"$'\n'
done
kiota_items="${kiota_items%$'\n'}"

variants=(app lib kiota)
variant_label() {
  case "$1" in
    app) echo "ours in the app" ;;
    lib) echo "ours as a contract library" ;;
    kiota) echo "Kiota (output in the app)" ;;
  esac
}
# The projects of a variant (the app last) and the file its spec edit changes, relative to the spec's folder.
variant_projects() { [[ "$1" == lib ]] && echo "lib/Contract lib/App" || echo "$1/App"; }
variant_spec() { [[ "$1" == lib ]] && echo "lib/Contract/api.yaml" || echo "$1/App/api.yaml"; }
dll_time() { stat -c %Y.%N "$1" 2>/dev/null || echo none; }

# Kiota matches some descriptions' texts with regular expressions under a timeout, which a loaded machine can exceed
# ("The Regex engine has timed out", seen on Stripe's at load 70): such a run is tried again, up to three times in
# all, and counted under the table; the time is the successful attempt's.
# generate_kiota DIR [SAMPLES]: with SAMPLES, the successful attempt's wall time is appended to it as bench_run does.
generate_kiota() {
  local attempt start
  for attempt in 1 2 3; do
    start=$(bench_now_ns)
    if "$kiota" generate -l CSharp -d "$1/kiota/App/api.yaml" -o "$1/kiota/App/Client" -c ApiClient -n Consumer.Kiota \
      --clean-output --ll Warning >"$1/kiota.attempt.log" 2>&1; then
      [[ -z "${2:-}" ]] || echo "$(( ($(bench_now_ns) - start) / 1000000 )) - -" >>"$2"
      bench_patch_kiota_keywords "$1/kiota/App/Client"
      cat "$1/kiota.attempt.log"
      return 0
    fi
    grep -q 'Regex engine has timed out' "$1/kiota.attempt.log" || { cat "$1/kiota.attempt.log"; return 1; }
    echo "kiota generate: a regular expression timed out (attempt $attempt of 3)" >&2
    echo "$attempt" >>"$1/kiota.retries"
  done
  cat "$1/kiota.attempt.log"
  return 1
}
build_app() { dotnet build "$1/App.csproj" --no-restore -nologo -clp:NoSummary -v quiet "${@:2}"; }

for s in "${!specs[@]}"; do
  spec="${specs[$s]}"
  kind=$(spec_kind "$spec")
  dir="$root/$s"
  text=$(edit_text "$kind" "$spec")
  [[ -n "$text" && $(grep -cF -- "$text" "$spec") -ge 1 ]] || bench_die "no one-line description to edit in $(bench_display "$spec")"
  # sed below takes the text literally only without these characters.
  [[ "$text" != *[\\/\&\[\]\*\^\$]* ]] || bench_die "the edited description of $(bench_display "$spec") has a character sed would read as a pattern: $text"
  [[ "$kind" != other ]] || echo "note: $(bench_display "$spec") is not one of the defaults: its apps construct the client and call nothing" >&2

  mkdir -p "$dir/app/App" "$dir/lib/Contract" "$dir/lib/App" "$dir/kiota/App"
  project Exe "$contracts_items" >"$dir/app/App/App.csproj"
  project Library "$contracts_items" >"$dir/lib/Contract/Contract.csproj"
  project Exe '    <ProjectReference Include="../Contract/Contract.csproj" />' >"$dir/lib/App/App.csproj"
  project Exe "$kiota_items" >"$dir/kiota/App/App.csproj"
  for variant in "${variants[@]}"; do cp "$spec" "$dir/$(variant_spec "$variant")"; done
  program ours "$(ours_call "$kind")" 0 >"$dir/app/App/Program.cs"
  program ours "$(ours_call "$kind")" 0 >"$dir/lib/App/Program.cs"
  program kiota "$(kiota_call "$kind")" 0 >"$dir/kiota/App/Program.cs"

  echo "$(bench_display "$spec"): kiota generate, restore, first build of ours (untimed)" >&2
  generate_kiota "$dir" >"$dir/kiota.first-generate.log" 2>&1 \
    || { tail -n 30 "$dir/kiota.first-generate.log" >&2; bench_die "kiota generate failed on $(bench_display "$spec")"; }
  for variant in "${variants[@]}"; do
    dotnet restore "$dir/$variant/App/App.csproj" -nologo -v quiet >"$dir/$variant.restore.log" 2>&1 \
      || { tail -n 30 "$dir/$variant.restore.log" >&2; bench_die "restoring the $variant consumer failed"; }
    for phase in cold app spec; do : >"$dir/$variant.$phase.samples"; done
  done
  : >"$dir/kiota.generate.samples"
  # The generated files written once, to count them (and the build servers warmed): the timed builds do not write them.
  build_app "$dir/app/App" -p:EmitCompilerGeneratedFiles=true >"$dir/app.first.log" 2>&1 \
    || { tail -n 30 "$dir/app.first.log" >&2; bench_die "the first build of ours in the app failed"; }
  read -r ours_files ours_chars < <(bench_count_cs "$dir/app/App/obj/Debug/net10.0/generated/Contracts.Generator")
  (( ours_files > 0 )) || bench_die "the first build wrote no generated files"
  read -r kiota_files kiota_chars < <(bench_count_cs "$dir/kiota/App/Client")
  (( kiota_files > 0 )) || bench_die "kiota generate wrote no C#"

  recompiled_contracts=0
  started=$(date -u '+%Y-%m-%d %H:%M')
  load_before=$(bench_load)
  echo "load before: $load_before" >&2
  for round in $(seq 1 "$runs"); do
    echo "$(bench_display "$spec"): round $round of $runs" >&2
    for variant in "${variants[@]}"; do
      for p in $(variant_projects "$variant"); do rm -rf "$dir/$p/bin" "$dir/$p/obj/Debug"; done
      bench_run "$dir/$variant.cold.samples" "$dir/$variant.cold.log" -- build_app "$dir/$variant/App"
      [[ -f "$dir/$variant/App/obj/Debug/net10.0/App.dll" ]] || bench_die "the cold $variant build wrote no App.dll"
    done
    for variant in "${variants[@]}"; do
      app_before=$(dll_time "$dir/$variant/App/obj/Debug/net10.0/App.dll")
      contract_before=$(dll_time "$dir/lib/Contract/obj/Debug/net10.0/Contract.dll")
      sed -i "s/app edit [0-9]*/app edit $round/" "$dir/$variant/App/Program.cs"
      bench_run "$dir/$variant.app.samples" "$dir/$variant.app.log" -- build_app "$dir/$variant/App"
      [[ "$(dll_time "$dir/$variant/App/obj/Debug/net10.0/App.dll")" != "$app_before" ]] \
        || bench_die "the $variant app edit build did not compile the app"
      if [[ "$variant" == lib && "$(dll_time "$dir/lib/Contract/obj/Debug/net10.0/Contract.dll")" != "$contract_before" ]]; then
        recompiled_contracts=$((recompiled_contracts + 1))
      fi
    done
    for variant in "${variants[@]}"; do
      target="$dir/$(variant_spec "$variant")"
      # The original description with this round's text: one line differs from it, and from the previous round.
      sed "0,/${text//./\\.}/s//$text (edit $round)/" "$spec" >"$target"
      grep -qF -- "$text (edit $round)" "$target" || bench_die "the spec edit did not apply to $target"
      compiled="$dir/$([[ "$variant" == lib ]] && echo lib/Contract/obj/Debug/net10.0/Contract.dll || echo "$variant/App/obj/Debug/net10.0/App.dll")"
      before=$(dll_time "$compiled")
      if [[ "$variant" == kiota ]]; then
        generate_kiota "$dir" "$dir/kiota.generate.samples" >"$dir/kiota.generate.log" 2>&1 \
          || { tail -n 30 "$dir/kiota.generate.log" >&2; bench_die "kiota generate failed after the spec edit"; }
      fi
      bench_run "$dir/$variant.spec.samples" "$dir/$variant.spec.log" -- build_app "$dir/$variant/App"
      [[ "$(dll_time "$compiled")" != "$before" ]] || bench_die "the $variant spec edit build did not compile $(basename "$compiled")"
    done
  done
  load_after=$(bench_load)
  finished=$(date -u '+%H:%M')

  commit=$(bench_commit_label)
  median() { bench_median "$dir/$1.$2.samples" 1; }
  seconds() { echo "$(bench_seconds "$(median "$1" "$2")") s"; }
  generate_ms=$(median kiota generate)
  echo
  echo "### Consumer builds of $(bench_display "$spec"): dotnet build (Debug, --no-restore), median of $runs alternating rounds"
  echo
  echo "| consumer | generated C# files | characters | cold | after an app edit | after a spec edit | kiota generate after the spec edit |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for variant in "${variants[@]}"; do
    if [[ "$variant" == kiota ]]; then files=$kiota_files chars=$kiota_chars gen="$(bench_seconds "$generate_ms") s"
    else files=$ours_files chars=$ours_chars gen="—"
    fi
    echo "| $(variant_label "$variant") | $(bench_thousands "$files") | $(bench_thousands "$chars") | $(seconds "$variant" cold) | $(seconds "$variant" app) | $(seconds "$variant" spec) | $gen |"
  done
  kiota_spec_total=$(( $(median kiota spec) + generate_ms ))
  for variant in app lib; do
    echo "| $(variant_label "$variant") / Kiota | | $(bench_ratio "$ours_chars" "$kiota_chars" 2) | $(bench_ratio "$(median "$variant" cold)" "$(median kiota cold)" 2) | $(bench_ratio "$(median "$variant" app)" "$(median kiota app)" 2) | $(bench_ratio "$(median "$variant" spec)" "$(median kiota spec)" 2) ($(bench_ratio "$(median "$variant" spec)" "$kiota_spec_total" 2) of generate + build) | |"
  done
  echo
  echo "Command: \`$command_line\`; commit $commit; $started–$finished UTC; Contracts packages $version (Release, local feed), Kiota 1.38.0 with its packages $kiota_version."
  echo "Cold: bin/ and obj/Debug/ deleted, restore kept; app edit: a string in Program.cs; spec edit: '$text' in the description, new each round."
  echo "$(nproc) cores; build servers: defaults (node reuse, shared compilation), warm."
  echo "load before: $load_before; load after: $load_after"
  (( recompiled_contracts == 0 )) || echo "warning: $recompiled_contracts app edit builds of the library consumer compiled the contract again"
  [[ ! -s "$dir/kiota.retries" ]] || echo "note: kiota generate was tried again $(wc -l <"$dir/kiota.retries") times after a regular expression timed out (the timed run is the successful attempt)"
done
