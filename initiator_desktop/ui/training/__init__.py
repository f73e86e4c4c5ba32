"""The training side: the self-study reader, presenter mode, course runs and certificates.

Entry points for the main window:
- ``reader_window.TrainingActions(window, repo)``: the actions ``open_reader`` and ``present``;
- ``reader_window.open_reader(parent, repo)``: the reader as a child window of ``parent``;
- ``presenter.presenter_session.start_presenter(loaded_pack, module_id)``: presenter mode.
Pack Markdown is shown only through ``markdown_view`` (nothing from outside the pack loads).
"""
