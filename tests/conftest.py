"""Fixtures shared by the test modules; plain helpers live in ``tests/helpers.py``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from helpers import STARTER_CONTENT


def pytest_configure(config: pytest.Config) -> None:
    """Builds under test, and the builds they start as processes, keep this machine's cache
    secret (``dateline.cachedir``) in a folder of the test run, not in the user's own."""
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="dateline-test-cache-")


@pytest.fixture
def starter_content() -> Path:
    """The repository's own ``content/`` folder, skipped when it holds no events yet."""
    events = STARTER_CONTENT / "events"
    if not events.is_dir() or not any(events.glob("*.md")):
        pytest.skip("content/events/ of the repository holds no events yet")
    return STARTER_CONTENT


@pytest.fixture(autouse=True)
def _fresh_extraction_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a new process does: no extractions remembered from another test."""
    monkeypatch.setattr("dateline.extract.cache._recent", {})
