"""The packaged tables: complete, consistent, reproducible; and the user's actors file on top."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from detente.actors import ActorKnowledge, build_countries, resolve_phrase
from detente.actors.knowledge import SECTOR_CODES
from detente.errors import ConfigError

# The 193 UN member states, the two observer states and Taiwan and Kosovo.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM
NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE VAT PSE TWN XKX
""".split()  # noqa: SIM905


def test_every_un_member_observer_taiwan_and_kosovo_has_a_name(knowledge: ActorKnowledge) -> None:
    named = {
        e.country for entries in knowledge.names.forms.values() for e in entries if e.kind == "name"
    }
    assert len(UN_MEMBERS) == 197
    assert set(UN_MEMBERS) - named == set()


def test_countries_tsv_is_built_from_its_sources() -> None:
    assert build_countries.main(["--check"]) == 0


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("the DPRK", "PRK"),
        ("the UAE", "ARE"),
        ("the PRC", "CHN"),
        ("the ROK", "KOR"),
        ("U.K.", "GBR"),
        ("Burma", "MMR"),
        ("the Soviet Union", "RUS"),
        ("Kosovo", "XKX"),
        ("Gaza", "PSE"),
        ("Taipei", "TWN"),
        ("Emirati", "ARE"),
        ("Filipino", "PHL"),
    ],
)
def test_country_forms(knowledge: ActorKnowledge, text: str, country: str) -> None:
    actor = resolve_phrase(knowledge, text)
    assert actor is not None and actor.country == country


def test_people_table_is_consistent(knowledge: ActorKnowledge) -> None:
    for name, roles in knowledge.people.items():
        for role in roles:
            assert role.sector is None or role.sector in SECTOR_CODES, name
            assert role.start is None or role.end is None or role.start <= role.end, name
            assert role.country == "IGO" or len(role.country) == 3, name
            assert role.country != "IGO" or role.igo, name


def test_igo_short_names_are_unique() -> None:
    path = Path(build_countries.DATA / "igos.yaml")
    shorts = [item["short"] for item in yaml.safe_load(path.read_text())["igos"]]
    assert len(shorts) == len(set(shorts))


def test_user_yaml_adds_and_overrides(tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "people:\n"
        "  - {name: Ana Ruiz, aliases: [Ruiz], country: CHL, sector: GOV, role: minister,"
        " start: 2020-01-01}\n"
        "institutions:\n"
        "  - {country: CHL, sector: LEG, names: [Congreso Nacional]}\n"
        "  - {country: CAN, sector: LEG, names: [Senate]}\n"
        "igos:\n"
        "  - {short: MERCOSUR, sector: GOV, names: [Mercosur]}\n"
        "countries:\n"
        "  - {text: Valparaiso, iso3: CHL, kind: city}\n",
        encoding="utf-8",
    )
    knowledge = ActorKnowledge.load(actors)
    ruiz = resolve_phrase(knowledge, "Ruiz", when=date(2021, 1, 1))
    assert ruiz is not None and (ruiz.country, ruiz.sector, ruiz.method) == ("CHL", "GOV", "user")
    congress = resolve_phrase(knowledge, "the Congreso Nacional")
    assert congress is not None and (congress.country, congress.sector) == ("CHL", "LEG")
    senate = resolve_phrase(knowledge, "the Senate")
    assert senate is not None and senate.country == "CAN"
    mercosur = resolve_phrase(knowledge, "Mercosur")
    assert mercosur is not None and (mercosur.igo, mercosur.sector) == ("MERCOSUR", "GOV")
    city = resolve_phrase(knowledge, "Valparaiso")
    assert city is not None and city.country == "CHL"


def test_user_tsv_replaces_a_person(tmp_path: Path) -> None:
    actors = tmp_path / "actors.tsv"
    actors.write_text(
        "name\taliases\tcountry\tsector\trole\tstart\tend\n"
        "Sergei Lavrov\tLavrov\tRUS\tLEG\ttest role\t2000\t\n",
        encoding="utf-8",
    )
    knowledge = ActorKnowledge.load(actors)
    actor = resolve_phrase(knowledge, "Lavrov", when=date(2015, 1, 1))
    assert actor is not None and (actor.sector, actor.method) == ("LEG", "user")


@pytest.mark.parametrize(
    "content",
    [
        "people:\n  - {name: X Y, country: CHL, sector: KING}\n",
        "people: [unclosed\n",
        "- just a list\n",
    ],
)
def test_invalid_user_file_is_a_config_error(tmp_path: Path, content: str) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        ActorKnowledge.load(actors)


def test_missing_user_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        ActorKnowledge.load(tmp_path / "absent.yaml")


def test_bad_date_in_a_user_table_is_a_config_error(tmp_path: Path) -> None:
    actors = tmp_path / "actors.tsv"
    actors.write_text(
        "name\taliases\tcountry\tsector\trole\tstart\tend\nA B\t\tCHL\tGOV\tx\t2020-13-40\t\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError):
        ActorKnowledge.load(actors)
