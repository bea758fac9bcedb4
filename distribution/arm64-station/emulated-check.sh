#!/usr/bin/env bash
# Proves the linux-arm64 station archive without a Pi: runs its own launcher on a Java 21 for arm64
# under QEMU user-mode emulation (the real arm64 natives of ONNX Runtime, OpenCV and FFmpeg are loaded),
# enrols the two reference stills and plays the shared clip, then checks the same check-ins as on
# x86-64 (modules/cli VideoStationTest: ALEX and LIN, once each). Fails when an arm64 native is missing.
#
#   distribution/arm64-station/emulated-check.sh ARCHIVE [--natives-only] [--work DIR]
#
# --natives-only stops after checking that every arm64 native is in the archive (seconds; what CI runs,
# since the emulated JVM needs far more than a few minutes for the clip).
# Needs apt-get and dpkg (Debian): QEMU (qemu-user-static) and Debian 13's arm64 openjdk-21-jre-headless
# with its libraries are downloaded once and unpacked into the work folder (default: target/emulated
# next to the archive); nothing is installed on the machine.
set -euo pipefail

archive=""; work=""; natives_only=""
while [ $# -gt 0 ]; do
    case "$1" in
        --natives-only) natives_only=1; shift ;;
        --work) work="$2"; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) archive="$1"; shift ;;
    esac
done
[ -f "$archive" ] || { echo "error: give the station archive (mvn -Parm64-station -pl distribution/arm64-station -am package)" >&2; exit 2; }
archive=$(readlink -f "$archive")
here="$(cd "$(dirname "$0")" && pwd)"
data_root="${FACEATTEND_DATA:-$here/../../../shared/data}"
clip_dir="$data_root/video-and-small/video"
[ -f "$clip_dir/short_hamilton_clip.mp4" ] || { echo "error: no shared clip under $clip_dir (set FACEATTEND_DATA)" >&2; exit 2; }
work=$(mkdir -p "${work:-$(dirname "$archive")/emulated}" && cd "${work:-$(dirname "$archive")/emulated}" && pwd)

# 1. Static check: every native the station loads is there for arm64.
listing=$(mktemp); trap 'rm -f "$listing"' EXIT
tar tzf "$archive" > "$listing"
missing=0
for jar in javacpp opencv openblas ffmpeg; do
    grep -q "/lib/$jar-[0-9.-]*-linux-arm64.jar$" "$listing" || { echo "MISSING: $jar linux-arm64 natives" >&2; missing=1; }
done
grep -q "/lib/javacv-[0-9.]*.jar$" "$listing" || { echo "MISSING: JavaCV (the video sources)" >&2; missing=1; }
if grep -q -- "-linux-x86_64.jar$" "$listing"; then echo "WRONG: x86-64 natives in the arm64 archive" >&2; missing=1; fi
rm -rf "$work/station" && mkdir -p "$work/station" && tar xzf "$archive" -C "$work/station"
station="$work/station/faceattend-station"
unzip -l "$station"/lib/onnxruntime-*.jar | grep "native/linux-aarch64/libonnxruntime.so" >/dev/null \
    || { echo "MISSING: ONNX Runtime linux-aarch64 natives" >&2; missing=1; }
unzip -l "$station"/lib/pi4j-library-gpiod-*.jar | grep "lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so" >/dev/null \
    || { echo "MISSING: Pi4J gpiod aarch64 natives" >&2; missing=1; }
[ "$missing" = 0 ] || exit 1
echo "arm64 natives present: JavaCPP, OpenCV, OpenBLAS, FFmpeg, ONNX Runtime, Pi4J gpiod; JavaCV present"
[ -z "$natives_only" ] || exit 0

# 2. QEMU user-mode for aarch64 (unpacked from Debian's qemu-user-static, not installed).
qemu=$(command -v qemu-aarch64-static || true)
if [ -z "$qemu" ]; then
    if [ ! -x "$work/qemu/usr/bin/qemu-aarch64-static" ]; then
        mkdir -p "$work/qemu" && (cd "$work" && apt-get download -q qemu-user-static >/dev/null 2>&1)
        dpkg -x "$work"/qemu-user-static_*.deb "$work/qemu"
    fi
    qemu="$work/qemu/usr/bin/qemu-aarch64-static"
fi

# 3. Java 21 for arm64 with its libraries: Debian 13 (trixie) packages, from the mirror this machine's apt uses.
sysroot="$work/sysroot"
jdk="$sysroot/usr/lib/jvm/java-21-openjdk-arm64"
if [ ! -x "$jdk/bin/java" ]; then
    mirror=$( (grep -rhoE '^(URIs: |deb )[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null || true) \
        | sed -E 's/^(URIs: |deb )//; s/ $//' | head -1)
    [ -n "$mirror" ] || { echo "error: no Debian mirror in this machine's apt sources" >&2; exit 2; }
    apt_dir="$work/apt"; mkdir -p "$apt_dir"/{lists/partial,cache/archives/partial,debs}; touch "$apt_dir/status"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" > "$apt_dir/sources.list"
    cat > "$apt_dir/apt.conf" <<CONF
Dir::Etc::sourcelist "$apt_dir/sources.list";
Dir::Etc::sourceparts "/nonexistent";
Dir::State::lists "$apt_dir/lists";
Dir::State::status "$apt_dir/status";
Dir::Cache "$apt_dir/cache";
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
CONF
    export APT_CONFIG="$apt_dir/apt.conf"
    apt-get -q update >/dev/null
    packages=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
        --no-enhances openjdk-21-jre-headless libgomp1 libva2 libva-drm2 libdrm2 | grep '^[a-z]' | sort -u \
        | grep -vE '^(debconf|cdebconf|libdebian-installer4|libnewt0.52|libslang2|libtextwrap1|readline-common|util-linux|ca-certificates.*)$')
    (cd "$apt_dir/debs" && apt-get download -q $packages >/dev/null 2>&1)
    unset APT_CONFIG
    mkdir -p "$sysroot"
    for deb in "$apt_dir"/debs/*.deb; do dpkg -x "$deb" "$sysroot"; done
    for d in lib bin sbin; do [ -e "$sysroot/$d" ] || ln -s "usr/$d" "$sysroot/$d"; done
    # Absolute links (the JDK's conf -> /etc/java-21-openjdk) are resolved by the host: point them into the sysroot.
    find "$sysroot" -type l -lname '/*' | while read -r link; do ln -sfn "$sysroot$(readlink "$link")" "$link"; done
fi

# The station's own launcher, with a "java" that runs the arm64 JVM under QEMU.
mkdir -p "$work/jdk/bin"
cat > "$work/jdk/bin/java" <<WRAP
#!/usr/bin/env bash
exec "$qemu" -L "$sysroot" "$jdk/bin/java" "\$@"
WRAP
chmod +x "$work/jdk/bin/java"
export JAVA_HOME="$work/jdk" FACEATTEND_CACHE="$work/cache"
"$JAVA_HOME/bin/java" -version 2>&1 | head -1
"$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | grep -E 'os.arch' 

# 4. Enrol the two stills and play the clip on the arm64 station.
clip="$clip_dir/short_hamilton_clip.mp4"
expected="ALEX LIN"
data="$work/data"; rm -rf "$data"
cli="$station/bin/faceattend-station"
started=$(date +%s)
"$cli" --data "$data" enroll --code ALEX --name "Alex Lacamoire" --consent --quiet "$clip_dir/ref_alex_lacamoire.png"
"$cli" --data "$data" enroll --code LIN --name "Lin-Manuel Miranda" --consent --quiet "$clip_dir/ref_lin_manuel_miranda.png"
enrolled=$(date +%s)
"$cli" --data "$data" run --source "$clip" --station "Front door" --accept-strangers 100
ran=$(date +%s)
got=$("$cli" --data "$data" events list --json | grep -oE '"employeeCode" *: *"[A-Z]+"' | grep -oE '[A-Z]+"$' | tr -d '"' | sort | tr '\n' ' ' | sed 's/ $//')
echo "emulated arm64: enrolment $((enrolled - started)) s, run $((ran - enrolled)) s; checked in: [$got], expected [$expected]"
[ "$got" = "$expected" ] || { echo "FAILED: the arm64 station decided differently from x86-64" >&2; exit 1; }
echo "OK: the arm64 station checks in the same people as x86-64"
