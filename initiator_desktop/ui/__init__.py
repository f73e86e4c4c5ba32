"""The Qt user interface: widgets only, one folder per area, plus the app shell."""
