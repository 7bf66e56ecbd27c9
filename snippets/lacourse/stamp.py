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
    return {
        "cpu": cpu_model(),
        "cores": str(os.cpu_count()),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": blas(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
    }


def print_stamp() -> None:
    """One line, for the foot of a timing table."""
    stamp = machine_stamp()
    print(
        f"measured on {stamp['cpu']} · {stamp['cores']} cores · Python {stamp['python']} · "
        f"NumPy {stamp['numpy']} · BLAS {stamp['blas']} · {stamp['date']}"
    )
