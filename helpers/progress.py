"""``helpers.progress``: the learner's progress store under its public name.

The store itself is part of the engine (``helpers.core.progress``, where its behaviour is specified); this module
gives the same functions to notebooks and to checks from outside.
"""

from helpers.core.progress import (
    AFRESH,
    ENV,
    MAX_BYTES,
    VERSION,
    Refused,
    default_path,
    key,
    load,
    record,
    safely_record,
)

__all__ = ["AFRESH", "ENV", "MAX_BYTES", "VERSION", "Refused", "default_path", "key", "load", "record", "safely_record"]
