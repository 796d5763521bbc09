"""The one exception tree of indmon.

Every error a user can meet derives from ``IndmonError``; the CLI turns it into a clean
exit with its message, and the web app maps each subclass to one HTTP status. Messages
name the object, say what was expected and how to fix it.

    IndmonError
    ├── ConfigError            (a setting, an option or a rule file is wrong)
    │   ├── RuleError          (a monitoring rule file does not validate)
    │   └── PeriodError(ValueError)  (a period text that is not a period)
    ├── CatalogueError         (an unknown indicator, industry or province)
    │   └── UnknownCode(KeyError)
    ├── StoreError             (the store cannot be opened, read or written)
    ├── IntakeError(ValueError)
    │   ├── UnreadableFile     (no reader handles a file; lists the readers tried)
    │   └── RejectedRow        (one row failed validation: file, row, field, reason)
    ├── ComputeError           (an engine is missing or a computation cannot run)
    ├── ExtractError           (a document cannot be read or extracted)
    ├── ReportError            (a report cannot be rendered)
    ├── NotFound(LookupError)  (nothing matches what was asked for)
    └── AccessDenied           (authentication or authorisation failed)
        └── Unauthenticated
"""

from __future__ import annotations


class IndmonError(Exception):
    """Root of every error indmon raises on purpose."""


class ConfigError(IndmonError):
    """A setting, an option or a configuration file is wrong."""


class RuleError(ConfigError):
    """A monitoring rule file does not validate."""

    def __init__(
        self, message: str, *, file: str = "", rule: str = "", field: str = ""
    ) -> None:
        super().__init__(message)
        #: the rule file
        self.file = file
        #: the rule id, where known
        self.rule = rule
        #: the offending field, where known
        self.field = field


class PeriodError(ValueError, ConfigError):
    """A period text that names no period (``2023-13``, ``Q1-2023``)."""

    def __init__(self, value: str, expected: str, why: str = "") -> None:
        reason = f" ({why})" if why else ""
        super().__init__(f"period {value!r} is not understood{reason}; write {expected}")
        #: the text as given
        self.value = value
        #: the forms that are understood
        self.expected = expected


class CatalogueError(IndmonError):
    """The catalogue is inconsistent or something is not in it."""


class UnknownCode(KeyError, CatalogueError):
    """An indicator id, industry code or province code that the catalogue does not know."""

    def __init__(self, kind: str, code: str, known: list[str] | None = None) -> None:
        hint = ""
        if known:
            shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
            hint = f"; known {kind}s: {shown}"
        super().__init__(f"unknown {kind} {code!r}{hint}")
        self.kind = kind
        self.code = code

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class StoreError(IndmonError):
    """The store cannot be opened, read or written."""


class IntakeError(ValueError, IndmonError):
    """Enterprise reports or price indices could not be taken in."""


class UnreadableFile(IntakeError):
    """No reader handles a file, or the file is not what its name says."""

    def __init__(self, message: str, *, file: str, tried: list[str] | None = None) -> None:
        super().__init__(message)
        self.file = file
        self.tried = tried or []


class RejectedRow(IntakeError):
    """One row failed validation."""

    def __init__(
        self, *, file: str, row: int, field: str, reason: str, value: object = None
    ) -> None:
        super().__init__(f"{file} row {row}, field {field!r}: {reason}")
        self.file = file
        self.row = row
        self.field = field
        self.reason = reason
        self.value = value


class ComputeError(IndmonError):
    """A computation cannot run: engine missing, inputs absent or inconsistent."""


class ExtractError(IndmonError):
    """A document cannot be read or its facts extracted."""


class ReportError(IndmonError):
    """A briefing cannot be rendered."""


class NotFound(LookupError, IndmonError):
    """Nothing matches what was asked for."""


class AccessDenied(IndmonError):
    """The caller may not do this."""


class Unauthenticated(AccessDenied):
    """No valid token was given."""
