"""The `stable` command against the `matching` package's HospitalResident, side by side.

4,000 people x 2,000 carers, 50 acceptable carers each (seeded). Both solve the same input;
the results must be identical (the person-optimal stable matching is unique). Prints JSON.
"""

import json
import random
import statistics
import sys
import threading
import time
import warnings

from matching.games import HospitalResident

from kinfolk.matching.cli import run_stable


def instance(people: int = 4000, carers: int = 2000, listed: int = 50, seed: int = 1) -> dict:
    """Random strict preferences; carers rank exactly the people who listed them."""
    rng = random.Random(seed)
    carer_ids = [f"c{j}" for j in range(carers)]
    prefs = {f"p{i}": rng.sample(carer_ids, listed) for i in range(people)}
    ranked: dict[str, list[str]] = {c: [] for c in carer_ids}
    for person, listed_carers in prefs.items():
        for carer in listed_carers:
            ranked[carer].append(person)
    for ranking in ranked.values():
        rng.shuffle(ranking)
    return {
        "people": prefs,
        "carers": {c: {"capacity": rng.randint(1, 3), "ranking": ranked[c]} for c in carer_ids},
    }


def package_solution(data: dict) -> tuple[dict, float]:
    started = time.perf_counter()
    game = HospitalResident.create_from_dictionaries(
        data["people"],
        {c: v["ranking"] for c, v in data["carers"].items()},
        {c: v["capacity"] for c, v in data["carers"].items()},
    )
    solution = game.solve(optimal="resident")
    elapsed = time.perf_counter() - started
    matching = {p: None for p in data["people"]}
    for carer, people in solution.items():
        for person in people:
            matching[person.name] = carer.name
    return matching, elapsed


def main(repeats: int = 3) -> None:
    data = instance()
    text = json.dumps(data)
    ours, theirs, identical = [], [], True
    for _ in range(repeats):
        result = run_stable(text)
        ours.append(result["solve_seconds"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected, seconds = package_solution(data)
        theirs.append(seconds)
        identical &= result["matching"] == expected and result["blocking_pairs"] == 0
    out = {
        "people": len(data["people"]),
        "carers": len(data["carers"]),
        "listed_each": 50,
        "stable_seconds_median": round(statistics.median(ours), 4),
        "matching_package_seconds_median": round(statistics.median(theirs), 4),
        "speedup": round(statistics.median(theirs) / statistics.median(ours), 1),
        "identical": identical,
        "repeats": repeats,
    }
    print(json.dumps(out))
    if not identical:
        sys.exit("The results differ from the matching package's.")


if __name__ == "__main__":
    # The package deep-copies its object graph recursively: give it room to do so.
    sys.setrecursionlimit(1_000_000)
    threading.stack_size(1024 * 1024 * 1024)
    worker = threading.Thread(target=main)
    worker.start()
    worker.join()
