"""Benchmark: registries protected with Office's password (issue 27). On the registry of 50,000
opinions as Excel saves it (commune_scale_bench's), plain and encrypted with the same package:

- a wrong password: `doithoai summary` from start to refusal (its own process, as the clerk runs
  it), and the refusal alone in this process (derive the key, check the integrity code);
- reading the registry: reader.read_registry of the plain file against opening the encrypted one
  (decryption in memory included), and `doithoai validate` on each in its own process;
- writing a copy of it: registry_copy plain against encrypted (encryption and its round-trip
  check included).
Each figure is the median of three runs.
Run: python bench/protected_bench.py [--cache DIR] [--size N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import commune_scale_bench  # noqa: E402

PASSWORD = "mật khẩu của sổ 2026"
RUNS = 3


def median(work) -> float:
    times = []
    for _ in range(RUNS):
        t = time.perf_counter()
        work()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def command(args: list[str], env: dict) -> float:
    def run():
        res = subprocess.run([sys.executable, "-m", "doithoai", *args], capture_output=True,
                             env=env, stdin=subprocess.DEVNULL)
        if res.returncode not in (0, 1, 2):
            raise SystemExit(f"{args} exited {res.returncode}: {res.stdout[-500:]!r}")
    return median(run)


def main() -> None:
    from doithoai.cli.passwords import ENV
    from doithoai.files import protected, reader, registry_copy
    from doithoai.registry.changes import Changes

    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", help="folder kept between runs for the built registries")
    ap.add_argument("--size", type=int, default=50000)
    args = ap.parse_args()
    folder = args.cache or tempfile.mkdtemp(prefix="doithoai-protected-")
    os.makedirs(folder, exist_ok=True)
    plain = commune_scale_bench.registry(folder, args.size)
    data = open(plain, "rb").read()
    encrypted = os.path.join(folder, f"so-{args.size}-mat-khau.xlsx")
    if not os.path.exists(encrypted):
        with open(encrypted, "wb") as fh:
            fh.write(protected.encrypt(data, PASSWORD))
    print(f"Registry of {args.size} opinions: {len(data) / 1e6:.1f} MB plain, "
          f"{os.path.getsize(encrypted) / 1e6:.1f} MB encrypted")

    env = {k: v for k, v in os.environ.items() if k != ENV}
    wrong = dict(env, **{ENV: "sai mật khẩu"})
    right = dict(env, **{ENV: PASSWORD})
    enc_bytes = open(encrypted, "rb").read()

    def refuse():
        try:
            protected.decrypt(enc_bytes, "sai mật khẩu")
        except protected.WrongPassword:
            return
        raise SystemExit("a wrong password opened the registry")
    print(f"wrong password, refusal alone (key derivation + integrity check): "
          f"{median(refuse) * 1000:.0f} ms")
    print(f"wrong password, `doithoai summary` start to exit 2: "
          f"{command(['summary', encrypted], wrong) * 1000:.0f} ms "
          f"(`doithoai --version` alone: {command(['--version'], env) * 1000:.0f} ms)")

    print(f"read_registry plain: {median(lambda: reader.read_registry(plain)):.2f} s")
    def read_encrypted():
        reader.read_registry(protected.open_file(encrypted, lambda p: PASSWORD))
    print(f"open + decrypt in memory + read_registry encrypted: {median(read_encrypted):.2f} s"
          f" (decryption alone: {median(lambda: protected.decrypt(enc_bytes, PASSWORD)):.2f} s)")
    for cmd in (["summary"], ["validate", "--today", "2026-11-22"]):
        a = command([cmd[0], plain] + cmd[1:], env)
        b = command([cmd[0], encrypted] + cmd[1:], right)
        print(f"`doithoai {cmd[0]}` plain {a:.2f} s, encrypted {b:.2f} s (+{b - a:.2f} s)")

    out = os.path.join(folder, "copies")
    os.makedirs(out, exist_ok=True)
    opened = protected.open_file(encrypted, lambda p: PASSWORD)
    n = [0]

    def copy(source):
        n[0] += 1
        registry_copy.registry_copy(source, Changes(), target=os.path.join(out, f"c{n[0]}.xlsx"))
    a, b = median(lambda: copy(plain)), median(lambda: copy(opened))
    print(f"registry copy plain {a:.2f} s, encrypted {b:.2f} s (+{b - a:.2f} s: encryption "
          "and its round-trip check)")


if __name__ == "__main__":
    main()
