"""Reading source files so that every value still knows the line it came from."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import SourceError

UNSAFE = [
    (re.compile(r"<\s*(script|iframe|object|embed)\b", re.I), "the HTML element <{0}>"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "an on…= event attribute"),
    (re.compile(r"javascript\s*:", re.I), "a javascript: URL"),
]


def check_unsafe_html(text: str, path: str) -> None:
    """No source may carry markup that runs script: the site is static and has a strict CSP."""
    for number, line in enumerate(text.splitlines(), 1):
        for pattern, what in UNSAFE:
            if match := pattern.search(line):
                raise SourceError(path, number, f"{what.format(*match.groups())} is not allowed in the sources",
                                  "remove it: pages may not run scripts; write plain Markdown instead")


class Lined(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int = 0
    key_lines: dict
    cut_by_comment: set  # keys whose unquoted text is followed by ` #…` on its line: YAML dropped that part

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    def text(self, key: str, path: str | Path) -> str | None:
        """A sentence-like value, refused when YAML silently cut it at ` #`."""
        if key in self.cut_by_comment:
            raise SourceError(path, self.line_of(key), f"the text of `{key}` goes on after ` #`, which YAML reads "
                              "as a comment and drops", "put the whole text in double quotes")
        value = self.get(key)
        return None if value is None else str(value)


class LinedList(list):
    line: int = 0


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Lined:
    mapping = Lined()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    mapping.cut_by_comment = set()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise SourceError(loader.name, key_node.start_mark.line + 1,
                              f"the key {key!r} is given twice", "keep one of them")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.ScalarNode) and value_node.style is None:
            end = value_node.end_mark
            rest = end.buffer[end.pointer:].split("\n", 1)[0] if end.buffer else ""
            if re.match(r"\s+#", rest):
                mapping.cut_by_comment.add(key)
    return mapping


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LinedList:
    items = LinedList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    return items


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
# Dates stay text: "2025-04-30" is a value an editor wrote, not a datetime.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str, path: str | Path):
    """Parse YAML text; a syntax error becomes a SourceError at its line."""
    loader = _Loader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise SourceError(path, line, f"YAML syntax error: {error.problem or error.context}",
                          "check the indentation and quoting on this line and the one above; "
                          "quote text that contains a colon followed by a space") from None
    finally:
        loader.dispose()


def write_if_changed(path: Path, text: str) -> bool:
    """Write a file only when its content changes, so that watchers stay quiet; say whether it changed."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def require(mapping: Lined, key: str, path: str | Path, what: str):
    """The value of a required key, or an error naming the mapping's line."""
    value = mapping.get(key)
    if value in (None, "", []):
        raise SourceError(path, mapping.line_of(key), f"{what} has no `{key}`",
                          f"add `{key}:` with a value")
    return value
