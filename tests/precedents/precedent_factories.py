"""Write small precedent libraries for tests: every file a valid, fictional-but-well-formed case."""

from __future__ import annotations

import copy
from pathlib import Path

from ruamel.yaml import YAML

BASE = {
    "forum": "cn",
    "title": "测试案例",
    "court": "上海市奉贤区人民法院",
    "court_level": "basic",
    "date": "2026-12-01",
    "cause": "contract",
    "plaintiff_type": "platform",
    "defendant_type": "online_seller",
    "product_category": "pet_supplies",
    "claimed": {"amount": "1000000", "currency": "CNY"},
    "awarded": {"amount": "100000", "currency": "CNY"},
    "basis": ["discretionary"],
    "source": [{"title": "fixture", "citation": "test fixture, not a real case"}],
    "confidence": "high",
}

POPULATION = {
    "forum": "cn",
    "over_claim_figure": "P1",
    "fallback_figure": {"brand_owner": "P2"},
    "figures": [
        {"id": "P1", "forum": "cn", "metric": "fixture means", "mean_claim": "400000", "mean_award": "100000",
         "source": {"title": "fixture", "citation": "test"}, "confidence": "low"},
        {"id": "P2", "forum": "cn", "metric": "fixture ratios", "ratio_p25": "0.1", "ratio_median": "0.2",
         "ratio_p75": "0.3", "source": {"title": "fixture", "citation": "test"}, "confidence": "low"},
    ],
}


def precedent(pid: str, **changes) -> dict:
    data = copy.deepcopy(BASE)
    data["id"] = pid
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def write(folder: Path, *records: dict, population: dict | None = POPULATION) -> Path:
    yaml = YAML()
    for record in records:
        forum_dir = folder / record.get("forum", "cn")
        forum_dir.mkdir(parents=True, exist_ok=True)
        with open(forum_dir / f"{record['id']}.yaml", "w", encoding="utf-8") as f:
            yaml.dump(record, f)
    if population is not None:
        (folder / population["forum"]).mkdir(parents=True, exist_ok=True)
        with open(folder / population["forum"] / "population.yaml", "w", encoding="utf-8") as f:
            yaml.dump(population, f)
    return folder


def award(amount: str) -> dict:
    return {"amount": amount, "currency": "CNY"}
