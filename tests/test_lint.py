"""The code stays lint-clean (ruff, configured in pyproject.toml): part of the test run, so CI checks it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is a test dependency (pyproject [test] extra)"
    done = subprocess.run([ruff, "check", "--output-format", "concise", "newscrawl", "tests", "benchmarks"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:]
