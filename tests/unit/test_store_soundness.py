"""What the window asks of the store for quitting and automatic backups, without SQL of its own."""

from __future__ import annotations

from pathlib import Path

from cxworkshop.domain import editing
from cxworkshop.domain.model import Goal, Pillar
from cxworkshop.storage import backup
from cxworkshop.storage.store import Store, change_signature_of


def test_the_change_signature_moves_with_every_add_edit_and_delete_and_not_with_reading(
    store: Store,
):
    seen = [store.change_signature()]
    ws = store.create_workshop(editing.new_workshop("Quarterly review"))
    seen.append(store.change_signature())
    other = store.create_workshop(editing.new_workshop("Second"))
    seen.append(store.change_signature())
    store.list_workshops()
    store.workshop(ws.id)
    assert store.change_signature() == seen[-1]
    store.add_goal(ws.id, Goal(Pillar.WIN, "Lift trial conversion"))
    seen.append(store.change_signature())
    store.delete_workshop(other.id)
    seen.append(store.change_signature())
    assert len(set(seen)) == len(seen)


def test_a_backup_has_the_signature_of_the_file_it_was_taken_from(store: Store):
    ws = store.create_workshop(editing.new_workshop("Quarterly review"))
    made = store.back_up()
    assert made.path.parent == backup.folder(store.path)
    assert change_signature_of(made.path) == store.change_signature()
    store.rename_workshop(ws.id, "Quarterly CX review")
    assert change_signature_of(made.path) != store.change_signature()


def test_an_unreadable_file_has_no_signature(tmp_path: Path):
    junk = tmp_path / "not-a-database.sqlite3"
    junk.write_bytes(b"these are not the workshops you are looking for" * 100)
    assert change_signature_of(junk) is None
    assert change_signature_of(tmp_path / "missing.sqlite3") is None


def test_a_sound_file_is_sound_but_not_while_an_edit_is_being_written_or_once_closed(
    store: Store,
):
    store.create_workshop(editing.new_workshop("Quarterly review"))
    assert store.is_sound()
    assert not store.saving
    with store.db.atomic():
        assert store.saving
        assert not store.is_sound()
    assert store.is_sound()
    store.close()
    assert not store.is_sound()


def test_the_data_version_is_none_while_the_file_is_closed(store: Store):
    assert isinstance(store.data_version(), int)
    store.close()
    assert store.data_version() is None
