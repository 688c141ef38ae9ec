"""Project → pages: page Markdown, pictures, finished HTML and search indexes.

In: a checked `sources.project.Project`. Out: `pages.PageBuilder` expands each page's
Markdown (passages, figures, pictures, the article and glossary pages); `markup.finish`
adds what needs the rendered HTML (term tooltips, anchors, print parts); `document`
finishes whole documents (hreflang, CSP); `search` splits the search index per language.
`cards` draws each page's share card (its og:image PNG) from the font subsets in fonts/.
Nothing here imports MkDocs.
"""
