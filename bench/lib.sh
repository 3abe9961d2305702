# Shared by the benchmark scripts (sourced from the repository root): the Release builds they measure, a work folder
# removed on exit, medians, and the synthetic plan written both as our input and as a Hugo site.
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install -y hugo)" >&2; exit 2; }
dotnet build src/ActionPlan.Site -c Release -v q -nologo >/dev/null
dotnet build tools/ActionPlan.Synth -c Release -v q -nologo >/dev/null
app="$PWD/src/ActionPlan.Site/bin/Release/net10.0/ActionPlan.Site.dll"
synth="$PWD/tools/ActionPlan.Synth/bin/Release/net10.0/ActionPlan.Synth.dll"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# synthetic N: writes $work/in-N (ActionPlan.Site input) and $work/hugo-N (the same plan as a Hugo site)
synthetic() {
  dotnet "$synth" input "$work/in-$1" "$1" >/dev/null
  dotnet "$synth" --hugo "$work/hugo-$1" "$1" >/dev/null
  mkdir -p "$work/hugo-$1/static" && mv "$work/hugo-$1/static-site.css" "$work/hugo-$1/static/site.css"
}
