"""Emulated connections (Chrome DevTools Protocol), for the engine tests and
`bench/slow_links.py` alike: the same slow phone and metered reader in both."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Page


@dataclass(frozen=True)
class Connection:
    """An emulated connection: throughput in Mbit/s both ways, round trip in ms."""

    label: str
    mbit_s: float
    latency_ms: int
    cpu_slowdown: int = 1
    save_data: bool = False

    def emulate(self, context: Any, page: Page) -> None:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        throughput = self.mbit_s * 1e6 / 8
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": self.latency_ms,
            "downloadThroughput": throughput, "uploadThroughput": throughput,
        })
        if self.cpu_slowdown > 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": self.cpu_slowdown})
        if self.save_data:
            cdp.send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})


FAST = Connection("fast: 50 Mbit/s, 20 ms", 50, 20)
SLOW_4G = Connection("slow 4G: 1.6 Mbit/s, 150 ms, 4x CPU", 1.6, 150, 4)
ONE_MBIT = Connection("1.0 Mbit/s, 150 ms, 4x CPU", 1.0, 150, 4)
SAVE_DATA = Connection("Save-Data, 50 Mbit/s, 20 ms", 50, 20, save_data=True)
