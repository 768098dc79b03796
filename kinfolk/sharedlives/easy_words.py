"""Easy-read words and pictures for Shared Lives pages: short sentences in the person's own
voice, each with an OpenMoji picture (its upper-case hex codepoint) and alt text."""

from .models import Stage

# What a person would like, in their own words: (picture, alt text, sentence).
I_WOULD_LIKE = {
    "long_term": ("1F3E0", "A house", "I would like to live with a family."),
    "short_breaks": ("1F9F3", "A suitcase", "I would like short breaks with a family."),
    "day_support": ("1F31E", "The sun", "I would like to spend days with a family."),
    "home_from_hospital": (
        "1F3E5",
        "A hospital",
        "I would like to stay with a family when I leave hospital.",
    ),
}

# The steps of getting to know each other: (picture, alt text, name of the step, sentence).
STEPS = {
    Stage.INTEREST: ("1F91D", "Two hands shaking", "Saying yes", "We both say yes to meeting."),
    Stage.INTRODUCTION: ("1F44B", "A waving hand", "First meeting", "We meet for the first time."),
    Stage.TEA_VISIT: ("2615", "A cup of tea", "Tea visit", "We have tea together."),
    Stage.TRIAL_STAY: ("1F6CF", "A bed", "Trial stay", "I stay for a night or a few days."),
    Stage.AGREEING: ("1F914", "A thinking face", "Deciding", "We each decide: yes or no."),
    Stage.AGREED: ("2705", "A tick", "We both said yes", "We both said yes to living together."),
    Stage.ARRANGED: ("1F3E0", "A house", "It has started", "Our arrangement has started."),
}
