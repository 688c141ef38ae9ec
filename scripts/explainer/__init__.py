"""The explainer site's generator, stage by stage: seed → blocks → pages → site.

- `sources`: reads and checks everything under seeds/ and the page files under docs/;
  out comes one `Project`, or a `SourceError` that names file, line and fix.
- `render`: turns a Project into page Markdown and finished HTML, pictures and search
  indexes; it knows nothing of MkDocs.
- `publish`: what the MkDocs hooks (scripts/mkdocs_hooks.py) call, and what a build
  leaves in site/ beside the pages: redirects, published addresses.
- `tools`: for developers (benchmark, screenshots, preview, static server, browser);
  the build never imports them.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository
