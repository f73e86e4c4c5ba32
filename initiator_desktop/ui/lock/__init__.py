"""Locking and quick-hide: idle and system triggers, the neutral screen, the clipboard guard."""
