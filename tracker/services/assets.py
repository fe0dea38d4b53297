"""Animals and looms handed over: each becomes an asset of its own (with its ear tag),
followed up on the visits (``visits.record_visit`` records what became of it)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tracker.db.models import Asset, AssetEvent, Disbursement, Grant
from tracker.domain.vocab import LIVESTOCK
from tracker.services.context import Actor


def makes_assets(kind: str | None, requested: bool | None) -> bool:
    """Whether goods of this asset kind become assets: animals always (unless asked not
    to), looms and other tools only when asked."""
    if not kind:
        return False
    return kind in LIVESTOCK if requested is None else requested


def hand_over(
    s: Session,
    actor: Actor,
    g: Grant,
    d: Disbursement,
    *,
    tags: tuple[str, ...] = (),
    requested: bool | None = None,
) -> list[int]:
    """Make one asset per item of a hand-over of goods (flushed), each with its first
    event; ``tags`` are the ear tags in order (a single animal takes the grant's tag when
    none is given). Returns the new assets' ids (none for cash or other goods)."""
    kind = g.grant_type.asset_kind
    qty = d.quantity
    if not kind or qty is None or not makes_assets(kind, requested):
        return []
    default_tag = str((g.details or {}).get("ear_tag", "") or "")
    ids: list[int] = []
    for i in range(qty):
        asset = Asset(
            beneficiary_id=g.beneficiary_id,
            grant_id=g.id,
            disbursement_id=d.id,
            kind=kind,
            description=d.description,
            tag=tags[i] if i < len(tags) else (default_tag if qty == 1 else ""),
            value=d.unit_value or 0,
            status="alive" if kind in LIVESTOCK else "in_use",
            acquired_on=d.handed_on,
        )
        asset.events = [
            AssetEvent(
                happened_on=d.handed_on,
                status=asset.status,
                note=d.description,
                recorded_by_id=actor.user_id,
            )
        ]
        s.add(asset)
        s.flush()
        ids.append(asset.id)
    return ids
