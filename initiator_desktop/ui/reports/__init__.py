"""Reports on groups, meetings and attendance, made from the app."""
