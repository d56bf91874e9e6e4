"""The claim heads the Chinese rules produce: the only codes a template may name (a test checks)."""

from __future__ import annotations

from enum import StrEnum


class HeadCode(StrEnum):
    GOODWILL_LOSS = "goodwill_loss"                            # 商誉损失 (contract / tort)
    GOVERNANCE_COST = "governance_cost"                        # 打假治理成本
    COMPENSATION_PAID = "compensation_paid"                    # 对外赔付损失
    DIRECT_LOSS = "direct_loss"                                # 直接经济损失
    LIQUIDATED_DAMAGES = "liquidated_damages"                  # 违约金
    TRADEMARK_DAMAGES = "trademark_damages"                    # 经济损失 (Trademark Law)
    PUNITIVE_DAMAGES = "punitive_damages"                      # 惩罚性赔偿 (additive reading)
    UNFAIR_COMPETITION_DAMAGES = "unfair_competition_damages"  # 经济损失 (AUCL)
    REASONABLE_EXPENSES = "reasonable_expenses"                # 合理开支


HEAD_CODES = frozenset(c.value for c in HeadCode)
