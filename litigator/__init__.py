"""Litigator: counterfeit-seller evidence in, court filings out.

Stages: facts (spaCy), sales (DuckDB), damages (law of the forum), drafting (jinja2 → .docx),
run for one case folder by :mod:`litigator.pipeline`. The library never imports typer or rich.
"""

__version__ = "0.1.0"
