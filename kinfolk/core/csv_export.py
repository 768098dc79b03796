"""The one CSV writer every export uses: no text cell can run as a spreadsheet formula.

A text cell starting with =, +, -, @, a tab or a carriage return is prefixed with a single
quote (OWASP's advice against CSV injection). Numbers stay numbers, including text that is
only a number like "-3.5".
"""

import csv
import re

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value):
    """The value as a spreadsheet should see it: text that could run as a formula is quoted."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def restore_cell(value: str) -> str:
    """A cell as it was before safe_cell, for Kinfolk reading back its own export."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


class SafeWriter:
    """csv.writer with every cell passed through safe_cell."""

    def __init__(self, file, **kwargs):
        self._writer = csv.writer(file, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class SafeDictWriter(csv.DictWriter):
    """csv.DictWriter with every cell passed through safe_cell."""

    def writerow(self, rowdict):
        return super().writerow({key: safe_cell(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts):
        for row in rowdicts:
            self.writerow(row)


def writer(file, **kwargs) -> SafeWriter:
    """A CSV writer that neutralises formulas in text cells."""
    return SafeWriter(file, **kwargs)


def dict_writer(file, fieldnames, **kwargs) -> SafeDictWriter:
    """A CSV DictWriter that neutralises formulas in text cells."""
    return SafeDictWriter(file, fieldnames=fieldnames, **kwargs)


def csv_response(filename: str) -> tuple[HttpResponse, SafeWriter]:
    """A downloadable CSV response, and the safe writer to fill it with."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, writer(response)


def csv_download(filename: str, header: list, rows) -> HttpResponse:
    """A downloadable CSV of a header and rows, every cell made safe."""
    response, out = csv_response(filename)
    out.writerow(header)
    out.writerows(rows)
    return response
