"""The group's life around its meetings: before the first meeting, handover, follow-up,
ending and restarting. ``GroupLifePanel`` is the page's "Before and after" tab."""
