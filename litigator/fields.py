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

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, PlainSerializer

from litigator.money import quantize


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)


MAX_AMOUNT = Decimal(10) ** 14  # beyond any claim; keeps formatting and 大写 well defined


def _bounded(d: Decimal, shown: Any) -> Decimal:
    if not d.is_finite():
        raise ValueError(f"not an amount: {shown!r}")
    if abs(d) >= MAX_AMOUNT:
        raise ValueError(f"amount too large: {shown!r} (at most 99,999,999,999,999.99)")
    return d


def _amount_in(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected an amount, got true/false")
    if isinstance(value, float):
        raise ValueError(f"quote amounts: write \"{value}\" as a string, not a YAML float")
    if isinstance(value, int):
        return _bounded(Decimal(value), value)
    if isinstance(value, Decimal):
        return _bounded(value, value)
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"not an amount: {value!r} (write e.g. \"3000.00\")") from None
        return _bounded(d, value)
    raise ValueError(f"expected an amount as a quoted string, got {type(value).__name__}")


def _money_out(value: Decimal) -> str:
    return str(quantize(value))


# An amount of money or a monetary parameter from case.yaml, serialised with 2 places.
Amount = Annotated[Decimal, BeforeValidator(_amount_in), PlainSerializer(_money_out, return_type=str)]
def _not_negative(value: Decimal) -> Decimal:
    if value < 0:
        raise ValueError(f"must not be negative ({value})")
    return value


# An amount that cannot be below zero (prices, profits, expenses).
NonNegativeAmount = Annotated[Amount, AfterValidator(_not_negative)]


def _positive(value: Decimal) -> Decimal:
    if value <= 0:
        raise ValueError(f"must be more than 0 (got {value})")
    return value


# An amount that must be more than zero (a preservation amount).
PositiveAmount = Annotated[Amount, AfterValidator(_positive)]
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
