"""The start dialog: open an existing vault or create a new one."""
