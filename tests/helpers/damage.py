"""Damaged copies of a small workshop library, for the tests that flip bytes at random."""

from __future__ import annotations

import os
import random
from pathlib import Path

from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.storage import safety
from cxworkshop.storage.store import Store


def library(path: Path) -> bytes:
    """Two demo workshops and a blank one, closed: the bytes of the file."""
    with Store(path) as store:
        store.create_workshop(demo_workshop())
        store.create_workshop(demo_workshop())
        store.create_workshop(editing.new_workshop("Blank", organisation="Acme"))
    assert not safety.wal_of(path).exists()
    return path.read_bytes()


def damage(data: bytes, rng: random.Random) -> bytes:
    """One to eight bytes changed, a third of them in the first page (the schema)."""
    damaged = bytearray(data)
    page = int.from_bytes(data[16:18], "big")
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(page) if rng.random() < 1 / 3 else rng.randrange(len(damaged))
        if rng.random() < 0.5:
            damaged[at] ^= 1 << rng.randrange(8)
        else:
            damaged[at] = rng.randrange(256)
    return bytes(damaged)


def make_damaged(path: Path, template: bytes, rng: random.Random) -> None:
    """A damaged copy at ``path``; half are damaged after a clean close, keeping their times."""
    for old in [path, *safety.sidecars(path)]:
        old.unlink(missing_ok=True)
    damaged = damage(template, rng)
    if rng.random() < 0.5:
        path.write_bytes(damaged)
        safety.forget_clean_close(path)
        return
    path.write_bytes(template)
    assert safety.remember_clean_close(path)
    stamp = path.stat()
    with path.open("r+b") as f:
        f.write(damaged)
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
