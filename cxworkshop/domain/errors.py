"""Errors the workshop rules raise, each with a message a facilitator understands."""


class WorkshopError(Exception):
    """Base of every error the app reports to a user in one sentence."""


class RuleError(WorkshopError):
    """An edit would break one of the workshop's rules."""


class NotFound(WorkshopError):
    """Something the edit refers to is not in the workshop (any more)."""


class InvalidValue(WorkshopError):
    """A value is empty, too long, or of the wrong kind."""


class BudgetExceeded(RuleError):
    """A ballot places more dots than the voter has, or too many on one goal."""


class RoundClosed(RuleError):
    """The voting round is closed, so its results are frozen."""
