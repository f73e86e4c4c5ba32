"""Printed pages: layout as plain data, painted onto a QPrinter or a QPdfWriter.

Nothing here opens a vault: callers hand in the group and its frames (or a repository
to read them from), and each printout shows only what its module says it may.
"""
