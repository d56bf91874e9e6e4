"""Precedent tests: fixture libraries written as YAML files, cases built with the damages factories."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "damages"))
