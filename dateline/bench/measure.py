"""Run one command and measure its wall time and peak memory, worker processes included.

Peak memory, when asked for, is the largest sum, over the command and all its descendants,
of their proportional set size (shared pages split between the processes sharing them),
sampled every 50 ms from ``/proc``; the kernel's own peak resident size of the largest
single process is used when it is higher (a short peak between two samples). Sampling
costs the command time (the kernel walks each large process's page tables), so a run that
is timed is not sampled: its peak is the kernel's figure alone.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

INTERVAL = 0.05


@dataclass(frozen=True)
class Run:
    """One timed run: seconds of wall time, peak bytes, exit status and its error output."""

    seconds: float
    peak: int
    status: int
    errors: str = ""


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            found.extend(int(child) for child in text.split())
    except OSError:
        pass
    return found


def _pss(pid: int) -> int:
    """Proportional set size in bytes (0 when the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def tree_memory(pid: int) -> int:
    """The summed proportional set size of a process and its descendants."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _pss(current)
        todo.extend(_children(current))
    return total


def _sample(pid: int, done: threading.Event, peak: list[int]) -> None:
    while not done.is_set():
        peak[0] = max(peak[0], tree_memory(pid))
        done.wait(INTERVAL)


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None,
        memory: bool = False) -> Run:
    """Run ``command`` in ``cwd`` with output discarded (errors kept); time it, and with
    ``memory`` sample its memory."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    done, peak = threading.Event(), [0]
    sampler = threading.Thread(target=_sample, args=(process.pid, done, peak), daemon=True)
    if memory:
        sampler.start()
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    if memory:
        sampler.join()
    process.stderr.close()
    peak_bytes = max(peak[0], usage.ru_maxrss * 1024)
    return Run(seconds, peak_bytes, process.returncode, errors.decode("utf-8", "replace"))
