"""A JSONL file is read a line at a time, with the lines and numbers a whole-file read gives."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from pipeline.errors import Code
from pipeline.ingest import RawArticle, decode, iter_jsonl, read_jsonl


def _line(article_id: str, text: str) -> str:
    return json.dumps({"id": article_id, "text": text}, ensure_ascii=False)


def _whole_file_lines(data: bytes) -> list[tuple[int, str]]:
    """The numbered non-blank lines as decoding the whole file gives them."""
    return [(n, line) for n, line in enumerate(decode(data).split("\n"), start=1) if line.strip()]


CASES = [
    pytest.param("\n".join([_line("a", "One."), _line("b", "Zwei für drei.")]) + "\n", id="lf"),
    pytest.param("\r\n".join([_line("a", "One."), "", _line("b", "Two.")]) + "\r\n", id="crlf-and-a-blank-line"),
    pytest.param("\r".join([_line("a", "One."), _line("b", "Two."), _line("c", "Three.")]), id="lone-cr-ends-lines"),
    pytest.param(_line("a", "Ελληνικά and 中文") + "\n" + _line("b", "x"), id="no-final-newline"),
    pytest.param("\n\n" + _line("a", "After blanks.") + "\nnot json\n", id="a-bad-line-keeps-its-number"),
]


@pytest.mark.parametrize("content", CASES)
@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["plain", "utf8-bom"])
def test_lines_and_numbers_as_a_whole_file_read_gives_them(tmp_path: Path, content: str, bom: bytes) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_bytes(bom + content.encode("utf-8"))
    items = list(iter_jsonl(path))
    want = _whole_file_lines(path.read_bytes())
    got = [(i.line, i.article_id) if isinstance(i, RawArticle) else (i.line, i.code) for i in items]
    assert [n for n, _ in got] == [n for n, _ in want]
    for (number, line), (_, what) in zip(want, got, strict=True):
        assert what == (json.loads(line)["id"] if line.startswith("{") else Code.E105), number


def test_a_file_in_another_encoding_is_decoded_whole(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(_line("a", "Café à Genève, déjà vu, où l'été dure.").encode("cp1252"))
    [raw] = [i for i in iter_jsonl(path) if isinstance(i, RawArticle)]
    assert raw.text == json.loads(decode(path.read_bytes()))["text"]  # as the whole file decodes
    utf16 = tmp_path / "wide.jsonl"
    utf16.write_text(_line("b", "Wide text.") + "\n", encoding="utf-16")
    assert [i.article_id for i in iter_jsonl(utf16) if isinstance(i, RawArticle)] == ["b"]


def test_a_binary_file_is_refused_as_a_whole(tmp_path: Path) -> None:
    path = tmp_path / "binary.jsonl"
    path.write_bytes(bytes(range(1, 32)) * 40 + b"\n")
    [only] = list(iter_jsonl(path))
    assert not isinstance(only, RawArticle) and only.code == Code.E103


def test_lines_are_read_as_they_are_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text(_line("first", "Read me.") + "\n" + _line("second", "And me.") + "\n", encoding="utf-8")
    lines = iter_jsonl(path)
    first = next(lines)
    assert isinstance(first, RawArticle) and first.article_id == "first"
    with path.open("a", encoding="utf-8") as handle:  # a line written after the first was read is still seen
        handle.write(_line("third", "Late.") + "\n")
    assert [i.article_id for i in lines if isinstance(i, RawArticle)] == ["second", "third"]


def test_read_jsonl_keeps_its_lists(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(_line("a", "One.") + "\n[1, 2]\n" + _line("b", "Two.") + "\n", encoding="utf-8")
    articles, problems = read_jsonl(path)
    assert [a.article_id for a in articles] == ["a", "b"] and [p.code for p in problems] == [Code.E106]
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    assert [p.code for p in read_jsonl(empty)[1]] == [Code.E104]
