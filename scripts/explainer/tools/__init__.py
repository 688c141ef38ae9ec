"""Developer tools: the benchmark, screenshots, the live preview, a static server, Chromium.

They use the built site/ or run the build as a separate process; the build never imports them.
"""
