"""``helpers.progress``: the engine's progress store (``helpers.core.progress``) under its public name.

Both names give the very same module object, so a setting changed through one is seen through the other.
"""

import sys

from helpers.core import progress as _store

sys.modules[__name__] = _store
