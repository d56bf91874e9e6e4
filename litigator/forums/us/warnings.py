"""The US forum's warning kinds: each a code, the source it cites, and a one-line summary.

Sources name provisions in the statute table's notation (``{usc15:1117.c}``), formatted from it here, and
decided cases by name and reporter (the precedent library, precedents/us/, holds their sources), and the
docs page that explains the point.
"""

from __future__ import annotations

import re

from litigator.forums.us.citation import format_ref
from litigator.warnings import WarningKind

_RAW = [
    # § 1111 and the counterfeit definition
    ("NO_REGISTRATION_NOTICE", "{usc15:1111}",
     "no ® notice and no actual notice: no profits and no damages for this store"),
    ("GOODS_OUTSIDE_REGISTRATION", "{usc15:1116.d}; {usc15:1117.c}",
     "the accused goods are not goods the registration covers: no statutory damages for that mark"),
    ("SUPPLEMENTAL_REGISTER", "{usc15:1116.d}",
     "a mark on the Supplemental Register is not a counterfeit mark for § 1117(b)/(c)"),
    # § 1117(c)
    ("STATUTORY_ABOVE_SALES", "precedents/us (Luxottica 2015; HB Feeder 2025, a copyright case); docs/damages-us.md",
     "a store's figure far above its proven sales: courts cut such awards"),
    ("STATUTORY_NO_SALES", "docs/damages-us.md (design consequence); precedents/us",
     "a statutory figure above the minimum for a store without proven sales"),
    ("STATUTORY_MINIMUM_APPLIED", "{usc15:1117.c.1}",
     "sales_multiple: a store without proven sales gets the statutory minimum (without_sales: minimum)"),
    ("STATUTORY_CLAMPED", "{usc15:1117.c}", "a sales-multiple figure outside the statutory range, brought within it"),
    ("STATUTORY_NO_PAIR", "{usc15:1117.c}",
     "a store sells no counterfeit of a registered mark within its goods: no statutory damages"),
    ("WILLFUL_CLAIMED", "{usc15:1117.c.2}; docs/damages-us.md (Depoorter, 66 UCLA L. Rev. 400)",
     "willfulness is claimed: courts find it far less often than it is pleaded"),
    # § 1117(a), (b)
    ("PROFITS_GROSS_SALES", "{usc15:1117.a}",
     "profits are the proven sales: deductions only where the defendant proves them (none on default)"),
    ("PROFITS_ADJUSTED", "{usc15:1117.a}", "profits adjusted: the sum is compensation and not a penalty"),
    ("ACTUAL_NO_SALES", "{usc15:1117.a}", "a store without proven sales or damages: nothing computed under § 1117(a)"),
    ("TREBLE_EXTENUATING", "{usc15:1117.b}; DOJ Criminal Resource Manual 1712 (1984 Joint Statement)",
     "trebling applies unless the court finds extenuating circumstances"),
    ("EXTENUATING_SET", "{usc15:1117.b}", "extenuating circumstances assumed: no trebling and no § 1117(b) fee"),
    ("ATTORNEY_FEE_SHARED", "{usc15:1117.b}", "the § 1117(b) attorney's fee is shared equally by the defendants"),
    # interest
    ("INTEREST_DISCRETIONARY", "docs/damages-us.md", "prejudgment interest on § 1117(a) awards is discretionary"),
    ("INTEREST_STATUTORY_CIRCUITS",
     "Y.Y.G.M. SA v. Redbubble, Inc., No. 21-56150 (9th Cir. 2023); Matter of Marshall, 970 F.2d 383 (7th Cir. 1992)",
     "prejudgment interest on statutory damages: none in the 9th Circuit, other circuits differ"),
    ("INTEREST_RATE_SOURCE", "{usc15:1117.b}; Tiffany v. Costco, No. 13CV1041 (S.D.N.Y. 2017), Dkt. 438",
     "the rate used for trebled awards is the 26 U.S.C. § 6621(a)(2) rate"),
    # the filing
    ("NO_FORUM_TEST_BUY", "NBA Properties v. HANWJH, 46 F.4th 614 (7th Cir. 2022); docs/pleadings-us.md",
     "a store without a test buy shipped into the forum district (personal jurisdiction)"),
    ("JOINDER_FACTS", "{frcp:20.a.2}; docs/pleadings-us.md (Bailie 2024, Roadget 2024)",
     "several defendants without facts of the same transaction or occurrence"),
    # the papers after the complaint (motions.py)
    ("JOINDER_NOTHING_SHARED", "{frcp:20.a.2}; docs/pleadings-us.md (Bailie 2024; Picquelle; Toyota 2024)",
     "a defendant shares nothing with the others beyond the mark"),
    ("TRO_FACT_MISSING", "{frcp:65.b.1}; docs/pleadings-us.md (Eicher Motors, N.D. Ill. 2025)",
     "a fact the ex parte TRO papers need is not stated: a marked gap, never boilerplate"),
    ("TRO_BOND_PRACTICE", "{frcp:65.c}; docs/pleadings-us.md (law.yaml tro.bond_practice)",
     "a note: the bond proposed beside the practice range reported for N.D. Ill."),
    ("TMA_PRESUMPTION", "{usc15:1116.a}; docs/damages-us.md",
     "the TMA 2020 presumption of irreparable harm is not cited, or its effective date is disputed"),
    ("BRIEF_OVER_LIMIT", "N.D. Ill. LR 7.1 (docs/pleadings-us.md)", "a memorandum estimated over the page limit"),
    ("DEFAULT_NOT_ENTERED", "{frcp:55}", "the clerk's entry of default is not dated"),
    ("FEE_LOCAL_RULE", "N.D. Ill. LR 54.3 (docs/pleadings-us.md, VW v. iman365)",
     "attorney's fees claimed: LR 54.3 applies"),
    ("COVER_SHEET_FIELD", "docs/pleadings-us.md (JS 44)", "a civil cover sheet field left for counsel"),
    ("FILING_FEE_UNKNOWN", "28 U.S.C. § 1914(a) (docs/damages-us.md)",
     "no filing fee schedule in our material for the filing date"),
    ("LAW_PARTIAL", "litigator/forums/us/law.yaml", "a parameter applied is verified from secondary sources only"),
]


def _source(text: str) -> str:
    return re.sub(r"\{([^}]+)\}", lambda m: format_ref(m.group(1)), text)


KINDS: dict[str, WarningKind] = {code: WarningKind(code, _source(source), summary)
                                 for code, source, summary in _RAW}
