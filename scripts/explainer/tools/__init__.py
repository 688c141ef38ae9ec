"""Developer tools: the benchmark, screenshots, the live preview, a static server, Chromium.

They use the built site/ or run the build as a separate process; the build never imports them.
"""

# The site as publishing builds it, with placeholders: a GitHub Pages project address (a sub-path) and a
# repository, for edit links. `make test` and `make bench` build with these (`build --as-published`).
PUBLISHED = {"SITE_URL": "https://example.github.io/kling-explainer/",
             "REPO_URL": "https://github.com/example/kling-explainer"}
