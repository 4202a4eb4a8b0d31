"""Dialogs that ask the facilitator for a few details before an edit."""
