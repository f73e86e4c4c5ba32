"""Reading back what a PDF says and shows, with poppler's command-line tools."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return path


def pdf_text(path: Path) -> str:
    result = subprocess.run([_tool("pdftotext"), str(path), "-"], check=True,
                            capture_output=True, text=True)
    return result.stdout


def squeezed_pdf_text(path: Path) -> str:
    return "".join(pdf_text(path).split())


def page_count(path: Path) -> int:
    result = subprocess.run([_tool("pdfinfo"), str(path)], check=True, capture_output=True,
                            text=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def fonts(path: Path) -> list[list[str]]:
    result = subprocess.run([_tool("pdffonts"), str(path)], check=True, capture_output=True,
                            text=True)
    return [line.split() for line in result.stdout.splitlines()[2:]]


def gray_page(path: Path, page: int, dpi: int) -> tuple[int, int, bytes]:
    """Page ``page`` as 8-bit grey pixels: (width, height, one byte per pixel)."""
    result = subprocess.run([_tool("pdftoppm"), "-gray", "-r", str(dpi), "-f", str(page),
                             "-l", str(page), str(path)], check=True, capture_output=True)
    data = result.stdout
    fields: list[bytes] = []
    position = 0
    while len(fields) < 4:  # magic, width, height, maxval
        while data[position : position + 1].isspace():
            position += 1
        end = position
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[position + 1 :]
