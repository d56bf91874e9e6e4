"""Helpers: write a small case folder with order exports, then summarise it.

Expectations in these tests are computed by hand from the rows written here, never by running the
engine and copying its output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

TAOBAO_HEADER = ["订单编号", "买家会员名", "宝贝标题", "商家编码", "宝贝总数量", "买家实际支付金额", "订单状态",
                 "订单创建时间", "订单付款时间", "退款金额"]

PRODUCTS = [{"name": "成猫粮", "brand": "宠美佳", "skus": ["PM-CAT-2K", "PM-CAT-10K"]}]


def case_yaml(sales: dict[str, Any], products: list[dict] | None = None, sellers: list[str] | None = None,
              needs_sales: bool = True) -> str:
    """A minimal valid case.yaml (JSON is YAML)."""
    shops = [{"name": f"店{i}", "platform": "橙市网", "seller_id": s} for i, s in enumerate(sellers or ["S1"])]
    scenario = ({"goodwill": {"method": "revenue_multiple", "multiple": "1"}} if needs_sales
                else {"goodwill": {"method": "fixed", "amount": "1000.00"}})
    case = {
        "jurisdiction": "cn", "court": "上海市奉贤区人民法院", "cause": "网络服务合同纠纷",
        "claims": ["breach_of_contract"],
        "plaintiffs": [{"name": "杭州橙市网络有限公司", "kind": "company"}],
        "defendants": [{"name": "韩某某", "kind": "person", "shops": shops}],
        "products": PRODUCTS if products is None else products,
        "sales": sales,
        "scenarios": {"base": scenario},
    }
    return json.dumps(case, ensure_ascii=False, indent=1)


@pytest.fixture
def make_case(tmp_path: Path):
    """make_case({"sales/a.csv": bytes_or_str, ...}, sales={...}) -> CaseFolder."""

    def _make(files: dict[str, bytes | str], sales: dict[str, Any] | None = None, **kw):
        from litigator.casefile import load_case

        folder = tmp_path / "case"
        (folder / "sales").mkdir(parents=True, exist_ok=True)
        for rel, content in files.items():
            p = folder / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        sales = sales or {"files": list(files)}
        (folder / "case.yaml").write_text(case_yaml(sales, **kw), encoding="utf-8")
        return load_case(folder)

    return _make


def csv_text(header: list[str], rows: list[list[str]], newline: str = "\n") -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()
