from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from detente.ingest.boilerplate import BoilerplateRules, strip_boilerplate

CASES = yaml.safe_load((Path(__file__).parent / "data" / "boilerplate_cases.yaml").read_text())

STORY = (
    "Ghana and Togo agreed on Monday to reopen their shared border after a two-year closure.\n\n"
    "The foreign ministers of both countries met in Lome and signed a protocol on customs "
    "checks, according to a joint statement.\n\n"
    "Traders in Aflao welcomed the move, saying the closure had cost them most of their income."
)


@pytest.mark.parametrize("line", CASES["removed"])
def test_furniture_line_is_removed(line: str, rules: BoilerplateRules) -> None:
    cleaned = strip_boilerplate(f"{STORY}\n{line}\n\nA closing sentence about Togo.", rules)
    assert line not in cleaned.text
    assert line in cleaned.removed
    assert cleaned.text.startswith(STORY)


@pytest.mark.parametrize("line", CASES["kept"])
def test_news_sentence_is_kept(line: str, rules: BoilerplateRules) -> None:
    for text in (f"{line}\n\n{STORY}", f"{STORY}\n\n{line}", f"{STORY}\n{line}\n{STORY}"):
        cleaned = strip_boilerplate(text, rules)
        assert line in cleaned.text, text
        assert cleaned.removed == ()


def test_app_prompt_block_after_story(rules: BoilerplateRules) -> None:
    tail = (
        "\n\nGet the headlines faster.\nTap to install the Harbour Daily app.\nX\n"
        "Download the Harbour Daily app\nin two easy steps:\n1. Tap the menu button.\n"
        "2. Tap Add to Home Screen.\n\nX"
    )
    cleaned = strip_boilerplate(STORY + tail, rules)
    assert cleaned.text == STORY
    assert len(cleaned.removed) == 8


def test_related_stories_list_is_cut(rules: BoilerplateRules) -> None:
    tail = (
        "\n\nRelated stories\nMali expels French ambassador\n"
        "Senegal and Gambia hold joint naval exercise\nNiger junta closes airspace"
    )
    cleaned = strip_boilerplate(STORY + tail, rules)
    assert cleaned.text == STORY
    assert cleaned.removed[0] == "Related stories"
    assert "Niger junta closes airspace" in cleaned.removed


def test_related_marker_followed_by_long_paragraphs_drops_only_the_marker(
    rules: BoilerplateRules,
) -> None:
    long = "Benin later said it would join the agreement, " * 6
    cleaned = strip_boilerplate(f"{STORY}\n\nRead more\n\n{long}", rules)
    assert cleaned.text.endswith(long.strip())
    assert "Read more" not in cleaned.text


def test_related_marker_early_in_text_is_not_a_cut(rules: BoilerplateRules) -> None:
    text = f"Related coverage\n{STORY}"
    cleaned = strip_boilerplate(text, rules)
    assert STORY in cleaned.text


def test_author_blurb_and_byline_at_the_end(rules: BoilerplateRules) -> None:
    tail = (
        "\n\nWritten by Priya Raman\n\nPriya Raman is a staff correspondent for the Harbour "
        "Daily in Accra. She has covered West African politics since 2011. Her reporting on "
        "the Sahel won a regional award."
    )
    cleaned = strip_boilerplate(STORY + tail, rules)
    assert cleaned.text == STORY
    assert cleaned.author == "Priya Raman"
    assert len(cleaned.removed) == 2


def test_byline_at_the_top(rules: BoilerplateRules) -> None:
    cleaned = strip_boilerplate(f"Border reopens\nBy Kwame Mensah and Ada Lartey\n{STORY}", rules)
    assert cleaned.author == "Kwame Mensah and Ada Lartey"
    assert cleaned.text.startswith("Border reopens\n")
    assert "Kwame" not in cleaned.text


def test_blurb_with_a_sentence_about_something_else_is_kept(rules: BoilerplateRules) -> None:
    last = (
        "Lena Vogt is a writer based in Vienna. Austria expelled two Russian diplomats on "
        "Friday, the foreign ministry said."
    )
    cleaned = strip_boilerplate(f"{STORY}\n\n{last}", rules)
    assert cleaned.text.endswith(last)


def test_an_empty_table_removes_nothing(tmp_path: Path) -> None:
    table = tmp_path / "rules.yaml"
    table.write_text("lines: []\nsections: []\nblurbs: []\nblurb_vetoes: []\nbylines: []\n")
    cleaned = strip_boilerplate(f"{STORY}\n\nShare this article", BoilerplateRules.load(str(table)))
    assert cleaned.removed == ()


def test_a_table_with_a_bad_pattern_is_a_config_error(tmp_path: Path) -> None:
    from detente.errors import ConfigError

    table = tmp_path / "rules.yaml"
    table.write_text("lines: ['(unclosed']\nsections: []\nblurbs: []\nbylines: []\n")
    with pytest.raises(ConfigError):
        BoilerplateRules.load(str(table))
