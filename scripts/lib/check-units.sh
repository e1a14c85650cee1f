#!/usr/bin/env bash
# Checks deploy/systemd's units with systemd-analyze verify against the launchers in build/bin:
# each unit is copied with /opt/tabby pointing at the build and /etc/tabby/tabby.env at the
# sample environment file, so the check sees the very commands an installation would run.
#   scripts/lib/check-units.sh <checkout>
set -euo pipefail
top=$1
work=$(mktemp -d /tmp/tabby-units.XXXXXX)
trap 'rm -rf "$work"' EXIT
status=0
for unit in "$top"/deploy/systemd/*.service; do
  sed -e "s|/opt/tabby/|$top/build/|g" -e "s|/etc/tabby/tabby.env|$top/deploy/systemd/tabby.env|g" \
    "$unit" > "$work/$(basename "$unit")"
done
for unit in "$work"/*.service; do
  if out=$(systemd-analyze verify "$unit" 2>&1) && [ -z "$out" ]; then
    echo "unit OK: $(basename "$unit")"
  else
    echo "unit FAILED: $(basename "$unit")"; echo "$out"; status=1
  fi
done
exit $status
