#!/usr/bin/env python3
"""Fuzz campaign: generated and mutated inputs through every reader, as a real batch runs them.

usage: python scripts/fuzz.py [--inputs N] [--seconds S] [--seed N] [--jobs N] [--timeout S]
                              [--save DIR] [--kinds K,K] [--no-named] [--json]
       python scripts/fuzz.py --replay FILE [FILE ...]
       python scripts/fuzz.py --atheris CORPUS [-max_total_time=S -timeout=S -artifact_prefix=DIR/]

Each input is one file (random bytes and Unicode; mutated, truncated and spliced real
articles from corpus/, tests/fixtures and ../shared/eval when present; generated,
truncated, corrupted, encrypted and self-referencing PDFs; malformed HTML, Markdown and
JSONL; huge lines and lists; numbers such as 2e99999999). It is put in a folder next to
one good article, the folder goes through ``extract_paths``, the writers write into a
temporary folder and the report is rendered from it, exactly as ``claims extract`` and
``claims report`` do. Every input runs in a worker process that is killed when it runs
over ``--timeout`` (a hang), so no input can stop the campaign.

What counts as a failure: an exception that escapes the library (grouped by type and by
the place in ``pipeline/`` it came from), a hang, a worker that died, a claim whose
``text`` is not ``article.text[start:end]`` or whose sentence does not hold it, output
files that do not validate against the record models or disagree with each other, a
batch that lost the good article because of the bad one, and a bad input that gave
neither an article nor a problem (lost in silence). Per-article failures the library reports (E401) are
listed too: they are isolated, but the article is lost. With ``--save DIR`` each failing
input is saved (at most ``--save-per-group`` per group) with a ``finding.json`` beside
it; ``--replay`` runs saved inputs again, in this process, and prints the traceback.

The named cases (the pathological inputs, each once) run first unless ``--no-named``.
With atheris installed (``pip install atheris``; not a dependency), ``--atheris CORPUS``
runs the same checks coverage-guided, in process, with libFuzzer's own time limits.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import multiprocessing
import os
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def supported() -> tuple[str, ...]:
    """The readers' file extensions (imported when first needed, so that --atheris can instrument pipeline/)."""
    from pipeline.ingest import SUPPORTED

    return SUPPORTED


SHARED_ARTICLES = ROOT.parent / "shared" / "eval"
GOOD_ID = "good-article"
GOOD_TEXT = (
    "Danube Commission marks an anniversary\n\n"
    "The Danube Commission (DC) was founded on 18 August 1948 in Belgrade. It has 11 member states.\n"
    "The Commission aims to keep the river navigable from its source to the Black Sea.\n"
)
_GOOD_CLAIMS: list[str] = []  # the claim ids of the good article extracted alone (set by good_claims)
MEMORY_LIMIT_MB = 3072


# -- inputs ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One input file: how it was made, its file name in the batch folder, and its bytes."""

    kind: str
    name: str
    data: bytes
    note: str = ""


Maker = Callable[[random.Random], Case]

TOKENS = (
    "1948", "18 August 1948", "2022", "October", "12-13 October 2022", "from 1996 to 2001", "last year",
    "the 1990s", "Q3 2023", "11 member states", "2,700", "2.7 billion", "twenty-seven", "half a million",
    "more than 40 countries", "US$ 3 million", "1e400", "2e99999999", "10^99", "-0", "NaN", "∞", "½",
    "the United Nations (UN)", "Shanghai Cooperation Organisation (SCO)", "(ABCDEFGH)", "World Bank",
    "aims to", "in order to", "with the objective of", "to promote", "objectives:", "\n- ", "\n* ", "\n1. ",
    "\n• ", ". ", "; ", ", ", "\n", "\n\n", "\r\n", "\r", "\t", "\u2028", "\u2029", "\x85", "\x0c", "\x00",
    "\u200b", "\ufeff", "\u202e", "e\u0301", "👩‍👩‍👧", "𝔘𝔑", "ǅ", "İ", "ß", "Mr.", "Dr.", "By Jane Roe",
    "Published: 7 October 2022", "---", "#", "|", "<b>", "</p>", "&amp;", "&#0;", "&#xD800;", "%", "$", "€",
)  # fmt: skip
HOSTILE = (
    "<script>alert(1)</script>", "</script><script>alert(1)</script>", '" onmouseover="alert(1)',
    "javascript:alert(1)", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "@SUM(1)", "\u2028",
)  # fmt: skip


def _unicode(rng: random.Random, size: int) -> str:
    """Text of any code points but surrogates, mixed with words the pipeline reacts to."""
    parts: list[str] = []
    while sum(len(part) for part in parts) < size:
        roll = rng.random()
        if roll < 0.45:
            parts.append(rng.choice(TOKENS))
        elif roll < 0.55:
            parts.append(rng.choice(HOSTILE))
        elif roll < 0.8:
            parts.append(" ".join(rng.choice(("the", "Council", "States", "agreed", "fund", "in")) for _ in range(5)))
        else:
            top = rng.choice((0x7F, 0x2FF, 0xFFFF, 0x10FFFF))
            chars = (chr(rng.randrange(top + 1)) for _ in range(rng.randrange(1, 12)))
            parts.append("".join(c if not 0xD800 <= ord(c) <= 0xDFFF else "\ufffd" for c in chars))
    return "".join(parts)


def _encode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(("utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"))
    return text.encode(encoding, errors="replace")


def _seed_files() -> list[Path]:
    roots = [ROOT / "corpus", ROOT / "tests" / "fixtures"]
    if SHARED_ARTICLES.is_dir():
        roots += sorted(SHARED_ARTICLES.glob("*/articles"))
    return sorted(p for root in roots for p in root.rglob("*") if p.is_file() and p.suffix.lower() in supported())


_SEEDS: list[tuple[str, bytes]] | None = None


def seeds() -> list[tuple[str, bytes]]:
    """Real articles to mutate: (file name, bytes), read once."""
    global _SEEDS
    if _SEEDS is None:
        _SEEDS = [(p.name, p.read_bytes()) for p in _seed_files()] or [("good.txt", GOOD_TEXT.encode())]
    return _SEEDS


def _seed_text(rng: random.Random) -> str:
    texts = [data.decode("utf-8", "replace") for name, data in seeds() if not name.endswith(".pdf")]
    text = rng.choice(texts) if texts else GOOD_TEXT
    start = rng.randrange(max(1, len(text) - 3000))
    return text[start : start + rng.randrange(200, 3000)]


def mutate(rng: random.Random, data: bytes, rounds: int | None = None) -> bytes:
    """A few random edits: bit flips, inserted bytes or tokens, deleted, repeated and spliced ranges."""
    buffer = bytearray(data)
    for _ in range(rounds or rng.randrange(1, 8)):
        where = rng.randrange(len(buffer) + 1)
        span = rng.randrange(1, 64)
        roll = rng.random()
        if roll < 0.2 and buffer:
            buffer[min(where, len(buffer) - 1)] ^= 1 << rng.randrange(8)
        elif roll < 0.4:
            buffer[where:where] = rng.choice((*TOKENS, *HOSTILE)).encode("utf-8")
        elif roll < 0.55:
            buffer[where:where] = bytes(rng.randrange(256) for _ in range(span))
        elif roll < 0.7:
            del buffer[where : where + span]
        elif roll < 0.85:
            buffer[where:where] = buffer[where : where + span] * rng.randrange(2, 50)
        else:
            other = rng.choice(seeds())[1]
            at = rng.randrange(len(other) + 1)
            buffer[where:where] = other[at : at + rng.randrange(1, 2000)]
    return bytes(buffer)


def make_bytes(rng: random.Random) -> Case:
    size = rng.choice((0, 1, 2, 16, 256, 4096))
    data = bytes(rng.randrange(256) for _ in range(size))
    if rng.random() < 0.3:
        data = rng.choice((b"%PDF-1.4\n", b"<html>", b"---\n", b'{"id": "x", "text": "', b"\xef\xbb\xbf")) + data
    return Case("bytes", f"input{rng.choice(supported())}", data)


def make_unicode(rng: random.Random) -> Case:
    ext = rng.choice((".txt", ".txt", ".md", ".html", ".jsonl"))
    text = _unicode(rng, rng.choice((10, 200, 2000)))
    if ext == ".jsonl":
        text = json.dumps({"id": "input", "text": text}, ensure_ascii=rng.random() < 0.5)
    return Case("unicode", f"input{ext}", _encode(rng, text))


def make_mutated(rng: random.Random) -> Case:
    name, data = rng.choice(seeds())
    ext = Path(name).suffix if rng.random() < 0.9 else rng.choice(supported())
    return Case("mutated", f"input{ext}", mutate(rng, data), note=name)


def make_truncated(rng: random.Random) -> Case:
    name, data = rng.choice(seeds())
    return Case("truncated", f"input{Path(name).suffix}", data[: rng.randrange(len(data) + 1)], note=name)


# -- PDFs ------------------------------------------------------------------------------------
def pdf_from_objects(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from object bodies (object ``i + 1`` is ``objects[i]``), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, xref)  # fmt: skip
    return bytes(out)


def _content(text: str) -> bytes:
    safe = re.sub(r"[()\\]", " ", text.encode("latin-1", "replace").decode("latin-1"))
    lines = [safe[i : i + 90] for i in range(0, min(len(safe), 3000), 90)] or [" "]
    body = b"".join(b"(%s) Tj T* " % line.encode("latin-1") for line in lines)
    return b"BT /F1 11 Tf 14 TL 50 750 Td " + body + b"ET"


def _stream(data: bytes, length: bytes | None = None) -> bytes:
    return b"<< /Length " + (length or b"%d" % len(data)) + b" >>\nstream\n" + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"


def looping_pdfs(text: str) -> dict[str, bytes]:
    """PDFs whose objects refer to themselves, in each place a reader follows references."""
    content = _stream(_content(text))
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    form = b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X1 6 0 R >> >> /Length 8 >>\nstream\nq /X1 Do Q\nendstream"  # fmt: skip
    return {
        "kids": pdf_from_objects([catalog, b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>", PAGE, content, FONT]),
        "parent": pdf_from_objects(
            [
                catalog,
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R >>",
                PAGE.replace(b"/Resources << /Font << /F1 5 0 R >> >>", b""),
                content,
                FONT,
            ]
        ),
        "length": pdf_from_objects([catalog, pages, PAGE, _stream(_content(text), b"4 0 R"), FONT]),
        "resources": pdf_from_objects(
            [
                catalog,
                pages,
                PAGE.replace(b"<< /Font << /F1 5 0 R >> >>", b"6 0 R"),
                content,
                FONT,
                b"<< /Font << /F1 5 0 R >> /Parent 6 0 R /Self 6 0 R >>",
            ]
        ),
        "form": pdf_from_objects(
            [
                catalog,
                pages,
                PAGE.replace(b">> >> >>", b">> /XObject << /X1 6 0 R >> >> >>"),
                _stream(_content(text)[:-2] + b"ET /X1 Do"),
                FONT,
                form,
            ]
        ),
        "catalog": pdf_from_objects([b"<< /Type /Catalog /Pages 1 0 R >>", pages, PAGE, content, FONT]),
        "prev": pdf_from_objects([catalog, pages, PAGE, content, FONT], trailer_extra=b"/Prev 9 "),
        "outlines": pdf_from_objects(
            [
                b"<< /Type /Catalog /Pages 2 0 R /Outlines 6 0 R >>",
                pages,
                PAGE,
                content,
                FONT,
                b"<< /Type /Outlines /First 6 0 R /Last 6 0 R /Next 6 0 R /Count 1 >>",
            ]
        ),
    }


def pdf_of_text(text: str) -> bytes:
    """A real PDF of ``text`` made by fpdf2 (core font, so Latin-1 only)."""
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", size=11)
    document.multi_cell(0, 5, text.encode("latin-1", "replace").decode("latin-1"))
    return bytes(document.output())


def encrypted_pdf(data: bytes, *, user_password: str = "", aes: bool = False) -> bytes:
    """``data`` encrypted by pypdf with RC4; with ``aes`` its encryption dictionary declares AES
    (so reading it needs the ``cryptography`` package, which pypdf does not require)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, NumberObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    if aes:
        entry = writer._encrypt_entry
        assert entry is not None
        filter_ = DictionaryObject({NameObject("/CFM"): NameObject("/AESV2"), NameObject("/Length"): NumberObject(16)})
        entry[NameObject("/V")] = NumberObject(4)
        entry[NameObject("/R")] = NumberObject(4)
        entry[NameObject("/CF")] = DictionaryObject({NameObject("/StdCF"): filter_})
        entry[NameObject("/StmF")] = NameObject("/StdCF")
        entry[NameObject("/StrF")] = NameObject("/StdCF")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_pdf(rng: random.Random) -> Case:
    text = _seed_text(rng) if rng.random() < 0.8 else _unicode(rng, 500)
    variant = rng.choice(("plain", "truncated", "corrupted", "rc4", "password", "aes", "loop", "loop", "empty-text"))
    if variant == "loop":
        name, data = rng.choice(sorted(looping_pdfs(text).items()))
        return Case("pdf", "input.pdf", data, note=f"loop-{name}")
    data = pdf_of_text(text if variant != "empty-text" else " ")
    if variant == "truncated":
        data = data[: rng.randrange(len(data))]
    elif variant == "corrupted":
        data = mutate(rng, data)
    elif variant in ("rc4", "password", "aes"):
        data = encrypted_pdf(data, user_password="secret" if variant == "password" else "", aes=variant == "aes")
    return Case("pdf", "input.pdf", data, note=variant)


# -- HTML, Markdown, JSONL, text ---------------------------------------------------------------
def _paragraphs(rng: random.Random, count: int) -> list[str]:
    return [_seed_text(rng)[: rng.randrange(50, 400)] for _ in range(count)]


def make_html(rng: random.Random) -> Case:
    import html as html_module

    body = "".join(f"<p>{html_module.escape(p)}</p>" for p in _paragraphs(rng, rng.randrange(1, 6)))
    variant = rng.choice(("nested", "unclosed", "attribute", "soup", "table", "entities", "declaration",
                          "empty", "comment", "mutated", "script"))  # fmt: skip
    if variant == "nested":
        depth = rng.choice((50, 300, 1000, 3000))
        tag = rng.choice(("div", "section", "span", "b", "ul><li", "table><tr><td", "blockquote"))
        page = "<html><body>" + f"<{tag}>" * depth + body
    elif variant == "unclosed":
        page = "<html><body><article><p>" + "<p><div><span><li>".join(_paragraphs(rng, 5))
    elif variant == "attribute":
        page = f"<html><body><div class=\"{'x' * rng.choice((1000, 100_000))}\" data-a='{rng.choice(HOSTILE)}'>{body}</div>"
    elif variant == "soup":
        tags = ("<p>", "</p>", "<div>", "</div>", "<br>", "<li>", "<table>", "<td>", "</tr>", "<!--", "-->",
                "<![CDATA[", "]]>", "<?xml?>", "<h1>", "<script>", "</script>", "<style>", "<svg>", "<math>")  # fmt: skip
        page = "".join(rng.choice(tags) + (_seed_text(rng)[:40] if rng.random() < 0.5 else "") for _ in range(200))
    elif variant == "table":
        rows = "".join(f"<tr><td>{i}</td><td>{p}</td></tr>" for i, p in enumerate(_paragraphs(rng, 40)))
        page = f"<html><body><table>{rows}</table></body></html>"
    elif variant == "entities":
        page = "<html><body><p>" + "".join(rng.choice(("&#0;", "&#xD800;", "&#99999999;", "&#x110000;", "&bogus;", "&amp",
                                                       "&#65;", "&nbsp;")) for _ in range(300)) + body  # fmt: skip
    elif variant == "declaration":
        page = rng.choice(('<?xml version="1.0" encoding="utf-16"?>', '<meta charset="utf-32">',
                           '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaa">]>')) + f"<html><body>{body}&a;"  # fmt: skip
    elif variant == "empty":
        page = rng.choice(("<html></html>", "<!-- only a comment -->", "<html><head><title>t</title></head></html>",
                           " \n", "<", "<>", "</html>", "\x00"))  # fmt: skip
    elif variant == "comment":
        page = f"<html><body>{body}<!-- never closed {body}"
    elif variant == "script":
        page = (
            f"<html><head><title>{rng.choice(HOSTILE)}</title><script>{body}</script></head><body>{body}</body></html>"
        )
    else:
        page = mutate(
            rng, f"<html><head><title>T</title></head><body><article>{body}</article></body></html>".encode()
        ).decode("utf-8", "replace")
    return Case("html", "input.html", _encode(rng, page), note=variant)


def make_markdown(rng: random.Random) -> Case:
    body = "\n\n".join(_paragraphs(rng, rng.randrange(1, 5)))
    values = ("2022-10-07", "2e99999999", "1e400", "32/13/2020", "", "[unclosed", "{a: b", "- x", "\x00", "99999-01-01",
              "7 October 2022" * 50, "!!binary AAAA", "&anchor *anchor", "null", "true", "0x10")  # fmt: skip
    variant = rng.choice(("unclosed", "values", "bom", "lists", "fences", "html", "headings", "mutated"))
    if variant == "unclosed":
        text = f"---\ntitle: {rng.choice(values)}\npublished: {rng.choice(values)}\n{body}"
    elif variant == "values":
        lines = [f"{rng.choice(('title', 'author', 'published', 'date', 'url', 'tags', ':', ''))}: {rng.choice(values)}"
                 for _ in range(rng.randrange(1, 6))]  # fmt: skip
        text = "---\n" + "\n".join(lines) + "\n---\n" + body
    elif variant == "bom":
        text = "\ufeff---\ntitle: x\n---\n" + body
    elif variant == "lists":
        marker = rng.choice(("-", "*", "+", "1.", "•"))
        items = [f"{'  ' * rng.randrange(4)}{marker} {p if rng.random() < 0.7 else ''}" for p in _paragraphs(rng, 30)]
        text = "The Council aims to:\n\n" + "\n".join(items)
    elif variant == "fences":
        text = f"```\n{body}\n" + rng.choice(("", "```", "~~~")) + f"\n{body}"
    elif variant == "html":
        text = f"<div>\n{body}\n<script>{rng.choice(HOSTILE)}</script>\n" + rng.choice(("", "</div>"))
    elif variant == "headings":
        text = "\n".join(f"{'#' * rng.randrange(1, 9)} {p}" for p in _paragraphs(rng, 6))
    else:
        text = mutate(rng, f"---\ntitle: T\npublished: 2022-10-07\n---\n# T\n\n{body}".encode()).decode(
            "utf-8", "replace"
        )
    return Case("markdown", "input.md", _encode(rng, text), note=variant)


def _jsonl_line(rng: random.Random) -> str:
    text = _seed_text(rng)
    record: dict[str, Any] = {"id": f"input-{rng.randrange(5)}", "text": text}
    variant = rng.choice(("ok", "types", "surrogate", "cr-id", "numbers", "unknown", "raw"))
    if variant == "types":
        key = rng.choice(("id", "text", "title", "author", "published", "url"))
        record[key] = rng.choice(([], {}, 1.5, True, None, 10**30, -1, ["a"], {"text": "x"}, "", " "))
    elif variant == "surrogate":
        key = rng.choice(("id", "text", "title", "author", "url"))
        record[key] = (record.get(key) or "x") + "\ud800" + rng.choice(("", "\udfff", "\udc00x"))
    elif variant == "cr-id":
        record["id"] = rng.choice(("a\rb", "a\r\nb", "\r", "a\nb", "a\x00b", "a\u2028b", "../../etc/passwd", "=1+1"))
    elif variant == "numbers":
        record["published"] = rng.choice(("2e99999999", "1e400", "99999-99-99", "0000-00-00", "2022-02-30", "-1"))
        record["text"] = f"{text} There were {rng.choice(('2e99999999', '1e400', '1e-400', '9' * 400))} people."
    elif variant == "unknown":
        record[rng.choice(("body", "Text", "", "id "))] = "x"
    line = json.dumps(record)  # lone surrogates travel escaped, as JSON allows
    if variant == "raw":
        line = rng.choice((
            '{"id": "x", "text": "a", }', "[1, 2]", '"just a string"', "null", '{"id": 1e400, "text": "1e400 dollars"}',
            '{"id": "x", "text": NaN}', '{"id": "x", "text": "t", "published": Infinity}', "{" * 2000, "[" * 100_000,
            '{"id": ' + "9" * 5000 + ', "text": "x"}', '{"id": "x", "text": "\\ud800"}', '{"id": "d", "id": "d", "text": "x"}',
            line[: rng.randrange(len(line))], '{"id": "x", "text": "\\u0000\\u0001"}',
        ))  # fmt: skip
    return line


def make_jsonl(rng: random.Random) -> Case:
    lines = [_jsonl_line(rng) for _ in range(rng.randrange(1, 6))]
    separator = rng.choice(("\n", "\n", "\r\n", "\r", "\n\n"))
    return Case("jsonl", "input.jsonl", _encode(rng, separator.join(lines)))


def make_text(rng: random.Random) -> Case:
    variant = rng.choice(("bullets", "punctuation", "numbers", "acronym", "sentence-end", "lines", "mixed"))
    if variant == "bullets":
        marker = rng.choice(("-", "*", "•", "1.", "a)"))
        text = "The objectives are:\n" + "\n".join(f"{marker} " + rng.choice(("", "to promote trade", "x"))
                                                   for _ in range(rng.randrange(10, 300)))  # fmt: skip
    elif variant == "punctuation":
        text = "".join(rng.choice(".,;:!?-()[]{}'\"/\\|@#$%^&*_+=~`") for _ in range(rng.randrange(100, 2000)))
    elif variant == "numbers":
        numbers = ("2e99999999", "1e400", "1e-400", "9" * 400, "10^400", "1,000,000,000,000,000,000,000", "0.0000001",
                   "1.5e308", "-5", "2e3", "1e309", "0x1F", "1_000")  # fmt: skip
        text = " ".join(f"There were {rng.choice(numbers)} {rng.choice(('people', 'dollars', 'member states', ''))}."
                        for _ in range(rng.randrange(1, 10)))  # fmt: skip
    elif variant == "acronym":
        words = " ".join(rng.choice(("Council", "of", "the", "Asian", "Regional", "Bank", "for", "and", "Development"))
                         for _ in range(rng.randrange(3, 16)))  # fmt: skip
        letters = "".join(rng.choice("ABCDFGRT") for _ in range(rng.randrange(2, 6)))
        text = f"The {words} ({letters}) met in 2022. The {letters} has 12 members."
    elif variant == "sentence-end":
        text = f"The states agreed in {rng.randrange(1900, 2100)}. {rng.choice(('October', 'May', 'March'))} was busy."
    elif variant == "lines":
        text = "\n".join(f"In {1990 + i % 30} the fund gave {i} grants." for i in range(rng.randrange(10, 200)))
    else:
        text = _unicode(rng, 1000)
    return Case("text", "input.txt", _encode(rng, text), note=variant)


MAKERS: dict[str, Maker] = {
    "bytes": make_bytes,
    "unicode": make_unicode,
    "mutated": make_mutated,
    "truncated": make_truncated,
    "pdf": make_pdf,
    "html": make_html,
    "markdown": make_markdown,
    "jsonl": make_jsonl,
    "text": make_text,
}
WEIGHTS = {
    "bytes": 1,
    "unicode": 2,
    "mutated": 4,
    "truncated": 1,
    "pdf": 2,
    "html": 2,
    "markdown": 2,
    "jsonl": 2,
    "text": 2,
}


def named_cases() -> Iterator[Case]:
    """The pathological inputs, each once: the ones a person would try first."""
    sentence = "The Danube Commission was founded in 1948 with 11 member states."
    plain = pdf_of_text(GOOD_TEXT * 3)
    yield Case("named", "empty.txt", b"")
    yield Case("named", "empty.jsonl", b"")
    yield Case("named", "empty.md", b"")
    yield Case("named", "empty.html", b"")
    yield Case("named", "empty.pdf", b"")
    yield Case("named", "bullets.txt", b"The objectives are:\n" + b"- \n" * 4000, note="4,000 empty bullets")
    yield Case("named", "bullets.md", b"The objectives are:\n\n" + b"* \n" * 4000, note="4,000 empty bullets")
    yield Case(
        "named", "long-line.txt", (sentence + " ").encode() * (2_000_000 // (len(sentence) + 1)), note="2 MB line"
    )
    yield Case("named", "over-max-length.txt", b"word " * 220_000, note="1.1 M characters")
    yield Case("named", "lines.txt", "\n".join([sentence] * 8000).encode(), note="8,000 sentence lines")
    yield Case("named", "exponent.txt", b"There were 2e99999999 people.")
    yield Case("named", "overflow.txt", b"The fund holds 1e400 dollars.")
    yield Case("named", "punctuation.txt", b".,;:!?-()" * 1400, note="12 KB of punctuation")
    words = " ".join(("Asian", "Regional", "Council", "for", "Trade", "and", "Development", "Bank") * 3)
    yield Case("named", "acronym.txt", f"The {words} (ARCTDBAR) met in 2022.".encode(), note="8 letters, 24 words")
    yield Case("named", "sentence-end.txt", b"The members agreed in 2022. October was quiet.")
    yield Case("named", "deep.html", b"<html><body>" + b"<div>" * 10_000 + sentence.encode(), note="10,000 levels")
    yield Case("named", "deep-span.html", b"<html><body><p>" + b"<span>" * 10_000 + sentence.encode())
    yield Case("named", "attribute.html", b'<html><body><p title="' + b"x" * 2_000_000 + b'">' + sentence.encode())
    rows = "".join(f"<tr><td>{i}</td><td>{sentence}</td></tr>" for i in range(1600))
    yield Case("named", "table.html", f"<html><body><table>{rows}</table></body></html>".encode(), note="1,600 rows")
    yield Case("named", "xml-decl.html", b'<?xml version="1.0" encoding="utf-8"?><html><body><p>' + sentence.encode())
    yield Case("named", "comment.html", b"<!-- nothing but a comment -->")
    yield Case("named", "front-matter.md", b"---\ntitle: [unclosed\npublished: 2e99999999\n" + sentence.encode())
    yield Case("named", "deep.jsonl", b"[" * 100_000 + b"]" * 100_000)
    yield Case("named", "big-int.jsonl", b'{"id": ' + b"9" * 5000 + b', "text": "' + sentence.encode() + b'"}')
    yield Case("named", "overflow.jsonl", b'{"id": "o", "text": "1e400 dollars", "published": 1e400}')
    yield Case(
        "named", "surrogate.jsonl", b'{"id": "s\\ud800", "title": "\\udfff", "text": "' + sentence.encode() + b'"}'
    )
    yield Case("named", "cr-id.jsonl", b'{"id": "a\\rb", "text": "' + sentence.encode() + b'"}')
    yield Case("named", "formula.jsonl", b'{"id": "=HYPERLINK(\\"http://x\\")", "text": "' + sentence.encode() + b'"}')
    yield Case("named", "rc4.pdf", encrypted_pdf(plain))
    yield Case("named", "password.pdf", encrypted_pdf(plain, user_password="secret"))
    yield Case("named", "aes.pdf", encrypted_pdf(plain, aes=True), note="needs cryptography")
    yield Case("named", "truncated.pdf", plain[: len(plain) // 2])
    for name, data in sorted(looping_pdfs(GOOD_TEXT).items()):
        yield Case("named", f"loop-{name}.pdf", data)


def generate(seed: int, count: int, kinds: list[str], named: bool) -> Iterator[Case]:
    """``count`` inputs: the named ones first, then generated ones, the same for the same seed."""
    produced = 0
    if named:
        for case in named_cases():
            if produced >= count:
                return
            produced += 1
            yield case
    population = [k for k in kinds for _ in range(WEIGHTS.get(k, 1))]
    index = 0
    while produced < count:
        rng = random.Random(f"{seed}:{index}")
        index += 1
        kind = rng.choice(population)
        try:
            case = MAKERS[kind](rng)
        except Exception as exc:  # a generator that cannot make this one (fpdf2 refusing text): skip it
            print(f"note: could not make a {kind} input ({type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        produced += 1
        yield case


# -- running one input ------------------------------------------------------------------------
@dataclass
class Failure:
    category: str  # one of CATEGORIES
    group: str  # what failures of one cause share
    detail: str


@dataclass
class Outcome:
    index: int
    kind: str
    name: str
    size: int
    note: str
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    isolated: list[str] = field(default_factory=list)  # E401 reasons the library reported
    claims: int = 0


def _place(exc: BaseException) -> str:
    """Where an exception came from: its deepest frame in pipeline/, and the frame that raised it."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/pipeline/" in f.filename]
    where = f"{Path(ours[-1].filename).relative_to(ROOT)}:{ours[-1].lineno} {ours[-1].name}" if ours else "?"
    if frames and frames[-1] is not (ours[-1] if ours else None):
        last = frames[-1]
        where += f" <- {'/'.join(Path(last.filename).parts[-2:])}:{last.lineno} {last.name}"
    return where


def _exception(stage: str, exc: BaseException) -> Failure:
    detail = "".join(traceback.format_exception(exc))[-4000:]
    return Failure("exception", f"[{stage}] {type(exc).__name__} at {_place(exc)}", detail)


def _normalized(text: str) -> str:
    return " ".join(text.split())


def check_records(articles: list[Any], claims: list[Any]) -> list[Failure]:
    """Offsets exact, sentence holding the claim, every record valid for the record models."""
    from pipeline.records import CLAIMS_ADAPTER, Article

    failures = []
    texts = {a.article_id: a.text for a in articles}
    for claim in claims:
        text = texts.get(claim.article_id)
        if text is None:
            failures.append(Failure("offsets", "claim of an article not in the output", claim.claim_id))
        elif not (0 <= claim.start <= claim.end <= len(text)) or text[claim.start : claim.end] != claim.text:
            failures.append(
                Failure(
                    "offsets",
                    f"{claim.claim_type} text != article.text[start:end]",
                    f"{claim.rule}: {claim.text!r} at {claim.start}:{claim.end} reads {text[claim.start : claim.end]!r}",
                )
            )
        elif _normalized(claim.text) not in _normalized(claim.sentence):
            failures.append(
                Failure(
                    "offsets",
                    f"{claim.claim_type} sentence does not hold the text ({claim.rule})",
                    f"{claim.text!r} not in {claim.sentence!r}",
                )
            )
    try:
        CLAIMS_ADAPTER.validate_json(CLAIMS_ADAPTER.dump_json(list(claims)))
        for article in articles:
            Article.model_validate_json(article.model_dump_json())
    except Exception as exc:
        failures.append(_exception("records", exc))
    return failures


def check_outputs(folder: Path, articles: list[Any], claims: list[Any]) -> list[Failure]:
    """The written files read back: valid records, the same claims in JSON, CSV and SQLite."""
    import sqlite3

    import pandas as pd

    from pipeline.records import CLAIMS_ADAPTER, Article

    failures = []
    try:
        written = CLAIMS_ADAPTER.validate_json((folder / "claims.json").read_bytes())
        records = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
        for record in records:
            Article.model_validate(record)
        listed = len(pd.read_csv(folder / "articles.csv", dtype=str, keep_default_na=False))
        if listed != len(records):
            failures.append(Failure("output", "articles.csv and articles.json row counts differ",
                                    f"json {len(records)}, csv {listed}"))  # fmt: skip
        json.loads((folder / "errors.json").read_text(encoding="utf-8"))
        if [c.claim_id for c in written] != [c.claim_id for c in claims]:
            failures.append(Failure("output", "claims.json differs from the extraction", ""))
        rows = len(pd.read_csv(folder / "claims.csv", dtype=str, keep_default_na=False))
        with contextlib.closing(sqlite3.connect(folder / "claims.db")) as db:
            stored = db.execute("select count(*) from claims").fetchone()[0]
        if not rows == stored == len(claims):
            failures.append(Failure("output", "claims.csv / claims.db row counts differ from claims.json",
                                    f"json {len(claims)}, csv {rows}, db {stored}"))  # fmt: skip
    except Exception as exc:
        failures.append(_exception("read-back", exc))
    return failures


BUDGET = 5.0  # the pipeline's own time budget per file and article (``--budget``)
ISOLATED = frozenset({"E401", "E402", "E410"})  # articles the library gave up on, and said so


def _set_budget(seconds: float) -> None:
    global BUDGET
    BUDGET = seconds


def good_claims(nlp: Any) -> list[str]:
    """The claim ids of the good article extracted alone: what every batch must give for it."""
    if not _GOOD_CLAIMS:
        from pipeline import extract_paths

        with tempfile.TemporaryDirectory(prefix="pc-fuzz-") as work:
            (Path(work) / f"{GOOD_ID}.txt").write_text(GOOD_TEXT, encoding="utf-8")
            _GOOD_CLAIMS.extend(c.claim_id for c in extract_paths([work], nlp).claims)
        assert _GOOD_CLAIMS, "the good article gives no claims"
    return _GOOD_CLAIMS


def run_case(nlp: Any, case: Case, index: int = 0) -> Outcome:
    """One input through a real batch: read and extract beside the good article, write, read back, report."""
    from pipeline import ClaimsError, extract_paths, render_report, write_outputs

    outcome = Outcome(index, case.kind, case.name, len(case.data), case.note)
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="pc-fuzz-"))
    try:
        batch = work / "in"
        batch.mkdir()
        (batch / f"{GOOD_ID}.txt").write_text(GOOD_TEXT, encoding="utf-8")
        (batch / case.name).write_bytes(case.data)
        try:
            result = extract_paths([batch], nlp, budget=BUDGET)
        except Exception as exc:
            outcome.failures.append(_exception("extract", exc))
            outcome.failures.append(Failure("lost", "the batch raised", type(exc).__name__))
            return outcome
        outcome.claims = len(result.claims)
        outcome.isolated = [f"{p.code.value} {p.message}" for p in result.problems if p.code in ISOLATED]
        good = [c.claim_id for c in result.claims if c.article_id == GOOD_ID]
        if GOOD_ID not in {a.article_id for a in result.articles} or good != good_claims(nlp):
            codes = sorted({p.code.value for p in result.problems if p.path and GOOD_ID in p.path})
            outcome.failures.append(Failure("lost", "the good article was lost or lost claims", f"problems {codes}"))
        bad = str(batch / case.name)
        if not any(a.source == bad for a in result.articles) and not any(p.path == bad for p in result.problems):
            outcome.failures.append(
                Failure("silent", f"a {Path(case.name).suffix} file gave no article and no problem", "")
            )
        outcome.failures += check_records(result.articles, result.claims)
        out = work / "out"
        try:
            write_outputs(out, result.articles, result.claims, result.problems)
        except ClaimsError as exc:  # a located error (E301): still a failure, the run wrote nothing
            outcome.failures.append(Failure("exception", f"[write] ClaimsError {exc.code}", str(exc)[:2000]))
            return outcome
        except Exception as exc:
            outcome.failures.append(_exception("write", exc))
            return outcome
        outcome.failures += check_outputs(out, result.articles, result.claims)
        try:
            render_report(out)
        except Exception as exc:
            outcome.failures.append(_exception("report", exc))
        return outcome
    finally:
        outcome.seconds = time.perf_counter() - started
        shutil.rmtree(work, ignore_errors=True)


# -- workers ---------------------------------------------------------------------------------
def _die_with_parent() -> None:
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def quiet_libraries() -> None:
    """pypdf and trafilatura log every damaged input; the campaign reports them itself."""
    import logging
    import warnings

    for name in ("pypdf", "trafilatura", "htmldate", "courlan", "charset_normalizer", "fontTools", "fpdf"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")


def _scratch_root() -> str | None:
    """Where workers put their batches: in memory when possible (writing them is the campaign's main cost)."""
    return "/dev/shm" if os.access("/dev/shm", os.W_OK) else None


def _worker(
    connection: Connection, nlp: Any, check: Callable[[Any, Case, int], Outcome], memory_mb: int, scratch: str
) -> None:
    _die_with_parent()
    quiet_libraries()
    tempfile.tempdir = scratch  # the parent removes it, also after killing this worker
    with contextlib.suppress(ValueError, OSError):
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    while True:
        try:
            message = connection.recv()
        except EOFError:
            return
        if message is None:
            return
        index, case = message
        try:
            outcome = check(nlp, case, index)
        except BaseException as exc:  # the harness's own checks failing is a finding too
            outcome = Outcome(index, case.kind, case.name, len(case.data), case.note)
            outcome.failures.append(_exception("harness", exc))
        connection.send(outcome)


@dataclass
class _Slot:
    process: Any
    connection: Connection
    scratch: str = ""
    busy: tuple[int, Case, float] | None = None


class Pool:
    """Worker processes forked from a parent that built the pipeline once; one input each at a time."""

    def __init__(self, jobs: int, nlp: Any, check: Callable[[Any, Case, int], Outcome], memory_mb: int) -> None:
        self.context = multiprocessing.get_context("fork")
        self.nlp, self.check, self.memory_mb = nlp, check, memory_mb
        self.slots = [self._spawn() for _ in range(jobs)]

    def _spawn(self) -> _Slot:
        parent, child = self.context.Pipe()
        scratch = tempfile.mkdtemp(prefix="pc-fuzz-worker-", dir=_scratch_root())
        arguments = (child, self.nlp, self.check, self.memory_mb, scratch)
        process = self.context.Process(target=_worker, args=arguments, daemon=True)
        process.start()
        child.close()
        return _Slot(process, parent, scratch)

    def replace(self, slot: _Slot) -> _Slot:
        if slot.process.is_alive():
            os.kill(slot.process.pid, signal.SIGKILL)
        slot.process.join()
        slot.connection.close()
        shutil.rmtree(slot.scratch, ignore_errors=True)
        fresh = self._spawn()
        self.slots[self.slots.index(slot)] = fresh
        return fresh

    def close(self) -> None:
        for slot in self.slots:
            with contextlib.suppress(OSError, BrokenPipeError):
                slot.connection.send(None)
        for slot in self.slots:
            slot.process.join(timeout=5)
            if slot.process.is_alive():
                os.kill(slot.process.pid, signal.SIGKILL)
                slot.process.join()
            shutil.rmtree(slot.scratch, ignore_errors=True)


# -- the campaign ----------------------------------------------------------------------------
@dataclass
class Summary:
    tried: int = 0
    seconds: float = 0.0
    kinds: Counter[str] = field(default_factory=Counter)
    outcomes: list[Outcome] = field(default_factory=list)
    saved: list[str] = field(default_factory=list)

    def failures(self, category: str) -> dict[str, list[tuple[Outcome, Failure]]]:
        groups: dict[str, list[tuple[Outcome, Failure]]] = defaultdict(list)
        for outcome in self.outcomes:
            for failure in outcome.failures:
                if failure.category == category:
                    groups[failure.group].append((outcome, failure))
        return dict(groups)

    def count(self, category: str) -> int:
        return sum(len(v) for v in self.failures(category).values())

    def isolated(self) -> dict[str, list[Outcome]]:
        groups: dict[str, list[Outcome]] = defaultdict(list)
        for outcome in self.outcomes:
            for message in outcome.isolated:
                groups[re.sub(r"\d+", "N", message)[:160]].append(outcome)
        return dict(groups)

    def as_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.tried,
            "seconds": round(self.seconds, 1),
            "kinds": dict(self.kinds),
            **{
                category: {group: len(items) for group, items in self.failures(category).items()}
                for category in CATEGORIES
            },
            "isolated": {group: len(items) for group, items in self.isolated().items()},
            "slowest": [
                {
                    "index": o.index,
                    "kind": o.kind,
                    "name": o.name,
                    "note": o.note,
                    "bytes": o.size,
                    "seconds": round(o.seconds, 2),
                }
                for o in sorted(self.outcomes, key=lambda o: -o.seconds)[:10]
            ],
            "saved": self.saved,
        }


CATEGORIES = ("exception", "hang", "crash", "offsets", "output", "lost", "silent")
TITLES = {
    "exception": "uncaught exceptions",
    "hang": "hangs over the time budget",
    "crash": "worker processes that died",
    "offsets": "offset violations (text != article.text[start:end], or not in its sentence)",
    "output": "output files that do not agree",
    "lost": "batches that lost the good article because of the bad input",
    "silent": "inputs that gave neither an article nor a problem",
}


def _save(folder: Path, outcome: Outcome, case: Case, failure: Failure, seed: int) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", f"{failure.category}-{failure.group}")[:64].strip("-")
    digest = hashlib.sha1(failure.group.encode("utf-8", "replace")).hexdigest()[
        :6
    ]  # groups whose slugs agree stay apart
    target = folder / f"{slug}-{digest}-{outcome.index:05d}"
    target.mkdir(parents=True, exist_ok=True)
    (target / case.name).write_bytes(case.data)
    finding = {**asdict(failure), "kind": case.kind, "note": case.note, "index": outcome.index, "seed": seed,
               "input": case.name, "bytes": len(case.data), "seconds": round(outcome.seconds, 2),
               "replay": f"python scripts/fuzz.py --replay {target / case.name}"}  # fmt: skip
    (target / "finding.json").write_text(json.dumps(finding, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return str(target)


def run_campaign(
    *,
    inputs: int = 1000,
    seconds: float = 600.0,
    seed: int = 0,
    jobs: int = 1,
    timeout: float = 10.0,
    save: Path | None = None,
    save_per_group: int = 3,
    kinds: list[str] | None = None,
    named: bool = True,
    check: Callable[[Any, Case, int], Outcome] = run_case,
    memory_mb: int = MEMORY_LIMIT_MB,
    progress: bool = False,
    cases: Iterator[Case] | None = None,
) -> Summary:
    """Run the campaign: every input in a worker, killed at ``timeout``; stops after ``inputs`` or ``seconds``."""
    from pipeline import build_nlp

    summary = Summary()
    started = time.monotonic()
    source = cases if cases is not None else generate(seed, inputs, kinds or list(MAKERS), named)
    saved_per_group: Counter[str] = Counter()

    def record(outcome: Outcome, case: Case) -> None:
        summary.outcomes.append(outcome)
        if save is None:
            return
        for failure in outcome.failures:
            key = f"{failure.category}:{failure.group}"
            if saved_per_group[key] < save_per_group:
                saved_per_group[key] += 1
                summary.saved.append(_save(save, outcome, case, failure, seed))

    quiet_libraries()
    nlp = build_nlp()
    good_claims(nlp)  # once, before the workers are forked
    pool = Pool(jobs, nlp, check, memory_mb)
    index = reported = 0
    exhausted = False
    try:
        while True:
            for slot in pool.slots:
                if slot.busy is None and not exhausted:
                    if time.monotonic() - started > seconds:
                        exhausted = True
                        break
                    case = next(source, None)
                    if case is None:
                        exhausted = True
                        break
                    summary.tried += 1
                    summary.kinds[case.kind] += 1
                    slot.connection.send((index, case))
                    slot.busy = (index, case, time.monotonic())
                    index += 1
            busy = [slot for slot in pool.slots if slot.busy is not None]
            if not busy:
                break
            deadline = min(slot.busy[2] for slot in busy if slot.busy) + timeout
            ready = wait([slot.connection for slot in busy], timeout=max(0.0, deadline - time.monotonic()))
            now = time.monotonic()
            for slot in list(busy):
                assert slot.busy is not None
                number, case, began = slot.busy
                if slot.connection in ready:
                    try:
                        outcome = slot.connection.recv()
                    except (EOFError, OSError):
                        slot.process.join(timeout=1)
                        outcome = Outcome(number, case.kind, case.name, len(case.data), case.note, now - began)
                        code = slot.process.exitcode
                        reason = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
                        outcome.failures.append(Failure("crash", f"worker died ({reason})", ""))
                        record(outcome, case)
                        pool.replace(slot)
                        continue
                    record(outcome, case)
                    slot.busy = None
                elif now - began >= timeout:
                    outcome = Outcome(number, case.kind, case.name, len(case.data), case.note, now - began)
                    outcome.failures.append(
                        Failure("hang", f"over {timeout:g} s: {Path(case.name).suffix} ({case.kind})", case.note)
                    )
                    record(outcome, case)
                    pool.replace(slot)
            if progress and len(summary.outcomes) >= reported + 100:
                reported = len(summary.outcomes) // 100 * 100
                print(f"... {reported} inputs, {time.monotonic() - started:.0f} s", file=sys.stderr)
    finally:
        pool.close()
    summary.seconds = time.monotonic() - started
    return summary


def print_summary(summary: Summary, out: Any = sys.stdout) -> None:
    print(
        f"inputs tried: {summary.tried} in {summary.seconds:.0f} s ({', '.join(f'{k} {n}' for k, n in sorted(summary.kinds.items()))})",
        file=out,
    )
    for category in CATEGORIES:
        groups = summary.failures(category)
        total = sum(len(items) for items in groups.values())
        print(f"\n{TITLES[category]}: {total}" + (f" in {len(groups)} groups" if groups else ""), file=out)
        for group, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            kinds = Counter(o.kind for o, _ in items)
            example = items[0][0]
            print(f"  {len(items):5d}  {group}", file=out)
            print(
                f"         kinds: {dict(kinds)}; e.g. #{example.index} {example.name} {example.note}".rstrip(), file=out
            )
    isolated = summary.isolated()
    print(
        f"\narticles the library gave up on and reported (E401, E402 over the budget, E410; isolated): {sum(map(len, isolated.values()))}",
        file=out,
    )
    for group, outcomes in sorted(isolated.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(outcomes):5d}  {group}", file=out)
    print("\nslowest inputs:", file=out)
    for outcome in sorted(summary.outcomes, key=lambda o: -o.seconds)[:10]:
        print(
            f"  {outcome.seconds:7.2f} s  #{outcome.index} {outcome.kind} {outcome.name} {outcome.note} ({outcome.size:,} bytes)",
            file=out,
        )
    if summary.saved:
        print(f"\n{len(summary.saved)} failing inputs saved (python scripts/fuzz.py --replay DIR/FILE)", file=out)


def replay(paths: list[Path]) -> int:
    """Run saved inputs again in this process and print what fails, with the traceback."""
    from pipeline import build_nlp

    quiet_libraries()
    nlp = build_nlp()
    failed = 0
    for path in paths:
        outcome = run_case(nlp, Case("replay", path.name, path.read_bytes()))
        print(f"{path}: {len(outcome.failures)} failures in {outcome.seconds:.2f} s, {outcome.claims} claims")
        for failure in outcome.failures:
            print(f"  {failure.category}: {failure.group}\n{failure.detail}")
        for message in outcome.isolated:
            print(f"  isolated: {message}")
        failed += bool(outcome.failures)
    return 1 if failed else 0


class Finding(Exception):
    """A failure found under atheris: raised so that libFuzzer saves the input."""


def atheris_campaign(libfuzzer_args: list[str], corpus: Path) -> None:
    """Coverage-guided runs with atheris (optional: ``pip install atheris``).

    The first byte of an input picks the reader (its file extension), the rest is the file;
    each runs through ``run_case`` in this process. libFuzzer's own options bound the run
    (``-max_total_time=S``, ``-timeout=S`` for hangs, ``-artifact_prefix=DIR/`` for findings).
    ``corpus`` is filled with the seed articles first.
    """
    import atheris

    assert "pipeline" not in sys.modules, "pipeline/ must be imported under atheris.instrument_imports"
    with atheris.instrument_imports(include=["pipeline"]):
        from pipeline import build_nlp
        from pipeline.ingest import SUPPORTED

        quiet_libraries()
        nlp = build_nlp()
    good_claims(nlp)
    corpus.mkdir(parents=True, exist_ok=True)
    for number, (name, data) in enumerate(seeds()):
        prefix = bytes([SUPPORTED.index(Path(name).suffix.lower())])
        (corpus / f"seed-{number:03d}").write_bytes(prefix + data)
    tempfile.tempdir = _scratch_root()

    def target(data: bytes) -> None:
        if not data:
            return
        case = Case("atheris", f"input{SUPPORTED[data[0] % len(SUPPORTED)]}", data[1:])
        outcome = run_case(nlp, case)
        serious = [f for f in outcome.failures if f.category != "hang"]
        if serious:
            raise Finding(f"{serious[0].category}: {serious[0].group}\n{serious[0].detail}")

    atheris.Setup([sys.argv[0], *libfuzzer_args, str(corpus)], target)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--inputs", type=int, default=1000, help="how many inputs to try (default 1000)")
    parser.add_argument(
        "--seconds", type=float, default=600, help="stop starting new inputs after this long (default 600)"
    )
    parser.add_argument("--seed", type=int, default=0, help="the same seed gives the same inputs")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--budget", type=float, default=BUDGET,
        help=f"the pipeline's time budget per file and per article (--time-budget; default {BUDGET:g})",
    )  # fmt: skip
    parser.add_argument(
        "--timeout", type=float,
        help="seconds a whole input (read, extract, write, report) may take before the worker is killed and "
        "the input counts as a hang: the budget did not stop it (default 3 budgets + 15 s)",
    )  # fmt: skip
    parser.add_argument("--save", type=Path, help="save each failing input (and finding.json) under this folder")
    parser.add_argument("--save-per-group", type=int, default=3, help="inputs saved per failure group (default 3)")
    parser.add_argument("--kinds", help=f"comma-separated input kinds (default all: {','.join(MAKERS)})")
    parser.add_argument("--no-named", action="store_true", help="skip the named pathological inputs")
    parser.add_argument("--memory-mb", type=int, default=MEMORY_LIMIT_MB, help="address-space limit of a worker")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--replay", type=Path, nargs="+", help="run saved inputs again and print their tracebacks")
    parser.add_argument("--atheris", type=Path, metavar="CORPUS",
                        help="coverage-guided runs with atheris over this corpus folder; "
                        "other options go to libFuzzer (-max_total_time=60 -timeout=10 -artifact_prefix=DIR/)")  # fmt: skip
    args, rest = parser.parse_known_args(argv)
    if args.atheris:
        atheris_campaign(rest, args.atheris)
        return 0
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.replay:
        return replay(args.replay)
    _set_budget(args.budget)
    timeout = args.timeout if args.timeout is not None else 3 * args.budget + 15
    kinds = args.kinds.split(",") if args.kinds else None
    unknown = sorted(set(kinds or ()) - set(MAKERS))
    if unknown:
        parser.error(f"unknown kinds {unknown}; choose from {','.join(MAKERS)}")
    summary = run_campaign(
        inputs=args.inputs, seconds=args.seconds, seed=args.seed, jobs=args.jobs, timeout=timeout,
        save=args.save, save_per_group=args.save_per_group, kinds=kinds, named=not args.no_named,
        memory_mb=args.memory_mb, progress=not args.json,
    )  # fmt: skip
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2, ensure_ascii=False))
    else:
        print_summary(summary)
    return 1 if any(summary.count(c) for c in CATEGORIES) else 0


if __name__ == "__main__":
    raise SystemExit(main())
