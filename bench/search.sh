#!/usr/bin/env bash
# Search index size and the build's time at N items (issue 21): builds the seed (16 items) and synthetic plans of
# 1,000 and 10,000 items (tools/ActionPlan.Synth) once each into an empty folder, and reports the size of
# search/index.js (what the search page downloads on first use), its share of the site, and the build's wall time.
# The time search adds is measured by bench/compare.sh against the commit before search (docs/performance.md).
# Usage: bash bench/search.sh [sizes...]     e.g. bash bench/search.sh 16 1000 10000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-16 1000 10000}"); [ $# -eq 0 ] && sizes=(16 1000 10000)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dotnet build src/ActionPlan.Site -c Release -v q -nologo >/dev/null
dotnet build tools/ActionPlan.Synth -c Release -v q -nologo >/dev/null
app="$PWD/src/ActionPlan.Site/bin/Release/net10.0/ActionPlan.Site.dll"
export ACTIONPLAN_TEMPLATE_CACHE="$work/cache"
echo "| items | search/index.js | per item | site (all files) | build wall s |"
echo "|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  if [ "$n" = 16 ]; then in=input; else in="$work/in-$n"; dotnet tools/ActionPlan.Synth/bin/Release/net10.0/ActionPlan.Synth.dll input "$in" "$n" >/dev/null; fi
  dotnet "$app" build --input "$in" --output "$work/warm-$n" -q >/dev/null   # warms the template cache
  /usr/bin/time -f "%e" -o "$work/time" dotnet "$app" build --input "$in" --output "$work/out-$n" -q >/dev/null
  index=$(stat -c %s "$work/out-$n/search/index.js"); total=$(du -sb "$work/out-$n" | cut -f1)
  printf "| %s | %s KB | %s B | %s MB | %s |\n" "$n" "$((index / 1024))" "$((index / n))" "$(awk "BEGIN {printf \"%.1f\", $total/1048576}")" "$(cat "$work/time")"
done
