"""The precedents stage: a library of real, sourced cases that calibrates a claim and prices its risk.

* :func:`load` — the shipped library plus any ``--precedents`` folders (:mod:`.library`).
* :func:`check` — validate library folders, one problem per line.
* :func:`search` — filter and rank the library (:mod:`.search`).
* :func:`calibrate` — annotate a damages report with neighbours, expected award, awarded range,
  over-claim warnings and risk (:mod:`.calibration`). The pipeline calls it after damages; the
  damages stage never imports this package.
"""

from litigator.precedents.calibration import calibrate
from litigator.precedents.library import Library, PrecedentError, check, load, shipped_library
from litigator.precedents.model import CalibrationConfig, Population, Precedent

__all__ = ["Library", "PrecedentError", "Precedent", "Population", "CalibrationConfig", "load", "check",
           "calibrate", "shipped_library"]
