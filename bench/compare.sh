#!/usr/bin/env bash
# Before and after, in one run: the same synthetic plan built by the program at an earlier commit and at this one,
# taking turns (so neither always runs on a colder machine), each into an empty folder in a new process, each with its
# own warmed template cache. Reports medians of wall time, user CPU and peak memory.
# Usage: bash bench/compare.sh <before-commit> [runs] [items]     e.g. bash bench/compare.sh df97fdf 7 1000
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:?usage: bash bench/compare.sh <before-commit> [runs] [items]}; runs=${2:-5}; n=${3:-1000}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/before" "$before"
dotnet build "$work/before/src/ActionPlan.Site" -c Release -v q -nologo >/dev/null
dotnet build src/ActionPlan.Site -c Release -v q -nologo >/dev/null
dotnet build tools/ActionPlan.Synth -c Release -v q -nologo >/dev/null
old="$work/before/src/ActionPlan.Site/bin/Release/net10.0/ActionPlan.Site.dll"
new="$PWD/src/ActionPlan.Site/bin/Release/net10.0/ActionPlan.Site.dll"
dotnet tools/ActionPlan.Synth/bin/Release/net10.0/ActionPlan.Synth.dll input "$work/in" "$n" >/dev/null

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
measure() { # which app → "wall user maxrss_kb"
  rm -rf "$work/out-$1"
  ACTIONPLAN_TEMPLATE_CACHE="$work/cache-$1" /usr/bin/time -f "%e %U %M" -o "$work/time" dotnet "$2" build --input "$work/in" --output "$work/out-$1" -q >/dev/null 2>&1
  cat "$work/time"
}
measure before "$old" >/dev/null; measure after "$new" >/dev/null   # warm each template cache
b=(); a=()
for r in $(seq "$runs"); do
  if [ $((r % 2)) -eq 1 ]; then b+=("$(measure before "$old")"); a+=("$(measure after "$new")")
  else a+=("$(measure after "$new")"); b+=("$(measure before "$old")"); fi
done
diff -r "$work/out-before" "$work/out-after" >/dev/null && same="byte-identical" || same="DIFFERENT"
row() { # label, samples...
  local label=$1; shift
  printf "| %s | %.2f | %.2f | %.0f |\n" "$label" \
    "$(printf '%s\n' "$@" | awk '{print $1}' | median)" "$(printf '%s\n' "$@" | awk '{print $2}' | median)" "$(printf '%s\n' "$@" | awk '{print $3/1024}' | median)"
}
echo "| $n items | wall s | user s | peak MB |"
echo "|---|---|---|---|"
row "before ($(git rev-parse --short "$before"))" "${b[@]}"
row "after ($(git rev-parse --short HEAD))" "${a[@]}"
echo
echo "runs: $runs each, taking turns (medians); the two sites are $same; machine: $(nproc) cores; $(dotnet --version) SDK"
