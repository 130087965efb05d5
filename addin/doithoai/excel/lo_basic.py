"""Compile VBA modules with LibreOffice Basic (VBA-compatibility mode). Run by Debian's
``/usr/bin/python3`` (which has python3-uno), not by the package's Python:

    /usr/bin/python3 lo_basic.py MODULES.json

MODULES.json maps a module name to its source (already prepared: no Attribute lines, no
PtrSafe, no #If). Each module goes into a library of its own, with a probe function appended
that returns 42: LibreOffice does not report the compiler's message, but a module that does not
compile returns nothing from its probe (or has no probe at all when it cannot be parsed). A
failing module is then compiled procedure by procedure to name the ones at fault. Prints one
JSON object: module → {"ok": bool, "procedures": [names that do not compile]}.
Standard library and uno only.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid

PROBE = "\nFunction DoithoaiProbe() As Integer\n    DoithoaiProbe = 42\nEnd Function\n"
HEADER = "Option VBASupport 1\n"
_PROC = re.compile(r"^\s*(?:(?:Public|Private|Friend|Static)\s+)*(Sub|Function|Property\s+\w+)\s+"
                   r"(\w+)", re.I)
_END = re.compile(r"^\s*End\s+(Sub|Function|Property)\b", re.I)


def split(source):
    """(declarations, [(name, text)]) of a module."""
    head, procs, current, name = [], [], None, None
    for line in source.split("\n"):
        m = _PROC.match(line)
        if current is None and m:
            current, name = [line], m.group(2)
            continue
        if current is not None:
            current.append(line)
            if _END.match(line):
                procs.append((name, "\n".join(current)))
                current = None
            continue
        head.append(line)
    if current is not None:
        procs.append((name, "\n".join(current)))
    return "\n".join(head), procs


class Office:
    def __init__(self):
        import uno
        from com.sun.star.beans import PropertyValue
        self.profile = tempfile.mkdtemp(prefix="doithoai-lo-")
        pipe = "doithoai" + uuid.uuid4().hex[:8]
        self.proc = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
             "-env:UserInstallation=file://" + self.profile,
             f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(300):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if self.proc.poll() is not None:
                    raise RuntimeError("soffice stopped before it answered")
                time.sleep(0.1)
        else:
            raise RuntimeError("soffice did not answer")
        self.desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                                    ctx)
        hidden = PropertyValue()
        hidden.Name, hidden.Value = "Hidden", True
        self.doc = self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                     (hidden,))
        self.libs = self.doc.BasicLibraries
        self.scripts = self.doc.getScriptProvider()
        self.count = 0

    def compiles(self, source):
        self.count += 1
        lib = f"DoithoaiLib{self.count}"
        self.libs.createLibrary(lib)
        self.libs.getByName(lib).insertByName("M", HEADER + source + PROBE)
        try:
            script = self.scripts.getScript(
                f"vnd.sun.star.script:{lib}.M.DoithoaiProbe?language=Basic&location=document")
            return script.invoke((), (), ())[0] == 42
        except Exception:
            return False

    def close(self):
        try:
            self.doc.close(True)
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except Exception:
            self.proc.kill()


def main(path):
    with open(path, encoding="utf-8") as fh:
        modules = json.load(fh)
    office = Office()
    out = {}
    try:
        for name, source in modules.items():
            if office.compiles(source):
                out[name] = {"ok": True, "procedures": []}
                continue
            head, procs = split(source)
            bad = [p for p, text in procs if not office.compiles(head + "\n" + text)]
            out[name] = {"ok": False, "procedures": bad}
    finally:
        office.close()
        import shutil
        shutil.rmtree(office.profile, ignore_errors=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
    os._exit(0)
