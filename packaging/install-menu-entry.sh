#!/bin/sh
# Add PanelReview to this user's application menu (no root needed):
#   ./install-menu-entry.sh            add or update the entry for this folder
#   ./install-menu-entry.sh --remove   take it out again
# The program itself stays where it is; move the folder, then run this again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/panelreview.desktop" "$icons/panelreview.png"
  echo "removed the PanelReview menu entry"
  exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/panelreview.png" "$icons/panelreview.png"
sed -e "s|^Exec=.*|Exec=\"$here/panelreview-gui\" %f|" \
    -e "s|^Icon=.*|Icon=$here/panelreview.png|" \
    "$here/panelreview.desktop" > "$apps/panelreview.desktop"
chmod 644 "$apps/panelreview.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "PanelReview is in the application menu ($apps/panelreview.desktop)"
