#!/usr/bin/env python3
"""Generate the fictional seller-side order export ``orders.csv`` for the example case.

Deterministic (fixed seed, stdlib only): running it again writes byte-identical output.

Layout: a Taobao/Tmall seller-side 订单报表 as the shop's back office exports it — UTF-8 with BOM,
Chinese headers, one row per order, each order holding exactly one item (SKU), newest order first.
Order numbers are written as ``="3871120495512763041"`` (an Excel formula returning text) so a
spreadsheet does not turn the 19 digits into 3.87112E+18; Litigator strips the ``="…"`` wrapper.

Shop 萌宠优选小店, 2023-11-01 … 2025-01-31 (the case period is 2024; the rest is filtered out):

* counterfeit: PM-CAT-2K 宠美佳成猫粮2kg (129.00), PM-CAT-10K 宠美佳成猫粮10kg (459.00);
* genuine goods of the shop: TB-LITTER-5L 豆腐猫砂 (39.90), TB-TOY-01 逗猫棒 (12.50);
* statuses: 交易成功; 交易关闭 (cancelled before payment, or closed after a full refund);
  卖家已发货，等待买家确认 and 买家已付款，等待卖家发货 for recent orders; some 交易成功 orders
  fully refunded after sale (售后) and some partially refunded (partial refunds are netted);
* the notarised test purchase: 订单编号 3871120495512763041, 2024-11-12, 1 × PM-CAT-2K, 129.00.

Run: ``python examples/platform-v-seller/sales/generate_orders.py``
"""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20241112
N_ORDERS = 3000
START = datetime(2023, 11, 1)
END = datetime(2025, 1, 31, 23, 59, 59)
OUT = Path(__file__).with_name("orders.csv")

TEST_PURCHASE_ID = "3871120495512763041"
TEST_PURCHASE_TIME = datetime(2024, 11, 12, 10, 26, 37)

HEADER = ["订单编号", "买家会员名", "宝贝标题", "商家编码", "价格", "宝贝总数量", "买家应付货款",
          "买家应付邮费", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间", "退款金额",
          "买家留言", "收货地址省份"]

ITEMS = [  # sku, title, price (fen), weight
    ("PM-CAT-2K", "宠美佳成猫粮2kg 室内成猫全价猫粮 营养均衡 正品包邮", 12900, 45),
    ("PM-CAT-10K", "宠美佳成猫粮10kg 大包装 成猫通用型 官方正品 包邮", 45900, 15),
    ("TB-LITTER-5L", "豆腐猫砂5L 原味除臭低尘 可冲厕所", 3990, 25),
    ("TB-TOY-01", "逗猫棒 羽毛铃铛款 猫咪玩具", 1250, 15),
]
PROVINCES = ["上海", "浙江省", "江苏省", "广东省", "北京", "四川省", "湖北省", "山东省", "福建省", "河南省"]
NICK_PARTS = ["喵", "猫奴", "小鱼干", "橘子", "布偶", "tom", "lucky", "咪咪", "大橘", "花花", "豆豆", "momo"]
NOTES = ["", "", "", "", "", "请尽快发货", "生产日期要新的，谢谢", "不要放快递柜", "送运费险吗"]


def fen(amount: int) -> str:
    return f"{amount // 100}.{amount % 100:02d}"


def main() -> None:
    rng = random.Random(SEED)
    buyers = [f"{rng.choice(NICK_PARTS)}{rng.choice(NICK_PARTS)}{rng.randint(10, 9999)}" for _ in range(1100)]
    span = int((END - START).total_seconds())
    ids: set[str] = {TEST_PURCHASE_ID}
    rows: list[tuple[datetime, list[str]]] = []
    for _ in range(N_ORDERS - 1):
        while True:
            oid = str(rng.randint(10**18, 4 * 10**18 - 1))
            if oid not in ids:
                ids.add(oid)
                break
        created = START + timedelta(seconds=rng.randrange(span))
        sku, title, price, _w = rng.choices(ITEMS, weights=[i[3] for i in ITEMS])[0]
        qty = rng.choices([1, 2, 3], weights=[80, 15, 5])[0]
        payable = price * qty
        discount = 500 if (price >= 12900 and rng.random() < 0.2) else 0  # 店铺优惠券 5.00
        paid = payable - discount
        refund = 0
        age_days = (END - created).days
        r = rng.random()
        if r < 0.03:  # cancelled before payment
            status, paid_time, paid = "交易关闭", None, 0
        elif r < 0.06:  # full refund before shipping: closed
            status, paid_time, refund = "交易关闭", created + timedelta(minutes=rng.randint(1, 30)), paid
        elif r < 0.075:  # after-sale full refund, status stays 交易成功
            status, paid_time, refund = "交易成功", created + timedelta(minutes=rng.randint(1, 30)), paid
        elif r < 0.11:  # partial refund (e.g. damaged bag, price protection)
            status, paid_time = "交易成功", created + timedelta(minutes=rng.randint(1, 30))
            refund = rng.choice([500, 1000, 2000, 3000]) if paid > 3000 else 200
        else:
            paid_time = created + timedelta(minutes=rng.randint(1, 30))
            if age_days < 3:
                status = "买家已付款，等待卖家发货"
            elif age_days < 12:
                status = "卖家已发货，等待买家确认"
            else:
                status = "交易成功"
        rows.append((created, [
            f'="{oid}"', rng.choice(buyers), title, sku, fen(price), str(qty), fen(payable), "0.00",
            fen(paid), status, created.strftime("%Y-%m-%d %H:%M:%S"),
            paid_time.strftime("%Y-%m-%d %H:%M:%S") if paid_time else "", fen(refund),
            rng.choice(NOTES), rng.choice(PROVINCES)]))
    # The notarised test purchase (公证购买).
    rows.append((TEST_PURCHASE_TIME, [
        f'="{TEST_PURCHASE_ID}"', "沪东公证购买01", ITEMS[0][1], "PM-CAT-2K", "129.00", "1", "129.00", "0.00",
        "129.00", "交易成功", TEST_PURCHASE_TIME.strftime("%Y-%m-%d %H:%M:%S"),
        (TEST_PURCHASE_TIME + timedelta(minutes=2)).strftime("%Y-%m-%d %H:%M:%S"), "0.00", "", "上海"]))
    rows.sort(key=lambda r: r[0], reverse=True)  # newest first, as the back office exports
    with open(OUT, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER)
        for _, row in rows:
            w.writerow(row)


if __name__ == "__main__":
    main()
