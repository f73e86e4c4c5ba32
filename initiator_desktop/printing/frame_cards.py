"""Printable frame cards: poster (A4), handout (A5), cards (A6, four to a sheet), tent.

The entry points for the UI and the CLI. One layout (``layout``) feeds both the
printer (``paint``) and the PDF file (``write_pdf``); see ``card_content`` for what
a card may show and ``card_layout`` for how each format is composed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice

from initiator_desktop.core.models import Place
from initiator_desktop.core.repository import VaultRepository
from initiator_desktop.printing.card_content import (
    CardEntry,
    CardFormat,
    CardJob,
    CardSection,
    card_job,
)
from initiator_desktop.printing.card_layout import layout_cards
from initiator_desktop.printing.page_geometry import PageSet
from initiator_desktop.printing.page_painter import paint_pages
from initiator_desktop.printing.pdf_file import pdf_bytes, write_pdf_file

__all__ = [
    "CardEntry",
    "CardFormat",
    "CardJob",
    "CardSection",
    "card_job",
    "job_for_group",
    "layout",
    "paint",
    "pdf_bytes_for",
    "write_pdf",
]


def layout(job: CardJob) -> PageSet:
    """The sheets as data: positioned text boxes (in mm), strokes, cut and fold marks."""
    return layout_cards(job)


def paint(device: QPagedPaintDevice, job: CardJob) -> None:
    """Print ``job`` on a QPrinter (or any paged device, a QPdfWriter included)."""
    paint_pages(device, layout_cards(job))


def pdf_bytes_for(job: CardJob) -> bytes:
    return pdf_bytes(layout_cards(job))


def write_pdf(path: Path, job: CardJob) -> None:
    """Save ``job`` as a PDF at ``path``, atomically."""
    write_pdf_file(path, layout_cards(job))


def group_place(repo: VaultRepository, place_id: str | None) -> Place | None:
    return next((p for p in repo.places() if p.id == place_id), None) if place_id else None


def job_for_group(repo: VaultRepository, group_id: str, *, card_format: CardFormat | str,
                  language: str, with_time: bool = False,
                  with_theme: bool = False) -> CardJob:
    """The cards for a group in the vault, with all of its frames in the group's order."""
    group = repo.group(group_id)
    if group is None:
        raise KeyError(group_id)
    return card_job(group, repo.frames(group_id), card_format=card_format, language=language,
                    schedules=repo.schedules(group_id), place=group_place(repo, group.place_id),
                    with_time=with_time, with_theme=with_theme)
