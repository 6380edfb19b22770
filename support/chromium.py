"""How tests and benchmarks start headless Chromium (browser tests, PDF benchmark): Debian's
build, with everything that would reach for the network switched off."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
