"""Formats that leave or enter the app: the JSON interchange format and demo content."""
