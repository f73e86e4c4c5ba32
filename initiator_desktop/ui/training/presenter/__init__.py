"""Presenter mode: the audience slide for the projector and the speaker view for the laptop.

Entry point: ``presenter_session.start_presenter``. It shows pack content only and is
given no repository, so nothing from the vault can reach the projector.
"""
