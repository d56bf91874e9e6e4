"""Every stage's warnings are coded: each text carries a known code, in the same order as `warning_codes`."""

from __future__ import annotations

from support import EXAMPLES

from litigator import forums, pipeline
from litigator.warnings import SHARED


def test_every_warning_of_a_draft_has_a_known_code(tmp_path):
    for name in ("platform-v-seller", "brand-v-seller"):
        result = pipeline.draft(EXAMPLES / name, out_dir=tmp_path / name, only=["complaint"])
        kinds = {**SHARED, **forums.get("cn").warning_kinds}
        assert len(result.warnings) == len(result.warning_codes) > 0
        for text, code in zip(result.warnings, result.warning_codes):
            assert code in kinds, code
            assert text.startswith(f"{code}: ") and text.endswith(f"({kinds[code].source})")


def test_sales_warnings_are_coded():
    run = pipeline.analyse(EXAMPLES / "platform-v-seller")
    assert run.sales is not None
    assert len(run.sales.warnings) == len(run.sales.warning_codes)
    assert all(c.startswith("SALES_") for c in run.sales.warning_codes)
