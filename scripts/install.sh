#!/usr/bin/env bash
# Installs switchboard, its shell completions and its man pages under PREFIX (default
# /usr/local). Completions and man pages come from swift-argument-parser, so they always match
# the binary being installed.
#
#   scripts/install.sh [PREFIX]            # release build (a few minutes the first time)
#   CONFIGURATION=debug scripts/install.sh /tmp/sb   # faster, for trying it out
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
configuration=${CONFIGURATION:-release}

swift build -c "$configuration" --product switchboard
binary=$(swift build -c "$configuration" --show-bin-path)/switchboard

install -d "$prefix/bin" "$prefix/share/man/man1" \
  "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/switchboard"

"$binary" --generate-completion-script bash > "$prefix/share/bash-completion/completions/switchboard"
"$binary" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_switchboard"
"$binary" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/switchboard.fish"

swift package --allow-writing-to-package-directory generate-manual --configuration "$configuration" --multi-page >/dev/null
pages=.build/plugins/GenerateManual/outputs/switchboard
for page in "$pages"/*.1; do
  case $(basename "$page") in switchboard.bench-*) continue ;; esac  # hidden benchmark commands
  install -m 644 "$page" "$prefix/share/man/man1/"
done

echo "installed $prefix/bin/switchboard, completions for bash, zsh and fish, and man pages (man switchboard)"
