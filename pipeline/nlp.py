"""Build the policy-claims spaCy pipeline: ``spacy.blank("en")`` plus our rule components.

The components are spaCy factories found through the ``spacy_factories`` entry points
(nothing to import first). Each data component gets the lines of the run's pattern set;
``nlp.to_disk(path)`` saves them with it, so ``spacy.load(path)`` needs no folders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from .bounded import MAX_TEXT
from .components.base import DataComponent
from .labels import COUNTS, DATES, OBJECTIVES, ORGANIZATIONS, SENTENCES
from .patterns import PatternSet, load_patterns, parse_lines

CONTEXT = "policy_claims_context"
# Order matters: counts skip what dates took, objectives use the organizations found.
PIPELINE: tuple[str, ...] = (CONTEXT, SENTENCES, DATES, COUNTS, ORGANIZATIONS, OBJECTIVES)


def build_nlp(
    patterns: PatternSet | None = None,
    *,
    pattern_dirs: Iterable[Path | str] = (),
    builtin: bool = True,
    day_order: str = "dmy",
) -> Language:
    """A blank English pipeline with the context, the sentence splitter and the four claim components."""
    if patterns is None:
        patterns = load_patterns(pattern_dirs, builtin=builtin)
    nlp = spacy.blank("en")
    drop_emoticons(nlp.tokenizer)
    split_glued_sentences(nlp)
    nlp.max_length = MAX_TEXT  # no parser: the limit is what our components handle (longer: E410)
    for factory in PIPELINE:
        config = {"day_order": day_order} if factory in (CONTEXT, DATES) else {}
        component = nlp.add_pipe(factory, config=config)
        if isinstance(component, DataComponent):
            component.initialize(patterns=patterns.lines)
    return nlp


# a full stop glued between a figure and the capitalised word opening the next sentence
# ("for 2019-2024.European leaders", "on 3 May 2021.The board"): scraped text that lost its space
GLUED_SENTENCE_STOP = r"(?<=[0-9])\.(?=[A-Z][a-z])"
# after a year, before any capital or opening quote ("in 2020.A new board", "2019.EU leaders",
# '2020."We welcome'): a year is never the whole part of a decimal or a section number
GLUED_YEAR_STOP = r"(?<=(?:1[89]|20)[0-9]{2})\.(?=[A-Z\"\u201c\u2018'])"


def split_glued_sentences(nlp: Language) -> None:
    """Split a full stop glued between a figure and a capitalised word into a token of its own,
    so that "2024.European" reads as the year, a stop and a word (decimals such as "2.5" and
    "2.A" stay whole: a figure or a capital alone follows their dot)."""
    from spacy.util import compile_infix_regex

    tokenizer: Any = nlp.tokenizer
    infixes: list[Any] = [*(nlp.Defaults.infixes or ()), GLUED_SENTENCE_STOP, GLUED_YEAR_STOP]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def drop_emoticons(tokenizer: Any) -> None:
    """Take spaCy's emoticon special cases out of ``tokenizer``: policy text has none, and
    some are a number with a bracket ("(May 8)" would end in the token "8)", "8D", ":3")."""
    from spacy.lang.tokenizer_exceptions import emoticons

    rules = tokenizer.rules or {}
    tokenizer.rules = {text: case for text, case in rules.items() if text not in emoticons}


def add_patterns(nlp: Language, patterns: Iterable[Mapping[str, Any]]) -> None:
    """Add data lines to every data component of ``nlp``, each taking the lines it reads
    (and every word list, which all of them share)."""
    lines = parse_lines(patterns)
    for _, component in nlp.pipeline:
        if isinstance(component, DataComponent):
            component.add_patterns(lines)


def read_patterns(folders: list[str] | None = None, builtin: bool = True) -> list[dict[str, Any]]:
    """The data lines of ``folders`` (after the built-in ones), for a spaCy config::

    [initialize.components.policy_claims_dates.patterns]
    @misc = "policy_claims.patterns.v1"
    folders = ["my-patterns"]
    """
    return load_patterns(folders or [], builtin=builtin).as_dicts()
