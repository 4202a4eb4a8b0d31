"""Custom-painted widgets and delegates."""
