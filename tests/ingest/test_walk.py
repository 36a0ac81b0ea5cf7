"""The folder walk: hidden files and folders are left out, files of other types are passed
over (and counted), while a file named itself is read whatever it is."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from pipeline.errors import Code
from pipeline.extract import extract_paths
from pipeline.ingest import InputFile, NotArticle, iter_files, iter_inputs

ARTICLE = "Founded in 1995, the council has 6 member states."


def _folder(root: Path) -> Path:
    for name, text in {
        "a.txt": ARTICLE,
        "sub/b.md": ARTICLE,
        "sub/C.TXT": ARTICLE,
        ".hidden.txt": ARTICLE,
        ".git/config.txt": ARTICLE,
        "sub/.cache/d.txt": ARTICLE,
        "logo.PNG": "not text",
        "README": "no extension",
        "sub/table.csv": "a,b",
    }.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_a_folder_walk_leaves_out_hidden_files_and_passes_over_other_types(tmp_path: Path) -> None:
    entries = list(iter_inputs([_folder(tmp_path / "in")]))
    read = [e.article_id for e in entries if isinstance(e, InputFile)]
    passed_over = [e.path.relative_to(tmp_path / "in").as_posix() for e in entries if isinstance(e, NotArticle)]
    assert read == ["a", "sub/C", "sub/b"]  # an upper-case extension is an article's too
    assert passed_over == ["README", "logo.PNG", "sub/table.csv"]
    assert len(entries) == 6  # nothing of the hidden ones
    assert [p.name for p in iter_files([tmp_path / "in"])] == ["a.txt", "C.TXT", "b.md"]


def test_a_file_named_itself_is_read_whatever_it_is(tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    named = [root / ".hidden.txt", root / "logo.PNG", root / "README"]
    assert [e for e in iter_inputs(named)] == [InputFile(p, p.stem) for p in named]


def test_extraction_counts_what_it_passed_over_and_reports_named_files(nlp: Language, tmp_path: Path) -> None:
    root = _folder(tmp_path / "in")
    result = extract_paths([root], nlp)
    assert [a.article_id for a in result.articles] == ["a", "sub/C", "sub/b"]
    assert result.problems == []  # a folder's other files are no errors: errors.json stays for what failed
    assert [p.name for p in result.skipped] == ["README", "logo.PNG", "table.csv"]
    named = extract_paths([root / "README", root / "sub" / "table.csv"], nlp)
    assert [p.code for p in named.problems] == [Code.E101, Code.E101] and named.skipped == []
