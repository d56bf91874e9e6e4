"""Column profiles: which header in an order export holds which canonical field.

Canonical fields (the names ``columns:`` in case.yaml maps from):

==============  =========================================================================
order_id        order number (required)
seller          seller / shop id (required by the ``platform`` profile)
buyer           buyer account (distinct customers)
title           item title (selection by title keywords)
sku             merchant SKU code, 商家编码 (selection by SKU)
quantity        units (required)
unit_price      price per unit (used when ``amount`` is absent: amount = unit_price × quantity)
payable         amount payable for the goods (informative)
amount          amount the buyer actually paid (gross revenue; required unless unit_price)
refund          refunded amount (partial refunds are netted)
status          order status (closed / unpaid orders are excluded)
created         order creation time (required; the period filter uses it)
paid_at         payment time (informative)
currency        ISO currency code per row (optional)
==============  =========================================================================
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

CANONICAL = ("order_id", "seller", "buyer", "title", "sku", "quantity", "unit_price", "payable",
             "amount", "refund", "status", "created", "paid_at", "currency")

_TAOBAO: dict[str, tuple[str, ...]] = {
    "order_id": ("订单编号", "订单号", "主订单编号", "子订单编号"),
    "buyer": ("买家会员名", "买家昵称", "买家账号", "买家会员ID"),
    "title": ("宝贝标题", "商品标题", "标题", "宝贝名称", "商品名称"),
    "sku": ("商家编码", "商品编码", "外部系统编号", "商家编号", "货号"),
    "quantity": ("宝贝总数量", "购买数量", "宝贝数量", "商品数量", "数量"),
    "unit_price": ("价格", "单价", "宝贝单价", "商品单价"),
    "payable": ("买家应付货款", "总金额", "应付金额"),
    "amount": ("买家实际支付金额", "实付金额", "买家实付金额", "实际支付金额"),
    "refund": ("退款金额", "退款金额(元)"),
    "status": ("订单状态", "交易状态"),
    "created": ("订单创建时间", "下单时间", "创建时间"),
    "paid_at": ("订单付款时间", "付款时间", "支付时间"),
    "currency": ("币种", "货币"),
}
_SELLER_ZH = ("卖家ID", "卖家id", "店铺ID", "店铺id", "卖家编号", "商家ID", "卖家会员名", "店铺名称")
_GENERIC: dict[str, tuple[str, ...]] = {
    "order_id": ("order_id", "order_no", "order_number", "orderid", "order"),
    "buyer": ("buyer", "buyer_id", "customer", "customer_id", "buyer_name"),
    "title": ("title", "item_title", "product_title", "product_name", "item_name", "product"),
    "sku": ("sku", "seller_sku", "item_sku", "merchant_sku", "sku_code"),
    "quantity": ("quantity", "qty", "units", "quantity_purchased"),
    "unit_price": ("unit_price", "price", "item_price"),
    "payable": ("payable", "amount_payable", "subtotal"),
    "amount": ("amount", "amount_paid", "paid_amount", "paid", "total", "revenue", "order_total"),
    "refund": ("refund", "refund_amount", "refunded", "refunded_amount"),
    "status": ("status", "order_status"),
    "created": ("created", "created_at", "order_date", "order_time", "date", "purchase_date"),
    "paid_at": ("paid_at", "payment_time", "payment_date"),
    "currency": ("currency", "currency_code"),
}
_SELLER_EN = ("seller", "seller_id", "shop_id", "store_id", "merchant_id", "shop")

# JD POP seller centre (京东商家后台) order export: one row per order line. The column list is that of
# a public importer (tests/sales/exports/README.md). Its 订单金额 / 结算金额 / 应付金额 are the
# ORDER's figures, repeated on every line of a multi-line order, so none of them is the line's
# amount: the amount is 京东价 × 订购数量 (the line at JD's price, before order-level discounts).
# The SKU is JD's 商品ID (the number in item.jd.com/<商品ID>.html); 货号 (the merchant's own code)
# is often empty. The export has no refund column: returned or cancelled orders show in 订单状态.
_JD: dict[str, tuple[str, ...]] = {
    "order_id": ("订单号",),
    "buyer": ("下单帐号", "下单账号"),
    "title": ("商品名称",),
    "sku": ("商品ID", "商品编号", "货号"),
    "quantity": ("订购数量",),
    "unit_price": ("京东价",),
    "payable": ("应付金额",),
    "status": ("订单状态",),
    "created": ("下单时间",),
    "paid_at": ("付款确认时间",),
}

# Pinduoduo merchant backend (拼多多商家后台) order export: one row per order (a Pinduoduo order holds
# one goods item). Column names as read by a public importer (README of the fixtures). There is
# no order-creation column: the period applies to 支付时间 (else 订单成交时间 / 拼单成功时间); no
# buyer account (收货人 and 手机 are masked) and no refund amount (refunds show in 订单状态 and
# 售后状态). 用户实付金额 is what the buyer paid (商品总价 less both discounts, plus postage).
_PINDUODUO: dict[str, tuple[str, ...]] = {
    "order_id": ("订单号",),
    "title": ("商品", "商品名称"),
    "sku": ("商家编码-SKU维度", "商家编码-商品维度"),
    "quantity": ("商品数量(件)", "商品数量（件）"),
    "payable": ("商品总价(元)", "商品总价（元）"),
    "amount": ("用户实付金额(元)", "用户实付金额（元）"),
    "status": ("订单状态",),
    "created": ("支付时间", "订单成交时间", "拼单成功时间"),
}

PROFILES: dict[str, dict[str, tuple[str, ...]]] = {
    "taobao": _TAOBAO,
    "jd": _JD,
    "pinduoduo": _PINDUODUO,
    # A platform-side export: either header language, plus a seller column.
    "platform": {k: _TAOBAO.get(k, ()) + _GENERIC.get(k, ()) for k in CANONICAL if k != "seller"}
    | {"seller": _SELLER_ZH + _SELLER_EN},
    "generic": _GENERIC,
}
# The profiles case.yaml can name (`sales.profile`), in the order the docs list them.
PROFILE_NAMES: tuple[str, ...] = tuple(PROFILES)

# Fields without which no summary can be computed.
REQUIRED = ("order_id", "quantity", "created")


def norm_header(text: str) -> str:
    """Header cell as matched: trimmed, BOM/quotes dropped, case and separators folded."""
    t = text.strip().strip("\ufeff").strip('"').strip()
    t = re.sub(r"[\s_\-./]+", "_", t.lower())
    return t.strip("_")


_NORM = {name: {k: {norm_header(a) for a in aliases} for k, aliases in prof.items()}
         for name, prof in PROFILES.items()}


class ProfileMatch(BaseModel):
    """How a header row maps to canonical fields under one profile (``sales --detect``)."""

    model_config = ConfigDict(extra="forbid")

    profile: str
    file: str | None = Field(default=None, description="the file, as named in case.yaml")
    format: str | None = Field(default=None, description="csv, xlsx, parquet or jsonl")
    encoding: str | None = None
    mapping: dict[str, int] = Field(default_factory=dict, description="canonical field -> column index")
    headers: list[str] = Field(default_factory=list)
    header_line: int = Field(default=1, description="physical line (CSV) or sheet row (XLSX) of the header")
    missing: list[str] = Field(default_factory=list, description="required fields not found")
    reasons: list[str] = Field(default_factory=list, description="header -> field, one per mapped column")
    candidates: dict[str, int] = Field(default_factory=dict, description="profile -> fields it would map")

    @property
    def ok(self) -> bool:
        return not self.missing

    @property
    def score(self) -> int:
        return len(self.mapping)

    def column(self, canonical: str) -> str | None:
        idx = self.mapping.get(canonical)
        return None if idx is None else self.headers[idx]

    def describe(self) -> str:
        found = ", ".join(f"{self.headers[i].strip()}→{k}" for k, i in self.mapping.items())
        miss = f"; missing {', '.join(self.missing)}" if self.missing else ""
        others = ", ".join(f"{p} {n}" for p, n in self.candidates.items())
        alt = f" (fields mapped per profile: {others})" if others else ""
        where = f"{self.file}: " if self.file else ""
        return (f"{where}profile {self.profile}, header on line {self.header_line}, "
                f"{len(self.mapping)} fields: {found}{miss}{alt}")


def required_for(profile: str) -> tuple[str, ...]:
    return REQUIRED + (("seller",) if profile == "platform" else ())


def match_profile(profile: str, headers: list[str], header_line: int = 1) -> ProfileMatch:
    normed = [norm_header(h) for h in headers]
    mapping: dict[str, int] = {}
    reasons: list[str] = []
    for canonical in _NORM[profile]:
        # Aliases are listed in order of preference.
        for alias in [norm_header(a) for a in PROFILES[profile][canonical]]:
            if alias in normed and normed.index(alias) not in mapping.values():
                idx = normed.index(alias)
                mapping[canonical] = idx
                reasons.append(f"{headers[idx].strip()!s} → {canonical}")
                break
    missing = _missing(required_for(profile), mapping)
    return ProfileMatch(profile=profile, mapping=mapping, headers=list(headers), header_line=header_line,
                        missing=missing, reasons=reasons)


def _missing(required, mapping: dict[str, int]) -> list[str]:
    """Required fields the mapping lacks; amount may come from unit_price, sku from the title."""
    missing = [k for k in required if k not in mapping]
    if "amount" not in mapping and "unit_price" not in mapping:
        missing.append("amount")
    if "sku" not in mapping and "title" not in mapping:
        missing.append("sku")
    return missing


def explicit_mapping(columns: dict[str, str], headers: list[str], header_line: int = 1) -> ProfileMatch:
    """A ``columns:`` mapping from case.yaml. Unknown canonical names or headers raise ValueError."""
    normed = [norm_header(h) for h in headers]
    mapping: dict[str, int] = {}
    reasons: list[str] = []
    for canonical, header in columns.items():
        if canonical not in CANONICAL:
            raise ValueError(f"columns: unknown field {canonical!r} (one of {', '.join(CANONICAL)})")
        key = norm_header(header)
        if key not in normed:
            raise LookupError(f"columns.{canonical} names {header!r}, which is not in the header")
        mapping[canonical] = normed.index(key)
        reasons.append(f"{header} → {canonical} (columns:)")
    prof = "platform" if "seller" in mapping else "columns"
    missing = _missing(REQUIRED, mapping)
    return ProfileMatch(profile=prof, mapping=mapping, headers=list(headers), header_line=header_line,
                        missing=missing, reasons=reasons)


# Seller-side profiles, in the order that breaks a tie in detection.
SELLER_SIDE = ("taobao", "generic", "jd", "pinduoduo")


def best_profile(headers: list[str], header_line: int = 1) -> ProfileMatch:
    """The seller-side profile that maps most fields; ``platform`` when a seller column is present.

    A Taobao 订单报表 carries 店铺Id and 店铺名称 columns, which read as a seller column: detection
    then says ``platform`` and rows are selected by the case's seller_id (a loud failure when the
    cells do not hold it, never other shops' sales counted as the case's). Set ``profile: taobao``
    for such a report."""
    matches = [match_profile(p, headers, header_line) for p in SELLER_SIDE + ("platform",)]
    candidates = {m.profile: m.score for m in matches}
    platform = matches[-1]
    if "seller" in platform.mapping and platform.ok:
        best = platform
    else:
        best = sorted(matches[:-1], key=lambda m: (m.ok, m.score), reverse=True)[0]
    best.candidates = candidates
    return best


def header_score(cells: list[str]) -> int:
    """How many cells of a row are known headers of any profile (to find the header row)."""
    known = set().union(*(s for prof in _NORM.values() for s in prof.values()))
    return sum(1 for c in cells if c and norm_header(c) in known)
