"""API shapes more than one app answers with."""

from ninja import Field, Schema


class ReportLineOut(Schema):
    """One published figure of a report, under the disclosure rule."""

    section: str
    figure: str
    value: int | float | None = Field(None, description="Null when suppressed or not enough yet")
    shown: str = Field(..., description="The figure in words, as on the page and in the CSV")
