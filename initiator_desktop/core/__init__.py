"""The domain in plain Python: models, rules, schedules and use cases.

Nothing in this package imports Qt, SQL or touches files; import-linter enforces it.
"""
