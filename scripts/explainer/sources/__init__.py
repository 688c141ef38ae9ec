"""Sources → one checked Project.

In: the files under seeds/ (the article as received, its block ids, the translation, the
glossary, figures, outline, pictures, strings, redirects) and the page files docs/<lang>/*.md.
Out: `project.load_project()` returns a `Project` in which every value still knows the
file and line it came from, or raises `SourceError` naming the file, the line and the fix.
Every file is read through `files.read_source`, and every value that can reach HTML is
checked by `policy` after parsing, not on the raw text.
"""
