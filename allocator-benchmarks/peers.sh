#!/bin/bash
# Runs ../shared/peers/run.sh (issue #16's side-by-side churn against OffsetAllocator and VMA) with
# every shipped strategy on its class path, so that tlsf is measured in the same interleaved run as
# first-fit, best-fit and the native allocators.
#
#   mvn -B -q -DskipTests install                      # the harness reads the modules' jars
#   OFFSET_ALLOCATOR_GIT=<git dir> VMA_GIT=<git dir> allocator-benchmarks/peers.sh [--mem]
#
# The harness's own build puts only the API, first-fit and best-fit jars on its class path and
# rewrites that list on every run, so this script runs a copy of run.sh whose class path line also
# names allocator-tlsf's jar; everything else (streams, builds, PEERS_CACHE, SIZES, REPS, the
# summary) is the harness's. ALLOT_STRATEGIES defaults to all three strategies. Run it from the
# project's root, beside ../shared.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
peers=${PEERS_DIR:-$root/../shared/peers}
[[ -x $peers/run.sh ]] || { echo "peers.sh: no harness at $peers (set PEERS_DIR)" >&2; exit 1; }
tlsf=$(ls "$root"/allocator-tlsf/target/allocator-tlsf-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
[[ -n $tlsf ]] || { echo "peers.sh: no allocator-tlsf jar: run mvn -B -q -DskipTests install first" >&2; exit 1; }

copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
line='cp=$(cat "$b/allot.cp")'
grep -qxF "$line" "$peers/run.sh" || { echo "peers.sh: run.sh no longer sets its class path as '$line'" >&2; exit 1; }
# run.sh finds build.sh and summarize.py beside itself: point it back at the harness.
sed -e "s|^here=.*|here=$peers|" -e "s|^cp=\$(cat \"\$b/allot.cp\")\$|cp=\$(cat \"\$b/allot.cp\"):$tlsf|" \
  "$peers/run.sh" > "$copy/run.sh"
grep -qF ":$tlsf" "$copy/run.sh" || { echo "peers.sh: could not add $tlsf to the class path" >&2; exit 1; }
cd "$root"
ALLOT_HOME=$root ALLOT_STRATEGIES=${ALLOT_STRATEGIES:-first-fit best-fit tlsf} bash "$copy/run.sh" "$@"
