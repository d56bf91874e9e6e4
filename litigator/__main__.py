"""``python -m litigator`` runs the CLI."""

from litigator.cli import main

main()
