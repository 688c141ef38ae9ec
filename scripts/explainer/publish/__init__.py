"""The site as MkDocs builds it: what the hooks call, and what a build leaves beside the pages.

In: the MkDocs build's events (scripts/mkdocs_hooks.py). Out: `site.Site` gives each page
its Markdown and HTML through `render`; `redirects` writes pages for moved addresses;
`addresses` keeps the manifest of every address ever published and audits site/.
"""
