"""CX Workshop: run a customer-experience accountability workshop in the room."""

__version__ = "0.1.0"
