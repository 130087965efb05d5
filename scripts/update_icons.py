"""Copy the toolbar icons of the LibreOffice extension from an installed LibreOffice's Colibre
icon theme (CC0-1.0, by Andreas Kainz) into addin/doithoai/libreoffice/icons/.

Run it where LibreOffice is installed, after changing doithoai.libreoffice.tab.ICONS:
    python scripts/update_icons.py [path/to/images_colibre.zip]
Each command gets its small (sc_, 16 px) and large (lc_, 24 px) icon.
"""
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "addin"))

from doithoai.libreoffice.tab import ICONS  # noqa: E402

CANDIDATES = ("/usr/lib/libreoffice/share/config/images_colibre.zip",
              "/opt/libreoffice/share/config/images_colibre.zip",
              r"C:\Program Files\LibreOffice\share\config\images_colibre.zip")


def main(theme: str | None) -> int:
    theme = theme or next((p for p in CANDIDATES if os.path.exists(p)), None)
    if theme is None:
        print("Không tìm thấy images_colibre.zip của LibreOffice; hãy ghi đường dẫn.")
        return 1
    out = os.path.join(ROOT, "addin", "doithoai", "libreoffice", "icons")
    os.makedirs(out, exist_ok=True)
    wanted = {f"{size}_{name}.png" for name in ICONS.values() for size in ("sc", "lc")}
    for old in os.listdir(out):
        if old.endswith(".png") and old not in wanted:
            os.remove(os.path.join(out, old))
    with zipfile.ZipFile(theme) as z:
        for name in sorted(wanted):
            with open(os.path.join(out, name), "wb") as fh:
                fh.write(z.read(f"cmd/{name}"))
    print(f"{len(wanted)} biểu tượng từ {theme} vào {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
