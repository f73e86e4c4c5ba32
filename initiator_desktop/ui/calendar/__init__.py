"""Calendar views over all groups: the coming weeks, a month, and calendar export."""
