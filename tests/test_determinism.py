"""Same content, byte-identical site: whatever the time zone or the day the build runs."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO, STARTER_CONTENT, TEMPLATES

FAKETIME = shutil.which("faketime")


def site_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def build(out: Path, tz: str, clock: str | None = None) -> str:
    command = [sys.executable, str(REPO / "build.py"), "build", "--content",
               str(STARTER_CONTENT), "--templates", str(TEMPLATES), "--out", str(out)]
    if clock is not None:
        assert FAKETIME is not None
        command = [FAKETIME, "-f", f"@{clock}", *command]
    env = {**os.environ, "TZ": tz}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return site_hash(out)


def test_time_zones_give_identical_sites(tmp_path: Path) -> None:
    hashes = {tz: build(tmp_path / tz.replace("/", "-"), tz)
              for tz in ("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago")}
    assert len(set(hashes.values())) == 1, hashes


@pytest.mark.skipif(FAKETIME is None, reason="faketime is not installed (apt-get install "
                    "faketime); it moves the clock to other days")
def test_clock_on_other_days_gives_identical_sites(tmp_path: Path) -> None:
    first = build(tmp_path / "a", "UTC", "2001-02-03 04:05:06")
    second = build(tmp_path / "b", "Pacific/Kiritimati", "2031-12-31 23:59:00")
    assert first == second
