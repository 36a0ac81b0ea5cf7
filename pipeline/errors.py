"""The one catalog of errors and warnings, each with a stable code.

Tests assert on codes, never on wording. A ``ClaimsError`` carries its code, a message,
and where it happened (file and line) when that is known.
"""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass
from enum import StrEnum

DEBUG_VARIABLE = "POLICY_CLAIMS_DEBUG"  # set by ``--debug``; inherited by worker processes


class Code(StrEnum):
    # input (E1xx)
    E101 = "E101"  # unsupported file extension
    E102 = "E102"  # file cannot be read
    E103 = "E103"  # file cannot be decoded as text
    E104 = "E104"  # empty article
    E105 = "E105"  # JSONL line is not valid JSON
    E106 = "E106"  # JSONL record is invalid (missing text, bad field)
    E107 = "E107"  # path does not exist
    E108 = "E108"  # duplicate article id in one batch
    E109 = "E109"  # PDF cannot be read (encrypted, damaged)
    E110 = "E110"  # page or document has no article text
    E111 = "E111"  # a reader (or a library it calls) failed on the file
    E112 = "E112"  # a record of an output folder (claims.json, articles.json) is invalid
    # patterns (E2xx)
    E201 = "E201"  # pattern line is not valid JSON
    E202 = "E202"  # pattern line has unknown or missing keys
    E203 = "E203"  # token pattern is invalid for spaCy (attribute, operator)
    E204 = "E204"  # unknown label for this claim type
    E205 = "E205"  # duplicate pattern id
    E206 = "E206"  # regex does not compile or is too long
    E207 = "E207"  # patterns folder or file missing
    E208 = "E208"  # a file in a patterns folder that is not a data file
    E209 = "E209"  # a line replaces another of a different label
    E210 = "E210"  # regex prone to catastrophic backtracking
    E211 = "E211"  # --no-builtin-patterns and no pattern folder: no patterns at all
    # output (E3xx)
    E301 = "E301"  # output folder cannot be written
    E302 = "E302"  # another run is writing to the output folder
    E303 = "E303"  # no article was read: the outputs are empty
    # processing (E4xx)
    E401 = "E401"  # the pipeline failed on an article
    E402 = "E402"  # an article ran over its time budget
    E403 = "E403"  # a worker process died while extracting an article
    E410 = "E410"  # article text too long for one document
    # engines (E5xx): where the jobs run
    E501 = "E501"  # --engine dask without dask installed
    E502 = "E502"  # the dask scheduler cannot be reached, or has no worker
    E503 = "E503"  # the run lost its dask cluster
    E504 = "E504"  # a dask worker runs another version of the code
    # warnings (Wxxx): the article was extracted, but something is missing
    # the tool itself (E9xx)
    E900 = "E900"  # an internal error: a bug
    W101 = "W101"  # relative dates left out for want of a publication date
    W102 = "W102"  # a publication date given as context is not a date
    W103 = "W103"  # the state an output folder's last run left cannot be used: its articles are extracted again


MESSAGES: dict[Code, str] = {
    Code.E101: "unsupported file type {suffix!r}; supported: {supported}",
    Code.E102: "cannot read the file: {reason}",
    Code.E103: "cannot decode the file as text ({reason}); save it as UTF-8 and try again",
    Code.E104: "the article has no text",
    Code.E105: "line is not valid JSON: {reason}",
    Code.E106: "invalid article record: {reason}",
    Code.E107: "no such file or folder",
    Code.E108: "article id {article_id!r} was already read from {other}; rename one of them",
    Code.E109: "cannot read the PDF: {reason}",
    Code.E110: "no article text: {reason}",
    Code.E111: (
        "cannot read the article ({reason}); the file may be damaged: open it and save or export it "
        "again, and if it still fails, report it with the output of --debug"
    ),
    Code.E112: "invalid record: {reason}; run 'claims extract' again or correct the record",
    Code.E201: "line is not valid JSON: {reason}",
    Code.E202: "{reason}",
    Code.E203: "invalid token pattern: {reason}",
    Code.E204: "unknown label {label!r}; expected one of {expected}",
    Code.E205: "duplicate pattern id {pattern_id!r} (first at line {first_line})",
    Code.E206: "bad regex {regex!r}: {reason}",
    Code.E207: "{reason}",
    Code.E208: "not a data file: a patterns folder holds .jsonl files (and documentation as .md or .txt)",
    Code.E209: "id {pattern_id!r} replaces a {label} line ({first}) with a line of another label; give it an id of its own",
    Code.E210: ("regex {regex!r} can take exponential time on a long token ({reason}); {advice}"),
    Code.E211: (
        "--no-builtin-patterns leaves no patterns: name a folder of your own ({given}), "
        "or leave the option out to use the built-in ones"
    ),
    Code.E301: "cannot write the outputs: {reason}; the previous files are unchanged (free some space or write elsewhere)",
    Code.E302: (
        "another run is writing to this folder ({holder}); wait for it to finish, stop it, "
        "or write to another folder with --out"
    ),
    Code.E303: "no article was read: no .txt, .jsonl, .html, .md or .pdf file here; the outputs are empty",
    Code.E401: "extraction failed: {reason}",
    Code.E402: (
        "the article ran over its time budget ({reason}) and was left out; "
        "give it more with --time-budget SECONDS (0 for none), or split the file"
    ),
    Code.E403: (
        "the worker process extracting this article died ({reason}) and it was left out; "
        "run again with --jobs 1 to see whether the article itself is the cause"
    ),
    Code.E410: (
        "the article text has {length:,} characters, more than the {limit:,} one article may have; "
        "split the file into smaller files (at paragraph breaks) and extract them together"
    ),
    Code.E501: "--engine dask needs dask.distributed, which is not installed ({reason}); install it with: {install}",
    Code.E502: (
        "cannot use the dask scheduler at {address}: {reason}; check the address (tcp://HOST:PORT) and that "
        "'dask scheduler' and at least one 'dask worker' run there, or leave out --scheduler for a cluster on this machine"
    ),
    Code.E503: (
        "the run lost its dask cluster ({address}: {reason}); nothing was written and the previous outputs are "
        "unchanged: run again"
    ),
    Code.E504: (
        "a dask worker runs other code than this command (its policy-claims and libraries: {worker}, here: {here}); "
        "nothing was written and the previous outputs are unchanged: install the same version on every worker"
    ),
    Code.E900: "internal error ({reason}); please report it with the output of the same command run with --debug",
    Code.W101: (
        "relative dates left out ({examples}): the article has no publication date; give one with "
        "--published, a JSONL 'published' field or a dateline"
    ),
    Code.W102: "the publication date {value!r} is not a date; relative dates are left out",
    Code.W103: (
        "the state the last run left in this folder cannot be used ({reason}); what it held is extracted "
        "again (the outputs are those of a full run) and a new state is written"
    ),
}


@dataclass(frozen=True)
class Problem:
    """One located problem: ``file:line: CODE message``."""

    code: Code
    message: str
    path: str | None = None
    line: int | None = None

    @property
    def is_warning(self) -> bool:
        return self.code.value.startswith("W")

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.code.value} {self.message}"

    def as_dict(self) -> dict[str, object]:
        level = "warning" if self.is_warning else "error"
        return {"path": self.path, "line": self.line, "code": self.code.value, "level": level, "message": self.message}


def problem(code: Code, path: str | None = None, line: int | None = None, **fields: object) -> Problem:
    return Problem(code, MESSAGES[code].format(**fields), path, line)


class ClaimsError(Exception):
    """An error the user can act on; carries one or more located problems."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def code(self) -> Code:
        return self.problems[0].code


def debugging() -> bool:
    """Whether ``--debug`` asked for tracebacks in problem messages."""
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def describe(exc: BaseException) -> str:
    """An exception as a reason in a problem message: its type and first line, and with
    ``--debug`` its traceback."""
    text = str(exc).strip()
    first = text.splitlines()[0][:200] if text else ""
    reason = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    if debugging():
        reason += "\n" + "".join(traceback.format_exception(exc)).rstrip()
    return reason
