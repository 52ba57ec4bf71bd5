"""Event classes and actor codes that the gold sets use, and how detente's codes map to them.

PLV classes from CAMEO codes
----------------------------
PLV_train labels events with 15 PLOVER-style classes. A CAMEO code gets its class from the
``plover`` column of ``events/data/cameo.tsv`` (the CAMEO->PLOVER 2021 table, looked up on the
most specific code and then its parents), with PLOVER 2021's two yield categories merged:

    CAMEO root  PLOVER 2021 (cameo.tsv)          PLV class
    01          (none: statements)               (none)
    02          REQUEST (appeals)                REQUEST
    03          AGREE                            AGREE
    04          CONSULT                          CONSULT
    05          SUPPORT                          SUPPORT
    06          COOPERATE                        COOPERATE
    07          AID                              AID
    08          CONCEDE (080-083) / RETREAT      YIELD
    09          ACCUSE (investigate)             ACCUSE
    10          REQUEST (demands)                REQUEST
    11          ACCUSE                           ACCUSE
    12          REJECT                           REJECT
    13          THREATEN                         THREATEN
    14          PROTEST                          PROTEST
    15          MOBILIZE                         MOBILIZE
    16          SANCTION (163: COERCE)           SANCTION (163: COERCE)
    17          COERCE (1712, 175: ASSAULT)      COERCE (1712, 175: ASSAULT)
    18          ASSAULT                          ASSAULT
    19          ASSAULT (191, 192: COERCE)       ASSAULT (191, 192: COERCE)
    20          ASSAULT                          ASSAULT

PLV classes from PLOVER 0.5 categories (PLOVER GSR)
---------------------------------------------------
The GSR file uses the older PLOVER 0.5 categories. Its event is compared with the PLV class of
detente's CAMEO code, after these equivalences (the rest keep their name):

    DISAPPROVE, INVESTIGATE -> ACCUSE     DEMAND -> REQUEST
    CONCEDE, RETREAT        -> YIELD      FIGHT  -> ASSAULT
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.events.cameo import CameoTable

PLV_CLASSES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "YIELD", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
)  # fmt: skip

PLOVER_2021_TO_PLV = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}

PLOVER_05_TO_PLV = {
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "DEMAND": "REQUEST",
    "CONCEDE": "YIELD",
    "RETREAT": "YIELD",
    "FIGHT": "ASSAULT",
}

# Country codes of the PLOVER GSR that are not ISO 3166 alpha-3.
NON_ISO_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# CAMEO codes for non-state transnational actors: no country to compare, so not scored.
NON_STATE_CODES = frozenset({"NGO", "IMG", "ISM", "MNC", "NGM"})
# Sector codes of the GSR that are spelled differently from detente's.
SECTOR_ALIASES = {"CIV": "CVL"}


@dataclass(frozen=True, slots=True)
class ClassMap:
    """PLV class and quad class of CAMEO codes, from the CAMEO table."""

    table: CameoTable

    @classmethod
    def load(cls) -> ClassMap:
        return cls(CameoTable.load())

    def plv_class(self, cameo: str) -> str | None:
        """The PLV class of a CAMEO code; None for statements (01) and unknown codes."""
        try:
            plover = self.table.get(cameo).plover
        except KeyError:
            return None
        if not plover:
            return None
        return PLOVER_2021_TO_PLV.get(plover, plover)

    def quad(self, cameo: str) -> int | None:
        """Quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
        try:
            return self.table.get(cameo).quad
        except KeyError:
            return None


def plover05_class(category: str) -> str:
    """The PLV class that a PLOVER 0.5 category is compared as."""
    name = category.strip().upper()
    return PLOVER_05_TO_PLV.get(name, name)


def is_cooperation(quad: int) -> bool:
    return quad in (1, 2)


def iso_country(code: str | None) -> str | None:
    """An ISO3 (or ``IGO``) code from a gold file's country code; None when there is no country."""
    if not code:
        return None
    upper = code.strip().upper()
    if upper in NON_STATE_CODES:
        return None
    return NON_ISO_COUNTRIES.get(upper, upper)


def base_sector(code: str | None) -> str | None:
    """The three-letter sector of a gold sector code (``CVLalb`` -> ``CVL``); None when unknown."""
    if not code or not code[:3].isalpha():
        return None
    head = code[:3].upper()
    return SECTOR_ALIASES.get(head, head)
