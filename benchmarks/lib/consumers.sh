# Shared helpers for the scripts that build consumer projects (build-cost.sh, consumer-builds.sh); sourced after
# measure.sh, not run.

# bench_command_line SCRIPT ARGS…: the command as a shell (and a Markdown code span) takes it back, single quotes
# where an argument needs any; printed under each table so that it can be rerun.
bench_command_line() {
  local line="$1" arg
  shift
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./=:,+-]+$ ]]; then line+=" $arg"; else line+=" '${arg//\'/\'\\\'\'}'"; fi
  done
  echo "$line"
}

# bench_commit_label: the checkout's commit, and whether generator/ or runtime/ (what the consumers build) differ from it.
bench_commit_label() {
  local commit
  commit=$(git -C "$BENCH_REPO_ROOT" rev-parse --short HEAD)
  [[ -z "$(git -C "$BENCH_REPO_ROOT" status --porcelain -- generator runtime)" ]] \
    || commit+=" with uncommitted changes in generator/ or runtime/"
  echo "$commit"
}

# The build servers as a developer has them: MSBuild node reuse and the Roslyn compiler server. An environment may
# turn them off (CI does, shared machines do); then bench_build_servers_on turns them on again for the builds of this
# script, and bench_build_servers_stop (from the script's exit trap) stops the servers those builds started, by
# process id: the ones that were not running before, so nothing is left behind and nobody else's server is touched.
_bench_server_pids() { pgrep -f 'VBCSCompiler|/nodeReuse:true' | sort || true; }
_bench_servers_turned_on=0
_bench_servers_before=""
bench_build_servers_on() {
  if [[ "${UseSharedCompilation:-}" == false || -n "${MSBUILDDISABLENODEREUSE:-}" ]]; then
    _bench_servers_turned_on=1
    _bench_servers_before=$(_bench_server_pids)
    echo "build servers: turned on for these builds (the environment had UseSharedCompilation=${UseSharedCompilation:-}, MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-})" >&2
    unset UseSharedCompilation MSBUILDDISABLENODEREUSE
  fi
}
bench_build_servers_stop() {
  if (( _bench_servers_turned_on )); then
    comm -13 <(echo "$_bench_servers_before") <(_bench_server_pids) | xargs -r kill 2>/dev/null || true
  fi
}

# bench_on_exit_stop_servers_and_clean ROOT KEEP: turns the build servers on (above) and, when the script exits,
# stops those it started and deletes ROOT, or keeps it (printed) when KEEP is 1.
bench_on_exit_stop_servers_and_clean() {
  _bench_root="$1" _bench_keep="$2"
  bench_build_servers_on
  (( _bench_keep )) && echo "keeping $_bench_root" >&2
  trap _bench_exit EXIT
}
_bench_exit() {
  bench_build_servers_stop
  if (( _bench_keep )); then echo "kept $_bench_root" >&2; else rm -rf "$_bench_root"; fi
}

# bench_count_cs DIR: "FILES CHARACTERS" of the .cs files below DIR (characters as UTF-8 text, files in a fixed order).
bench_count_cs() {
  local files chars
  files=$(find "$1" -type f -name '*.cs' | wc -l)
  chars=$(find "$1" -type f -name '*.cs' -print0 | sort -z | xargs -0 -r cat | LC_ALL=C.UTF-8 wc -m)
  echo "$files $chars"
}

# bench_pack_local_feed DIR VERSION: packs Contracts.Generator and Contracts.Runtime from this checkout (Release) into
# the folder feed DIR under VERSION, as tests/Contracts.PackageTests/LocalFeed.cs does: what a user installs. A
# version unique to the run keeps NuGet's package cache from serving an earlier run's packages.
bench_pack_local_feed() {
  local feed="$1" version="$2" project
  mkdir -p "$feed"
  for project in generator/Contracts.Generator.csproj runtime/Contracts.Runtime.csproj; do
    echo "packing $project ($version) into $(bench_display "$feed")" >&2
    dotnet pack "$BENCH_REPO_ROOT/$project" -c Release -o "$feed" -p:PackageVersion="$version" -nologo -v quiet \
      >"$feed.pack.log" 2>&1 || { tail -n 30 "$feed.pack.log" >&2; bench_die "packing $project failed (log: $feed.pack.log)"; }
  done
}

# bench_install_peer TOOLDIR PACKAGE VERSION: a .NET tool installed with --tool-path into TOOLDIR (as
# compare-generators.sh installs the peers), skipped when that version is already there.
bench_install_peer() {
  local tools="$1" package="$2" version="$3"
  mkdir -p "$tools"
  if dotnet tool list --tool-path "$tools" 2>/dev/null | awk -v p="${package,,}" -v v="$version" 'tolower($1) == p && $2 == v { found = 1 } END { exit !found }'; then
    return
  fi
  echo "installing $package $version into $(bench_display "$tools")" >&2
  dotnet tool install --tool-path "$tools" "$package" --version "$version" >"$tools/install-$package.log" 2>&1 \
    || { cat "$tools/install-$package.log" >&2; bench_die "could not install $package $version"; }
}
