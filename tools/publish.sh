#!/usr/bin/env bash
# The standalone program: `tools/publish.sh [RID...]` (default: linux-x64 win-x64) writes one self-contained,
# single-file, ReadyToRun-compiled executable per runtime to dist/<rid>/, with the default theme and its templates
# compiled ahead of time inside (docs/publishing.md). Needs the .NET SDK that global.json names; the program it
# makes needs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@"); [ ${#rids[@]} -gt 0 ] || rids=(linux-x64 win-x64)
# ReadyToRun (code compiled ahead of time: the 0.4 s first build, docs/performance.md) is on for the programs staff
# get. ACTIONPLAN_READY_TO_RUN=false leaves it out — the same program, started by the JIT — which is how the test
# suite publishes (crossgen costs minutes on two busy cores; bench/startup.sh measures the shipped program).
r2r="${ACTIONPLAN_READY_TO_RUN:-true}"
# ACTIONPLAN_COMPRESS=true compresses the libraries inside the single file (half the size, but every start unpacks
# them into memory: measured in docs/performance.md, not shipped).
compress="${ACTIONPLAN_COMPRESS:-false}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 1. Compile the default theme's templates — all of them (--all-templates), also those the shipped plan does not use
#    (the draft banner of the preview, years at a glance, redirects) — by building the site once with an empty cache. The libraries the
#    templates are compiled against (Rendering, Domain, RazorLight) are the same files every runtime's publish uses
#    (they are built without a runtime identifier), so the cache key (their module version ids) fits all of them.
#    Properties that change how they compile (DebugType, Optimize...) must be the same here and in the publish below,
#    or the ids differ and the first build compiles again (the standalone test would fail).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
templates="$PWD/obj/compiled-templates"
rm -rf "$templates"
echo "== テンプレートをコンパイルしています"
dotnet build src/ActionPlan.Site -c Release -v quiet -nologo >/dev/null
ACTIONPLAN_TEMPLATE_CACHE="$templates" dotnet src/ActionPlan.Site/bin/Release/net10.0/ActionPlan.Site.dll \
  build --input input --output "$work/site" --all-templates --quiet
count=$(ls "$templates"/*.dll | wc -l)
echo "   $count テンプレート"

# 2. One program per runtime. It runs its libraries from inside the file (nothing is unpacked: unpacking cost the first
#    run about 0.4 s); an edited theme given with --theme compiles against the loaded libraries' metadata
#    (src/ActionPlan.Rendering/Theme/SingleFileCompilation.cs). IncludeNativeLibrariesForSelfExtract: on Windows the
#    runtime's few native libraries sit inside the file too (on Linux they are part of the program already).
for rid in "${rids[@]}"; do
  echo "== $rid"
  rm -rf "dist/$rid"
  dotnet publish src/ActionPlan.Site -c Release -r "$rid" --self-contained -nologo -v quiet \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun="$r2r" -p:EnableCompressionInSingleFile="$compress" -p:PublishReadyToRunComposite=false \
    -p:CompiledTemplates="$templates" -o "dist/$rid" >/dev/null
  rm -f dist/"$rid"/*.pdb   # symbols stay beside a single file; the program is all a staffer needs
  case "$rid" in win-*) cp tools/preview.cmd "dist/$rid/preview.cmd" ;; esac   # double-click preview that stays open on an error
  ls -l dist/"$rid"/ActionPlan.Site* | awk '{printf "   %s  %.0f MB\n", $NF, $5/1048576}'
done
