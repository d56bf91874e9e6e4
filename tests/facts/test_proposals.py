from __future__ import annotations

import shutil

import pytest
from ruamel.yaml import YAML

from litigator.errors import OutputExistsError
from litigator.facts import accept, propose, unresolved_conflicts, write_proposals
from litigator.facts.proposals import KEY_FIELDS, _get_path

from .conftest import EXAMPLE

needs_example = pytest.mark.skipif(not (EXAMPLE / "case.yaml").is_file(), reason="example not present")


def load(path):
    return YAML(typ="rt").load(path.read_text(encoding="utf-8"))


def strip(case_dir, fields):
    """Remove the given fields from case.yaml (a 'stripped copy')."""
    yaml = YAML()
    path = case_dir / "case.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    for field in fields:
        parent_path, _, leaf = field.rpartition(".")
        parent = _get_path(data, parent_path) if parent_path else data
        if parent is not None and leaf in parent:
            del parent[leaf]
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)


@needs_example
def test_propose_then_accept_fills_a_stripped_example(tmp_path):
    case = tmp_path / "case"
    shutil.copytree(EXAMPLE, case, ignore=shutil.ignore_patterns("out", "facts.yaml", "*.bak"))
    original = load(EXAMPLE / "case.yaml")
    proposals = propose(case).by_key()
    fields = [p.field for p in proposals.values()]
    assert {"defendant_name", "shop_name", "platform", "order_number", "purchase_amount"} <= set(proposals)
    strip(case, fields)
    assert all(_get_path(load(case / "case.yaml"), f) is None for f in fields)
    written, _ = write_proposals(case)
    assert written.name == "facts.yaml"
    with pytest.raises(OutputExistsError):
        write_proposals(case)  # exists, no force
    result = accept(case, None)
    assert (case / "case.yaml.bak").is_file()
    assert result.diff.startswith("---")
    filled = load(case / "case.yaml")
    for f in fields:
        assert str(_get_path(filled, f)) == str(_get_path(original, f)), f
    assert "# Fictional example" in (case / "case.yaml").read_text(encoding="utf-8")  # comments kept
    assert unresolved_conflicts(case) == []
    from litigator.models import CnCase as Case

    Case.model_validate(load(case / "case.yaml"))


@needs_example
def test_conflicts_are_listed_and_not_applied_silently(tmp_path):
    case = tmp_path / "case"
    shutil.copytree(EXAMPLE, case, ignore=shutil.ignore_patterns("out", "facts.yaml", "*.bak"))
    yaml = YAML()
    data = yaml.load((case / "case.yaml").read_text(encoding="utf-8"))
    data["defendants"][0]["shops"][0]["name"] = "别的店"
    with (case / "case.yaml").open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    p = propose(case).by_key()["shop_name"]
    assert p.conflict and p.current == "别的店"
    write_proposals(case)
    assert any(line.startswith("shop_name:") for line in unresolved_conflicts(case))
    accept(case, None)
    assert load(case / "case.yaml")["defendants"][0]["shops"][0]["name"] == "别的店"
    accept(case, ["shop_name"])
    assert load(case / "case.yaml")["defendants"][0]["shops"][0]["name"] != "别的店"
    assert unresolved_conflicts(case) == []


def test_proposal_keys_cover_the_readme():
    assert set(KEY_FIELDS) == {"plaintiff_name", "plaintiff_id_number", "plaintiff_address", "plaintiff_phone",
                               "defendant_name", "defendant_id_number", "defendant_address", "defendant_phone",
                               "shop_name", "seller_id", "platform",
                               "purchase_date", "order_number", "purchase_amount", "notary_number",
                               "brand", "court"}
