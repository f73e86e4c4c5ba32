"""Print preview and print dialogs for the printed frames and the declaration."""
