#!/usr/bin/env bash
# Netlify's build command (netlify.toml): works on a build image without .NET.
#  1. If no .NET SDK of the version global.json pins is on the PATH, install it with Microsoft's dotnet-install
#     script into .dotnet/ (kept between builds by netlify-plugin-cache, with the NuGet packages in .nuget-packages/).
#  2. build → audit (every page in a browser; any failure stops the deploy) → build again, so the 試験結果 page shows
#     this run. audit needs Chrome/Chromium on the image, or ACTIONPLAN_BROWSER pointing at one (docs/publishing.md).
# The same script runs anywhere with bash: `bash tools/netlify-build.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUGET_PACKAGES="${NUGET_PACKAGES:-$PWD/.nuget-packages}"
# Compiled templates kept between deploys with the rest of the cache (netlify-plugin-cache keeps .cache/). The program
# uses the folder only while it belongs to the build's user and nobody else can write it (docs/hardening.md).
export ACTIONPLAN_TEMPLATE_CACHE="${ACTIONPLAN_TEMPLATE_CACHE:-$PWD/.cache/templates}"

pinned=$(sed -n 's/.*"version": *"\([0-9]*\)\..*/\1/p' global.json | head -1)   # the major version global.json names
has_sdk() { command -v dotnet >/dev/null && dotnet --list-sdks 2>/dev/null | grep -q "^${pinned}\."; }
if ! has_sdk; then
  if [ ! -x .dotnet/dotnet ] || ! .dotnet/dotnet --list-sdks | grep -q "^${pinned}\."; then
    echo "== .NET SDK ${pinned} をインストールしています（global.json に従います）"
    curl -sSfL https://dot.net/v1/dotnet-install.sh -o .dotnet-install.sh
    bash .dotnet-install.sh --jsonfile global.json --install-dir .dotnet --no-path
    rm -f .dotnet-install.sh
  fi
  export DOTNET_ROOT="$PWD/.dotnet" PATH="$PWD/.dotnet:$PATH"
fi
dotnet --version

site() { dotnet run --project src/ActionPlan.Site -c Release -- "$@"; }
base=()
[ -n "${URL:-}" ] && base=(--base-url "$URL")   # Netlify sets URL to the site's address: sitemap.xml and canonical links
site build --input input --output _site "${base[@]}"
site audit --input input --output _site
site build --input input --output _site "${base[@]}"
