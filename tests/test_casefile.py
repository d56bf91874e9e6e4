"""case.yaml rules: unknown keys, YAML floats in money, checksums, derived fields, line numbers."""

from datetime import date
from decimal import Decimal

import pytest
from support import PLATFORM_EXAMPLE, edit_case

from litigator.casefile import load_case
from litigator.errors import CaseFileError


def test_example_validates_and_derives_from_the_id():
    folder = load_case(PLATFORM_EXAMPLE)
    d = folder.case.defendants[0]
    assert d.sex == "男" and d.birth_date == date(1988, 6, 14)
    assert folder.case.filed_scenario == "base"
    assert folder.case.expenses[0].amount == Decimal("3000.00")


def test_unknown_key_names_key_and_line(case_copy):
    case = case_copy()
    edit_case(case, "    ethnicity: 汉族", "    ethnicty: 汉族")
    with pytest.raises(CaseFileError) as exc:
        load_case(case)
    line = exc.value.line()
    assert "defendants[0].ethnicty" in line and "unknown key" in line
    expected = 1 + (case / "case.yaml").read_text(encoding="utf-8").splitlines().index("    ethnicty: 汉族")
    assert exc.value.where.startswith(f"{expected}:")


def test_yaml_float_amount_is_refused(case_copy):
    case = case_copy()
    edit_case(case, 'amount: "3000.00"', "amount: 3000.50")
    with pytest.raises(CaseFileError, match="quote amounts"):
        load_case(case)


def test_integer_amount_is_accepted(case_copy):
    case = case_copy()
    edit_case(case, 'amount: "3000.00"', "amount: 3000")
    assert load_case(case).case.expenses[0].amount == Decimal(3000)


def test_negative_expense(case_copy):
    case = case_copy()
    edit_case(case, 'amount: "3000.00"', 'amount: "-3000.00"')
    with pytest.raises(CaseFileError, match="negative"):
        load_case(case)


def test_failed_id_checksum_and_override(case_copy):
    case = case_copy()
    edit_case(case, '"310120198806141233"', '"310120198806141234"')
    with pytest.raises(CaseFileError, match="checksum") as exc:
        load_case(case)
    assert exc.value.where.endswith("defendants[0].id_number")
    edit_case(case, "    ethnicity: 汉族", "    ethnicity: 汉族\n    checksum_override: 法院调取的登记信息即为此号码")
    assert load_case(case).case.defendants[0].id_number == "310120198806141234"


def test_failed_credit_code(case_copy):
    case = case_copy()
    edit_case(case, "91330106MA2B7K3P17", "91330106MA2B7K3P18")
    with pytest.raises(CaseFileError, match="credit code"):
        load_case(case)


def test_birth_date_must_agree_with_id(case_copy):
    case = case_copy()
    edit_case(case, "    ethnicity: 汉族", "    ethnicity: 汉族\n    birth_date: 1988-06-15")
    with pytest.raises(CaseFileError, match="disagrees"):
        load_case(case)


def test_filed_scenario_required_with_several(case_copy):
    case = case_copy()
    edit_case(case, "filed_scenario: base\n", "")
    with pytest.raises(CaseFileError, match="filed_scenario is required"):
        load_case(case)


def test_filed_scenario_must_exist(case_copy):
    case = case_copy()
    edit_case(case, "filed_scenario: base", "filed_scenario: bold")
    with pytest.raises(CaseFileError, match="not one of the scenarios") as exc:
        load_case(case)
    assert exc.value.where.endswith(": filed_scenario") and exc.value.where[0].isdigit()


def test_empty_and_syntax_errors(tmp_path):
    (tmp_path / "case.yaml").write_text("", encoding="utf-8")
    with pytest.raises(CaseFileError, match="empty"):
        load_case(tmp_path)
    (tmp_path / "case.yaml").write_text("court: [unclosed\ncause: x\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match="YAML syntax error") as exc:
        load_case(tmp_path)
    assert exc.value.where.startswith("line ")


def test_starter_case_validates(tmp_path):
    from litigator.scaffold import init_case

    init_case(tmp_path / "new")
    folder = load_case(tmp_path / "new")
    assert folder.case.jurisdiction == "cn"
    assert (tmp_path / "new" / "evidence").is_dir()


def test_schema_lists_optional_fields():
    from litigator.models import CnCase as Case

    schema = Case.model_json_schema()
    props = schema["$defs"]["Party"]["properties"]
    for key in ("sex", "birth_date", "ethnicity", "phone", "checksum_override", "id_number", "credit_code"):
        assert key in props
    for key in ("agents", "procedure", "preservation", "filing_date", "filed_scenario"):
        assert key in schema["properties"]
    assert schema["additionalProperties"] is False


def test_impossible_date_is_an_error_with_its_line(case_copy):
    case = case_copy()
    edit_case(case, "filing_date: 2026-12-01", "filing_date: 2026-02-30")
    with pytest.raises(CaseFileError, match="impossible date") as exc:
        load_case(case)
    lines = (case / "case.yaml").read_text(encoding="utf-8").splitlines()
    assert exc.value.where == f"line {lines.index('filing_date: 2026-02-30') + 1}"


@pytest.mark.parametrize("value, message", [
    ('"1e30"', "too large"), ('"99999999999999999"', "too large"), ('"NaN"', "not an amount"),
])
def test_absurd_amounts_are_refused(case_copy, value, message):
    case = case_copy()
    edit_case(case, 'amount: "3000.00"', f"amount: {value}")
    with pytest.raises(CaseFileError, match=message):
        load_case(case)


def test_negative_unit_profit_is_refused(case_copy):
    case = case_copy()
    edit_case(case, "    skus: [PM-CAT-2K, PM-CAT-10K]",
              '    skus: [PM-CAT-2K, PM-CAT-10K]\n    right_holder_unit_profit: "-86.00"')
    with pytest.raises(CaseFileError, match="must not be negative") as exc:
        load_case(case)
    assert exc.value.where.endswith("products[0].right_holder_unit_profit")
