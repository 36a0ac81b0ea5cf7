"""One bad file, one runaway article or one dying worker never costs the rest of the batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from pipeline import cli, writers
from pipeline.errors import Code
from pipeline.extract import extract_paths
from pipeline.ingest import read_path
from pipeline.nlp import build_nlp

from .conftest import fuzz_script

GOOD = "The river council met on 3 May 2021. Its 14 member states agreed to share data.\n"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def _good(folder: Path, name: str = "good.txt") -> Path:
    path = folder / name
    path.write_text(GOOD, encoding="utf-8")
    return path


_raw_pdf = fuzz_script().pdf_from_objects  # a PDF of the given object bodies, with a correct xref


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
LOOPING_PDFS = {
    "pages-own-kid": [CATALOG, b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"],
    "form-draws-itself": [
        CATALOG,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length 8 >>\nstream\n/X Do   \nendstream",
        b"<< /Type /XObject /Subtype /Form /Resources << /XObject << /X 5 0 R >> >> /Length 8 >>\nstream\n/X Do   \nendstream",
    ],
}


def _encrypted_pdf(path: Path, user_password: str) -> Path:
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(0, 8, "The basin commission was founded in 1998 by 6 states.")
    pdf.output(str(path))
    writer = PdfWriter(clone_from=PdfReader(str(path)))
    writer.encrypt(user_password, owner_password="owner-secret", algorithm="AES-128")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


# -- readers ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(LOOPING_PDFS))
def test_a_pdf_whose_objects_refer_to_themselves_is_a_located_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(_raw_pdf(LOOPING_PDFS[name]))
    articles, problems = read_path(path)
    assert articles == [] and [p.code for p in problems] == [Code.E109] and problems[0].path == str(path)


def test_an_aes_pdf_that_opens_without_a_password_is_read(tmp_path: Path) -> None:
    [item], problems = read_path(_encrypted_pdf(tmp_path / "print-only.pdf", user_password=""))
    assert problems == [] and "founded in 1998" in item.article.text


def test_an_aes_pdf_with_a_password_is_a_located_error(tmp_path: Path) -> None:
    articles, problems = read_path(_encrypted_pdf(tmp_path / "locked.pdf", user_password="reader-secret"))
    assert articles == [] and [p.code for p in problems] == [Code.E109] and "password" in problems[0].message


def test_a_missing_crypto_package_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    def refuse(self: PdfReader, password: str) -> None:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", refuse)
    articles, problems = read_path(_encrypted_pdf(tmp_path / "aes.pdf", user_password=""))
    assert (
        articles == []
        and [p.code for p in problems] == [Code.E109]
        and "pip install cryptography" in problems[0].message
    )


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("tiny.html", b"<!><math><script></script><td>b", None),  # lxml asserted inside trafilatura's metadata
        ("filter.pdf", _raw_pdf([CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                 b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
                                 b"<< /Length 5 /Filter /FlateDecOde >>\nstream\nxxxxx\nendstream"]), Code.E109),
    ],
)  # fmt: skip
def test_inputs_the_fuzzer_found_are_read_or_located_problems(
    tmp_path: Path, name: str, data: bytes, code: Code | None
) -> None:
    (tmp_path / name).write_bytes(data)
    articles, problems = read_path(tmp_path / name)
    assert bool(articles) != bool(problems)
    if code is not None:
        assert [p.code for p in problems] == [code]


def test_a_library_that_raises_anything_costs_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.ingest.html as html

    def explode(raw: str, *args: object) -> None:
        raise RuntimeError("the parser gave up\nsecond line")

    monkeypatch.setattr(html, "html_to_text", explode)
    (tmp_path / "page.html").write_text("<html><body><p>Some page text here.</p></body></html>")
    _good(tmp_path)
    articles, problems = read_path(tmp_path / "page.html")
    assert articles == [] and [p.code for p in problems] == [Code.E111]
    assert "RuntimeError: the parser gave up" in problems[0].message and "second line" not in problems[0].message


def test_an_lxml_error_in_the_html_reader_is_an_unreadable_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura
    from lxml import etree

    def parse_error(*args: object, **kwargs: object) -> None:
        etree.fromstring(b"<unclosed")

    monkeypatch.setattr(trafilatura, "extract", parse_error)
    (tmp_path / "page.html").write_text("<html><body><p>Some page text here.</p></body></html>")
    articles, problems = read_path(tmp_path / "page.html")
    assert articles == [] and [p.code for p in problems] == [Code.E110] and "cannot be parsed" in problems[0].message


def test_a_failure_in_the_repair_of_one_jsonl_line_costs_only_that_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.ingest as ingest

    real = ingest.repair

    def fragile(text: str, lexicon: object = None) -> object:
        if "BREAK" in text:
            raise IndexError("list index out of range")
        return real(text, lexicon)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest, "repair", fragile)
    path = tmp_path / "feed.jsonl"
    lines = [{"id": "a", "text": GOOD}, {"id": "b", "text": "BREAK " + GOOD}, {"id": "c", "text": GOOD}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    items, problems = read_path(path)
    assert [i.article.article_id for i in items] == ["a", "c"]
    assert [(p.code, p.line) for p in problems] == [(Code.E111, 2)]


def test_jsonl_ids_are_one_line_and_lone_surrogates_become_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "a\\rb", "text": "Some text of 2020."}\n'
        '{"id": "c", "title": "Broken \\ud800 title", "text": "In 2021 \\udfff the 5 states met."}\n'
    )
    [item], problems = read_path(path)
    assert [(p.code, p.line) for p in problems] == [(Code.E106, 1)] and "control character" in problems[0].message
    assert item.article.title == "Broken \ufffd title" and item.article.text.startswith("In 2021 \ufffd the")


def test_article_ids_are_paths_relative_to_the_folder(tmp_path: Path, nlp: Language) -> None:
    for year in ("2023", "2024"):
        (tmp_path / "site" / year).mkdir(parents=True)
        _good(tmp_path / "site" / year, "report.txt")
    (tmp_path / "site" / ".cache").mkdir()
    _good(tmp_path / "site" / ".cache", "copy.txt")
    _good(tmp_path / "site", "index.txt")
    result = extract_paths([tmp_path / "site"], nlp)
    assert result.problems == []
    assert [a.article_id for a in result.articles] == ["2023/report", "2024/report", "index"]
    assert extract_paths([tmp_path / "site" / "2023" / "report.txt"], nlp).articles[0].article_id == "report"


def test_the_same_file_given_twice_is_a_duplicate(tmp_path: Path, nlp: Language) -> None:
    path = _good(tmp_path)
    result = extract_paths([path, path], nlp)
    assert [p.code for p in result.problems] == [Code.E108] and len(result.articles) == 1


# -- a batch through the CLI -------------------------------------------------------------
def test_bad_files_beside_good_ones_are_reported_and_the_rest_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder, "a-good.txt")
    _encrypted_pdf(folder / "b-locked.pdf", user_password="reader-secret")
    (folder / "c-loop.pdf").write_bytes(_raw_pdf(LOOPING_PDFS["pages-own-kid"]))
    (folder / "d-binary.txt").write_bytes(bytes(range(256)) * 4)
    _good(folder, "e-good.txt")
    result = CliRunner().invoke(cli.app, ["extract", str(folder), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == cli.EXIT_INPUT_FAILED and "Traceback" not in result.output
    articles = json.loads((tmp_path / "out" / "articles.json").read_text())
    errors = json.loads((tmp_path / "out" / "errors.json").read_text())
    assert [a["article_id"] for a in articles] == ["a-good", "e-good"]
    assert sorted((Path(e["path"]).name, e["code"]) for e in errors) == [
        ("b-locked.pdf", "E109"), ("c-loop.pdf", "E109"), ("d-binary.txt", "E103"),
    ]  # fmt: skip


def test_an_internal_error_is_a_code_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(writers.OutputWriter, "commit", broken)
    _good(tmp_path)
    monkeypatch.setattr(sys, "argv", ["claims", "extract", str(tmp_path / "good.txt"), "-o", str(tmp_path / "o"), "-q"])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == cli.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "E900" in err and "KeyError" in err and "Traceback" not in err
    monkeypatch.setattr(sys, "argv", [*sys.argv, "--debug"])
    with pytest.raises(KeyError):
        cli.main()


# -- time budget -----------------------------------------------------------------------
@Language.component("test_dawdler")
def _dawdler(doc: Doc) -> Doc:
    """A component that hangs on texts saying so (for the budget tests)."""
    if "HANG" in doc.text:
        time.sleep(30)
    return doc


needs_alarm = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the time budget needs SIGALRM")


@needs_alarm
@pytest.mark.parametrize("where", ["inside a rule component", "in a component of another kind"])
def test_an_article_over_the_time_budget_is_left_out_and_the_batch_goes_on(tmp_path: Path, where: str) -> None:
    nlp = build_nlp()
    if where == "inside a rule component":
        counts = nlp.get_pipe("policy_claims_counts")
        real = counts.annotate

        def slow(doc: Doc) -> None:
            if "HANG" in doc.text:
                time.sleep(30)
            real(doc)

        counts.annotate = slow  # type: ignore[method-assign]
    else:
        nlp.add_pipe("test_dawdler", after="policy_claims_dates")
    _good(tmp_path, "a.txt")
    (tmp_path / "b.txt").write_text("It would HANG on 4 June 2020 forever.\n")
    _good(tmp_path, "c.txt")
    started = time.monotonic()
    result = extract_paths([tmp_path], nlp, budget=0.5)
    assert time.monotonic() - started < 15
    assert [a.article_id for a in result.articles] == ["a", "c"]
    assert [(Path(p.path or "").name, p.code) for p in result.problems] == [("b.txt", Code.E402)]
    assert "--time-budget" in result.problems[0].message
    assert {c.article_id for c in result.claims} == {"a", "c"}


@needs_alarm
def test_a_file_that_takes_too_long_to_read_is_left_out(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.ingest as ingest

    real = ingest.READERS[".txt"]

    def slow(path: Path, *args: object) -> object:
        if path.name == "b.txt":
            time.sleep(30)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setitem(ingest.READERS, ".txt", slow)
    for name in ("a.txt", "b.txt", "c.txt"):
        _good(tmp_path, name)
    result = extract_paths([tmp_path], nlp, budget=0.5)
    assert [a.article_id for a in result.articles] == ["a", "c"]
    assert [p.code for p in result.problems] == [Code.E402] and "reading" in result.problems[0].message


# -- worker processes ------------------------------------------------------------------
@Language.component("test_worker_killer")
def _worker_killer(doc: Doc) -> Doc:
    """A component that kills the process it runs in on texts saying so, but never the test's own."""
    if "KILL-THE-WORKER" in doc.text and os.getpid() != _TEST_PROCESS:
        os.kill(os.getpid(), signal.SIGKILL)
    return doc


_TEST_PROCESS = os.getpid()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_worker_that_dies_costs_only_its_article(tmp_path: Path) -> None:
    nlp = build_nlp()
    nlp.add_pipe("test_worker_killer", first=True)
    names = [f"{i:02d}.txt" for i in range(10)]
    for name in names:
        _good(tmp_path, name)
    (tmp_path / "05.txt").write_text("KILL-THE-WORKER in 2020 with 3 states.\n")
    alone = extract_paths([tmp_path], nlp, jobs=1)
    together = extract_paths([tmp_path], nlp, jobs=2)
    assert [a.article_id for a in together.articles] == [n[:2] for n in names if n != "05.txt"]
    assert [(Path(p.path or "").name, p.code) for p in together.problems] == [("05.txt", Code.E403)]
    assert "SIGKILL" in together.problems[0].message
    assert together.claims == [c for c in alone.claims if c.article_id != "05"] and alone.problems == []


ORPHAN_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from spacy.language import Language
    from pipeline.extract import extract_paths
    from pipeline.nlp import build_nlp

    @Language.component("test_sleeper")
    def sleeper(doc):
        time.sleep(60)
        return doc

    nlp = build_nlp()
    nlp.add_pipe("test_sleeper")
    extract_paths([sys.argv[1]], nlp, jobs=2, budget=None)
    """
)


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the workers")
def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"):
        _good(tmp_path, name)
    script = tmp_path / "run.py"
    script.write_text(ORPHAN_SCRIPT)
    parent = subprocess.Popen([sys.executable, str(script), str(tmp_path)])
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = {c for c in _children(parent.pid) if _alive(c)}
        assert len(workers) == 2, "the workers did not start"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers)
    finally:
        if parent.poll() is None:
            parent.kill()


def test_a_jsonl_line_no_parser_can_hold_costs_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = ['{"id": "a", "text": "In 2020 the 4 states met."}', "[" * 100_000 + "]" * 100_000,
             '{"id": "b", "n": ' + "9" * 5000 + ', "text": "x"}', '{"id": "c", "text": "In 2021 they met."}']  # fmt: skip
    path.write_text("\n".join(lines) + "\n")
    items, problems = read_path(path)
    assert [i.article.article_id for i in items] == ["a", "c"]
    assert [(p.code, p.line) for p in problems] == [(Code.E105, 2), (Code.E105, 3)]


def test_a_jsonl_file_without_a_record_is_empty(tmp_path: Path) -> None:
    (tmp_path / "blank.jsonl").write_text("\n \n\n")
    assert [p.code for p in read_path(tmp_path / "blank.jsonl")[1]] == [Code.E104]


# -- found in review -----------------------------------------------------------------------
@Language.component("test_dropper")
def _dropper(doc: Doc) -> Doc:
    """A component that fails on texts saying so."""
    if "DROP-ME" in doc.text:
        raise ValueError("this one fails")
    return doc


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_doc_the_pipeline_loses_is_reported_in_its_place_and_the_rest_keep_their_own_claims(
    tmp_path: Path, jobs: int
) -> None:
    """With a handler that neither records nor raises, spaCy drops the doc (one process); with
    spaCy's own handler the exception escapes the pipe (the workers): either way, in its place."""
    from pipeline.extract import extract_articles

    for name in ("a.txt", "c.txt", "d.txt"):
        _good(tmp_path, name)
    (tmp_path / "b.txt").write_text("DROP-ME in 2020 with 3 states.\n")
    nlp = build_nlp()
    nlp.add_pipe("test_dropper")
    if jobs == 1:
        nlp.set_error_handler(lambda name, component, docs, exc: None)
    items = [read_path(tmp_path / name)[0][0] for name in ("a.txt", "b.txt", "c.txt", "d.txt")]
    results = list(extract_articles(nlp, items, jobs=jobs))
    assert [(item.article.article_id, [p.code for p in problems]) for item, _, problems in results] == [
        ("a", []), ("b", [Code.E401]), ("c", []), ("d", []),
    ]  # fmt: skip
    assert all(c.article_id == item.article.article_id for item, claims, _ in results for c in claims)
    assert {c.article_id for _, claims, _ in results for c in claims} == {"a", "c", "d"}


@needs_alarm
def test_a_pdf_over_the_time_budget_is_e402_not_a_damaged_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PageObject

    def slow(self: PageObject, *args: object, **kwargs: object) -> str:
        time.sleep(30)
        return ""

    monkeypatch.setattr(PageObject, "extract_text", slow)
    _encrypted_pdf(tmp_path / "slow.pdf", user_password="")
    result = extract_paths([tmp_path], build_nlp(), budget=0.5)
    assert [p.code for p in result.problems] == [Code.E402]


@needs_alarm
def test_a_library_that_swallows_the_budget_gets_it_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.ingest as ingest

    real = ingest.READERS[".txt"]

    def stubborn(path: Path, *args: object) -> object:
        try:  # noqa: SIM105 - a library that catches every exception and goes on with its work
            time.sleep(5)
        except Exception:
            pass
        time.sleep(30)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setitem(ingest.READERS, ".txt", stubborn)
    _good(tmp_path)
    started = time.monotonic()
    result = extract_paths([tmp_path], build_nlp(), budget=0.3)
    assert time.monotonic() - started < 15  # a swallowed alarm is followed by one a second
    assert [p.code for p in result.problems] == [Code.E402]


@pytest.mark.skipif(sys.platform != "linux", reason="forkserver")
def test_workers_started_by_a_forkserver_work(tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.workers as workers

    monkeypatch.setattr(workers, "START_METHOD", "forkserver")
    for name in ("a.txt", "b.txt", "c.txt", "d.txt", "e.txt"):
        _good(tmp_path, name)
    together = extract_paths([tmp_path], nlp, jobs=2)
    assert together.problems == [] and together.claims == extract_paths([tmp_path], nlp).claims
