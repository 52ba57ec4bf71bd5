"""Rebuild src/detente/events/data/cameo.tsv from the codebooks in ../shared/data/reference.

Only facts are taken: the CAMEO codes, GDELT's Goldstein value per code and the CAMEO->PLOVER
category. Labels are detente's own and are kept from the existing table when it is rebuilt.
Usage: python scripts/build_cameo_table.py [REFERENCE_DIR]
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "src/detente/events/data/cameo.tsv"
# Statements (01) have no PLOVER category; appeals (02) are PLOVER requests.
PLOVER_FILL = {"01": "", "02": "REQUEST"}


def quad_of(code: str) -> int:
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def read_plover(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if match and match.group(1) not in table:
            table[match.group(1)] = match.group(2)
    return table


def plover_for(code: str, plover: dict[str, str]) -> str:
    for prefix in (code, code[:3], code[:2]):
        if prefix in plover:
            return plover[prefix]
    return PLOVER_FILL.get(code[:2], "")


def main(reference: Path) -> None:
    goldstein_path = reference / "GDELT_CAMEO.goldsteinscale.txt"
    with goldstein_path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))[1:]
    plover = read_plover(reference / "CAMEO2PLOVER-2021.txt")
    labels: dict[str, str] = {}
    if TABLE.exists():
        with TABLE.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                labels[row["code"]] = row.get("label") or ""
    with TABLE.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["code", "goldstein", "quad", "plover", "label"])
        for code, value in rows:
            code = code.strip()
            writer.writerow(
                [code, value.strip(), quad_of(code), plover_for(code, plover), labels.get(code, "")]
            )
    print(f"wrote {len(rows)} codes to {TABLE}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/data/reference")
