"""LibreOffice run by the tests to convert a file (named apart from tests/libreoffice/office.py,
which drives a running LibreOffice: one name for both let whichever was imported first stand
for the other): each conversion with a profile of its own, so that it never meets another
LibreOffice (a clerk's, another test run's) holding the default profile, which makes soffice
exit 1 without a word."""
import subprocess
import tempfile


def convert(src, outdir, fmt: str = "pdf", timeout: int = 180) -> None:
    """``src`` (a path, or a list of paths converted by one LibreOffice, which saves its start
    for each) converted by LibreOffice headless into ``outdir`` as ``fmt`` (raises on
    failure)."""
    sources = [str(s) for s in src] if isinstance(src, (list, tuple)) else [str(src)]
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                        "--convert-to", fmt, "--outdir", str(outdir), *sources],
                       check=True, capture_output=True, timeout=timeout)
