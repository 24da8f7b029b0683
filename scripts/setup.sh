# Installs what commplan needs to build, run and test, where it is missing.
# Sourced by scripts/run and scripts/test; safe to run again (it only adds
# what is not there). Targets Debian 12 / Ubuntu.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages: the WebKitGTK stack Tauri builds on, and the tools the tests use
# (LibreOffice Writer and the Liberation fonts read the Word copy back as Word would;
# desktop-file-validate, xdg-mime and the MIME reader it uses outside a known
# desktop check the Linux package's desktop entry and .khtt type).
APT_PACKAGES=(
  build-essential pkg-config curl ca-certificates file
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev
  xvfb xauth xdotool webkit2gtk-driver poppler-utils qpdf dbus
  libreoffice-writer-nogui fonts-liberation2
  desktop-file-utils xdg-utils libfile-mimeinfo-perl shared-mime-info
)

ensure_apt() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    missing+=(nodejs npm)
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 18 ]; then
    echo "commplan needs Node.js 18 or newer (found $(node --version))." >&2
    exit 1
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null; then
    say "Installing Rust (rustup)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if command -v rustup >/dev/null; then
    for comp in rustfmt clippy; do
      rustup component list --installed 2>/dev/null | grep -q "^$comp" || rustup component add "$comp"
    done
  fi
}

ensure_tauri_driver() {
  if ! command -v tauri-driver >/dev/null; then
    say "Installing tauri-driver"
    cargo install tauri-driver --version '^2' --locked
  fi
}

# cargo-deny checks the Rust dependencies (scripts/check-deps, deny.toml).
ensure_cargo_deny() {
  if ! command -v cargo-deny >/dev/null; then
    say "Installing cargo-deny"
    cargo install cargo-deny --version '^0.20' --locked
  fi
}

ensure_npm() {
  # Reinstall when the lock file changed since the last install.
  local stamp="$ROOT/ui/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$ROOT/ui/package-lock.json" -nt "$stamp" ]; then
    say "Installing front-end packages (npm ci)"
    npm --prefix "$ROOT/ui" ci --no-audit --no-fund
  fi
}

# Builds the front end into ui/dist when its sources changed since the last
# build (the app embeds ui/dist, and rebuilding it for nothing would make cargo
# rebuild the app).
build_ui() {
  local stamp="$ROOT/ui/dist/index.html"
  if [ ! -f "$stamp" ] || [ -n "$(find "$ROOT/ui/src" "$ROOT/ui/index.html" "$ROOT/ui/package-lock.json" \
        "$ROOT/ui/vite.config.ts" "$ROOT/ui/svelte.config.js" -newer "$stamp" -print -quit)" ]; then
    say "Building the front end"
    npm --prefix "$ROOT/ui" run build
  fi
}

# Runs "$@" on a virtual X display of its own (XVFB_SCREEN, 1400x900x24 by
# default). -noreset: Xvfb otherwise resets itself each time its last client
# leaves, and a client connecting during the reset is refused. One test's app
# closing just as the next test's app starts then failed with "Failed to
# initialize GTK": 28 of 1,200 display openings failed that way when clients
# came and went in turn, none with -noreset.
under_xvfb() {
  xvfb-run -a -s "-screen 0 ${XVFB_SCREEN:-1400x900x24} -noreset" "$@"
}

# The path of the Debian package build_linux_package builds as PROFILE
# (release or debug), named by the Tauri CLI after tauri.conf.json's
# productName and version.
linux_package() {
  local name version
  name="$(node -p "require('$ROOT/tauri.conf.json').productName")"
  version="$(node -p "require('$ROOT/tauri.conf.json').version")"
  echo "$ROOT/target/$1/bundle/deb/${name}_${version}_$(dpkg --print-architecture).deb"
}

# Builds the Debian package (tauri.conf.json > bundle) with the Tauri CLI
# pinned in ui/package.json and the app's custom-protocol feature, as PROFILE:
# release (`tauri build`, with LTO: the package users install, several
# minutes) or debug (the package scripts/test checks). The front end is built
# by build_ui, only when its sources changed: the CLI's beforeBuildCommand is
# left out, as rebuilding it would make cargo rebuild the app.
build_linux_package() {
  local profile="$1"
  local tauri="$ROOT/ui/node_modules/.bin/tauri"
  local patch='{"build": {"beforeBuildCommand": null}}'
  build_ui
  if [ "$profile" = release ]; then
    "$tauri" build --bundles deb --ci --features custom-protocol --config "$patch"
  else
    # cargo builds the binary beside a test target (installers, the smallest),
    # as the tests build it: the dev-dependencies' features (tokio's, syn's)
    # then reach the app's dependencies as in the tests, whose compiled crates
    # it reuses. `tauri build --debug` builds without them and so compiles
    # nearly every dependency again. The CLI then makes the package of it.
    cargo build -p commplan-app --features custom-protocol --locked \
      --bin commplan-app --test installers
    "$tauri" bundle --debug --bundles deb --ci --features custom-protocol --config "$patch"
  fi
  if [ ! -f "$(linux_package "$profile")" ]; then
    echo "The build did not write $(linux_package "$profile")." >&2
    exit 1
  fi
}
