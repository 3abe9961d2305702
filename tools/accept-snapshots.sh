#!/usr/bin/env bash
# Accept reviewed snapshot changes: every *.received.* under tests/ becomes its *.verified.* file.
# (Same as running the tests with ACCEPT_SNAPSHOTS=1, Verify's AutoVerify.)
set -euo pipefail
cd "$(dirname "$0")/.."
n=0
while IFS= read -r -d '' f; do mv "$f" "${f/.received./.verified.}"; n=$((n+1)); done < <(find tests -name '*.received.*' -print0)
echo "accepted $n snapshot(s)"
