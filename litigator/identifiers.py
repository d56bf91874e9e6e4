"""Checksums of Chinese identifiers.

* Resident identity number, GB 11643-1999: 17 digits + check character from ISO 7064 MOD 11-2.
* Unified social credit code, GB 32100-2015: 17 characters + check character, MOD 31 over the
  code's 31-character alphabet (no I, O, S, V, Z).
"""

from __future__ import annotations

import re
from datetime import date

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
ID_PATTERN = re.compile(r"^[1-9]\d{16}[\dX]$")

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
USCC_PATTERN = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def resident_id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def resident_id_problem(value: str) -> str | None:
    """Return why ``value`` is not a valid resident ID, or None if it is."""
    v = value.strip().upper()
    if not ID_PATTERN.match(v):
        return "not an 18-character resident ID number"
    try:
        birth_date_from_resident_id(v)
    except ValueError:
        return f"resident ID {v} has an impossible birth date {v[6:14]}"
    expected = resident_id_check_char(v[:17])
    if v[17] != expected:
        return f"resident ID {v} fails its checksum (check character should be {expected})"
    return None


def is_valid_resident_id(value: str) -> bool:
    return resident_id_problem(value) is None


def birth_date_from_resident_id(value: str) -> date:
    v = value.strip()
    return date(int(v[6:10]), int(v[10:12]), int(v[12:14]))


def sex_from_resident_id(value: str) -> str:
    """男 for an odd sequence digit (position 17), 女 for an even one."""
    return "男" if int(value.strip()[16]) % 2 else "女"


def credit_code_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(value: str) -> str | None:
    """Return why ``value`` is not a valid unified social credit code, or None if it is."""
    v = value.strip().upper()
    if len(v) != 18 or any(c not in USCC_ALPHABET for c in v):
        return "not an 18-character unified social credit code"
    expected = credit_code_check_char(v[:17])
    if v[17] != expected:
        return f"credit code {v} fails its checksum (check character should be {expected})"
    return None


def is_valid_credit_code(value: str) -> bool:
    return credit_code_problem(value) is None
