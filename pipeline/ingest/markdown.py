"""Markdown notes: front matter as metadata, the document rendered to plain text.

markdown-it-py parses the document; the rendering keeps what a reader sees: headings
and paragraphs as paragraphs, list items as ``- item`` (or ``1. item``) lines, table rows
as ``cell | cell`` lines, and emphasis, links and inline code as their plain text.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..lexicon import Lexicon
from ..normalize.dates import DayOrder, parse_published
from .metadata import clean_author

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``---`` block's flat ``key: value`` fields, and the text after it."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group("body").splitlines():
        found = FIELD.match(line)
        if found and found.group("value"):
            fields[found.group("key").lower()] = _unquote(found.group("value"))
    return fields, text[match.end() :]


def _inline(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content if child.type != "html_inline" else "")
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            continue
    return " ".join("".join(parts).split())


def render(source: str) -> str:
    tokens = _PARSER.parse(source)
    blocks: list[str] = []
    lines: list[str] = []  # the list or table being built
    list_stack: list[list[int | None]] = []  # per open list: next number (None for bullets)
    row: list[str] | None = None  # the table row being built
    in_item_paragraph = False
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = token.attrGet("start")
            list_stack.append([int(start) if start else 1] if kind == "ordered_list_open" else [None])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
            if not list_stack and lines:
                blocks.append("\n".join(lines))
                lines = []
        elif kind == "list_item_open":
            in_item_paragraph = False
        elif kind == "inline" and list_stack:
            text = _inline(token)
            if not in_item_paragraph:
                number = list_stack[-1][0]
                marker = "-" if number is None else f"{number}."
                if number is not None:
                    list_stack[-1][0] = number + 1
                lines.append(f"{marker} {text}")
                in_item_paragraph = True
            elif text:
                lines[-1] += " " + text
        elif kind == "inline" and row is not None and token.level >= 3:
            row.append(_inline(token))
        elif kind == "inline":
            text = _inline(token)
            if text:
                blocks.append(text)
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            if any(row):
                lines.append(" | ".join(cell for cell in row if cell))
        elif kind == "table_close":
            blocks.append("\n".join(lines))
            lines, row = [], None
        elif kind in ("fence", "code_block"):
            code = token.content.strip()
            if code:
                blocks.append(code)
    return "\n\n".join(block for block in blocks if block) + "\n"


def markdown_to_text(raw: str, lexicon: Lexicon | None = None, order: DayOrder = "dmy") -> tuple[str, dict[str, Any]]:
    fields, body = front_matter(raw)
    meta: dict[str, Any] = {}
    if fields.get("title"):
        meta["title"] = fields["title"]
    author = fields.get("author") or fields.get("authors")
    if author:
        meta["author"] = clean_author(author.strip("[]").split(",")[0].strip(" \"'"), lexicon)
    published = fields.get("published") or fields.get("date") or fields.get("pubdate")
    if published:
        meta["published"] = parse_published(published, order=order, lexicon=lexicon)
    if fields.get("url"):
        meta["url"] = fields["url"]
    return render(body), meta
