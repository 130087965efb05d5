"""Microsoft Defender's attack-surface-reduction rule that stops the buttons: "Block all Office
applications from creating child processes" (d4f940ab-401b-4efc-aadc-ad5f3c50688a). RunPython
starts Python as a child process of Excel; with the rule in Block mode nothing happens (xlwings
issue 2433), in Warn mode the clerk is stopped at every press.

The rule's state is a string value named by the rule's id under the policy key (Group Policy,
Intune) or the local one (Set-MpPreference); the policy wins. An ASR exclusion (a path under
ASROnlyExclusions, policy or local) for the Python the buttons start lets it through.
"""
from __future__ import annotations

import ntpath
from typing import Callable

RULE = "d4f940ab-401b-4efc-aadc-ad5f3c50688a"
ASR = r"SOFTWARE\{}Microsoft\Windows Defender\Windows Defender Exploit Guard\ASR"
POLICY, LOCAL = ASR.format("Policies\\"), ASR.format("")
STATES = {"0": "tắt", "1": "chặn (Block)", "2": "chỉ ghi nhật ký (Audit)", "6": "cảnh báo (Warn)"}


def rule_state(read: Callable[[str, str], object | None]) -> str | None:
    """The rule's state ("0", "1", "2", "6") from ``read(key, value name)``, policy first."""
    for key in (POLICY, LOCAL):
        value = read(key + r"\Rules", RULE)
        if value is not None:
            return str(value).strip()
    return None


def excluded(interpreter: str, exclusions: list[str]) -> bool:
    """An ASR exclusion covers ``interpreter``: the file itself or a folder above it."""
    target = ntpath.normcase(ntpath.normpath(interpreter))
    for ex in exclusions:
        folder = ntpath.normcase(ntpath.normpath(ex.rstrip("\\/")))
        if target == folder or target.startswith(folder + "\\"):
            return True
    return False


def real_reader():
    """``read(key, name)`` and ``names(key)`` over HKLM with winreg (Windows only)."""
    import winreg

    def read(key: str, name: str):
        try:
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key) as k:
                return winreg.QueryValueEx(k, name)[0]
        except OSError:
            return None

    def names(key: str) -> list[str]:
        out = []
        try:
            with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key) as k:
                i = 0
                while True:
                    out.append(winreg.EnumValue(k, i)[0])
                    i += 1
        except OSError:
            pass
        return out
    return read, names


def exclusions(names: Callable[[str], list[str]]) -> list[str]:
    return names(POLICY + r"\ASROnlyExclusions") + names(LOCAL + r"\ASROnlyExclusions")
