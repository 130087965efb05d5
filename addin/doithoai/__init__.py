"""doithoai: the registry, deadlines and documents of commune dialogue conferences."""

import os

__version__ = "0.5.0"

# doithoai never multiplies matrices, yet numpy's OpenBLAS starts a thread per processor core
# the moment numpy is first imported (by the package check of large sheets, by openpyxl, by
# rapidfuzz): 0.07 s of every such command's start on two cores, more on more. One thread,
# unless the user's environment says otherwise.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
