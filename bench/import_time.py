"""Start-up cost of a button press: what `import doithoai.buttons` costs and pulls in.

A ribbon button starts Python and imports doithoai.buttons; each button then imports only
what it needs. This prints the cumulative import time of doithoai.buttons (median of several
fresh interpreters, from `python -X importtime`), the same for each button's own imports, and
checks that no heavy library is loaded before a button needs it.
Run: python bench/import_time.py
"""
import statistics
import subprocess
import sys

HEAVY = ("openpyxl", "holidays", "docx", "docxtpl", "python_calamine", "xlwings", "lxml",
         "pyopenvba")
CASES = {
    "import doithoai.buttons": "doithoai.buttons",
    "+ Kiểm tra dữ liệu / Tính hạn (reader, validate, deadlines)":
        "doithoai.buttons, doithoai.files.reader, doithoai.rules.validation, doithoai.rules.deadlines",
    "+ Tạo sổ mới (template → openpyxl)": "doithoai.buttons, doithoai.files.blank",
    "for reference: import xlwings (RunPython loads it anyway)": "xlwings",
}


def cumulative_ms(modules: str) -> float:
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {modules}"],
                         capture_output=True, text=True).stderr
    wanted = {m.strip() for m in modules.split(",")}
    total = 0
    for line in out.splitlines():
        if not line.startswith("import time:"):
            continue
        _, cum, name = line.split("|")
        if name.strip() in wanted and name.startswith(" ") and not name.startswith("  "):
            total += int(cum)
    return total / 1000


def main() -> int:
    for label, modules in CASES.items():
        runs = [cumulative_ms(modules) for _ in range(7)]
        print(f"{label:<62} median {statistics.median(runs):6.1f} ms  "
              f"(min {min(runs):.1f})")
    loaded = subprocess.run([sys.executable, "-c",
                             "import sys, doithoai.buttons; print(' '.join(m for m in "
                             f"{HEAVY!r} if m in sys.modules))"],
                            capture_output=True, text=True).stdout.strip()
    print("heavy libraries loaded by importing doithoai.buttons:", loaded or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
