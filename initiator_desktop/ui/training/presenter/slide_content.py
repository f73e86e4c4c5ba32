"""What each slide says, as plain data: a kicker line, a title and a body.

Only pack content and fixed UI words go in (never anything from the vault). Section
bodies stay Markdown (shown through the safe document); every other text is plain and is
escaped when the slide turns it into HTML (``body_html``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from enum import StrEnum

from initiator_desktop.core.course import Module, Pack, QuizQuestion
from initiator_desktop.i18n import _
from initiator_desktop.ui.training.presenter.slides import Slide, SlideKind, slide_excerpt

LETTERS = "ABCDEFGHIJ"


class Mark(StrEnum):
    NONE = "none"
    RIGHT = "right"
    WRONG = "wrong"


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a built slide body: a paragraph, a list item, a subheading or an answer."""

    kind: str  # "paragraph", "item", "numbered", "subheading", "answer"
    text: str
    label: str = ""
    mark: Mark = Mark.NONE
    note: str = ""


@dataclass(frozen=True, slots=True)
class SlideContent:
    kicker: str
    title: str
    markdown: str = ""
    blocks: tuple[Block, ...] = ()
    footer: str = ""
    timer: bool = False
    centred: bool = False
    module_id: str = ""


@dataclass(frozen=True, slots=True)
class Palette:
    text: str = "#1c262d"
    muted: str = "#5d6a72"
    accent: str = "#2b6d70"
    right: str = "#1f6b3c"
    wrong: str = "#8b959b"


def slide_content(pack: Pack, module: Module, slide: Slide, language: str, *,
                  revealed: bool = False) -> SlideContent:
    """The content of ``slide`` in ``language`` (with the pack's fallback)."""
    text = module.text(language)
    content = _content(module, slide, language, revealed)
    footer = "" if slide.kind is SlideKind.TITLE else pack.title(language)
    kicker = pack.title(language) if slide.kind is SlideKind.TITLE else content.kicker
    return replace(content, footer=footer, kicker=kicker or text.title, module_id=module.id)


def _content(module: Module, slide: Slide, language: str, revealed: bool) -> SlideContent:
    text = module.text(language)
    if slide.kind is SlideKind.TITLE:
        blocks = (Block("paragraph", text.summary),) if text.summary.strip() else ()
        return SlideContent(kicker="", title=text.title, blocks=blocks, centred=True)
    if slide.kind is SlideKind.SECTION:
        section = module.section(slide.key, language)
        if section is None:
            return SlideContent(kicker="", title=slide.key)
        return SlideContent(kicker="", title=section.title, markdown=slide_excerpt(section.body))
    if slide.kind is SlideKind.REFLECTION:
        items = tuple(Block("numbered", q, label=f"{i}.")
                      for i, q in enumerate(text.reflection, start=1))
        return SlideContent(kicker="", title=_("Reflection"), blocks=items)
    if slide.kind is SlideKind.CASE:
        case = text.cases[slide.index]
        blocks = [Block("paragraph", p) for p in _paragraphs(case.situation)]
        blocks.append(Block("subheading", _("Roles")))
        blocks.append(Block("paragraph", " · ".join(role.name for role in case.roles)))
        return SlideContent(kicker=_("Role play"), title=case.title, blocks=tuple(blocks),
                            timer=True)
    question = text.quiz[slide.index]
    kicker = _("Question {number} of {count}").format(number=slide.index + 1,
                                                       count=len(text.quiz))
    return SlideContent(kicker=kicker, title=question.question,
                        blocks=answer_blocks(question, revealed))


def answer_blocks(question: QuizQuestion, revealed: bool) -> tuple[Block, ...]:
    blocks = []
    for letter, answer in zip(LETTERS, question.answers, strict=False):
        mark = Mark.NONE if not revealed else (Mark.RIGHT if answer.correct else Mark.WRONG)
        note = answer.explanation if revealed else ""
        blocks.append(Block("answer", answer.text, label=letter, mark=mark, note=note))
    return tuple(blocks)


def _paragraphs(text: str) -> list[str]:
    parts = [" ".join(chunk.split()) for chunk in text.strip().split("\n\n")]
    return [p for p in parts if p]


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def body_html(blocks: tuple[Block, ...], px: float, colours: Palette) -> str:
    """The blocks as HTML at a body size of ``px`` pixels; every pack text is escaped."""
    parts = [f'<body style="font-size:{px:.1f}px; color:{colours.text};">']
    for block in blocks:
        parts.append(_block_html(block, px, colours))
    parts.append("</body>")
    return "".join(parts)


def _block_html(block: Block, px: float, c: Palette) -> str:
    gap = px * 0.55
    text = _escape(block.text)
    if block.kind == "subheading":
        return (f'<p style="margin-top:{gap * 1.4:.0f}px; margin-bottom:{gap * 0.3:.0f}px;'
                f' color:{c.accent}; font-size:{px * 0.8:.1f}px; font-weight:600;">'
                f'{text.upper()}</p>')
    if block.kind in ("numbered", "item"):
        label = _escape(block.label) if block.kind == "numbered" else "•"
        return (f'<table cellspacing="0" cellpadding="0" style="margin-bottom:{gap:.0f}px;">'
                f'<tr><td width="{px * 1.6:.0f}" style="color:{c.accent}; font-weight:600;">'
                f'{label}</td><td>{text}</td></tr></table>')
    if block.kind == "answer":
        return _answer_html(block, px, c)
    return f'<p style="margin-bottom:{gap:.0f}px;">{text}</p>'


def _answer_html(block: Block, px: float, c: Palette) -> str:
    colour, weight, sign = c.text, 400, _escape(block.label)
    if block.mark is Mark.RIGHT:
        colour, weight, sign = c.right, 600, "✓"
    elif block.mark is Mark.WRONG:
        colour = c.wrong
    note = ""
    if block.note:
        note = (f'<br/><span style="font-size:{px * 0.66:.1f}px; font-weight:400;'
                f' color:{c.muted if block.mark is not Mark.RIGHT else c.right};">'
                f'{_escape(block.note)}</span>')
    label_colour = {Mark.RIGHT: c.right, Mark.WRONG: c.wrong}.get(block.mark, c.accent)
    return (f'<table cellspacing="0" cellpadding="0" style="margin-bottom:{px * 0.5:.0f}px;">'
            f'<tr><td width="{px * 1.6:.0f}" style="color:{label_colour}; font-weight:700;">'
            f'{sign}</td><td style="color:{colour}; font-weight:{weight};">'
            f'{_escape(block.text)}{note}</td></tr></table>')
