"""Helpers of the batch tests: a base case (the platform example) over a small platform-side export of
three sellers, and manifests built from it. The figures are hand-derived in the tests."""

from __future__ import annotations

from pathlib import Path

HEADER = "订单编号,卖家ID,买家会员名,宝贝标题,商家编码,宝贝总数量,买家实际支付金额,退款金额,订单状态,订单创建时间\n"
ORDERS = [  # seller, buyer, title, sku, units, paid, refund
    ("S1", "买家甲", "宠美佳成猫粮2kg", "PM-CAT-2K", 1, "129.00", "0.00"),
    ("S1", "买家乙", "宠美佳成猫粮10kg", "PM-CAT-10K", 2, "918.00", "0.00"),
    ("S2", "买家丙", "宠美佳成猫粮2kg", "PM-CAT-2K", 3, "387.00", "0.00"),
    ("S2", "买家丁", "逗猫棒 羽毛铃铛款", "TB-TOY-01", 1, "12.50", "0.00"),
    ("S3", "买家戊", "宠美佳成猫粮10kg", "PM-CAT-10K", 1, "459.00", "0.00"),
    ("S3", "买家己", "宠美佳成猫粮2kg", "PM-CAT-2K", 1, "129.00", "129.00"),  # refunded in full: excluded
]
# Counterfeit net sales per seller (the goodwill base of the `base` scenario, multiple 1):
NET = {"S1": "1047.00", "S2": "387.00", "S3": "459.00"}
EXPENSES = "53129.00"  # the example's notarization 3000 + test purchase 129 + attorney fee 50000


def write_export(path: Path) -> None:
    lines = [HEADER]
    for i, (seller, buyer, title, sku, units, paid, refund) in enumerate(ORDERS):
        status = "退款成功" if refund == paid else "交易成功"
        lines.append(f"{100001 + i},{seller},{buyer},{title},{sku},{units},{paid},{refund},{status},"
                     f"2024-0{i + 1}-15 10:00:00\n")
    path.write_text("".join(lines), encoding="utf-8")



def write_manifest(path: Path, base: Path | None, header: str, rows: list[str], encoding: str = "utf-8") -> Path:
    lines = ([f"base,{base}"] if base is not None else []) + [header, *rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def summarise_in_child(case_dir: str, results) -> None:
    """Run in a forked or spawned worker: summarise the case and report its net sales (or the error)."""
    from litigator import sales
    from litigator.casefile import load_case

    try:
        results.put(str(sales.summarise(load_case(case_dir)).totals.net))
    except Exception as exc:  # reported to the parent, which fails the test
        results.put(f"error: {type(exc).__name__}: {exc}")
