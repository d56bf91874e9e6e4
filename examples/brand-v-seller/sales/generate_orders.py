"""Generate sales/orders.csv for the fictional brand-v-seller example (fixed seed, stdlib only).

The file imitates a Taobao seller-side order export (UTF-8 with BOM, the 淘宝 header layout):
订单编号,买家会员名,宝贝标题,商家编码,宝贝总数量,买家应付货款,买家实际支付金额,订单状态,
订单创建时间,订单付款时间,退款金额. Every buyer, order and amount is invented.

Run from anywhere: ``python examples/brand-v-seller/sales/generate_orders.py``. Same seed, same
bytes: the damages figures in README.md are computed from this file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from decimal import Decimal
from pathlib import Path

SEED = 20261201
ORDERS = 640
START = dt.datetime(2024, 3, 1, 0, 0, 0)
END = dt.datetime(2025, 12, 31, 23, 59, 59)
HEADER = ["订单编号", "买家会员名", "宝贝标题", "商家编码", "宝贝总数量", "买家应付货款", "买家实际支付金额",
          "订单状态", "订单创建时间", "订单付款时间", "退款金额"]
ITEMS = [  # (SKU, title, unit price)
    ("QL-SERUM-30", "青岚QINGLAN修护精华液30ml 正品专柜 补水保湿", Decimal("168.00")),
    ("QL-SERUM-50", "青岚QINGLAN修护精华液50ml 大瓶装 专柜同款", Decimal("238.00")),
]
SYLLABLES = ["xiao", "mei", "lan", "yu", "tian", "an", "qing", "ling", "zhi", "yue", "hua", "xin", "le", "tao"]


def _buyer(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(2)) + f"{rng.randrange(10, 9999)}"


def generate() -> str:
    rng = random.Random(SEED)
    buyers = [_buyer(rng) for _ in range(470)]
    span = int((END - START).total_seconds())
    times = sorted(START + dt.timedelta(seconds=rng.randrange(span)) for _ in range(ORDERS))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    for i, created in enumerate(times):
        sku, title, price = ITEMS[0] if rng.random() < 0.7 else ITEMS[1]
        qty = rng.choice((1, 1, 1, 1, 2, 2, 3))
        payable = price * qty
        paid = payable
        r = rng.random()
        refund = Decimal("0.00")
        if r < 0.04:
            status, refund = "交易关闭", payable          # fully refunded and closed: excluded
        elif r < 0.08:
            status, refund = "交易成功", Decimal("20.00")  # partial refund: kept and netted
        else:
            status = "交易成功"
        paid_at = created + dt.timedelta(seconds=rng.randrange(20, 900))
        order_id = f"{3700000000000000000 + rng.randrange(10**17):019d}"
        w.writerow([order_id, rng.choice(buyers), title, sku, qty, f"{payable:.2f}", f"{paid:.2f}", status,
                    created.strftime("%Y-%m-%d %H:%M:%S"), paid_at.strftime("%Y-%m-%d %H:%M:%S"), f"{refund:.2f}"])
    return out.getvalue()


def main() -> None:
    path = Path(__file__).with_name("orders.csv")
    path.write_bytes(b"\xef\xbb\xbf" + generate().encode("utf-8"))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
