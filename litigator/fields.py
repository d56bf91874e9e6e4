"""Field types shared by the pydantic contracts (case.yaml and stage outputs).

* :class:`StrictModel` forbids unknown keys: a typo in a filing config must not pass silently.
* :data:`Amount` is a money field in case.yaml: a quoted string ("3000.00") or an integer. A YAML
  float is rejected ("quote amounts") because YAML has already turned it into a binary float.
  Output models serialise amounts as strings with exactly 2 places.
* :data:`Code` is an identifier YAML may have read as an integer (an all-digit ID number or phone).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer

from litigator.money import quantize


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)


def _amount_in(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected an amount, got true/false")
    if isinstance(value, float):
        raise ValueError(f"quote amounts: write \"{value}\" as a string, not a YAML float")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"not an amount: {value!r} (write e.g. \"3000.00\")") from None
        if not d.is_finite():
            raise ValueError(f"not an amount: {value!r}")
        return d
    raise ValueError(f"expected an amount as a quoted string, got {type(value).__name__}")


def _money_out(value: Decimal) -> str:
    return str(quantize(value))


# An amount of money or a monetary parameter from case.yaml, serialised with 2 places.
Amount = Annotated[Decimal, BeforeValidator(_amount_in), PlainSerializer(_money_out, return_type=str)]
# A non-money decimal parameter (a multiple, a rate): same input rules, serialised as written.
Factor = Annotated[Decimal, BeforeValidator(_amount_in), PlainSerializer(lambda d: str(d), return_type=str)]


def _code_in(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected text, got true/false")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise ValueError("quote this value: YAML read it as a number")
    return value


Code = Annotated[str, BeforeValidator(_code_in)]
