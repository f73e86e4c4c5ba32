"""Printed pages: layout as plain data, painted onto a QPrinter or a QPdfWriter.

Nothing here reads the vault; callers pass in exactly what a page may show.
"""
