import sys

from doithoai.cli import console

sys.exit(console())
