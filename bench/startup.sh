#!/usr/bin/env bash
# Start-up benchmark for the standalone program (issue: the PR division's tool), all in one run:
#  - the seed site's first build on a new machine: the program copied alone beside input/ into an empty folder, a
#    HOME it has never run in, no template cache — with the standalone program, and with the
#    repository build (framework-dependent dll, no template cache);
#  - the cached seed build (second run, into an empty output folder);
#  - 1,000 and 10,000 synthetic items (tools/ActionPlan.Synth): standalone program, repository build, Hugo.
# Usage: bash bench/startup.sh [runs] [sizes...]   (needs dist/linux-x64 from tools/publish.sh linux-x64, and hugo)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}; shift || true
sizes=("$@"); [ $# -eq 0 ] && sizes=(1000 10000)
program="$PWD/dist/linux-x64/ActionPlan.Site"
[ -x "$program" ] || { echo "run tools/publish.sh linux-x64 first" >&2; exit 2; }
source bench/lib.sh
wall() { # wall seconds of one command run in folder $1
  local dir=$1; shift
  ( cd "$dir" && /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1 ) || { echo "failed: $*" >&2; exit 1; }
  cat "$work/time"
}

echo "| seed site (16 items) | median s | all runs |"
echo "|---|---|---|"
first=(); firstrepo=(); cached=(); cachedrepo=()
for r in $(seq "$runs"); do
  d="$work/new-$r"; mkdir -p "$d/home"; cp "$program" "$d/"; cp -r input "$d/input"
  first+=("$(wall "$d" env -i HOME="$d/home" PATH= ./ActionPlan.Site build -q)")
  rm -rf "$d/_site"
  cached+=("$(wall "$d" env -i HOME="$d/home" PATH= ./ActionPlan.Site build -q)")
  e="$work/repo-$r"; mkdir -p "$e"; cp -r input "$e/input"
  firstrepo+=("$(ACTIONPLAN_TEMPLATE_CACHE="$e/cache" wall "$e" dotnet "$app" build -q)")
  rm -rf "$e/_site"
  cachedrepo+=("$(ACTIONPLAN_TEMPLATE_CACHE="$e/cache" wall "$e" dotnet "$app" build -q)")
done
printf '| standalone, first build on a new machine (no template compile) | %s | %s |\n' "$(printf '%s\n' "${first[@]}" | median)" "${first[*]}"
printf '| repository build (dotnet …dll), first build, no template cache | %s | %s |\n' "$(printf '%s\n' "${firstrepo[@]}" | median)" "${firstrepo[*]}"
printf '| standalone, cached seed build | %s | %s |\n' "$(printf '%s\n' "${cached[@]}" | median)" "${cached[*]}"
printf '| repository build, cached seed build | %s | %s |\n' "$(printf '%s\n' "${cachedrepo[@]}" | median)" "${cachedrepo[*]}"

echo
echo "| items | standalone s | repository build s | Hugo s | standalone ÷ Hugo |"
echo "|---|---|---|---|---|"
home="$work/home"; mkdir -p "$home"
for n in "${sizes[@]}"; do
  synthetic "$n"
  export ACTIONPLAN_TEMPLATE_CACHE="$work/cache"
  HOME="$home" "$program" build --input "$work/in-$n" --output "$work/warm" -q >/dev/null   # templates cached
  dotnet "$app" build --input "$work/in-$n" --output "$work/warm2" -q >/dev/null
  s=(); a=(); h=()
  for r in $(seq "$runs"); do
    # The three tools take turns going first (deleting the previous outputs leaves the disk busy for a moment, and the
    # tool that runs right after pays for it); the outputs are removed and flushed before each round.
    rm -rf "$work/o1" "$work/o2" "$work/o3"; sync
    for tool in $(printf 's\na\nh\ns\na\n' | tail -n +$(( (r - 1) % 3 + 1 )) | head -3); do
      case $tool in
        s) s+=("$(HOME="$home" wall "$work" "$program" build --input "$work/in-$n" --output "$work/o1" -q)") ;;
        a) a+=("$(wall "$work" dotnet "$app" build --input "$work/in-$n" --output "$work/o2" -q)") ;;
        h) h+=("$(wall "$work/hugo-$n" hugo --quiet -d "$work/o3")") ;;
      esac
    done
  done
  ms=$(printf '%s\n' "${s[@]}" | median); ma=$(printf '%s\n' "${a[@]}" | median); mh=$(printf '%s\n' "${h[@]}" | median)
  printf '| %s | %s (%s) | %s (%s) | %s (%s) | %.2f |\n' "$n" "$ms" "${s[*]}" "$ma" "${a[*]}" "$mh" "${h[*]}" "$(echo "$ms $mh" | awk '{print $1/$2}')"
  unset ACTIONPLAN_TEMPLATE_CACHE
done
echo
echo "runs: $runs (medians); machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(dotnet --version) SDK; $(hugo version | cut -d' ' -f1-2); $(uname -sr); program $(du -m "$program" | cut -f1) MB"
