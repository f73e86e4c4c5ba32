"""The group list and the group page where a group is created and edited."""
