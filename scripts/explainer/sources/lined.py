"""YAML sources read so that every value still knows its line, and the checks every reader makes of such values."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import SourceError

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


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # LibYAML's parser where PyYAML has it: 4× faster
    lines: list[str] = []  # the source's lines: what follows a value on its line (LibYAML's marks carry no text)


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
        if isinstance(value_node, yaml.ScalarNode) and not value_node.style:  # plain (None, or "" from LibYAML)
            end = value_node.end_mark
            rest = loader.lines[end.line][end.column:] if end.line < len(loader.lines) else ""
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
    for key, resolvers in _Loader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str, path: str | Path):
    """Parse YAML text; a syntax error becomes a SourceError at its line."""
    loader = _Loader(text)
    loader.name = str(path)
    loader.lines = text.split("\n")
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


def require(mapping: Lined, key: str, path: str | Path, what: str):
    """The value of a required key, or an error naming the mapping's line."""
    value = mapping.get(key)
    if value in (None, "", []):
        raise SourceError(path, mapping.line_of(key), f"{what} has no `{key}`",
                          f"add `{key}:` with a value")
    return value


# A readable ASCII id, as every address part and key of the sources is written: `business-model`.
ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class Ids:
    """The ids of one kind of thing in one file: each readable, each given once."""

    def __init__(self, path: str | Path, what: str, example: str):
        self.path, self.what, self.example = str(path), what, example
        self.lines: dict[str, int] = {}

    def add(self, value, line: int | None) -> str:
        if not isinstance(value, str) or not ID.match(value):
            raise SourceError(self.path, line, f"{self.what} id {value!r} is not a readable ASCII id",
                              f"use lowercase letters, digits and hyphens, starting with a letter, e.g. `{self.example}`")
        if value in self.lines:
            raise SourceError(self.path, line, f"duplicate {self.what} id {value!r} (first at line {self.lines[value]})",
                              "give one of them another id, or merge the two")
        self.lines[value] = line or 0
        return value


def one_of(value, choices, path: str | Path, line: int | None, what: str) -> str:
    """A value that must be one of a fixed set (a kind, a group), or an error listing the set."""
    if value not in choices:
        raise SourceError(path, line, f"unknown {what}: {value!r}", f"use one of: {', '.join(choices)}")
    return value
