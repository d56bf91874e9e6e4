#!/usr/bin/env python3
"""Write the fictional order-export fixtures of this folder (CSV and XLSX per layout).

    .venv/bin/python tests/sales/exports/make_exports.py

Deterministic: running it again writes byte-identical files (the XLSX zip entries and document
properties carry a fixed date). Every shop, buyer, order number, SKU, address and amount is
invented; see README.md for the layouts' sources and the hand counts the tests check.

The rows are written out literally below (one tuple per data row) so that the hand counts in
README.md can be checked against them by eye; everything else in a row (masked phone numbers,
addresses, courier fields, …) is filler derived from the row.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED = datetime(2025, 1, 5, 10, 0, 0)

# Titles of the fictional goods (the counterfeit ones carry the fictional brand 宠美佳).
T2K = "宠美佳成猫粮2kg 室内成猫全价猫粮"
T10K = "宠美佳成猫粮10kg 大包装 成猫通用型"
TLIT = "豆腐猫砂5L 原味除臭低尘"
TTOY = "逗猫棒 羽毛铃铛款 猫咪玩具"

# ------------------------------------------------------------------------------------------------
# Taobao / Tmall seller centre 订单报表 (GBK CSV; SOURCED column list + 2 appended columns)
# ------------------------------------------------------------------------------------------------

TAOBAO_HEADER = [
    "订单编号", "买家会员名", "买家支付宝账号", "买家应付货款", "买家应付邮费", "买家支付积分", "总金额", "返点积分",
    "买家实际支付金额", "买家实际支付积分", "订单状态", "买家留言", "收货人姓名", "收货地址", "运送方式", "联系电话",
    "联系手机", "订单创建时间", "订单付款时间", "宝贝标题", "宝贝种类", "物流单号", "物流公司", "订单备注",
    "宝贝总数量", "店铺Id", "店铺名称", "订单关闭原因", "卖家服务费", "买家服务费", "发票抬头", "是否手机订单",
    "分阶段订单信息", "特权订金订单id", "定金排名", "修改后的sku", "修改后的收货地址", "异常信息", "天猫卡券抵扣",
    "集分宝抵扣", "是否是O2O交易",
    # appended (ASSUMED, see README): the merchant code and the refunded amount
    "商家编码", "退款金额",
]

# (order number, buyer, title, 商家编码, qty, unit price, paid (as written), status, created, refund (as written))
TAOBAO_ROWS = [
    ("3842190000000000101", "喵星人01", T2K, "PM-CAT-2K", 1, "129.00", "129.00", "交易成功",
     "2024-01-15 10:02:11", "0.00"),
    ("3842190000000000102", "橘猫02", T10K, "PM-CAT-10K", 3, "459.00", "￥1,377.00", "交易成功",
     "2024-02-03 21:40:05", "0.00"),
    ("3842190000000000103", "喵星人01", T2K, "PM-CAT-2K", 2, "129.00", "258.00", "卖家已发货，等待买家确认",
     "2024-03-08 08:15:42", "0.00"),
    ("3842190000000000104", "布偶04", T2K, "PM-CAT-2K", 1, "129.00", "129.00", "交易成功",
     "2024-03-20 13:30:00", "￥29.00"),
    ("3842190000000000105", "狸花05", T10K, "PM-CAT-10K", 1, "459.00", "459.00", "交易关闭",
     "2024-04-02 19:05:33", "459.00"),
    ("3842190000000000106", "英短06", T2K, "PM-CAT-2K", 1, "129.00", "129.00", "交易成功",
     "2024-04-18 11:11:11", "129.00"),
    ("3842190000000000107", "暹罗07", T2K, "PM-CAT-2K", 1, "129.00", "129.00", "等待买家付款",
     "2024-05-01 00:20:00", "0.00"),
    ("3842190000000000108", "橘猫02", TLIT, "TB-LITTER-5L", 2, "39.90", "79.80", "交易成功",
     "2024-05-12 16:45:10", "0.00"),
    ("3842190000000000109", "加菲09", TTOY, "TB-TOY-01", 1, "12.50", "12.50", "交易成功",
     "2024-06-01 09:00:00", "0.00"),
    ("3842190000000000110", "缅因10", T10K, "PM-CAT-10K", 2, "459.00", "￥918.00", "交易成功",
     "2024-07-07 07:07:07", "0.00"),
    ("3842190000000000111", "喵星人01", T2K, "PM-CAT-2K", 1, "129.00", "129.00", "交易成功",
     "2023-12-31 23:50:00", "0.00"),
    ("3842190000000000112", "无毛12", T10K, "PM-CAT-10K", 1, "459.00", "459.00", "买家已付款，等待卖家发货",
     "2024-12-31 22:10:00", "0.00"),
    ("3842190000000000113", "黑猫13", T2K, "PM-CAT-2K", 10, "129.00", "1,290.00", "交易成功",
     "2024-09-09 12:00:00", "0.00"),
    ("3842190000000000114", "三花14", T10K, "PM-CAT-10K", 1, "459.00", "459.00", "交易成功",
     "2024-10-10 10:10:10", "100.00"),
    ("3842190000000000115", "狸花05", TLIT, "TB-LITTER-5L", 1, "39.90", "39.90", "交易关闭",
     "2024-10-11 18:00:00", "39.90"),
    ("3842190000000000116", "英短06", T2K, "PM-CAT-2K", 1, "129.00", "129.00", "交易成功",
     "2025-01-01 00:05:00", "0.00"),
]

TAOBAO_TITLE = [["订单报表"], ["店铺：萌宠优选小店（虚构）", "", "导出时间：2025-01-05 10:00:00"], []]


def _money(text: str) -> Decimal:
    return Decimal(text.replace("￥", "").replace("¥", "").replace(",", ""))


def _fmt(amount: Decimal, style: str = "") -> str:
    return f"{style}{amount:,.2f}" if style else f"{amount:.2f}"


def taobao_table() -> tuple[list[list], list]:
    rows = []
    for i, (oid, buyer, title, sku, qty, price, paid, status, created, refund) in enumerate(TAOBAO_ROWS, 1):
        goods = Decimal(price) * qty
        t = datetime.fromisoformat(created)
        paid_at = "" if status == "等待买家付款" else (t + timedelta(minutes=3)).isoformat(" ")
        close_reason = "买家申请退款" if status == "交易关闭" else ""
        rows.append([
            f'="{oid}"', buyer, f"m***{i:02d}@example.com", f"{goods:.2f}", "0.00", "0", f"{goods:.2f}", "0",
            paid, "0", status, "", f"收货人{i:02d}", f"上海 上海市 奉贤区 示例路{i}号（虚构）", "快递", "",
            f"138****{i:04d}", created, paid_at, title, "1", "", "", "",
            str(qty), "", "", close_reason, "0.00", "0.00", "", "手机订单",
            "", "", "", "", "", "", "",
            "", "",
            sku, refund,
        ])
    total_qty = sum(r[4] for r in TAOBAO_ROWS)
    total_paid = sum(_money(r[6]) for r in TAOBAO_ROWS)
    total_refund = sum(_money(r[9]) for r in TAOBAO_ROWS)
    totals = [""] * len(TAOBAO_HEADER)
    totals[0] = "合计"
    totals[TAOBAO_HEADER.index("买家实际支付金额")] = _fmt(total_paid, "￥")
    totals[TAOBAO_HEADER.index("宝贝总数量")] = str(total_qty)
    totals[TAOBAO_HEADER.index("退款金额")] = _fmt(total_refund, "￥")
    return rows, totals


# ------------------------------------------------------------------------------------------------
# JD POP 京东商家后台 订单导出 (SOURCED column list; GBK CSV ASSUMED)
# ------------------------------------------------------------------------------------------------

JD_HEADER = [
    "订单号", "商品ID", "商品名称", "订购数量", "支付方式", "下单时间", "京东价", "订单金额", "结算金额", "余额支付",
    "应付金额", "订单状态", "订单类型", "下单帐号", "客户姓名", "客户地址", "联系电话", "订单备注", "发票类型",
    "发票抬头", "发票内容", "商家备注", "商家备注等级（等级1-5为由高到低）", "运费金额", "付款确认时间", "增值税发票",
    "货号", "订单完成时间", "订单来源", "订单渠道",
]

JD_2K, JD_10K, JD_LIT, JD_TOY = "1953810001", "1953810002", "1953810007", "1953810008"
JD_TITLE_OF = {JD_2K: T2K, JD_10K: T10K, JD_LIT: TLIT, JD_TOY: TTOY}

# (订单号, 商品ID, qty, 京东价 (as written), 订单金额, 结算金额 = 应付金额 (as written; per ORDER), status,
#  下单帐号, 下单时间). Order 21800000102 and 21800000111 have two lines each.
JD_ROWS = [
    ("21800000101", JD_2K, 1, "129.00", "129.00", "129.00", "完成", "jd_miao01", "2024-01-20 09:15:00"),
    ("21800000102", JD_10K, 2, "459.00", "957.90", "937.90", "完成", "jd_ju02", "2024-02-14 20:00:00"),
    ("21800000102", JD_LIT, 1, "39.90", "957.90", "937.90", "完成", "jd_ju02", "2024-02-14 20:00:00"),
    ("21800000103", JD_2K, 3, "129.00", "387.00", "387.00", "等待确认收货", "jd_bu03", "2024-03-03 12:30:00"),
    ("21800000104", JD_10K, 1, "459.00", "459.00", "459.00", "(删除)等待出库", "jd_li04", "2024-03-30 23:01:00"),
    ("21800000105", JD_2K, 1, "129.00", "129.00", "129.00", "已取消", "jd_ying05", "2024-04-04 04:04:04"),
    ("21800000106", JD_TOY, 2, "12.50", "25.00", "25.00", "完成", "jd_jia06", "2024-05-05 15:20:00"),
    ("21800000107", JD_10K, 1, "459.00", "459.00", "459.00", "等待出库", "jd_xian07", "2024-06-18 00:00:01"),
    ("21800000108", JD_2K, 2, "129.00", "258.00", "258.00", "完成", "jd_miao01", "2023-12-30 10:00:00"),
    ("21800000109", JD_10K, 4, "￥459.00", "￥1,836.00", "￥1,800.00", "完成", "jd_mian09", "2024-08-08 08:08:08"),
    ("21800000110", JD_2K, 1, "129.00", "129.00", "129.00", "完成", "jd_miao01", "2024-11-11 11:11:11"),
    ("21800000111", JD_2K, 1, "129.00", "588.00", "588.00", "完成", "jd_san11", "2024-12-12 12:12:12"),
    ("21800000111", JD_10K, 1, "459.00", "588.00", "588.00", "完成", "jd_san11", "2024-12-12 12:12:12"),
    ("21800000112", JD_LIT, 1, "39.90", "39.90", "39.90", "已取消", "jd_gou12", "2024-12-20 20:20:20"),
]

JD_TITLE = [["京东商家后台 订单导出"], ["查询条件：下单时间 2023-12-01 00:00:00 至 2025-01-31 23:59:59"]]


def jd_table() -> tuple[list[list], list]:
    rows = []
    for oid, sku, qty, price, order_amt, settle, status, buyer, created in JD_ROWS:
        i = int(oid[-3:])  # the customer's particulars are the order's
        t = datetime.fromisoformat(created)
        paid_at = "" if status == "已取消" else (t + timedelta(minutes=1, seconds=10)).isoformat(" ")
        done = (t + timedelta(days=4)).isoformat(" ") if status == "完成" else ""
        rows.append([
            oid, sku, JD_TITLE_OF[sku], str(qty), "在线支付", created, price, order_amt, settle, "0.00",
            settle, status, "销售订单", buyer, f"客户{i:02d}", f"北京市 示例区 示例路{i}号（虚构）", f"139****{i:04d}",
            "", "电子发票", "个人", "明细", "", "", "0.00", paid_at, "",
            "", done, "移动端订单", "暂无来源",
        ])
    totals = [""] * len(JD_HEADER)
    totals[0] = "合计"
    totals[JD_HEADER.index("订购数量")] = str(sum(r[2] for r in JD_ROWS))
    return rows, totals


# ------------------------------------------------------------------------------------------------
# Pinduoduo 拼多多商家后台 订单导出 (SOURCED column names, UTF-8 CSV; column order ASSUMED)
# ------------------------------------------------------------------------------------------------

PDD_HEADER = [
    "商品", "订单号", "订单状态", "商品总价(元)", "店铺优惠折扣(元)", "平台优惠折扣(元)", "邮费(元)",
    "用户实付金额(元)", "商家实收金额(元)", "商品数量(件)", "收货人", "手机", "是否审核中", "省", "市", "区",
    "详细地址", "支付时间",
    "拼单成功时间", "订单确认时间", "承诺发货时间", "发货时间", "确认收货时间", "商品id", "商品规格", "样式ID",
    "商家编码-SKU维度", "商家编码-商品维度", "快递单号", "快递公司", "是否抽奖或0元试用", "商家备注", "售后状态",
    "买家留言",
]

# SKU -> (title, 商品id, 商品规格, 样式ID, 商家编码-商品维度); both cat-food sizes are specs of one goods.
PDD_GOODS = {"PM-CAT-2K": (T2K, "612345678901", "2kg", "1200000000001", "PM-CAT"),
             "PM-CAT-10K": (T10K, "612345678901", "10kg", "1200000000002", "PM-CAT"),
             "TB-LITTER-5L": (TLIT, "612345678907", "5L", "1200000000007", "TB-LITTER"),
             "TB-TOY-01": (TTOY, "612345678908", "羽毛款", "1200000000008", "TB-TOY")}

# (订单号, 商家编码-SKU维度, qty, 商品总价, 店铺优惠, 平台优惠, 用户实付 (as written), 商家实收, 订单状态, 售后状态,
#  支付时间)
PDD_ROWS = [
    ("240105-612300000000001", "PM-CAT-2K", 1, "129.00", "0.00", "0.00", "129.00", "129.00", "已签收",
     "无售后或售后取消", "2024-01-05 10:11:12"),
    ("240210-612300000000002", "PM-CAT-10K", 2, "918.00", "18.00", "10.00", "890.00", "900.00", "已签收",
     "无售后或售后取消", "2024-02-10 20:20:20"),
    ("240315-612300000000003", "PM-CAT-2K", 1, "129.00", "10.00", "0.00", "¥119.00", "119.00", "已发货，待签收",
     "无售后或售后取消", "2024-03-15 08:00:00"),
    ("240401-612300000000004", "PM-CAT-2K", 1, "129.00", "0.00", "0.00", "129.00", "129.00", "已发货，退款成功",
     "退款成功", "2024-04-01 09:30:00"),
    ("240420-612300000000005", "PM-CAT-2K", 2, "258.00", "0.00", "0.00", "258.00", "258.00", "未发货，退款成功",
     "退款成功", "2024-04-20 14:00:00"),
    ("240505-612300000000006", "TB-LITTER-5L", 1, "39.90", "0.00", "0.00", "39.90", "39.90", "已签收",
     "无售后或售后取消", "2024-05-05 05:05:05"),
    ("240506-612300000000007", "TB-TOY-01", 3, "37.50", "0.00", "0.00", "37.50", "37.50", "已签收",
     "无售后或售后取消", "2024-05-06 06:06:06"),
    ("240618-612300000000008", "PM-CAT-10K", 4, "1836.00", "0.00", "36.00", "¥1,800.00", "1836.00", "已签收",
     "无售后或售后取消", "2024-06-18 18:18:18"),
    ("241231-612300000000009", "PM-CAT-10K", 1, "459.00", "0.00", "0.00", "459.00", "459.00", "待发货",
     "无售后或售后取消", "2024-12-31 23:59:59"),
    ("231231-612300000000010", "PM-CAT-2K", 1, "129.00", "0.00", "0.00", "129.00", "129.00", "已签收",
     "无售后或售后取消", "2023-12-31 21:00:00"),
    ("240808-612300000000011", "PM-CAT-10K", 1, "459.00", "0.00", "0.00", "459.00", "459.00", "已取消",
     "无售后或售后取消", "2024-08-08 08:00:00"),
    ("240909-612300000000012", "PM-CAT-2K", 3, "387.00", "0.00", "0.00", "387.00", "387.00", "已签收",
     "无售后或售后取消", "2024-09-09 09:09:09"),
    ("241001-612300000000013", "PM-CAT-2K", 1, "129.00", "0.00", "0.00", "129.00", "129.00", "已取消，退款成功",
     "退款成功", "2024-10-01 10:01:00"),
    ("241111-612300000000014", "PM-CAT-2K", 2, "258.00", "8.00", "0.00", "250.00", "250.00", "已签收",
     "无售后或售后取消", "2024-11-11 11:11:11"),
]

PDD_TITLE = [["拼多多商家后台 订单查询 导出"], ["店铺：萌宠优选小店（虚构）", "导出时间：2025-01-05 10:00:00"]]


def pdd_table(tab_codes: bool) -> tuple[list[list], list]:
    rows = []
    pre = "\t" if tab_codes else ""
    for i, (oid, sku, qty, total, shop_off, plat_off, paid, recv, status, after, paid_time) in \
            enumerate(PDD_ROWS, 1):
        title, goods_id, spec, style_id, goods_code = PDD_GOODS[sku]
        t = datetime.fromisoformat(paid_time)
        shipped = status not in ("待发货", "未发货，退款成功", "已取消", "已取消，退款成功")
        ship = (t + timedelta(hours=20)).isoformat(" ") if shipped else ""
        signed = (t + timedelta(days=3)).isoformat(" ") if status == "已签收" else ""
        rows.append([
            title, oid, status, total, shop_off, plat_off, "0.00", paid,
            recv, str(qty), f"收货人{i:02d}", f"137****{i:04d}", "否", "浙江省", "杭州市", "示例区",
            f"示例街道示例路{i}号（虚构）", paid_time,
            (t + timedelta(minutes=1)).isoformat(" "), (t + timedelta(minutes=2)).isoformat(" "),
            (t + timedelta(hours=48)).isoformat(" "), ship, signed, goods_id, spec, style_id,
            pre + sku, pre + goods_code, f"SF{i:012d}" if shipped else "", "示例快递" if shipped else "",
            "非抽奖订单", "", after,
            "",
        ])
    totals = [""] * len(PDD_HEADER)
    totals[0] = "合计"
    totals[PDD_HEADER.index("商品数量(件)")] = str(sum(r[2] for r in PDD_ROWS))
    totals[PDD_HEADER.index("用户实付金额(元)")] = _fmt(sum(_money(r[6]) for r in PDD_ROWS), "¥")
    return rows, totals


# ------------------------------------------------------------------------------------------------
# Writers
# ------------------------------------------------------------------------------------------------

def write_csv(path: Path, title: list[list], header: list[str], rows: list[list], totals: list,
              encoding: str) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerows(title)
    w.writerow(header)
    w.writerows(rows)
    w.writerow(totals)
    path.write_bytes(buf.getvalue().encode(encoding))


def _cell(header: str, text: str, numeric_ids: set[str], dates: bool):
    """An XLSX cell value: plain numbers become numbers (IDs only in `numeric_ids` columns), the
    rest stays text as exported (￥ amounts, 1,290.00, ="…" is dropped: XLSX has real text cells)."""
    if text == "":
        return None
    if text.startswith('="') and text.endswith('"'):
        return text[2:-1]
    if header in numeric_ids and text.isdigit():
        return int(text)
    if dates and len(text) == 19 and text[4] == "-" and text[10] == " ":
        return datetime.fromisoformat(text)
    if header.endswith(("ID", "id", "号", "编码", "编码-SKU维度", "编码-商品维度")):
        return text
    if text.replace(".", "", 1).isdigit():
        return int(text) if "." not in text else float(text)
    return text


def write_xlsx(path: Path, sheet: str, title: list[list], header: list[str], rows: list[list], totals: list,
               numeric_ids: set[str] = frozenset(), dates: bool = False) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for t in title:
        ws.append(t)
    ws.append(header)
    for row in rows + [totals]:
        values = [_cell(h, v, numeric_ids, dates) for h, v in zip(header, row)]
        ws.append(values)
        for c in ws[ws.max_row]:
            if isinstance(c.value, float):
                c.number_format = "0.00"
            elif isinstance(c.value, datetime):
                c.number_format = "yyyy-mm-dd hh:mm:ss"
    wb.properties.created = wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    _write_fixed_zip(path, buf.getvalue())


def _write_fixed_zip(path: Path, data: bytes) -> None:
    """Re-pack the workbook with a fixed date on every entry and as its modification date (openpyxl
    stamps the current time on both)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, content)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, content)
    path.write_bytes(out.getvalue())


def main(out: Path = HERE) -> None:
    rows, totals = taobao_table()
    write_csv(out / "taobao_orders.csv", TAOBAO_TITLE, TAOBAO_HEADER, rows, totals, "gbk")
    write_xlsx(out / "taobao_orders.xlsx", "订单报表", TAOBAO_TITLE, TAOBAO_HEADER, rows, totals)
    rows, totals = jd_table()
    write_csv(out / "jd_orders.csv", JD_TITLE, JD_HEADER, rows, totals, "gbk")
    write_xlsx(out / "jd_orders.xlsx", "订单", JD_TITLE, JD_HEADER, rows, totals, numeric_ids={"订单号", "商品ID"})
    rows, totals = pdd_table(tab_codes=True)
    write_csv(out / "pdd_orders.csv", PDD_TITLE, PDD_HEADER, rows, totals, "utf-8")
    rows, totals = pdd_table(tab_codes=False)
    write_xlsx(out / "pdd_orders.xlsx", "订单列表", PDD_TITLE, PDD_HEADER, rows, totals,
               numeric_ids={"商品id", "样式ID"}, dates=True)


if __name__ == "__main__":
    main()
