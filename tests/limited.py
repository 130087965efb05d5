"""Commands run in a process of their own whose address space is limited, as a clerk's PC
would stop them: what a run answered, how it ended, and its peak memory.

``run(argvs)`` starts one Python process with RLIMIT_AS at :data:`LIMIT`; it runs each argv
through ``doithoai.cli.main`` in turn (one import of the package for many runs) and prints one
JSON line per run. A run that aborts (a Rust allocation failure: SIGABRT) ends the process:
the runs after it are reported as not run, and the process's signal as the cause.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

LIMIT = 1536 << 20          # bytes of address space: a 50,000-opinion validate fits in it

DRIVER = r"""
import io, json, resource, sys
from contextlib import redirect_stderr, redirect_stdout
from doithoai import cli
for line in sys.stdin:
    argv = json.loads(line)
    buf = io.StringIO()
    with redirect_stdout(buf), redirect_stderr(buf):
        try:
            code = cli.main(argv)
        except SystemExit as exc:
            code = exc.code
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"code": code, "output": buf.getvalue(), "peak": peak}), flush=True)
"""


def _limits(file_size: int | None):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))
        if file_size is not None:           # `ulimit -f`: a write past it fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
    return apply


def run(argvs: list[list[str]], env: dict | None = None, prelude: str = "",
        timeout: float = 300, file_size: int | None = None,
        wrapper: list[str] | None = None) -> tuple[list[dict], int, str]:
    """(one {"code", "output", "peak"} per argv that ran, peak being the process's resident
    memory so far in bytes; the process's return code, negative for a signal; its stderr).
    ``prelude``: Python run before the commands (to plant a fault); ``file_size``: the largest
    file the process may write; ``wrapper``: a command the process runs under (setpriv)."""
    done = subprocess.run((wrapper or []) + [sys.executable, "-c", prelude + DRIVER],
                          input="".join(json.dumps(a) + "\n" for a in argvs),
                          capture_output=True, text=True, timeout=timeout,
                          preexec_fn=_limits(file_size), env={**os.environ, **(env or {})})
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return results, done.returncode, done.stderr


def run_each(argvs: list[list[str]], env: dict | None = None, prelude: str = "",
             timeout: float = 900) -> list[dict | None]:
    """Every argv run, in as few processes as it takes: a process that dies (a signal, the
    memory limit) takes the run it was in (None in its place); the rest go on in a new one."""
    out: list[dict | None] = []
    pending = list(argvs)
    while pending:
        results, code, stderr = run(pending, env=env, prelude=prelude, timeout=timeout)
        out += results
        if len(results) < len(pending):
            out.append(None)
        pending = pending[len(results) + 1:]
    return out
