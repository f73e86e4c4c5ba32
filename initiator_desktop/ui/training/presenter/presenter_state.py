"""Where a presentation is: the current slide, a blank audience screen, revealed answers.

Pure Python (no Qt). Moving works like a presentation program: on a quiz question the
first "next" reveals the answers, the second moves on; while the screen is blank, any
move only brings the picture back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from initiator_desktop.ui.training.presenter.slides import Slide, SlideKind


@dataclass
class PresenterState:
    slides: tuple[Slide, ...]
    position: int = 0
    blank: bool = False
    revealed: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not self.slides:
            raise ValueError("a presentation needs at least one slide")
        self.position = min(max(self.position, 0), len(self.slides) - 1)

    @property
    def current(self) -> Slide:
        return self.slides[self.position]

    @property
    def following(self) -> Slide | None:
        index = self.position + 1
        return self.slides[index] if index < len(self.slides) else None

    @property
    def is_revealed(self) -> bool:
        slide = self.current
        return slide.kind is SlideKind.QUIZ and slide.index in self.revealed

    def next(self) -> bool:
        """One step on; False at the end (nothing changed)."""
        if self.blank:
            self.blank = False
            return True
        slide = self.current
        if slide.kind is SlideKind.QUIZ and slide.index not in self.revealed:
            self.revealed.add(slide.index)
            return True
        return self.go_to(self.position + 1)

    def previous(self) -> bool:
        if self.blank:
            self.blank = False
            return True
        return self.go_to(self.position - 1)

    def go_to(self, position: int) -> bool:
        if not 0 <= position < len(self.slides) or position == self.position:
            return False
        self.position = position
        return True

    def toggle_blank(self) -> None:
        self.blank = not self.blank

    def toggle_reveal(self) -> bool:
        slide = self.current
        if slide.kind is not SlideKind.QUIZ:
            return False
        self.revealed ^= {slide.index}
        return True

    def replace_slides(self, slides: tuple[Slide, ...]) -> None:
        """New slides (another language): stay on the same slide if it is still there."""
        if not slides:
            raise ValueError("a presentation needs at least one slide")
        current = self.current
        self.slides = slides
        self.position = slides.index(current) if current in slides else min(
            self.position, len(slides) - 1)
