from datetime import date

import pytest

from litigator.identifiers import (
    birth_date_from_resident_id,
    credit_code_problem,
    is_valid_credit_code,
    is_valid_resident_id,
    resident_id_problem,
    sex_from_resident_id,
)


@pytest.mark.parametrize("value, valid", [
    ("11010519491231002X", True),   # the GB 11643 example
    ("440111199204231933", True),
    ("440111196508120287", False),
    ("110105194912310021", False),  # wrong check character
    ("110105194902300026", False),  # 30 February
    ("11010519491231002", False),   # 17 characters
])
def test_resident_id(value, valid):
    assert is_valid_resident_id(value) is valid


def test_resident_id_derivations():
    assert birth_date_from_resident_id("11010519491231002X") == date(1949, 12, 31)
    assert sex_from_resident_id("11010519491231002X") == "女"
    assert sex_from_resident_id("310120198806141233") == "男"
    assert "checksum" in resident_id_problem("110105194912310021")


@pytest.mark.parametrize("value, valid", [
    ("91350100M000100Y43", True),   # a code printed in GB 32100-2015 explanations
    ("91440306MA5HX2E732", True),
    ("91330110MA2J6Q8W47", False),
    ("91330110MA2J6Q8W4I", False),  # I is not in the alphabet
])
def test_credit_code(value, valid):
    assert is_valid_credit_code(value) is valid


def test_credit_code_problem_names_the_check_character():
    assert "should be" in credit_code_problem("91330110MA2J6Q8W47")
