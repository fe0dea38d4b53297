"""Dialogs: each returns what it saved through ``ask()`` (modal) or its ``saved`` signal."""
