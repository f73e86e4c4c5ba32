"""The limits a content pack must stay within (docs/content-packs.md, "Limits").

Generous for real course material, small enough that a hostile archive cannot fill
memory or disk.
"""

from __future__ import annotations

MiB = 1024 * 1024
MAX_FILES = 2000
MAX_TOTAL_BYTES = 50 * MiB
MAX_FILE_BYTES = 10 * MiB
MAX_ARCHIVE_BYTES = 60 * MiB
# Text compresses about 3-10 times; far beyond that the data is made to expand.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_FROM_BYTES = 64 * 1024
MAX_PATH_LENGTH = 200
MAX_DEPTH = 5
MAX_MODULES = 50
MIN_SECTIONS, MAX_SECTIONS = 1, 8
# The built-in course promises more (issue #7): checked with ``strict``.
STRICT_MIN_SECTIONS = 3
STRICT_MIN_QUIZ = 5
STRICT_MIN_CASES = 1
MAX_TABLE_COLUMNS = 3
