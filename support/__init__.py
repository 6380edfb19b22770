"""What tests and benchmarks share, and the app never imports: how headless Chromium is
started, and sample sheets built the way people build them."""
