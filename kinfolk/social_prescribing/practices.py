"""The area's list of GP practices from the NHS ODS `epraccur` file (all or nothing).

`epraccur.csv` has no header row; Kinfolk reads these columns and ignores the rest:

| column | what it holds | used for |
| --- | --- | --- |
| 1 | Organisation Code (the practice's ODS code, e.g. B82005) | the practice's code |
| 2 | Name | the name a referrer chooses |
| 10 | Postcode | keeping only the area's practices (`--postcode`) |
| 13 | Status Code: A active, C closed, D dormant, P proposed | only A is offered |
"""

import csv
import io

from django.core.exceptions import ValidationError
from django.db import transaction

from .services import practice_record

CODE, NAME, POSTCODE, STATUS = 0, 1, 9, 12
ACTIVE = "A"


class Problems(Exception):
    """Every problem in the file, one a line; nothing was loaded."""


def _rows(text: str):
    return [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]


def _in_the_area(postcode: str, prefixes: list[str]) -> bool:
    outward = postcode.strip().upper().split(" ")[0]
    return not prefixes or any(
        outward == p or (outward.startswith(p) and not outward[len(p)].isalpha()) for p in prefixes
    )


@transaction.atomic
def practices_load(*, area, text: str, postcode_prefixes: list[str] = ()) -> dict:
    """Load an `epraccur` file's practices into the area's list: active ones offered, closed or
    dormant ones kept off the list a referrer sees. All or nothing."""
    prefixes = [p.strip().upper() for p in postcode_prefixes if p.strip()]
    problems, loaded = [], {"offered": 0, "not offered": 0, "left out": 0}
    for number, row in enumerate(_rows(text), start=1):
        if len(row) < STATUS + 1:
            problems.append(f"line {number}: {len(row)} columns, expected at least {STATUS + 1}")
            continue
        if not _in_the_area(row[POSTCODE], prefixes):
            loaded["left out"] += 1
            continue
        offered = row[STATUS].strip().upper() == ACTIVE
        try:
            with transaction.atomic():
                practice_record(area=area, ods_code=row[CODE], name=row[NAME],
                                postcode=row[POSTCODE], offered=offered)  # fmt: skip
        except ValidationError as error:
            problems.append(f"line {number} ({row[CODE].strip()}): {' '.join(error.messages)}")
            continue
        loaded["offered" if offered else "not offered"] += 1
    if problems:
        transaction.set_rollback(True)
        raise Problems("\n".join(problems))
    return loaded
