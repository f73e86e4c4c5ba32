"""Training content: packs of modules with sections, cases and quizzes, and quiz scoring.

Plain data as read from a content pack (docs/content-packs.md); reading and checking the
files is the exchange layer's job. Nothing here knows about files, Markdown or Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from initiator_desktop.core.errors import N_, DomainError

LANGUAGES = ("nb", "nn", "en")
PACK_ID = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)*")
MODULE_ID = re.compile(r"[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*")
SECTION_KEY = re.compile(r"[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*")
MIN_ANSWERS = 2


def language_fallbacks(wanted: str) -> tuple[str, ...]:
    """The languages to try for a reader who wants ``wanted``, best first.

    Bokmål and Nynorsk readers understand each other's written language far better
    than English, so each falls back to the other before English.
    """
    neighbour = {"nb": ("nn",), "nn": ("nb",)}.get(wanted, ())
    order = (wanted, *neighbour, "nb", "nn", "en")
    return tuple(dict.fromkeys(order))


def pick_language(available: Iterable[str], wanted: str) -> str:
    """The best of ``available`` for a reader who wants ``wanted``."""
    choices = list(available)
    if not choices:
        raise DomainError(N_("There is no text in any language."), "languages")
    for code in language_fallbacks(wanted):
        if code in choices:
            return code
    return choices[0]


def _required(value: str, field_name: str) -> None:
    if not value.strip():
        raise DomainError(N_("This field must not be empty."), field=field_name)


def _language(code: str) -> None:
    if code not in LANGUAGES:
        raise DomainError(N_("Unknown language: {code}"), "language", code=code)


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a module: a page in the reader and a slide in presenter mode.

    ``key`` is the file name without ``.md`` ("01-what-it-is"); it is the same in every
    language, so the reader can switch language and stay on the same section.
    """

    key: str
    title: str
    body: str = ""
    notes: str = ""

    def __post_init__(self) -> None:
        if not SECTION_KEY.fullmatch(self.key):
            raise DomainError(N_("Invalid section name: {name}"), "key", name=self.key)
        _required(self.title, "title")

    @property
    def number(self) -> int:
        return int(self.key[:2])


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    brief: str

    def __post_init__(self) -> None:
        _required(self.name, "name")
        _required(self.brief, "brief")


@dataclass(frozen=True, slots=True)
class Case:
    """A role-play case: the situation, the roles to hand out and the debrief questions."""

    title: str
    situation: str
    roles: tuple[Role, ...]
    debrief: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _required(self.title, "title")
        _required(self.situation, "situation")
        if not self.roles:
            raise DomainError(N_("A case needs at least one role."), "roles")


class QuizKind(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    correct: bool
    explanation: str = ""

    def __post_init__(self) -> None:
        _required(self.text, "text")


@dataclass(frozen=True, slots=True)
class QuizQuestion:
    """A question with its answers: ``single`` has exactly one correct, ``multiple`` one or more."""

    question: str
    kind: QuizKind
    answers: tuple[Answer, ...]

    def __post_init__(self) -> None:
        _required(self.question, "question")
        try:
            object.__setattr__(self, "kind", QuizKind(self.kind))
        except ValueError as exc:
            raise DomainError(N_("Unknown value: {value}"), "kind", value=str(self.kind)) from exc
        if len(self.answers) < MIN_ANSWERS:
            raise DomainError(N_("A question needs at least two answers."), "answers")
        right = sum(a.correct for a in self.answers)
        if self.kind is QuizKind.SINGLE and right != 1:
            raise DomainError(N_("A single-choice question needs exactly one correct answer."),
                              "answers", count=right)
        if right < 1:
            raise DomainError(N_("A question needs at least one correct answer."), "answers")

    @property
    def correct_indices(self) -> frozenset[int]:
        return frozenset(i for i, a in enumerate(self.answers) if a.correct)


@dataclass(frozen=True, slots=True)
class ModuleText:
    """A module's content in one language."""

    language: str
    title: str
    summary: str
    sections: tuple[Section, ...]
    minutes: int = 0
    reflection: tuple[str, ...] = ()
    cases: tuple[Case, ...] = ()
    quiz: tuple[QuizQuestion, ...] = ()

    def __post_init__(self) -> None:
        _language(self.language)
        _required(self.title, "title")
        if not self.sections:
            raise DomainError(N_("A module needs at least one section."), "sections")
        ordered = tuple(sorted(self.sections, key=lambda s: s.key))
        if len({s.number for s in ordered}) != len(ordered):
            raise DomainError(N_("Two sections have the same number."), "sections")
        object.__setattr__(self, "sections", ordered)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True, slots=True)
class Module:
    """One module of a course, in every language the pack declares."""

    id: str
    texts: tuple[ModuleText, ...]

    def __post_init__(self) -> None:
        if not MODULE_ID.fullmatch(self.id):
            raise DomainError(N_("Invalid module name: {name}"), "id", name=self.id)
        if not self.texts:
            raise DomainError(N_("There is no text in any language."), "texts")
        codes = [t.language for t in self.texts]
        if len(set(codes)) != len(codes):
            raise DomainError(N_("A language appears twice."), "texts")

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(t.language for t in self.texts)

    def text(self, language: str) -> ModuleText:
        """The module in ``language``, or in the best language it has."""
        chosen = pick_language(self.languages, language)
        return next(t for t in self.texts if t.language == chosen)

    @property
    def section_keys(self) -> tuple[str, ...]:
        """Every section key, in order, across all languages."""
        return tuple(sorted({s.key for t in self.texts for s in t.sections}))

    def section(self, key: str, language: str) -> Section | None:
        """Section ``key`` in ``language``, or in the best language that has it."""
        for code in (*language_fallbacks(language), *self.languages):
            found = next((t.section(key) for t in self.texts if t.language == code), None)
            if found is not None:
                return found
        return None

    def neighbour_section(self, key: str, step: int) -> str | None:
        """The key ``step`` sections after (or before, if negative) ``key``; None past the end."""
        keys = self.section_keys
        if key not in keys:
            return None
        index = keys.index(key) + step
        return keys[index] if 0 <= index < len(keys) else None


@dataclass(frozen=True, slots=True)
class Pack:
    """A content pack: metadata and the modules in course order."""

    id: str
    version: str
    languages: tuple[str, ...]
    titles: dict[str, str]
    modules: tuple[Module, ...]
    authors: tuple[str, ...] = ()
    licence: str = ""
    descriptions: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not PACK_ID.fullmatch(self.id):
            raise DomainError(N_("Invalid pack id: {id}"), "id", id=self.id)
        if not self.languages or len(set(self.languages)) != len(self.languages):
            raise DomainError(N_("A pack needs one or more different languages."), "languages")
        for code in self.languages:
            _language(code)
        if set(self.titles) != set(self.languages):
            raise DomainError(N_("The pack needs a title in each of its languages."), "titles")
        ids = [m.id for m in self.modules]
        if len(set(ids)) != len(ids):
            raise DomainError(N_("A module appears twice."), "modules")
        for module in self.modules:
            missing = set(self.languages) - set(module.languages)
            if missing:
                raise DomainError(N_("Module {module} has no text in {language}."), "modules",
                                  module=module.id, language=sorted(missing)[0])

    @property
    def module_ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.modules)

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def title(self, language: str) -> str:
        return self.titles[pick_language(self.languages, language)]

    def description(self, language: str) -> str:
        if not self.descriptions:
            return ""
        return self.descriptions[pick_language(self.descriptions, language)]

    def neighbour_module(self, module_id: str, step: int) -> Module | None:
        """The module ``step`` places after (or before) ``module_id`` in course order."""
        ids = self.module_ids
        if module_id not in ids:
            return None
        index = ids.index(module_id) + step
        return self.modules[index] if 0 <= index < len(ids) else None


# -- quiz scoring ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AnswerFeedback:
    """What the reader sees next to one answer after answering."""

    index: int
    text: str
    chosen: bool
    correct: bool
    explanation: str


@dataclass(frozen=True, slots=True)
class AnswerResult:
    chosen: frozenset[int]
    correct: bool
    feedback: tuple[AnswerFeedback, ...]


def _chosen(question: QuizQuestion, chosen_indices: Iterable[int]) -> frozenset[int]:
    chosen = frozenset(chosen_indices)
    if any(isinstance(i, bool) or not 0 <= i < len(question.answers) for i in chosen):
        raise DomainError(N_("That answer does not exist."), "answers")
    if question.kind is QuizKind.SINGLE and len(chosen) > 1:
        raise DomainError(N_("Choose only one answer."), "answers")
    return chosen


def score_answer(question: QuizQuestion, chosen_indices: Iterable[int]) -> AnswerResult:
    """Whether the chosen answers are exactly the correct ones, with feedback for each answer.

    A multiple-choice question counts as right only when every correct answer and no wrong
    one is chosen: half right would teach the wrong half as well.
    """
    chosen = _chosen(question, chosen_indices)
    feedback = tuple(
        AnswerFeedback(index=i, text=a.text, chosen=i in chosen, correct=a.correct,
                       explanation=a.explanation)
        for i, a in enumerate(question.answers)
    )
    return AnswerResult(chosen=chosen, correct=chosen == question.correct_indices,
                        feedback=feedback)


@dataclass(frozen=True, slots=True)
class QuizScore:
    correct: int
    answered: int
    total: int

    @property
    def percent(self) -> int:
        """The share of all questions answered right, rounded down (0 for an empty quiz)."""
        return 100 * self.correct // self.total if self.total else 0

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def score_quiz(questions: Sequence[QuizQuestion],
               responses: Mapping[int, Iterable[int]]) -> QuizScore:
    """The score of a module quiz; ``responses`` maps question index to chosen answers."""
    unknown = [i for i in responses if not 0 <= i < len(questions)]
    if unknown:
        raise DomainError(N_("That question does not exist."), "responses")
    right = sum(score_answer(questions[i], chosen).correct for i, chosen in responses.items())
    return QuizScore(correct=right, answered=len(responses), total=len(questions))
