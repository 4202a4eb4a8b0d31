"""The workshop's language: a BCP 47 tag, checked for its form, kept in the file and the
JSON format, and defaulting to English for workshops made before it existed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxworkshop.domain import editing, language
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.errors import InvalidValue
from cxworkshop.storage import backup, interchange, schema
from cxworkshop.storage.backup import Reason
from cxworkshop.storage.interchange import ImportProblems, from_document, to_document
from cxworkshop.storage.store import Store
from tests.helpers.old_schemas import as_version

# ----------------------------------------------------------------- the tag's form

letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1)


@st.composite
def tags(draw: st.DrawFn) -> str:
    """Well-formed tags: a language, maybe a script, maybe a region, in any case."""

    def word(n: int) -> str:
        return draw(
            st.text(
                alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                min_size=n,
                max_size=n,
            )
        )

    parts = [word(draw(st.sampled_from([2, 3])))]
    if draw(st.booleans()):
        parts.append(word(4))
    if draw(st.booleans()):
        region = draw(st.one_of(st.just(None), st.integers(0, 999)))
        parts.append(word(2) if region is None else f"{region:03d}")
    return draw(st.sampled_from(["-", "_"])).join(parts)


@given(tags())
def test_a_well_formed_tag_is_taken_in_its_usual_case_and_stays_so(tag: str) -> None:
    checked = language.check(tag)
    assert checked.lower() == tag.replace("_", "-").lower()
    assert language.check(checked) == checked
    parts = checked.split("-")
    assert parts[0] == parts[0].lower()
    for part in parts[1:]:
        if len(part) == 4:
            assert part == part.title()
        elif len(part) == 2:
            assert part == part.upper()


def has_a_stray_character(typed: str) -> bool:
    """Something other than letters, digits, hyphens and underscores, once trimmed."""
    return any(not (c.isascii() and (c.isalnum() or c in "-_")) for c in typed.strip())


@given(st.text(min_size=1).filter(has_a_stray_character))
def test_a_tag_with_anything_but_letters_digits_and_hyphens_is_refused(typed: str) -> None:
    with pytest.raises(InvalidValue) as refused:
        language.check(typed)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("typed", ["English", "deutsch", "en GB", "e", "en-", "-en", "1234"])
def test_a_language_name_or_a_broken_tag_is_refused_in_one_line(typed: str) -> None:
    with pytest.raises(InvalidValue, match="not a language tag") as refused:
        language.check(typed)
    assert "\n" not in str(refused.value) and typed in str(refused.value)


def test_an_empty_language_is_refused() -> None:
    with pytest.raises(InvalidValue, match="needed"):
        language.check("  ")


@pytest.mark.parametrize(
    ("typed", "taken"),
    [
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("de-CH-1901", "de-CH-1901"),
        ("sr_latn", "sr-Latn"),
        ("en-GB-x-cx", "en-GB-x-cx"),
    ],
)
def test_longer_tags_keep_their_parts(typed: str, taken: str) -> None:
    assert language.check(typed) == taken


def test_every_language_on_the_short_list_is_a_tag_as_written() -> None:
    assert all(language.check(tag) == tag for tag, _name in language.COMMON)
    assert len({tag for tag, _ in language.COMMON}) == len(language.COMMON)


@pytest.mark.parametrize(
    ("locale_name", "tag"),
    [
        ("de_CH.UTF-8", "de-CH"),
        ("pt_BR", "pt-BR"),
        ("fr-CA", "fr-CA"),
        ("C", "en"),
        ("C.UTF-8", "en"),
        ("POSIX", "en"),
        ("en-POSIX", "en"),
        (None, "en"),
        ("", "en"),
        ("sr_RS@latin", "sr-RS"),
    ],
)
def test_a_locale_gives_its_language_or_english(locale_name: str | None, tag: str) -> None:
    assert language.from_locale(locale_name) == tag


def test_an_edit_to_the_language_is_checked_and_returns_what_it_replaced() -> None:
    ws = editing.new_workshop("Charter")
    assert ws.language == "en"
    assert editing.update_details(ws, language="nb") == {"language": "en"}
    assert ws.language == "nb"
    with pytest.raises(InvalidValue):
        editing.update_details(ws, language="Norwegian")
    assert ws.language == "nb"


# ----------------------------------------------------------------- the file


def test_the_language_is_saved_and_a_bad_one_changes_nothing(store: Store, db_path: Path) -> None:
    ws = store.create_workshop(editing.new_workshop("Charter", language="fr"))
    assert ws.id is not None
    store.update_details(ws.id, language="fr-ca")
    with pytest.raises(InvalidValue):
        store.update_details(ws.id, language="français")
    with Store(db_path) as other:
        assert other.workshop(ws.id).language == "fr-CA"


def before_the_language(db_path: Path) -> int:
    """Turn a current file back into the schema before the language came; its version."""
    version = schema.MIGRATIONS.index(schema._language_v6)
    as_version(db_path, version)
    return version


def test_a_file_from_before_the_language_is_backed_up_then_reads_as_english(db_path: Path):
    with Store(db_path) as store:
        demo = store.create_workshop(demo_workshop())
        before = store.workshop(demo.id or 0)
    old = before_the_language(db_path)
    with Store(db_path) as store:
        assert schema.user_version(store.db) == schema.SCHEMA_VERSION
        after = store.workshop(demo.id or 0)
        assert after == before and after.language == "en"
        store.update_details(demo.id or 0, language="en-GB")
    [made] = backup.list_backups(db_path)
    assert made.reason is Reason.BEFORE_UPGRADE and made.version == old


# ----------------------------------------------------------------- the JSON format


def test_the_language_goes_out_and_comes_back_in_the_json() -> None:
    ws = demo_workshop()
    ws.language = "en-GB"
    doc = to_document(ws)
    assert doc["version"] == interchange.FORMAT_VERSION >= 4
    assert doc["workshop"]["language"] == "en-GB"
    assert from_document(doc).language == "en-GB"


def test_a_version_3_document_reads_as_english_and_cannot_carry_a_language() -> None:
    doc = to_document(demo_workshop())
    doc["version"] = 3
    with pytest.raises(ImportProblems) as refused:
        from_document(doc)
    assert {p.path for p in refused.value.problems} == {"$.workshop.language"}
    del doc["workshop"]["language"]
    assert from_document(doc).language == "en"


@pytest.mark.parametrize("bad", ["English", 44, ""])
def test_a_document_with_a_bad_language_is_refused_at_that_key(bad: object) -> None:
    doc = to_document(demo_workshop())
    doc["workshop"]["language"] = bad
    with pytest.raises(ImportProblems) as refused:
        from_document(doc)
    [problem] = refused.value.problems
    assert problem.path == "$.workshop.language"
    assert "\n" not in problem.message
