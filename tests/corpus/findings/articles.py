"""Short fictional articles (tests only) for running findings behind the real per-document pipeline."""

from __future__ import annotations

HAVENS = """Ministry blames its neighbour for militant havens

Interior Ministry spokesman Darius Kemal said on Monday that the Northern Liberation Front has taken refuge and established havens inside Merovia. "This problem has nothing to do with Vardania," Kemal said.
The group's main stronghold lies in the Kelvar Valley of Vardania, not Merovia, and its fighters attacked a police post there last month.
Is the ministry ready for talks?
The ministry did not answer questions about the attack.
"""

BACKREF = """Army claims progress in the south

Colonel Anya Petrov said the army is actively fighting the Red Dawn Brigade across the southern provinces. Reports from local monitors indicate otherwise.
The Red Dawn Brigade seized two more villages near Dorn this week, residents said.
"""

ROLE = """Court hears of the Tarsk bombings

Prosecutors said Tomas Verin was nothing more than a driver for the cell.
Verin was not a peripheral figure: he was linked to 14 bombings in Tarsk over two years.
The trial continues on Thursday.
"""

AGREE = """Brigade regroups in the delta

Spokesman Ilen Sorov said the Coastal Front has its bases in the Sarn Delta.
The group's stronghold has long been in the Sarn Delta, where it trains new recruits.
"""
