#!/usr/bin/env bash
# Proves the API compatibility check is wired: builds a copy of the SDK with one public method
# renamed (a binary-incompatible change) and expects japicmp to fail that build, then expects the
# unchanged copy to pass. Usage: plugins-api/baseline/check-guard.sh [extra mvn args, e.g. -o -Dmaven.repo.local=...]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/plugins-parent" "$here/plugins-api" "$work/"
rm -rf "$work/plugins-api/target"
build() { mvn -B -q "$@" -f "$work/plugins-api/pom.xml" verify -DskipTests >"$work/log" 2>&1; }
if ! build "$@"; then
    cat "$work/log" >&2
    echo "check-guard: the unchanged SDK does not pass its compatibility check" >&2
    exit 1
fi
# the incompatible change: FaceLandmarks.interocularDistance() disappears under a new name
sed -i 's/public float interocularDistance()/public float eyeDistance()/' \
    "$work/plugins-api/src/main/java/com/faceattend/spi/FaceLandmarks.java"
if build "$@"; then
    echo "check-guard: FAILED: removing FaceLandmarks.interocularDistance() did not break the build" >&2
    exit 1
fi
if ! grep -q "interocularDistance" "$work/log"; then
    cat "$work/log" >&2
    echo "check-guard: the build failed, but not on the API change" >&2
    exit 1
fi
echo "check-guard: the compatibility check passes the SDK as it is and fails a binary-incompatible change:"
grep -m3 -i "interocularDistance\|incompatib" "$work/log" | sed 's/^/  /'
