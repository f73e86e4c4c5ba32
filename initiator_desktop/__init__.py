"""Initiator Desktop (Igangsetter): an offline tool for starting and supporting self-help groups."""

__version__ = "0.1.0"
