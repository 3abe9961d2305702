#!/usr/bin/env bash
# Scale benchmark: ActionPlan.Site and Hugo (Debian package `hugo`) on the same synthetic plan at N = 16, 1,000 and
# 10,000 items (tools/ActionPlan.Synth writes both: same items, same text, comparable page size and page count).
# Each run builds into an empty output folder in a new process; ActionPlan.Site uses its template cache (warmed once).
# Reports medians of wall time, user CPU, peak memory (max RSS), per-page cost and the ratio to Hugo.
# Usage: bash bench/scale.sh [runs] [sizes...]     e.g. bash bench/scale.sh 3 16 1000 10000
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; shift || true
sizes=("${@:-16 1000 10000}"); [ $# -eq 0 ] && sizes=(16 1000 10000)
source bench/lib.sh
export ACTIONPLAN_TEMPLATE_CACHE="$work/cache"
measure() { # prints "wall user maxrss_kb"
  /usr/bin/time -f "%e %U %M" -o "$work/time" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  cat "$work/time"
}

echo "| items | pages (ours / Hugo) | HTML MB (ours / Hugo) | ActionPlan.Site wall s | user s | peak MB | ms/page | Hugo wall s | user s | peak MB | ms/page | wall ratio (ours ÷ Hugo) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  synthetic "$n"
  dotnet "$app" build --input "$work/in-$n" --output "$work/warm" -q >/dev/null   # warms the template cache
  ours=(); theirs=()
  for r in $(seq "$runs"); do
    rm -rf "$work/out-$n"; ours+=("$(measure dotnet "$app" build --input "$work/in-$n" --output "$work/out-$n" -q)")
    rm -rf "$work/hout-$n"; theirs+=("$(cd "$work/hugo-$n" && measure hugo --quiet -d "$work/hout-$n")")
  done
  pages=$(find "$work/out-$n" -name '*.html' | wc -l); hpages=$(find "$work/hout-$n" -name '*.html' | wc -l)
  mb=$(find "$work/out-$n" -name '*.html' -exec cat {} + | wc -c | awk '{printf "%.0f", $1/1048576}')
  hmb=$(find "$work/hout-$n" -name '*.html' -exec cat {} + | wc -c | awk '{printf "%.0f", $1/1048576}')
  ow=$(printf '%s\n' "${ours[@]}" | awk '{print $1}' | median); ou=$(printf '%s\n' "${ours[@]}" | awk '{print $2}' | median)
  om=$(printf '%s\n' "${ours[@]}" | awk '{print $3/1024}' | median)
  hw=$(printf '%s\n' "${theirs[@]}" | awk '{print $1}' | median); hu=$(printf '%s\n' "${theirs[@]}" | awk '{print $2}' | median)
  hm=$(printf '%s\n' "${theirs[@]}" | awk '{print $3/1024}' | median)
  printf "| %s | %s / %s | %s / %s | %.2f | %.2f | %.0f | %.3f | %.2f | %.2f | %.0f | %.3f | %.2f |\n" "$n" "$pages" "$hpages" "$mb" "$hmb" \
    "$ow" "$ou" "$om" "$(echo "$ow $pages" | awk '{print 1000*$1/$2}')" "$hw" "$hu" "$hm" "$(echo "$hw $hpages" | awk '{print 1000*$1/$2}')" "$(echo "$ow $hw" | awk '{print $1/$2}')"
done
echo
echo "runs per cell: $runs (medians); machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(dotnet --version) SDK; $(hugo version | cut -d' ' -f1-2); $(uname -sr)"
