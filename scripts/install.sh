#!/usr/bin/env bash
# Installs Parallax for the desktop: the binary, its desktop entry and its icons.
#
#   scripts/install.sh                 per user: ~/.local/bin and $XDG_DATA_HOME (~/.local/share)
#   scripts/install.sh --system        system-wide: /usr/local/bin and /usr/local/share (as root)
#   scripts/install.sh --uninstall     removes exactly what the install put there
#
# Options:
#   --prefix DIR     install under DIR/bin and DIR/share instead (tests use a temporary one)
#   --binary FILE    install this already-built binary instead of building a release one
#   --debug          build and install the debug binary (quicker; for testing)
#
# The install writes a manifest (DATA/parallax/install-manifest.txt) of every file it put in
# place and every folder it created (ending in /); --uninstall removes those files, then those
# folders when empty, then the manifest: nothing else is touched.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode=install
system=0
prefix=""
binary=""
profile=release

while [ $# -gt 0 ]; do
    case "$1" in
        --uninstall) mode=uninstall ;;
        --system) system=1 ;;
        --prefix) prefix="${2:?--prefix needs a folder}"; shift ;;
        --binary) binary="${2:?--binary needs a file}"; shift ;;
        --debug) profile=debug ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ -n "$prefix" ]; then
    bindir="$prefix/bin"
    datadir="$prefix/share"
elif [ "$system" = 1 ]; then
    bindir=/usr/local/bin
    datadir=/usr/local/share
else
    # XDG base directory spec: user data in $XDG_DATA_HOME (default ~/.local/share); user
    # executables in ~/.local/bin
    bindir="$HOME/.local/bin"
    datadir="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
manifest="$datadir/parallax/install-manifest.txt"

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$datadir/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$datadir/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$datadir/icons/hicolor" 2>/dev/null || true
    fi
}

if [ "$mode" = uninstall ]; then
    if [ ! -f "$manifest" ]; then
        echo "install.sh: nothing to uninstall: no manifest at $manifest" >&2
        exit 1
    fi
    # files first, then the folders the install created, deepest first, when empty
    grep -v '/$' "$manifest" | while IFS= read -r file; do
        [ -n "$file" ] && rm -f -- "$file"
    done
    dirs="$(grep '/$' "$manifest.dirs" 2>/dev/null | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2- || true)"
    rm -f -- "$manifest" "$manifest.dirs"
    refresh_caches
    # a desktop database cache left alone in a folder this install created is ours too
    if printf '%s\n' "$dirs" | grep -qx "$datadir/applications/" \
        && [ "$(ls -A "$datadir/applications" 2>/dev/null)" = mimeinfo.cache ]; then
        rm -f -- "$datadir/applications/mimeinfo.cache"
    fi
    printf '%s\n' "$dirs" | while IFS= read -r dir; do
        [ -n "$dir" ] && rmdir -- "$dir" 2>/dev/null || true
    done
    echo "Parallax uninstalled from $bindir and $datadir"
    exit 0
fi

if [ -z "$binary" ]; then
    if [ "$profile" = release ]; then
        (cd "$here" && cargo build --release --locked)
    else
        (cd "$here" && cargo build --locked)
    fi
    binary="$here/target/$profile/parallax"
fi
if [ ! -x "$binary" ]; then
    echo "install.sh: no executable at $binary" >&2
    exit 1
fi

installed=()
created=()
put() { # put MODE SOURCE DEST
    local dir
    dir="$(dirname -- "$3")"
    while [ ! -d "$dir" ]; do
        created+=("$dir/")
        dir="$(dirname -- "$dir")"
    done
    install -D -m "$1" -- "$2" "$3"
    installed+=("$3")
}

put 755 "$binary" "$bindir/parallax"
# the entry starts the installed binary by its full path, so it works when bindir is not on
# the PATH of the desktop session
desktop_tmp="$(mktemp)"
sed "s|^Exec=parallax |Exec=$bindir/parallax |" "$here/assets/parallax.desktop" > "$desktop_tmp"
put 644 "$desktop_tmp" "$datadir/applications/parallax.desktop"
rm -f "$desktop_tmp"
for png in "$here"/assets/icons/parallax-*.png; do
    size="${png##*-}"
    size="${size%.png}"
    put 644 "$png" "$datadir/icons/hicolor/${size}x${size}/apps/parallax.png"
done
put 644 "$here/assets/icon.svg" "$datadir/icons/hicolor/scalable/apps/parallax.svg"

if [ ! -d "$(dirname "$manifest")" ]; then
    created+=("$(dirname "$manifest")/")
    mkdir -p "$(dirname "$manifest")"
fi
printf '%s\n' "${installed[@]}" > "$manifest"
# the folders this install created (kept beside the manifest, removed by --uninstall)
printf '%s\n' "${created[@]}" > "$manifest.dirs"
refresh_caches
echo "Parallax installed: $bindir/parallax, its desktop entry and icons under $datadir"
case ":$PATH:" in
    *":$bindir:"*) ;;
    *) echo "note: $bindir is not on your PATH; the desktop entry works anyway" ;;
esac
