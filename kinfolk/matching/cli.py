"""`python -m kinfolk.matching stable|bench`: a command-line contract other tools rely on."""

import argparse
import json
import resource
import statistics
import sys
import time
from typing import NoReturn

from .stable import stable_matching


class BadInput(Exception):
    """Input that does not follow the documented JSON shape."""


def _no_duplicate_keys(pairs):
    seen = dict(pairs)
    if len(seen) != len(pairs):
        keys = [key for key, _ in pairs]
        duplicate = next(key for key in keys if keys.count(key) > 1)
        raise BadInput(f"duplicate key {duplicate!r}")
    return seen


def _indices(value, index: dict, where: str, kind: str) -> list[int]:
    """Ids in a list as indices; refuses non-lists, unknown ids and repeats."""
    if not isinstance(value, list):
        raise BadInput(f"{where} must be a list of id strings")
    try:
        found = [index[v] for v in value]
    except (KeyError, TypeError):
        bad = next(v for v in value if not isinstance(v, str) or v not in index)
        if not isinstance(bad, str):
            raise BadInput(f"{where} must be a list of id strings") from None
        raise BadInput(f"{where} lists unknown {kind} {bad!r}") from None
    if len(set(found)) != len(found):
        raise BadInput(f"{where} lists an id more than once")
    return found


def parse_stable_input(text: str):
    """Validate the `stable` input and turn ids into indices."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as error:
        raise BadInput(f"not valid JSON ({error.msg} at line {error.lineno})") from error
    if not isinstance(data, dict) or set(data) != {"people", "carers"}:
        raise BadInput('the top level must be an object with exactly "people" and "carers"')
    people, carers = data["people"], data["carers"]
    if not isinstance(people, dict) or not isinstance(carers, dict):
        raise BadInput('"people" and "carers" must be objects keyed by id')
    person_ids, carer_ids = list(people), list(carers)
    person_index = {p: i for i, p in enumerate(person_ids)}
    carer_index = {c: j for j, c in enumerate(carer_ids)}
    person_prefs, carer_prefs, capacity = [], [], []
    for person_id, prefs in people.items():
        person_prefs.append(_indices(prefs, carer_index, f"people[{person_id!r}]", "carer"))
    for carer_id, entry in carers.items():
        if not isinstance(entry, dict) or set(entry) != {"capacity", "ranking"}:
            raise BadInput(f'carers[{carer_id!r}] must be {{"capacity": int, "ranking": [...]}}')
        cap = entry["capacity"]
        if not isinstance(cap, int) or isinstance(cap, bool) or cap < 0:
            raise BadInput(f"carers[{carer_id!r}].capacity must be a whole number >= 0")
        carer_prefs.append(
            _indices(entry["ranking"], person_index, f"carers[{carer_id!r}].ranking", "person")
        )
        capacity.append(cap)
    return person_ids, carer_ids, person_prefs, carer_prefs, capacity


def run_stable(text: str) -> dict:
    """Solve the `stable` input; the timing covers parsing, solving and checking."""
    started = time.perf_counter()
    person_ids, carer_ids, person_prefs, carer_prefs, capacity = parse_stable_input(text)
    result = stable_matching(person_prefs, carer_prefs, capacity)
    match, blocking = result.person_match, result.blocking_pairs
    elapsed = time.perf_counter() - started
    return {
        "matching": {
            p: (carer_ids[c] if c >= 0 else None) for p, c in zip(person_ids, match, strict=True)
        },
        "blocking_pairs": blocking,
        "solve_seconds": round(elapsed, 6),
    }


def _fail(message: str) -> NoReturn:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MiB (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_bench(people: int, carers: int, seed: int, k: int = 10) -> dict:
    """Suggestions for everyone and the scheme-wide plan on a synthetic region."""
    from .assess import nearby_pairs, possible_pairs
    from .plan import max_welfare_plan, stable_plan
    from .suggest import Matcher
    from .synthetic import synthetic_region

    region = synthetic_region(people, carers, seed=seed)
    started = time.perf_counter()
    matcher = Matcher(region.people, region.carers)
    prepare = time.perf_counter() - started
    started = time.perf_counter()
    nearby = nearby_pairs(matcher.tables, matcher.config)
    assessment = possible_pairs(matcher.tables, matcher.config, *nearby)
    I, _, _ = matcher.top_k_all(k, assessment)
    suggest = time.perf_counter() - started
    started = time.perf_counter()
    plan = stable_plan(matcher, assessment)
    plan_seconds = time.perf_counter() - started
    with_suggestion = len(set(I.tolist())) / max(1, people)
    result = {
        "people": people,
        "carers": carers,
        "seed": seed,
        "k": k,
        "pairs_assessed": int(len(nearby[0])),
        "pairs_possible": int(assessment.possible.sum()),
        "prepare_seconds": round(prepare, 3),
        "suggest_seconds": round(suggest, 3),
        "plan_seconds": round(plan_seconds, 3),
        "planned_introductions": len(plan.introductions),
        "blocking_pairs": plan.blocking_pairs,
        "share_with_suggestion": round(with_suggestion, 4),
    }
    result.update(one_profile_refreshed(matcher))
    result.update(_scheme_scale(seed, max_welfare_plan, stable_plan, Matcher, synthetic_region))
    result["peak_rss_mb"] = peak_rss_mb()
    return result


PROFILES_REFRESHED = 50
BUILT_PER_PROFILE = 10


def _ms_median_p95(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return round(statistics.median(ordered), 2), round(ordered[int(len(ordered) * 0.95)], 2)


def one_profile_refreshed(matcher) -> dict:
    """One profile changes in the prepared region: its row is refreshed and its suggestions
    worked out again (a person against every household, top 50; a household against every
    person waiting, top 20), for 50 different people and 50 households. For comparison, the
    same suggestions from tables built for that one profile alone (what each page does today)."""
    from dataclasses import replace

    from .assess import carer_tree
    from .profiles import Atmosphere
    from .suggest import Matcher

    people, carers = list(matcher.people), list(matcher.carers)
    step_p, step_c = max(1, len(people) // PROFILES_REFRESHED), max(1, len(carers) // 50)
    moods = list(Atmosphere)
    person_ms, carer_ms, person_built_ms, carer_built_ms = [], [], [], []
    for n in range(PROFILES_REFRESHED):
        person = people[(n * step_p) % len(people)]
        changed = replace(
            person,
            atmosphere=moods[n % len(moods)],
            interests=frozenset(sorted(person.interests)[1:]),
            max_day_support_minutes=person.max_day_support_minutes + 5,
        )
        started = time.perf_counter()
        matcher.refresh_person(changed)
        matcher.suggest_for_person(changed.id, k=50)
        person_ms.append((time.perf_counter() - started) * 1000)
        if n < BUILT_PER_PROFILE:
            started = time.perf_counter()
            Matcher([changed], carers, matcher.config).suggest_for_person(changed.id, k=50)
            person_built_ms.append((time.perf_counter() - started) * 1000)
    for n in range(PROFILES_REFRESHED):
        carer = carers[(n * step_c) % len(carers)]
        changed = replace(carer, interests=frozenset(sorted(carer.interests)[1:]), places=3)
        started = time.perf_counter()
        matcher.refresh_carer(changed)
        matcher.suggest_for_carer(changed.id, k=20)
        carer_ms.append((time.perf_counter() - started) * 1000)
        if n < BUILT_PER_PROFILE:
            started = time.perf_counter()
            Matcher(people, [changed], matcher.config).suggest_for_carer(changed.id, k=20)
            carer_built_ms.append((time.perf_counter() - started) * 1000)
    moved = replace(
        carers[0], location=replace(carers[0].location, lat=carers[0].location.lat + 0.01)
    )
    matcher.refresh_carer(moved)
    started = time.perf_counter()
    carer_tree(matcher.tables)
    tree_ms = (time.perf_counter() - started) * 1000
    result = {}
    for name, timings in (
        ("one_person_refreshed_ms", person_ms),
        ("one_household_refreshed_ms", carer_ms),
        ("one_person_tables_built_alone_ms", person_built_ms),
        ("one_household_tables_built_alone_ms", carer_built_ms),
    ):
        result[f"{name}_median"], result[f"{name}_p95"] = _ms_median_p95(timings)
    result["household_map_redrawn_ms"] = round(tree_ms, 2)
    return result


def _scheme_scale(seed, max_welfare_plan, stable_plan, Matcher, synthetic_region) -> dict:
    """One person's suggestions from a 1,000-carer scheme (the web page), and stability's cost."""
    region = synthetic_region(1500, 1000, seed=seed + 1)
    matcher = Matcher(region.people, region.carers)
    timings = []
    for person in region.people[:200]:
        started = time.perf_counter()
        matcher.suggest_for_person(person.id, k=10)
        timings.append((time.perf_counter() - started) * 1000)
    page_person, page_household = [], []
    for n in range(30):  # what a page does: tables for the one profile, then its suggestions
        person, carer = region.people[n * 37], region.carers[n * 31]
        started = time.perf_counter()
        Matcher([person], region.carers).suggest_for_person(person.id, k=50)
        page_person.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        Matcher(region.people, [carer]).suggest_for_carer(carer.id, k=20)
        page_household.append((time.perf_counter() - started) * 1000)
    assessment = matcher.assess_all()
    stable = stable_plan(matcher, assessment)
    started = time.perf_counter()
    best = max_welfare_plan(matcher, assessment)
    welfare_seconds = time.perf_counter() - started
    return {
        "single_person_suggest_ms_median": round(statistics.median(timings), 2),
        "single_person_suggest_ms_p95": round(sorted(timings)[int(len(timings) * 0.95)], 2),
        "scheme_page_person_ms_median": round(statistics.median(page_person), 2),
        "scheme_page_household_ms_median": round(statistics.median(page_household), 2),
        "scheme_stable_welfare": stable.total_welfare,
        "scheme_max_welfare": best.total_welfare,
        "scheme_max_welfare_blocking_pairs": best.blocking_pairs,
        "scheme_max_welfare_seconds": round(welfare_seconds, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kinfolk.matching", description="Shared Lives matching engine"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    stable = commands.add_parser("stable", help="person-optimal stable matching of a JSON file")
    stable.add_argument("--input", required=True, help="JSON file, or - for standard input")
    bench = commands.add_parser("bench", help="benchmark on a synthetic region")
    bench.add_argument("--people", type=int, required=True)
    bench.add_argument("--carers", type=int, required=True)
    bench.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.command == "stable":
        try:
            text = (
                sys.stdin.read() if args.input == "-" else open(args.input, encoding="utf-8").read()
            )
        except OSError as error:
            _fail(f"cannot read {args.input}: {error.strerror}")
        except UnicodeDecodeError:
            _fail(f"{args.input} is not UTF-8 text")
        try:
            print(json.dumps(run_stable(text)))
        except BadInput as error:
            _fail(str(error))
        except RecursionError:
            _fail("input is nested too deeply")
        return 0
    if args.people < 1 or args.carers < 1:
        _fail("--people and --carers must be at least 1")
    print(json.dumps(run_bench(args.people, args.carers, args.seed)))
    return 0
