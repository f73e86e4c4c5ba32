"""A group's attendance history: the chart, the same numbers as a table, and a few figures."""
