"""Helpers every command module shares: error mapping, logging, common options (no commands here)."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import signal
import sys
import threading
from datetime import date

import click
from sqlalchemy.exc import SQLAlchemyError

from miner.app import App
from miner.core.db import short_error
from miner.core.errors import PaxminerError
from miner.slack.client import RedactingFilter

log = logging.getLogger("miner")


class StepError(PaxminerError):
    """A step failed in a way worth one clear line (bad export, missing data...)."""


def setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    # slack-sdk logs every failed attempt at ERROR; the error that ends the retries is our one line
    quiet = logging.WARNING if verbose else logging.CRITICAL
    logging.getLogger("slack_sdk").setLevel(quiet)
    logging.getLogger("miner.slack.sdk").setLevel(quiet)


INTERRUPTED = 130  # the shell's convention for a command stopped by Ctrl-C (128 + SIGINT)


@contextlib.contextmanager
def prompt_interrupt(what: str, grace: float = 10.0):
    """Ctrl-C while `what` runs: say so at once and let the work under way reach a safe point for
    up to `grace` seconds (KeyboardInterrupt as usual); then, or at a second Ctrl-C, stop at once
    (exit 130). Everything PAXminer writes is safe to interrupt: the next run takes over."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    hits = []

    def now(note: str) -> None:
        click.echo(f"interrupted: {what} stopped at once ({note}); rerunning it is safe: the next run takes "
                   f"over what was under way.", err=True)
        sys.stderr.flush()
        os._exit(INTERRUPTED)

    owner = os.getpid()

    def handler(_sig, _frame):
        if os.getpid() != owner:  # a forked worker (it inherits the handler): stop quietly, the parent speaks
            raise KeyboardInterrupt
        hits.append(1)
        if len(hits) > 1:
            now("second Ctrl-C")
        click.echo(f"\ninterrupted: stopping {what}: no new work starts; what is under way gets {grace:.0f} s to "
                   f"reach a safe point (Ctrl-C again to stop at once)", err=True)
        timer = threading.Timer(grace, now, args=(f"after {grace:.0f} s",))
        timer.daemon = True
        timer.start()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def fail(message: str, code: int = 1):
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def command(fn):
    """Map expected errors to one clean line; unexpected ones too, unless -v."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        ctx = click.get_current_context()
        verbose = ctx.find_root().params.get("verbose")
        try:
            if isinstance(kwargs.get("region"), str):  # from region_option
                kwargs["region"] = ctx.find_object(App).region(kwargs["region"])
            return fn(*args, **kwargs)
        except click.exceptions.Exit:
            raise
        except (click.UsageError, click.BadParameter):
            raise
        except KeyboardInterrupt:
            click.echo(f"\ninterrupted: `{command_name(ctx)}` stopped by Ctrl-C. What it finished is saved; "
                       f"rerunning it is safe and picks up where it stopped.", err=True)
            sys.exit(INTERRUPTED)
        except BrokenPipeError:  # `paxminer ... | head`: the reader has gone, nothing more to say
            sys.stderr.close()
            sys.exit(1)
        except PaxminerError as exc:
            if verbose:
                log.exception("failed")
            fail(str(exc))
        except SQLAlchemyError as exc:
            if verbose:
                log.exception("failed")
            fail(f"database error: {short_error(exc)}")
        except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, no traceback
            if verbose:
                raise
            fail(f"unexpected {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''} (rerun with -v for details)")

    return wrapper


pass_app = click.pass_obj


def command_name(ctx: click.Context) -> str:
    """`paxminer GROUP COMMAND`, however the program was started (`python -m miner` too)."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["paxminer", *reversed(names)])


def region_option(fn):
    """--region NAME: `command` hands the function the registered Region, not its name."""
    return click.option("--region", "region", required=True, metavar="NAME",
                        help="region name (see `paxminer region list`)")(fn)


@contextlib.contextmanager
def region_lock(app: App, region, thread: bool = True):
    """Hold the region's lock (the one `paxminer daily` takes) while a command that can send runs:
    two such commands, or one and a nightly run, never work on a region at once. Yields the
    LockManager (thread=False: no heartbeat thread, the command calls beat() itself)."""
    from miner.core.locks import LockManager
    from miner.core.runlog import new_run_id

    locks = LockManager(app.db, new_run_id())
    locks.start(thread=thread)
    try:
        claim = locks.acquire(region.region)
        if not claim.ok:
            raise StepError(f"region {region.region} is busy: {claim.holder.describe()} (another command or "
                            "`paxminer daily`); try again when it is done")
        yield locks
    finally:
        locks.stop()


def bad_phrase(s: dict) -> str:
    """'; 1 rejected, 2 cleaned (...)' when a step met items it could not store as they came."""
    parts = [f"{s[k]} {k}" for k in ("rejected", "truncated", "cleaned", "dropped") if s.get(k)]
    if not parts:
        return ""
    return f"; bad items: {', '.join(parts)} (each noted in the region's bad_items table)"


def summary(text: str) -> None:
    click.echo(text)


def listing(as_json: bool, rows: list, line: str, header: str, row_text, data: list | None = None) -> None:
    """What a listing command prints: with --json the rows (or `data`) as JSON on stdout and the summary
    `line` on stderr; otherwise the header, one `row_text(row)` per row, and the summary."""
    if as_json:
        click.echo(json.dumps(rows if data is None else data, indent=2, default=str))
        click.echo(line, err=True)
        return
    if rows:
        click.echo(header)
    for r in rows:
        click.echo(row_text(r))
    summary(line)


def parse_day(_ctx, _param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def verbose() -> bool:
    return bool(click.get_current_context().find_root().params.get("verbose"))
