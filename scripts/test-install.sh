#!/usr/bin/env bash
# Tests the desktop install end to end (run by .ci/run; needs Xvfb, desktop-file-utils and
# x11-utils): installs a built binary into a temporary prefix, validates the desktop entry,
# checks every file it names, starts the installed binary as the desktop would (its Exec line
# with %F replaced by the sample folder) under Xvfb and looks for its window, then uninstalls
# and checks nothing is left.
#
#   scripts/test-install.sh [BINARY]      (default: target/debug/parallax)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
binary="${1:-$here/target/debug/parallax}"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
fail() { echo "test-install: FAIL: $*" >&2; exit 1; }

"$here/scripts/install.sh" --prefix "$prefix" --binary "$binary"

entry="$prefix/share/applications/parallax.desktop"
desktop-file-validate "$entry" || fail "desktop entry does not validate"

exec_line="$(sed -n 's/^Exec=//p' "$entry")"
program="${exec_line%% *}"
[ -x "$program" ] || fail "Exec names $program, which is not an installed executable"
icon="$(sed -n 's/^Icon=//p' "$entry")"
for size in 16 24 32 48 64 128 256 512; do
    [ -s "$prefix/share/icons/hicolor/${size}x${size}/apps/$icon.png" ] \
        || fail "icon $icon missing at ${size}x${size}"
done
[ -s "$prefix/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "scalable icon missing"
wmclass="$(sed -n 's/^StartupWMClass=//p' "$entry")"

# start it as the desktop would, on the sample folder, and look for its window
sample="$here/fixtures/alliance"
command_line="${exec_line//%F/$sample}"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; kill $app 2>/dev/null || true; rm -rf "$prefix"' EXIT
sleep 1
log="$prefix/app.log"
# shellcheck disable=SC2086 # the Exec line is split into words as a launcher does
DISPLAY="$display" $command_line >"$log" 2>&1 &
app=$!
found=""
for _ in $(seq 1 60); do
    if ! kill -0 "$app" 2>/dev/null; then
        cat "$log" >&2
        fail "the installed binary exited before showing a window"
    fi
    tree="$(DISPLAY="$display" xwininfo -root -tree 2>/dev/null || true)"
    # xwininfo shows ("instance" "class"); StartupWMClass names the class
    if printf '%s\n' "$tree" | grep -q "\"$wmclass\")"; then
        found="$(printf '%s\n' "$tree" | grep "\"$wmclass\")" | head -1)"
        break
    fi
    sleep 1
done
[ -n "$found" ] || { cat "$log" >&2; fail "no window of class $wmclass appeared"; }
echo "test-install: window seen: $(echo "$found" | sed 's/^ *//')"
printf '%s\n' "$found" | grep -q "alliance" || fail "the window's title does not name the folder"
kill "$app"
wait "$app" 2>/dev/null || true

"$here/scripts/install.sh" --prefix "$prefix" --uninstall
rm -f "$log"
left="$(find "$prefix" -mindepth 1)"
[ -z "$left" ] || fail "left after uninstall: $left"
echo "test-install: ok (installed, validated, started, uninstalled, nothing left)"
