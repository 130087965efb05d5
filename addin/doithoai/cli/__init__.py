"""The ``doithoai`` command: English subcommands, Vietnamese output for the clerk.

Each subcommand is a small function over the core, in the module of its group
(``*_commands.py``: registry, rules, documents, sharing, monitoring, privacy, province, setup,
libreoffice); none of them writes into an existing registry (docs/architecture.md, decision 3).
Exit codes: 0 success, 1 refused or problems found, 2 the input cannot be read at all, 3 an
unexpected error (details in a log file).
"""
from __future__ import annotations

import argparse
import gc
import sys
import traceback

from doithoai import __version__
from doithoai.cli import signals
from doithoai.files import atomic, crashlog
from doithoai.cli.vietnamese import Parser
from doithoai.cli import (document_commands, libreoffice_commands, monitoring_commands,
                          privacy_commands,
                          province_commands, registry_commands, rules_commands, setup_commands,
                          sharing_commands)
from doithoai.cli.common import (EXIT_CRASH, EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE,
                                 Refused, collector_paused, log_crash,
                                 made_folders_kept_only_if_used, refusal_said, say)

__all__ = ["main", "console", "build_parser", "EXIT_OK", "EXIT_REFUSED", "EXIT_UNREADABLE", "EXIT_CRASH"]
GROUPS = (registry_commands, rules_commands, document_commands, sharing_commands,
          monitoring_commands, privacy_commands, province_commands, setup_commands,
          libreoffice_commands)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="doithoai",
        description="Sổ theo dõi hội nghị đối thoại giữa chính quyền cấp xã với Nhân dân: "
                    "tạo sổ, đọc, kiểm tra, tính hạn và tạo văn bản.")
    parser.add_argument("--version", action="version", version=f"doithoai {__version__}",
                        help="in số phiên bản rồi thoát")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for group in GROUPS:
        group.add_parsers(sub)
    return parser


def console() -> int:
    """The ``doithoai`` program (and ``python -m doithoai``): as :func:`main`, but a signal
    that arrives once the work is done stays ignored until the process ends."""
    return main(restore_handlers=False)


def main(argv: list[str] | None = None, *, restore_handlers: bool = True) -> int:
    """Run one command; its exit code. The caller's signal handlers are put back at the end
    unless ``restore_handlers`` is false (the process ends next: see :func:`console`)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass
    previous = signals.install()
    hook, sys.unraisablehook = sys.unraisablehook, _unraisable_to_log
    try:
        code = _run(argv)
        signals.settle()                    # the work is done: a late signal changes nothing
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        signals.quiet_closed_pipe()
        return EXIT_OK
    except signals.Interrupted as exc:      # a signal while arguments were read or output sent
        _say_quietly(signals.stopped_message(exc))
        return EXIT_REFUSED
    except OSError:                 # the output itself cannot be written (a full disk under >)
        signals.quiet_closed_pipe()
        return EXIT_REFUSED
    except Exception as exc:        # a handler below failed in turn: still never a traceback
        _say_quietly(crashlog.words(type(exc).__name__, log_crash()))
        return EXIT_CRASH
    finally:
        signals.settle()
        gc.collect()                        # what a signal left half-closed, while logged
        sys.unraisablehook = hook
        if restore_handlers:
            signals.restore(previous)       # a caller's own handlers (tests, a server) return


def _unraisable_to_log(unraisable) -> None:
    """An error Python cannot raise (a library's object cleaning up after a signal stopped it:
    zipfile closing a half-written member) goes to the log file, never the clerk's screen."""
    try:
        lines = traceback.format_exception(unraisable.exc_type, unraisable.exc_value,
                                           unraisable.exc_traceback)
        log_crash(f"{unraisable.err_msg or 'Exception ignored in'}: {unraisable.object!r}\n"
                  + "".join(lines))
    except Exception:       # the log itself cannot be written: stay silent rather than crash
        pass


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    from doithoai.files.reader import RegistryUnreadable
    from doithoai.registry.problems import CLI, speaking_to
    from doithoai.rules.workcalendar import OutsideCalendar
    try:
        # The clerk reads this at a terminal: no button to press, no cell coloured
        # (registry/problems.py words each message for its reader).
        with speaking_to(CLI), made_folders_kept_only_if_used(), \
                collector_paused(args.command):
            code = args.func(args)
            signals.settle()                # done: tidying up below is not a stop
            return code
    except BrokenPipeError:
        raise
    except (OutsideCalendar, Refused) as exc:
        return refusal_said(args, str(exc), EXIT_REFUSED)
    except RegistryUnreadable as exc:
        if exc.detail:
            log_crash(f"{getattr(args, 'path', '')}: {exc.detail}")
        return refusal_said(args, str(exc), EXIT_UNREADABLE)
    except signals.Interrupted as exc:
        return refusal_said(args, signals.stopped_message(exc), EXIT_REFUSED)
    except KeyboardInterrupt:
        return refusal_said(args, "Đã dừng theo yêu cầu.", EXIT_REFUSED)
    except Exception as exc:  # a clerk never sees a traceback
        return _unexpected(args, exc)


def _unexpected(args, exc: Exception) -> int:
    """A signal behind the error, a refused write (a full disk, a read-only folder: an
    ordinary refusal), or an unexpected error whose details go to the log."""
    stop = signals.behind(exc)
    if stop is not None:
        return refusal_said(args, signals.stopped_message(stop), EXIT_REFUSED)
    refused = atomic.write_error(exc)
    if refused is not None:
        log_crash()
        return refusal_said(args, atomic.failed(exc if isinstance(exc, atomic.WriteFailed)
                                                else refused), EXIT_REFUSED)
    return refusal_said(args, crashlog.words(type(exc).__name__, log_crash()), EXIT_CRASH)


def _say_quietly(text: str) -> None:
    try:
        say(text)
    except (BrokenPipeError, OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
