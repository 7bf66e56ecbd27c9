"""What a timing ran on, printed under every timing table."""

from __future__ import annotations

import datetime
import os
import platform

import numpy as np
from threadpoolctl import threadpool_info


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith(("model name", "Model")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def blas() -> str:
    """The BLAS NumPy calls into, as threadpoolctl reports it."""
    libs = [info for info in threadpool_info() if info.get("user_api") == "blas"]
    if not libs:
        return "unknown"
    lib = libs[0]
    arch = f" ({lib['architecture']})" if lib.get("architecture") else ""
    return f"{lib['internal_api']} {lib.get('version') or ''}{arch}, {lib['num_threads']} threads".replace("  ", " ")


def machine_stamp() -> dict[str, str]:
    from lacourse.perf import cores  # physical cores where /proc/cpuinfo says

    return {
        "cpu": cpu_model(),
        "cores": str(cores()),
        "cpus": str(os.cpu_count()),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": blas(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
    }


def stamp_lines(stamp: dict[str, str]) -> list[str]:
    """Two lines, each at most 88 characters (the width the site shows without scrolling)."""
    cpu = stamp["cpu"] if len(stamp["cpu"]) <= 60 else stamp["cpu"][:59] + "…"
    cpus = stamp.get("cpus", stamp["cores"])
    cores = f"{stamp['cores']} cores" + (f" ({cpus} logical CPUs)" if cpus != stamp["cores"] else "")
    lines = [
        f"measured on {cpu} · {cores} · {stamp['date']}",
        f"Python {stamp['python']} · NumPy {stamp['numpy']} · BLAS {stamp['blas']}",
    ]
    return [line if len(line) <= 88 else line[:87] + "…" for line in lines]


def print_stamp() -> None:
    """Two lines, for the foot of a timing table."""
    print("\n".join(stamp_lines(machine_stamp())))
