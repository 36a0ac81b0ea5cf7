"""Saved web pages: the article body by trafilatura, rendered to text with its structure.

trafilatura finds the main content and drops navigation, cookie banners, sidebars,
"related" boxes and footers. Its XML output is rendered here: headings and paragraphs
become paragraphs, list items stay ``- item`` lines (so objectives lists survive) and
table rows become ``cell | cell`` lines, read row by row.

trafilatura also drops the byline and the author's bio, which are part of the article
(the byline's date is a date mention; a publisher named in the bio is an organization).
They are put back from the page: the byline after the headline, the bio at the end.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from ..lexicon import Lexicon
from ..normalize.dates import DayOrder, parse_published
from .metadata import clean_author

BYLINE_HINT = re.compile(r"byline|dateline|author|posted|published|meta|bio", re.IGNORECASE)
BLOCK_TAGS = ("p", "div", "span", "address", "section", "footer", "header")


# trafilatura (htmldate) rejects a page's dates after "today" by default, so the date read
# would depend on the day of the run; a fixed latest date keeps a page's reading the same
# every day (a run and its incremental re-run agree).
DATE_CONFIG = {"original_date": True, "extensive_search": True, "max_date": "2199-12-31"}


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _render(main: etree._Element) -> list[str]:
    """trafilatura's XML body -> paragraphs (a list item or table row is a line)."""
    blocks: list[str] = []
    for child in main:
        tag = child.tag
        if tag in ("head", "p", "quote"):
            text = _text(child)
            if text:
                blocks.append(text)
        elif tag == "list":
            items = [_text(item) for item in child.iter("item")]
            if items:
                blocks.append("\n".join(f"- {item}" for item in items if item))
        elif tag == "table":
            rows = []
            for row in child.iter("row"):
                cells = [_text(cell) for cell in row.iter("cell")]
                if any(cells):
                    rows.append(" | ".join(c for c in cells if c))
            if rows:
                blocks.append("\n".join(rows))
        elif tag in ("div", "main", "section"):
            blocks.extend(_render(child))
        else:
            text = _text(child)
            if text:
                blocks.append(text)
    return blocks


def _page_extras(tree: etree._Element, body_text: str) -> tuple[str | None, list[str]]:
    """The byline (text of an element holding a <time> or named like a byline) and any
    author bio inside the article that trafilatura left out."""
    scope = tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree]
    byline: str | None = None
    bios: list[str] = []
    folded = " ".join(body_text.split())
    for element in scope[0].iter(*BLOCK_TAGS):
        marker = " ".join(str(element.get(a, "")) for a in ("class", "id", "itemprop", "rel"))
        has_time = bool(element.findall(".//time"))
        if not (has_time or BYLINE_HINT.search(marker)):
            continue
        text = _text(element)
        if not text or len(text) > 400 or text in folded:
            continue
        if byline is None and (has_time or re.match(r"^(?:By|Author)\b", text)):
            byline = text
        elif "bio" in marker.lower() or re.search(r"\bis an?\b.{0,80}\b(?:at|of)\b", text):
            bios.append(text)
    return byline, bios


def html_to_text(raw: str, lexicon: Lexicon | None = None, order: DayOrder = "dmy") -> tuple[str, dict[str, object]]:
    """Article text and page metadata (title, author, published) of an HTML page.

    Raises ``ValueError`` when the page has no article text.
    """
    import trafilatura

    try:
        tree = lxml_html.fromstring(raw)
        extracted = trafilatura.extract(
            raw, output_format="xml", include_tables=True, include_formatting=False,
            include_links=False, include_comments=False, favor_recall=True,
        )  # fmt: skip
        if not extracted:
            raise ValueError("no article text found in the page")
        document = etree.fromstring(extracted.encode("utf-8"))
    except etree.LxmlError as exc:  # every parser error of lxml, and of trafilatura's use of it
        raise ValueError(f"the HTML cannot be parsed ({type(exc).__name__}: {exc})") from exc
    main = document.find("main")
    blocks = _render(main if main is not None else document)
    if not blocks:
        raise ValueError("no article text found in the page")
    byline, bios = _page_extras(tree, "\n".join(blocks))
    if byline:
        blocks.insert(1 if len(blocks) > 1 else 0, byline)
    blocks.extend(bios)
    meta = trafilatura.extract_metadata(raw, date_config=DATE_CONFIG)
    found: dict[str, object] = {}
    if meta is not None:
        headline = tree.xpath("//article//h1") or tree.xpath("//h1")
        title = _text(headline[0]) if headline else None
        found["title"] = title or meta.title
        found["author"] = clean_author(meta.author, lexicon) if meta.author else None
        found["published"] = parse_published(meta.date, order=order, lexicon=lexicon)
        url = tree.xpath("//link[@rel='canonical']/@href")
        found["url"] = str(url[0]) if url else meta.url
    return "\n\n".join(blocks) + "\n", found
