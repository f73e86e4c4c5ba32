"""Card rendering benchmark: a batch of 50 groups' A6 sheets against one group.

    uv run python bench/cards.py [--groups 50] [--runs 3]

Each group gets the default SN frames (a cover and 19 cards: five A4 sheets) with its
meeting line, in a language that rotates through nb, nn and en, laid out and painted to
a PDF in memory, as the app and the CLI do. Reported: the time for one group (warm,
median of the runs), for the whole batch, and the batch's ratio to one group.
Not part of the tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time as clock
from datetime import date, datetime, time

from PySide6.QtGui import QGuiApplication

from initiator_desktop.core.clock import OSLO
from initiator_desktop.core.frame_library import Preset, default_frames
from initiator_desktop.core.models import Group, Place, Schedule
from initiator_desktop.printing.frame_cards import CardJob, card_job, pdf_bytes_for
from initiator_desktop.printing.text_measure import font_metrics, wrap

LANGUAGES = ("nb", "nn", "en")
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=OSLO)


def jobs(count: int) -> list[CardJob]:
    place = Place(name="Frivilligsentralen, møterom 2")
    made = []
    for index in range(count):
        weekday = index % 5
        first = date(2026, 3, 2 + weekday)
        schedule = Schedule(weekday=weekday, start=time(17 + index % 3, 0), first_date=first)
        group = Group(name=f"Gruppe {index + 1:02d}", place_id=place.id)
        made.append(card_job(group, default_frames(Preset.SN), card_format="a6",
                             language=LANGUAGES[index % 3], schedules=[schedule], place=place,
                             with_time=True, now=NOW))
    return made


def timed(batch: list[CardJob], *, cached: bool = True) -> tuple[float, int]:
    """Seconds to lay out and paint ``batch``; uncached, every group measures its text
    afresh (as if each had frames of its own wording)."""
    start = clock.perf_counter()
    size = 0
    for job in batch:
        if not cached:
            wrap.cache_clear()
            font_metrics.cache_clear()
        size += len(pdf_bytes_for(job))
    return clock.perf_counter() - start, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = QGuiApplication(["bench", "-platform", "offscreen"])
    batch = jobs(args.groups)
    cold, _size = timed(batch[:1])  # fonts registered, catalogs compiled, caches empty
    singles = [timed([job])[0] for job in batch[1 : 1 + args.runs]]
    one = statistics.median(singles)
    total, size = timed(batch)
    one_fresh = statistics.median(timed([job], cached=False)[0]
                                  for job in batch[1 : 1 + args.runs])
    total_fresh, _size = timed(batch, cached=False)
    print(f"first group (cold process):     {cold * 1000:7.0f} ms")
    print(f"one group (warm, median):       {one * 1000:7.0f} ms")
    print(f"{args.groups} groups:                      {total:7.2f} s  "
          f"({size / 1_000_000:.1f} MB of PDF)  ratio {total / one:.1f}")
    print(f"one group, text measured afresh: {one_fresh * 1000:6.0f} ms")
    print(f"{args.groups} groups, text measured afresh:{total_fresh:6.2f} s  "
          f"ratio {total_fresh / one_fresh:.1f}")
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
