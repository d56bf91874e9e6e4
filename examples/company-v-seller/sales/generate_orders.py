"""Generate sales/orders.csv for the fictional company-v-seller example (fixed seed, stdlib only).

The file imitates the order data a platform returns under a court investigation order (调查令) for one
Tmall-style shop, in the seller-side Taobao/Tmall 订单报表 layout (UTF-8 with BOM): 订单编号, 买家会员名,
宝贝标题, 商家编码, 宝贝总数量, 买家应付货款, 买家实际支付金额, 订单状态, 订单创建时间, 订单付款时间, 退款金额.
One row per order line: an order of two different goods has two rows with the same 订单编号.

What is in it, on purpose:
* mostly the four counterfeit "麓芽" SKUs (LY-XB-01/02 toddler shoes, LY-YD-21/22 sports shoes), and
  the shop's own socks and slippers (TQH-*), which are not counterfeit and must be filtered out;
* closed orders (交易关闭: refunded in full, or never paid), after-sale full refunds on completed
  orders (交易成功 with 退款金额 = the amount paid), partial refunds (kept, netted) and three unpaid
  orders (等待买家付款) on the last day;
* some orders of two lines (a counterfeit SKU and socks);
* the two notarised test purchases of 2025-10-14 (orders 4268251014503318826 and 4268251014503407715);
* the platform returned the period in two batches (to 2025-05-30 and from 2025-05-30), so the rows
  created on 2025-05-30 appear twice, identical, at the start of the second batch.
Every buyer, order and amount is invented.

Run from anywhere: ``python examples/company-v-seller/sales/generate_orders.py``. Same seed, same
bytes: the figures in README.md are computed from this file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from decimal import Decimal
from pathlib import Path

SEED = 20260531
ORDERS = 560
START = dt.datetime(2024, 6, 1, 0, 0, 0)
END = dt.datetime(2026, 5, 31, 23, 59, 59)
BATCH_SPLIT = dt.date(2025, 5, 30)   # the day both batches of the platform's reply contain
HEADER = ["订单编号", "买家会员名", "宝贝标题", "商家编码", "宝贝总数量", "买家应付货款", "买家实际支付金额",
          "订单状态", "订单创建时间", "订单付款时间", "退款金额"]
ITEMS = [  # (SKU, title, unit price, weight)
    ("LY-XB-01", "麓芽LUYA儿童学步鞋 软底防滑 宝宝机能鞋", Decimal("129.00"), 30),
    ("LY-XB-02", "麓芽LUYA儿童学步鞋 春秋款 透气网面", Decimal("139.00"), 17),
    ("LY-YD-21", "麓芽LUYA儿童运动鞋 中大童 跑步鞋", Decimal("169.00"), 25),
    ("LY-YD-22", "麓芽LUYA儿童运动鞋 发光款 魔术贴", Decimal("189.00"), 12),
    ("TQH-SOCK-5P", "童趣汇儿童纯棉中筒袜 5双装", Decimal("29.90"), 10),   # not counterfeit
    ("TQH-SLIP-01", "童趣汇儿童家居拖鞋 防滑软底", Decimal("39.00"), 6),    # not counterfeit
]
SOCKS = ITEMS[4]
TEST_PURCHASES = [  # the notarised purchases: (order id, created, paid at, item index)
    ("4268251014503318826", dt.datetime(2025, 10, 14, 10, 12, 31), dt.datetime(2025, 10, 14, 10, 14, 5), 0),
    ("4268251014503407715", dt.datetime(2025, 10, 14, 10, 21, 47), dt.datetime(2025, 10, 14, 10, 22, 58), 2),
]
TEST_BUYER = "tb4417720563"
SYLLABLES = ["bao", "bei", "duo", "mi", "tong", "le", "xiao", "guo", "yang", "nan", "xi", "zhu", "ma", "qiu"]


def _buyer(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(2)) + f"{rng.randrange(10, 9999)}"


def _line(order_id, buyer, item, qty, status, created, paid_at, paid, refund) -> list[str]:
    sku, title, price, _ = item
    payable = price * qty
    return [order_id, buyer, title, sku, str(qty), f"{payable:.2f}", f"{paid:.2f}", status,
            created.strftime("%Y-%m-%d %H:%M:%S"), paid_at.strftime("%Y-%m-%d %H:%M:%S") if paid_at else "",
            f"{refund:.2f}"]


def generate() -> str:
    rng = random.Random(SEED)
    buyers = [_buyer(rng) for _ in range(430)]
    span = int((END - START).total_seconds())
    times = sorted(START + dt.timedelta(seconds=rng.randrange(span)) for _ in range(ORDERS))
    weights = [w for *_, w in ITEMS]
    rows: list[tuple[dt.datetime, list[str]]] = []
    for created in times:
        order_id = f"{4200000000000000000 + rng.randrange(10**17):019d}"
        buyer = rng.choice(buyers)
        item = rng.choices(ITEMS, weights)[0]
        items = [item]
        if item is not SOCKS and rng.random() < 0.05:
            items.append(SOCKS)                                # a second line of the same order
        paid_at = created + dt.timedelta(seconds=rng.randrange(20, 900))
        r = rng.random()
        for it in items:
            qty = rng.choice((1, 1, 1, 1, 1, 2, 2, 3))
            payable = it[2] * qty
            if r < 0.035:
                line = _line(order_id, buyer, it, qty, "交易关闭", created, paid_at, payable, payable)  # refunded
            elif r < 0.05:
                line = _line(order_id, buyer, it, qty, "交易关闭", created, None, Decimal("0.00"),
                             Decimal("0.00"))                                                      # never paid
            elif r < 0.06:
                line = _line(order_id, buyer, it, qty, "交易成功", created, paid_at, payable, payable)  # after-sale
            elif r < 0.10:
                line = _line(order_id, buyer, it, qty, "交易成功", created, paid_at, payable,
                             min(payable, Decimal(rng.choice(("10.00", "15.00", "20.00")))))          # partial
            else:
                line = _line(order_id, buyer, it, qty, "交易成功", created, paid_at, payable, Decimal("0.00"))
            rows.append((created, line))
    for order_id, created, paid_at, idx in TEST_PURCHASES:
        item = ITEMS[idx]
        rows.append((created, _line(order_id, TEST_BUYER, item, 1, "交易成功", created, paid_at, item[2],
                                    Decimal("0.00"))))
    for k in range(3):  # unpaid orders on the last day of the data
        created = dt.datetime(2026, 5, 31, 21, 5 + 17 * k, rng.randrange(60))
        item = rng.choices(ITEMS[:4])[0]
        rows.append((created, _line(f"{4200000000000000000 + rng.randrange(10**17):019d}", rng.choice(buyers),
                                    item, 1, "等待买家付款", created, None, Decimal("0.00"), Decimal("0.00"))))
    rows.sort(key=lambda t: (t[0], t[1][0], t[1][3]))
    first = [line for created, line in rows if created.date() <= BATCH_SPLIT]
    second = [line for created, line in rows if created.date() >= BATCH_SPLIT]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(first + second)
    return out.getvalue()


def main() -> None:
    path = Path(__file__).with_name("orders.csv")
    path.write_bytes(b"\xef\xbb\xbf" + generate().encode("utf-8"))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
