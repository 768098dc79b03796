"""`python -m kinfolk.matching stable`: the contract other tools rely on.

`python -m kinfolk.matching` only calls `cli.main()` and exits with what it returns, so most
cases run `main()` in this process (starting Python with NumPy and SciPy for each took most of
this file's time); the first case runs the real command end to end.
"""

import io
import json
import subprocess
import sys
import traceback
from contextlib import redirect_stderr, redirect_stdout

import pytest

from kinfolk.matching.cli import main

EXAMPLE = {
    "people": {"ann": ["c1", "c2"], "bob": ["c1"], "cat": ["c2", "c1"], "dan": []},
    "carers": {
        "c1": {"capacity": 1, "ranking": ["bob", "ann", "cat"]},
        "c2": {"capacity": 1, "ranking": ["ann", "cat"]},
    },
}


def run_command(*args: str) -> subprocess.CompletedProcess:
    """What `python -m kinfolk.matching <args>` prints and exits with, run in this process."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit:
            code = exit.code
        except Exception:
            traceback.print_exc()  # what Python prints when the command fails
            code = 1
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def run(tmp_path, data, raw=False):
    path = tmp_path / "input.json"
    path.write_text(data if raw else json.dumps(data))
    return run_command("stable", "--input", str(path))


def test_stable_prints_the_person_optimal_matching(tmp_path):
    path = tmp_path / "input.json"
    path.write_text(json.dumps(EXAMPLE))
    result = subprocess.run(
        [sys.executable, "-m", "kinfolk.matching", "stable", "--input", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["matching"] == {"ann": "c2", "bob": "c1", "cat": None, "dan": None}
    assert out["blocking_pairs"] == 0
    assert isinstance(out["solve_seconds"], float)


def test_a_pair_is_acceptable_only_when_each_lists_the_other(tmp_path):
    data = {"people": {"ann": ["c1"]}, "carers": {"c1": {"capacity": 1, "ranking": []}}}
    assert json.loads(run(tmp_path, data).stdout)["matching"] == {"ann": None}


def test_a_capacity_of_zero_takes_no_one(tmp_path):
    data = {"people": {"ann": ["c1"]}, "carers": {"c1": {"capacity": 0, "ranking": ["ann"]}}}
    assert json.loads(run(tmp_path, data).stdout)["matching"] == {"ann": None}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not valid JSON"),
        ("[]", 'exactly "people" and "carers"'),
        ('{"people": {}, "carers": {}, "extra": 1}', "exactly"),
        ('{"people": {"a": ["x"]}, "carers": {}}', "unknown carer 'x'"),
        (
            '{"people": {}, "carers": {"c": {"capacity": 1, "ranking": ["z"]}}}',
            "unknown person 'z'",
        ),
        ('{"people": {"a": [], "a": []}, "carers": {}}', "duplicate key 'a'"),
        (
            '{"people": {"a": ["c", "c"]}, "carers": {"c": {"capacity": 1, "ranking": ["a"]}}}',
            "more than once",
        ),
        ('{"people": {}, "carers": {"c": {"capacity": -1, "ranking": []}}}', "capacity"),
        ('{"people": {}, "carers": {"c": {"capacity": 1.5, "ranking": []}}}', "capacity"),
        ('{"people": {}, "carers": {"c": {"capacity": true, "ranking": []}}}', "capacity"),
        (
            '{"people": {"a": "c"}, "carers": {"c": {"capacity": 1, "ranking": []}}}',
            "list of id strings",
        ),
        ('{"people": {"a": [1]}, "carers": {}}', "list of id strings"),
        ('{"people": {"a": [["c"]]}, "carers": {}}', "list of id strings"),
        ('{"people": [], "carers": {}}', "objects keyed by id"),
        ('{"people": {}, "carers": {"c": {"capacity": 1}}}', "capacity"),
    ],
)
def test_malformed_input_exits_2_with_one_line_and_no_traceback(tmp_path, text, message):
    result = run(tmp_path, text, raw=True)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert message in lines[0]


def test_a_missing_file_is_a_clear_error(tmp_path):
    result = run_command("stable", "--input", str(tmp_path / "missing.json"))
    assert result.returncode == 2 and "cannot read" in result.stderr


def test_the_engine_does_not_import_django():
    code = (
        "import sys, kinfolk.matching, kinfolk.matching.cli; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_the_bench_region_and_plan_do_not_depend_on_string_hashing():
    """Same seed, same region and plan, whatever PYTHONHASHSEED a process happens to get."""
    code = (
        "import dataclasses, hashlib, json\n"
        "from kinfolk.matching import synthetic, plan, suggest\n"
        "def canonical(o):\n"
        "    return sorted(o) if isinstance(o, (set, frozenset)) else str(o)\n"
        "region = synthetic.synthetic_region(300, 200, seed=3)\n"
        "matcher = suggest.Matcher(region.people, region.carers)\n"
        "result = plan.stable_plan(matcher)\n"
        "text = json.dumps([dataclasses.asdict(region), result.introductions],\n"
        "                  sort_keys=True, default=canonical)\n"
        "print(hashlib.sha256(text.encode()).hexdigest())\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
