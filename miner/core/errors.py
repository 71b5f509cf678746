"""What an expected failure is: one clear line for a person, recognised by its type."""

from __future__ import annotations


class PaxminerError(Exception):
    """A failure we understand (bad input, a revoked token, a database away): its message is one
    clear line with no SQL, parameters or tokens, and the CLI shows it without a traceback."""


def one_line(exc: BaseException) -> str:
    """An exception as one clear line: ours as they are, database errors without SQL or parameters,
    anything else named as unexpected."""
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(exc, SQLAlchemyError):
        return f"database error: {short_error(exc)}"
    msg = str(exc).strip()
    first = msg.splitlines()[0][:300] if msg else ""
    if isinstance(exc, PaxminerError):
        return first or type(exc).__name__
    return f"unexpected {type(exc).__name__}: {first}" if first else f"unexpected {type(exc).__name__}"


def short_error(exc: BaseException) -> str:
    """First line of a DB-API error, without SQL or parameters."""
    orig = getattr(exc, "orig", None) or exc
    args = getattr(orig, "args", ())
    if len(args) >= 2 and isinstance(args[0], int):
        return f"{args[1]} (error {args[0]})"
    return str(orig).splitlines()[0][:300]
