"""Forum tests reuse the damages factories (Case and SalesSummary built directly)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "damages"))
