"""Warnings of the damages stage: the shared vocabulary lives in :mod:`litigator.warnings`."""

from litigator.warnings import SHARED, SHARED_KINDS, WarningKind, Warnings  # noqa: F401

__all__ = ["SHARED", "SHARED_KINDS", "WarningKind", "Warnings"]
