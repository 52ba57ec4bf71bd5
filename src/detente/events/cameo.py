"""The CAMEO code table: Goldstein score, quad class and PLOVER category per code."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

from detente.errors import ConfigError

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    goldstein: float
    quad: int
    plover: str
    label: str

    @property
    def root(self) -> str:
        return self.code[:2]


class CameoTable:
    """Look-ups on the code table shipped in ``events/data/cameo.tsv``."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    @classmethod
    def load(cls) -> CameoTable:
        text = resources.files("detente.events").joinpath("data/cameo.tsv").read_text("utf-8")
        codes: dict[str, CameoCode] = {}
        for row in csv.DictReader(text.splitlines(), delimiter="\t"):
            try:
                codes[row["code"]] = CameoCode(
                    code=row["code"],
                    goldstein=float(row["goldstein"]),
                    quad=int(row["quad"]),
                    plover=row["plover"],
                    label=row.get("label") or "",
                )
            except (KeyError, ValueError) as error:
                raise ConfigError(f"cameo.tsv: bad row {row}: {error}") from error
        return cls(codes)

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``, falling back to its parent codes (0xxx -> 0xx -> 0x)."""
        for prefix in (code, code[:3], code[:2]):
            if prefix in self._codes:
                entry = self._codes[prefix]
                if prefix != code:
                    return CameoCode(code, entry.goldstein, entry.quad, entry.plover, entry.label)
                return entry
        raise KeyError(code)
