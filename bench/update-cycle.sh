#!/usr/bin/env bash
# Benchmark of the PR division's update cycle on the seed site (input/):
#   1. first build in a new process with no template cache
#   2. build in a new process with the template cache
#   3. serve mode: one CSV edit → page rebuilt and served (measured by serve from the file event to the new site)
# Usage: bash bench/update-cycle.sh [runs]   (default 5; prints a Markdown table; medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet build src/ActionPlan.Site -c Release -v q -nologo >/dev/null
app="dotnet src/ActionPlan.Site/bin/Release/net10.0/ActionPlan.Site.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${serve_pid:-}" ] && kill "$serve_pid" 2>/dev/null || true' EXIT
cp -r input "$work/input"

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

cold=(); warm=()
for i in $(seq "$runs"); do
  rm -rf "$work/cache" "$work/_site"
  cold+=("$(ACTIONPLAN_TEMPLATE_CACHE="$work/cache" ms $app build --input "$work/input" --output "$work/_site" -q)")
done
for i in $(seq "$runs"); do
  warm+=("$(ACTIONPLAN_TEMPLATE_CACHE="$work/cache" ms $app build --input "$work/input" --output "$work/_site" -q)")
done

port=$(( 20000 + RANDOM % 20000 ))
ACTIONPLAN_TEMPLATE_CACHE="$work/cache" $app serve --input "$work/input" --output "$work/_site" --port "$port" > "$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 100); do grep -q "プレビュー" "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
csv="$work/input/items/05.csv"
for i in $(seq "$runs"); do
  sed -i "s/実績は831品。/実績は$((831 + i))品。/; s/実績は$((830 + i))品。/実績は$((831 + i))品。/" "$csv"
  for _ in $(seq 100); do [ "$(grep -c '^作成:' "$work/serve.log")" -gt "$i" ] && break; sleep 0.05; done
  curl -s "http://127.0.0.1:$port/items/05.html" | grep -q "実績は$((831 + i))品" || echo "warning: served page not updated" >&2
done
kill "$serve_pid"; serve_pid=""
rebuild=$(grep '^作成:' "$work/serve.log" | tail -n +2 | sed 's/.*（\([0-9]*\) ms.*/\1/')
rendered=$(grep '^作成:' "$work/serve.log" | tail -n 1 | sed -n 's/.*再描画\([0-9]*\)・再利用\([0-9]*\).*/\1 re-rendered, \2 reused/p')

echo "| measurement (seed site: 16 items, 36 pages, 40 files) | median of $runs | all runs |"
echo "|---|---|---|"
echo "| first build, new process, no template cache | $(printf '%s\n' "${cold[@]}" | median) ms | ${cold[*]} |"
echo "| build, new process, template cache | $(printf '%s\n' "${warm[@]}" | median) ms | ${warm[*]} |"
echo "| serve: CSV edit → page rebuilt and served ($rendered) | $(echo "$rebuild" | median) ms | $(echo $rebuild) |"
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version) SDK, $(uname -sr)"
