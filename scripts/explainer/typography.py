"""Chinese punctuation as a Chinese reader expects it: full-width ，：；？！（） wherever they stand in Chinese.

The article arrived with ASCII punctuation (a scrape: `4月30日,快手…信号:AI,不再只是…`). The
seed stays as received; `chinese_punctuation` is the one function that sets its text for
display, and the same function checks our own Chinese texts, so the two always agree.

A mark counts as Chinese when a Han character or a Chinese punctuation mark stands next
to it (`AI,不再` → `AI，不再`, `”,而是` → `”，而是`); an opening bracket also when what it
encloses has Chinese in it, and a closing bracket follows its opening one. It stays ASCII between digits (`10:30`, `1,000`), in Latin-only text
(`(Diffusion Transformer)` after a Latin word) and wherever it is not one of these six
marks: `1.6版本`, `11.8%`, `API+会员订阅`, `Q3`, `To B` are untouched.

Why not autocorrect-py, which the tests use as an independent check: its formatter also
puts spaces between Han and Latin (`可灵 AI`), which neither the article nor this site
does, and it leaves `,` after `”` and `:`/`(` next to Latin letters as they are.
"""
from __future__ import annotations

import re

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Chinese punctuation a mark may stand beside: full-width marks, quotes, brackets, the ideographic space.
CHINESE_MARKS = set("，。、：；？！（）《》〈〉「」『』【】〔〕“”‘’…—·\u3000") | set(FULL_WIDTH.values())


def _chinese(char: str) -> bool:
    return bool(char) and (bool(HAN.match(char)) or char in CHINESE_MARKS)


def chinese_punctuation(text: str) -> str:
    """Chinese text with its ASCII , : ; ? ! ( ) in full width where they stand in Chinese."""
    out: list[str] = []
    opened: list[bool] = []  # for each open "(": whether it became "（"
    for index, char in enumerate(text):
        if char not in FULL_WIDTH:
            out.append(char)
            continue
        before = out[-1] if out else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char == ")":
            chinese = opened.pop() if opened else _chinese(before)
        elif char == "(":
            chinese = _chinese(before) or _chinese(after) or bool(HAN.search(_bracketed(text, index)))
            opened.append(chinese)
        elif before.isdigit() and after.isdigit():
            chinese = False  # 10:30, 1,000
        else:
            chinese = _chinese(before) or _chinese(after)
        out.append(FULL_WIDTH[char] if chinese else char)
    return "".join(out)


def _bracketed(text: str, start: int) -> str:
    """What stands between the "(" at `start` and its ")" (or the end of the text)."""
    depth = 0
    for index in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return text[start + 1:index]
    return text[start + 1:]


ASCII_BESIDE_HAN = re.compile(r"[\u3400-\u9fff][,:;?!()]|[,:;?!()][\u3400-\u9fff]")


def ascii_beside_han(text: str) -> list[str]:
    """Every ASCII , : ; ? ! ( ) that touches a Han character, with that character: what a reader must not see."""
    return ASCII_BESIDE_HAN.findall(text)
