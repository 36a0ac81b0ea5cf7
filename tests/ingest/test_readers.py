from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from pipeline.errors import Code
from pipeline.ingest import decode, read_path


@pytest.mark.parametrize(
    "data",
    [
        "Caf\u00e9 r\u00e9sum\u00e9".encode(),
        codecs.BOM_UTF8 + "Caf\u00e9 r\u00e9sum\u00e9".encode(),
        "Caf\u00e9 r\u00e9sum\u00e9".encode("utf-16"),
        "Caf\u00e9 r\u00e9sum\u00e9".encode("cp1252"),
    ],
)
def test_decodes_common_encodings(data: bytes) -> None:
    assert decode(data) == "Caf\u00e9 r\u00e9sum\u00e9"


def test_lone_carriage_returns_become_newlines_and_crlf_stays() -> None:
    assert decode(b"a\r\nb\rc") == "a\r\nb\nc"


def test_binary_named_txt_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 4)
    articles, problems = read_path(path)
    assert articles == [] and [p.code for p in problems] == [Code.E103]
    assert problems[0].path == str(path)


def test_empty_and_unsupported_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "doc.docx").write_bytes(b"PK")
    assert [p.code for p in read_path(tmp_path / "empty.txt")[1]] == [Code.E104]
    assert [p.code for p in read_path(tmp_path / "doc.docx")[1]] == [Code.E101]


def test_jsonl_reports_bad_lines_and_keeps_the_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First article.", "published": "2022-10-07", "title": "A"}),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "Fourth.", "colour": "red"}),
        json.dumps({"id": "e", "text": "Fifth.", "author": "X"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items, problems = read_path(path)
    articles = [item.article for item in items]
    assert [a.article_id for a in articles] == ["a", "e"]
    assert articles[0].published is not None and articles[0].published.isoformat() == "2022-10-07"
    assert [(p.code, p.line) for p in problems] == [(Code.E105, 2), (Code.E106, 3), (Code.E106, 4)]
    assert "colour" in problems[2].message
