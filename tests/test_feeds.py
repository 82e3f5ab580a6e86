"""Crash-safe export files: leftover recovery, run ids, the .part storage."""

from __future__ import annotations

import json
from pathlib import Path

from newscrawl.feeds import DurableFeedStorage, leftover_parts, recover_part


def test_recovery_keeps_complete_lines_cuts_the_torn_tail_and_renames(tmp_path: Path) -> None:
    part = tmp_path / "2025-08-16T201800.jsonl.part"
    good = [{"url": "https://truyenhinhthanhhoa.vn/a-1808387881.htm", "title": "Sầm Sơn"},
            {"url": "https://truyenhinhthanhhoa.vn/b-180240410172955066.htm", "title": "Nông thôn mới"}]
    lines = [json.dumps(item, ensure_ascii=False).encode() + b"\n" for item in good]
    part.write_bytes(b"".join(lines) + b'not json at all\n{"url": "https://truyenhinhthanhhoa.vn/c-18')
    assert leftover_parts(tmp_path) == [part]
    assert list(recover_part(part)) == good
    recovered = tmp_path / "2025-08-16T201800.jsonl"
    assert not part.exists()
    assert recovered.read_bytes() == b"".join(lines)  # torn tail and the non-JSON line are gone


def test_recovery_never_overwrites_an_existing_export(tmp_path: Path) -> None:
    (tmp_path / "run.jsonl").write_text("{}\n")
    part = tmp_path / "run.jsonl.part"
    part.write_text('{"a": 1}\n')
    list(recover_part(part))
    assert (tmp_path / "run.jsonl").read_text() == "{}\n"
    assert (tmp_path / "run-1.jsonl").read_text() == '{"a": 1}\n'


def test_storage_writes_part_then_renames_on_close(tmp_path: Path) -> None:
    storage = DurableFeedStorage(str(tmp_path / "ttv" / "run.jsonl"))
    handle = storage.open(spider=None)  # type: ignore[arg-type]
    handle.write(b'{"a": 1}\n')
    assert storage.sync()
    assert (tmp_path / "ttv" / "run.jsonl.part").read_bytes() == b'{"a": 1}\n'
    storage.store(handle)
    assert not (tmp_path / "ttv" / "run.jsonl.part").exists()
    assert (tmp_path / "ttv" / "run.jsonl").read_bytes() == b'{"a": 1}\n'
    assert not storage.sync()  # closed
