"""The outline: which sections each page has, which article blocks each section quotes, and its picture."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError
from ..languages import PAGES
from .lined import ID, Ids


@dataclass(frozen=True)
class Section:
    id: str
    blocks: tuple[str, ...]
    line: int
    picture: str | None = None  # the id of a picture in seeds/pictures.yml, shown in this section
    picture_line: int = 0


def parse_outline(data, path: str | Path, block_ids: list[str]) -> dict[str, tuple[Section, ...]]:
    """Check the outline against the block ids and return page → sections."""
    if not isinstance(data, dict):
        raise SourceError(path, 1, "the outline maps each page name to its list of sections",
                          "write `page-name:` followed by `- id: section-id` lines")
    pages = {}
    for page, sections in data.items():
        if page not in PAGES:
            raise SourceError(path, data.line_of(page), f"{page!r} is not a page of the site",
                              f"use one of: {', '.join(PAGES)}")
        if not isinstance(sections, list):
            raise SourceError(path, data.line_of(page), f"page {page!r} has no list of sections",
                              "list its sections as `- id: section-id`")
        section_ids = Ids(path, f"section (page {page!r})", "business-model")
        parsed = []
        for entry in sections:
            if not isinstance(entry, dict):
                raise SourceError(path, data.line_of(page), f"a section of page {page!r} is not a mapping",
                                  "write each section as `- id: section-id`")
            section_id = section_ids.add(entry.get("id"), entry.line)
            line = entry.line
            blocks = entry.get("blocks") or []
            if not isinstance(blocks, list):
                raise SourceError(path, entry.line_of("blocks"), f"section {page}#{section_id}: `blocks` is not a list",
                                  "write `blocks: [p07, p08]`")
            for block_id in blocks:
                if block_id not in block_ids:
                    raise SourceError(path, entry.line_of("blocks"), f"section {page}#{section_id} names {block_id!r}, which is not a block",
                                      "use block ids from seeds/blocks.yml")
            picture = entry.get("picture")
            if picture is not None and not ID.match(str(picture)):
                raise SourceError(path, entry.line_of("picture"), f"section {page}#{section_id}: picture {picture!r} is not a picture id",
                                  "write `picture: <id>` with the id of a picture in seeds/pictures.yml, e.g. `picture: timeline`")
            parsed.append(Section(str(section_id), tuple(blocks), line,
                                  str(picture) if picture is not None else None, entry.line_of("picture")))
        pages[str(page)] = tuple(parsed)
    return pages


def check_pictures(outline: dict[str, tuple[Section, ...]], picture_ids, path: str | Path) -> None:
    """Every `picture:` names a known picture, and a page shows each picture once (its id is its address)."""
    for page, sections in outline.items():
        seen: dict[str, int] = {}
        for section in sections:
            if section.picture is None:
                continue
            if section.picture not in picture_ids:
                raise SourceError(path, section.picture_line, f"section {page}#{section.id} names picture {section.picture!r}, which does not exist",
                                  f"use one of: {', '.join(picture_ids)} (the ids in seeds/pictures.yml), or add the picture there")
            if section.picture in seen:
                raise SourceError(path, section.picture_line, f"picture {section.picture!r} appears twice on page {page!r} (first at line {seen[section.picture]})",
                                  "show a picture once per page; remove one of the two `picture:` keys")
            seen[section.picture] = section.picture_line

