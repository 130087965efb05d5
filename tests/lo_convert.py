"""LibreOffice run by the tests: each conversion with a profile of its own, so that it never
meets another LibreOffice (a clerk's, another test run's) holding the default profile, which
makes soffice exit 1 without a word."""
import subprocess
import tempfile


def convert(src, outdir, fmt: str = "pdf", timeout: int = 180) -> None:
    """``src`` converted by LibreOffice headless into ``outdir`` as ``fmt`` (raises on failure)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                        "--convert-to", fmt, "--outdir", str(outdir), str(src)],
                       check=True, capture_output=True, timeout=timeout)
