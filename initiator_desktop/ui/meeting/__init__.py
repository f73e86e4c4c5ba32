"""Meeting mode: one group's meeting on a full screen, its run sheet, timer and attendance."""
