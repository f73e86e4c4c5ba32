"""The test harness refuses sockets, so the suite proves the app opens none."""

from __future__ import annotations

import socket

import pytest


def test_sockets_are_refused_in_tests() -> None:
    with pytest.raises(RuntimeError, match="network access"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(RuntimeError, match="network access"):
        socket.create_connection(("127.0.0.1", 9))
