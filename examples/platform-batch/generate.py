#!/usr/bin/env python3
"""Generate the fictional platform batch: 50 sellers, one shared platform-side export, one manifest.

    python examples/platform-batch/generate.py [OUT]        # OUT defaults to examples/platform-batch/out
    litigator batch OUT/manifest.csv -o OUT/drafts           # drafts the 50 suits

Everything written is FICTIONAL (see README.md): the platform 橙市网 and its operator, the sellers, their
shops, ID numbers, addresses, phones, order numbers and notarial records are invented. Resident ID
numbers are synthetic but pass their checksum (litigator/identifiers.py); names are written 某某 as
Chinese judgments anonymise them. Deterministic (fixed seed, stdlib only): running it again writes
byte-identical files.

The base case is examples/platform-v-seller (the platform operator's suit against one seller), adapted
for a batch and written to OUT/base/:

* ``sales:`` names one platform-side export, ``sales/platform-orders.csv``: the seller-side Taobao
  columns of the single case (订单编号, 宝贝标题, 商家编码, 买家实际支付金额, 订单状态, 订单创建时间, …)
  plus 卖家ID and 店铺名称, so the ``platform`` profile reads it and each row's ``seller_id`` selects
  its seller's orders. The export holds the 50 targets' orders and those of 21 sellers not sued
  (the single case's seller among them), 2023-11 … 2025-01, ~28,000 rows;
* the preservation application is left out (its amount and the property it names are per seller);
* the evidence files stay as they are; each row's own evidence folder (OUT/evidence/<target>/)
  replaces the four that concern one seller: the notarial record of its test purchase (01), the
  brand owner's appraisal of the goods bought (02), the seller registration extract (03) and the
  expense vouchers (05). The platform agreement (04) is the base's, shared by every row.

OUT/manifest.csv names the base in its first line (``base,base``), then one row per seller: the fixed
columns (target, defendant, shop, seller_id, evidence) and dotted overrides (the defendant's ID number,
address and phone; the test purchase's shop, order number and notarial certificate number).
"""

from __future__ import annotations

import csv
import random
import re
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SINGLE = HERE.parent / "platform-v-seller"  # the base case
DEFAULT_OUT = HERE / "out"

SEED = 20261201
N_TARGETS = 50
N_BYSTANDERS = 20  # sellers in the export who are not sued (plus the single case's own seller)
START = datetime(2023, 11, 1)
END = datetime(2025, 1, 31, 23, 59, 59)
EXPORT = "sales/platform-orders.csv"

# The identifying details of the single case, replaced in each row's evidence.
SINGLE_SELLER = {
    "name": "韩某某", "shop": "萌宠优选小店", "seller_id": "S20160188", "id_number": "310120198806141233",
    "address": "上海市奉贤区南桥镇示例路88弄6号302室", "phone": "13816600000", "login": "mengchong_youxuan",
    "order_number": "3871120495512763041", "notary_number": "（2024）沪东证经字第18325号",
    "notary_invoice": "24312000000012345678", "lawyer_invoice": "25332000000006543210",
    "waybill": "CS7720418836501", "item_url": "6620185733", "batch_code": "PM240815A3",
}

HEADER = ["卖家ID", "店铺名称", "订单编号", "买家会员名", "宝贝标题", "商家编码", "价格", "宝贝总数量", "买家应付货款",
          "买家应付邮费", "买家实际支付金额", "订单状态", "订单创建时间", "订单付款时间", "退款金额", "收货地址省份"]
ITEMS = [  # sku, title, price (fen), weight — the single case's catalogue
    ("PM-CAT-2K", "宠美佳成猫粮2kg 室内成猫全价猫粮 营养均衡 正品包邮", 12900, 45),
    ("PM-CAT-10K", "宠美佳成猫粮10kg 大包装 成猫通用型 官方正品 包邮", 45900, 15),
    ("TB-LITTER-5L", "豆腐猫砂5L 原味除臭低尘 可冲厕所", 3990, 25),
    ("TB-TOY-01", "逗猫棒 羽毛铃铛款 猫咪玩具", 1250, 15),
]
BYSTANDER_ITEMS = ITEMS[2:] + [("DG-FOOD-5K", "狗粮5kg 成犬通用 鸡肉味", 15900, 20)]
PROVINCES = ["上海", "浙江省", "江苏省", "广东省", "北京", "四川省", "湖北省", "山东省", "福建省", "河南省"]
NICK_PARTS = ["喵", "猫奴", "小鱼干", "橘子", "布偶", "tom", "lucky", "咪咪", "大橘", "花花", "豆豆", "momo"]

# Surnames of the fictional sellers (韩 is the single case's seller; 林, 周, 沈, 顾, 施, 叶, 陶 are
# already people of the case: the plaintiff's representative, agent and staff, the notary, the appraiser;
# 王某某 and 张某某 are placeholders `litigator init` writes, which `draft` refuses).
SURNAMES = ("贺李龚刘陈杨黄赵吴徐孙马朱胡郭何高罗郑梁谢宋唐许冯邓曹彭曾肖田董袁潘于蒋蔡余杜程苏魏吕丁任姚卢"
            "钟汪范金石")
SHOP_HEADS = ["喵星", "爱宠", "乐宠", "宠趣", "毛孩子", "猫咪", "汪喵", "宠之家", "小爪", "萌爪", "萌宠"]
SHOP_TAILS = ["优选小店", "生活馆", "精品店", "百货", "小铺"]
# Resident ID region codes with a matching (fictional) street address.
REGIONS = [
    ("310120", "上海市奉贤区南桥镇示例路{n}弄{b}号{r}室"),
    ("310115", "上海市浦东新区示例大道{n}弄{b}号{r}室"),
    ("330106", "浙江省杭州市西湖区示例街{n}号{b}幢{r}室"),
    ("320506", "江苏省苏州市吴中区示例路{n}号{b}栋{r}室"),
    ("440106", "广东省广州市天河区示例路{n}号{b}座{r}房"),
    ("350203", "福建省厦门市思明区示例里{n}号{b}单元{r}室"),
    ("420106", "湖北省武汉市武昌区示例巷{n}号{b}栋{r}室"),
]
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(region: str, birth: datetime, seq: int) -> str:
    """GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check."""
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS)) % 11]


def fen(amount: int) -> str:
    return f"{amount // 100}.{amount % 100:02d}"


def make_sellers(rng: random.Random) -> list[dict[str, str]]:
    shops = [h + t for h in SHOP_HEADS for t in SHOP_TAILS if h + t != SINGLE_SELLER["shop"]]
    rng.shuffle(shops)
    surnames = list(SURNAMES)
    rng.shuffle(surnames)
    sellers = []
    for i in range(N_TARGETS):
        region, street = REGIONS[i % len(REGIONS)]
        birth = datetime(1970, 1, 1) + timedelta(days=rng.randrange(30 * 365))
        id_number = resident_id(region, birth, rng.randrange(1, 999))
        order_number = str(3871120495512800000 + 7919 * (i + 1) + rng.randrange(7000))
        sellers.append({
            "target": f"T{i + 1:02d}",
            "name": f"{surnames[i]}某某",
            "shop": shops[i],
            "seller_id": f"S2017{i * 37 + 101:04d}",
            "id_number": id_number,
            "address": street.format(n=rng.randrange(1, 300), b=rng.randrange(1, 30), r=rng.randrange(101, 1802)),
            "phone": f"13{rng.randrange(5, 10)}{rng.randrange(1000, 9999)}0000",
            "login": f"shop_{i + 1:02d}_{rng.randrange(1000, 9999)}",
            "order_number": order_number,
            "notary_number": f"（2024）沪东证经字第{18400 + i * 3}号",
            "notary_invoice": f"2431200000001{2400000 + i * 17:07d}",
            "lawyer_invoice": f"2533200000000{6600000 + i * 13:07d}",
            "waybill": f"CS77204{rng.randrange(10**7, 10**8)}",
            "item_url": str(6620185733 + 1009 * (i + 1)),
            "batch_code": f"PM2408{rng.randrange(10, 28)}A{rng.randrange(1, 9)}",
            "orders": str(rng.randrange(150, 900)),
        })
    return sellers


def seller_orders(rng: random.Random, seller: dict[str, str], n: int, items: list, buyers: list[str],
                  ids: set[str]) -> list[tuple[datetime, list[str]]]:
    """One seller's orders, as the single case's generator makes them (statuses, refunds, coupons)."""
    span = int((END - START).total_seconds())
    rows = []
    for _ in range(n):
        while True:
            oid = str(rng.randint(10**18, 4 * 10**18 - 1))
            if oid not in ids:
                ids.add(oid)
                break
        created = START + timedelta(seconds=rng.randrange(span))
        sku, title, price, _w = rng.choices(items, weights=[i[3] for i in items])[0]
        qty = rng.choices([1, 2, 3], weights=[80, 15, 5])[0]
        payable = price * qty
        paid = payable - (500 if (price >= 12900 and rng.random() < 0.2) else 0)
        refund, r, age_days = 0, rng.random(), (END - created).days
        paid_time: datetime | None = created + timedelta(minutes=rng.randint(1, 30))
        if r < 0.03:  # cancelled before payment
            status, paid_time, paid = "交易关闭", None, 0
        elif r < 0.06:  # full refund before shipping
            status, refund = "交易关闭", paid
        elif r < 0.075:  # after-sale full refund, status stays 交易成功
            status, refund = "交易成功", paid
        elif r < 0.11:  # partial refund
            status, refund = "交易成功", rng.choice([500, 1000, 2000, 3000]) if paid > 3000 else 200
        else:
            status = ("买家已付款，等待卖家发货" if age_days < 3 else
                      "卖家已发货，等待买家确认" if age_days < 12 else "交易成功")
        rows.append((created, [
            seller["seller_id"], seller["shop"], f'="{oid}"', rng.choice(buyers), title, sku, fen(price), str(qty),
            fen(payable), "0.00", fen(paid), status, created.strftime("%Y-%m-%d %H:%M:%S"),
            paid_time.strftime("%Y-%m-%d %H:%M:%S") if paid_time else "", fen(refund), rng.choice(PROVINCES)]))
    return rows


def test_purchase_row(seller: dict[str, str], when: datetime) -> tuple[datetime, list[str]]:
    stamp = "%Y-%m-%d %H:%M:%S"
    return (when, [seller["seller_id"], seller["shop"], f'="{seller["order_number"]}"', "cs_test_0815", ITEMS[0][1],
                   "PM-CAT-2K", "129.00", "1", "129.00", "0.00", "129.00", "交易成功", when.strftime(stamp),
                   (when + timedelta(minutes=2)).strftime(stamp), "0.00", "上海"])


def write_export(rng: random.Random, sellers: list[dict[str, str]], path: Path) -> int:
    buyers = [f"{rng.choice(NICK_PARTS)}{rng.choice(NICK_PARTS)}{rng.randint(10, 9999)}" for _ in range(20000)]
    ids: set[str] = {s["order_number"] for s in sellers} | {SINGLE_SELLER["order_number"]}
    rows: list[tuple[datetime, list[str]]] = []
    purchase = datetime(2024, 11, 12, 14, 36, 8)
    for s in sellers:
        rows += seller_orders(rng, s, int(s["orders"]), ITEMS, buyers, ids)
        rows.append(test_purchase_row(s, purchase))
    # Sellers not sued: the single case's shop (its counterfeit sales too) and shops of genuine goods.
    rows += seller_orders(rng, SINGLE_SELLER, 600, ITEMS, buyers, ids)
    rows.append(test_purchase_row(SINGLE_SELLER, purchase))
    for k in range(N_BYSTANDERS):
        other = {"seller_id": f"S2019{k * 53 + 7:04d}", "shop": f"{SHOP_HEADS[k % len(SHOP_HEADS)]}宠物用品{k + 1}店"}
        rows += seller_orders(rng, other, rng.randrange(100, 400), BYSTANDER_ITEMS, buyers, ids)
    rows.sort(key=lambda r: (r[0], r[1][2]), reverse=True)  # newest first, as the back office exports
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(r for _, r in rows)
    return len(rows)


def base_case_yaml(text: str) -> str:
    """The single case's case.yaml for a batch: the shared platform export, no preservation."""
    text = text.replace(
        "# Fictional example: a platform operator sues a seller who sold counterfeit cat food.\n",
        "# Fictional example (generated by examples/platform-batch/generate.py from examples/platform-v-seller):\n"
        "# the base case of a batch of 50 suits; each manifest row replaces the defendant, the shop and the\n"
        "# test purchase.\n", 1)
    text, n = re.subn(r"\nsales:\n  files: \[sales/orders\.csv\]\n  profile: taobao\n",
                      f"\nsales:\n  files: [{EXPORT}]             # one platform-side export for every seller\n"
                      "  profile: platform\n", text)
    assert n == 1, "examples/platform-v-seller/case.yaml: its sales: block changed; update generate.py"
    # The preservation block: from its key to the next top-level key.
    text, n = re.subn(r"\npreservation:.*?\n(?=requests:)", "\n", text, flags=re.S)
    assert n == 1, "examples/platform-v-seller/case.yaml: its preservation: block changed; update generate.py"
    return text


def personalise(text: str, seller: dict[str, str]) -> str:
    for key, old in SINGLE_SELLER.items():
        text = text.replace(old, seller[key])
    return text


ROW_EVIDENCE = ["01-notarial-record.txt", "02-appraisal.txt", "03-seller-registration.txt", "05-expense-vouchers.txt"]
OVERRIDES = ["defendants[0].id_number", "defendants[0].address", "defendants[0].phone", "test_purchases[0].shop",
             "test_purchases[0].order_number", "test_purchases[0].notary_number"]


def write_evidence_listing(seller: dict[str, str], folder: Path) -> None:
    """The row's evidence.yaml: the single case's entries of the four files it replaces, personalised."""
    lines = (SINGLE / "evidence.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    out, keep = ["# Fictional (examples/platform-batch/generate.py): this seller's own evidence.\n"], False
    for line in lines:
        if line and not line[0].isspace() and not line.startswith("#"):
            keep = line.split(":", 1)[0] in ROW_EVIDENCE
        if keep:
            out.append(line)
    (folder / "evidence.yaml").write_text(personalise("".join(out), seller), encoding="utf-8")


def main(argv: list[str]) -> int:
    out = Path(argv[0]).resolve() if argv else DEFAULT_OUT
    rng = random.Random(SEED)
    sellers = make_sellers(rng)
    for sub in ("base", "evidence"):
        if (out / sub).is_dir():
            shutil.rmtree(out / sub)
    base = out / "base"
    shutil.copytree(SINGLE / "evidence", base / "evidence")
    shutil.copyfile(SINGLE / "evidence.yaml", base / "evidence.yaml")
    (base / "case.yaml").write_text(base_case_yaml((SINGLE / "case.yaml").read_text(encoding="utf-8")),
                                    encoding="utf-8")
    rows = write_export(rng, sellers, base / EXPORT)
    for s in sellers:
        folder = out / "evidence" / s["target"]
        folder.mkdir(parents=True)
        for name in ROW_EVIDENCE:
            text = (SINGLE / "evidence" / name).read_text(encoding="utf-8")
            (folder / name).write_text(personalise(text, s), encoding="utf-8")
        write_evidence_listing(s, folder)
    with open(out / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["base", "base"])
        w.writerow(["target", "defendant", "shop", "seller_id", "evidence", *OVERRIDES])
        for s in sellers:
            w.writerow([s["target"], s["name"], s["shop"], s["seller_id"], f"evidence/{s['target']}", s["id_number"],
                        s["address"], s["phone"], s["shop"], s["order_number"], s["notary_number"]])
    print(f"wrote {out}/manifest.csv ({len(sellers)} sellers), {out}/base/ (the base case) and "
          f"{out}/base/{EXPORT} ({rows:,} orders); fictional: see examples/platform-batch/README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
