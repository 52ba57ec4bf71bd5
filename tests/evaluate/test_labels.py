"""CAMEO -> PLV class, PLOVER 0.5 -> PLV class, and gold actor codes."""

from __future__ import annotations

import pytest

from detente.evaluate.labels import (
    PLV_CLASSES,
    ClassMap,
    base_sector,
    iso_country,
    plover05_class,
)


@pytest.fixture(scope="module")
def classes() -> ClassMap:
    return ClassMap.load()


@pytest.mark.parametrize(
    ("cameo", "label"),
    [
        ("010", None),  # statements have no class
        ("01", None),
        ("0233", "REQUEST"),  # appeals are requests
        ("036", "AGREE"),
        ("042", "CONSULT"),
        ("057", "SUPPORT"),
        ("0831", "YIELD"),  # CONCEDE
        ("0872", "YIELD"),  # RETREAT
        ("100", "REQUEST"),  # demands are requests too
        ("111", "ACCUSE"),
        ("163", "COERCE"),
        ("172", "COERCE"),
        ("190", "ASSAULT"),
        ("9999", None),
    ],
)
def test_cameo_to_plv(classes: ClassMap, cameo: str, label: str | None) -> None:
    assert classes.plv_class(cameo) == label


def test_every_code_with_a_class_has_a_plv_class(classes: ClassMap) -> None:
    labels = {classes.plv_class(entry.code) for entry in classes.table}
    assert labels - {None} == set(PLV_CLASSES)


def test_quad(classes: ClassMap) -> None:
    assert [classes.quad(code) for code in ("042", "071", "111", "190")] == [1, 2, 3, 4]
    assert classes.quad("9999") is None


@pytest.mark.parametrize(
    ("category", "label"),
    [
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("DEMAND", "REQUEST"),
        ("CONCEDE", "YIELD"),
        ("RETREAT", "YIELD"),
        ("FIGHT", "ASSAULT"),
        ("assault", "ASSAULT"),
        ("PROTEST", "PROTEST"),
    ],
)
def test_plover05(category: str, label: str) -> None:
    assert plover05_class(category) == label


def test_country_codes() -> None:
    assert [iso_country(c) for c in ("JAP", "ITL", "VTN", "fra", "IGO")] == [
        "JPN",
        "ITA",
        "VNM",
        "FRA",
        "IGO",
    ]
    assert iso_country("NGO") is None and iso_country("") is None


def test_sector_codes() -> None:
    assert [base_sector(c) for c in ("GOV", "CVLalb", "REFKUR", "CIV", "***", None)] == [
        "GOV",
        "CVL",
        "REF",
        "CVL",
        None,
        None,
    ]
