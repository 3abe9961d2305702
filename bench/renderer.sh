#!/usr/bin/env bash
# What the renderer in ThemeRenderer buys over RazorLight's own (ACTIONPLAN_RENDERER=razorlight; same bytes, tested):
# the same plan built both ways, taking turns, each into an empty folder in a new process with a warmed template cache.
# Usage: bash bench/renderer.sh [runs] [sizes...]     e.g. bash bench/renderer.sh 5 16 1000
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(16 1000)
dotnet build src/ActionPlan.Site -c Release -v q -nologo >/dev/null
dotnet build tools/ActionPlan.Synth -c Release -v q -nologo >/dev/null
app="$PWD/src/ActionPlan.Site/bin/Release/net10.0/ActionPlan.Site.dll"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export ACTIONPLAN_TEMPLATE_CACHE="$work/cache"
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
measure() { # renderer input → "wall user"
  rm -rf "$work/out"
  ACTIONPLAN_RENDERER="$1" /usr/bin/time -f "%e %U" -o "$work/time" dotnet "$app" build --input "$2" --output "$work/out" -q >/dev/null 2>&1
  cat "$work/time"
}
echo "| items | ours wall s | ours user s | RazorLight's wall s | RazorLight's user s | RazorLight's ÷ ours (wall) |"
echo "|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  if [ "$n" = 16 ]; then in="$PWD/input"; else dotnet tools/ActionPlan.Synth/bin/Release/net10.0/ActionPlan.Synth.dll input "$work/in-$n" "$n" >/dev/null; in="$work/in-$n"; fi
  measure ours "$in" >/dev/null
  o=(); r=()
  for i in $(seq "$runs"); do
    if [ $((i % 2)) -eq 1 ]; then o+=("$(measure ours "$in")"); r+=("$(measure razorlight "$in")"); else r+=("$(measure razorlight "$in")"); o+=("$(measure ours "$in")"); fi
  done
  ow=$(printf '%s\n' "${o[@]}" | awk '{print $1}' | median); ou=$(printf '%s\n' "${o[@]}" | awk '{print $2}' | median)
  rw=$(printf '%s\n' "${r[@]}" | awk '{print $1}' | median); ru=$(printf '%s\n' "${r[@]}" | awk '{print $2}' | median)
  printf "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n" "$n" "$ow" "$ou" "$rw" "$ru" "$(echo "$rw $ow" | awk '{print $1/$2}')"
done
echo
echo "runs: $runs each, taking turns (medians); machine: $(nproc) cores; $(dotnet --version) SDK"
