from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import NotEnglish
from detente.ingest import ReadOptions, read_paths
from detente.ingest.language import LanguageGuard
from detente.records import Article, Skipped

FRENCH = (
    "Le gouvernement du Sénégal a rappelé vendredi son ambassadeur en Gambie après un "
    "différend sur la pêche dans les eaux du fleuve. Le ministre des affaires étrangères a "
    "déclaré que les discussions reprendraient le mois prochain à Dakar."
)
GERMAN = (
    "Die Regierung in Wien hat am Dienstag zwei Diplomaten aus Belgrad ausgewiesen. Das "
    "Außenministerium erklärte, die beiden Männer hätten gegen die Regeln des diplomatischen "
    "Dienstes verstoßen, und kündigte weitere Gespräche an."
)
SPANISH = (
    "El gobierno de Uruguay firmó el miércoles un acuerdo comercial con Paraguay para reducir "
    "los aranceles sobre la carne y la soja. Los ministros de ambos países dijeron que el "
    "pacto entrará en vigor el próximo año."
)
ENGLISH = (
    "Uruguay signed a trade agreement with Paraguay on Wednesday to cut tariffs on beef and "
    "soy. Ministers from both countries said the pact would take effect next year."
)


@pytest.mark.parametrize(("text", "label"), [(FRENCH, "fr"), (GERMAN, "de"), (SPANISH, "es")])
def test_other_languages_are_refused(text: str, label: str, guard: LanguageGuard) -> None:
    with pytest.raises(NotEnglish, match=f"'{label}'"):
        guard.check(text, origin="x")


def test_english_is_named(guard: LanguageGuard) -> None:
    assert guard.check(ENGLISH) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Putin met Xi.",  # too short to tell
        "Zelensky, Erdogan, Lukashenko and Tokayev in Astana.",
        "Merkel und Macron",
    ],
)
def test_short_texts_pass_unjudged(text: str, guard: LanguageGuard) -> None:
    assert guard.check(text) is None


def test_english_full_of_foreign_names_is_not_refused(guard: LanguageGuard) -> None:
    text = (
        "Sergei Shoigu and Nikolai Patrushev met Hakan Fidan and Ibrahim Kalin in Ankara on "
        "Tuesday, Kremlin spokesman Dmitry Peskov told reporters in Moscow."
    )
    assert guard.check(text) in ("en", None)  # unsure is let through, never refused


def test_non_english_articles_are_skipped_and_counted(tmp_path: Path, options: ReadOptions) -> None:
    for name, text in [("fr.txt", FRENCH), ("de.txt", GERMAN), ("es.txt", SPANISH)]:
        (tmp_path / name).write_text(text)
    (tmp_path / "en.txt").write_text(ENGLISH)
    items = list(read_paths([tmp_path], options=options))
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert sorted(Path(item.origin).name for item in skipped) == ["de.txt", "es.txt", "fr.txt"]
    assert {item.reason for item in skipped} == {"not-english"}
    (article,) = [item for item in items if isinstance(item, Article)]
    assert article.language == "en"


def test_language_check_can_be_switched_off(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH)
    (article,) = read_paths([tmp_path], options=ReadOptions(language=None))
    assert isinstance(article, Article) and article.language is None
