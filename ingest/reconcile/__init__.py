"""Reconciling what a paper says of itself: cross-references resolved within each plan, and
initials linked to the names the paper defines for them."""
from __future__ import annotations

from boardpapers.extractors.interpret.xrefs import resolve_references
from boardpapers.schema.models import Plan


def resolve_plan_references(plan: Plan) -> Plan:
    """Each item's references resolved against its own plan's refs (never across plans)."""
    refs = [item.ref for item in plan.items]
    resolved = resolve_references([item.cross_refs for item in plan.items], refs)
    items = [item.model_copy(update={"cross_refs": r}) for item, r in zip(plan.items, resolved)]
    return plan.model_copy(update={"items": items})


def dangling(plan: Plan) -> list[tuple[str | None, str]]:
    """(row ref, raw text) for every reference that points at no row of its plan."""
    return [(item.ref, ref.raw) for item in plan.items for ref in item.cross_refs if not ref.resolved]


def link_initials(plan: Plan, defined: dict[str, str]) -> Plan:
    """Owners printed as initials ("PS") get the name the paper defines for them ("Priya Shah")."""
    if not defined:
        return plan
    items = []
    for item in plan.items:
        owners = [o.model_copy(update={"person": defined[o.name]}) if o.kind == "initials" and o.name in defined
                  else o for o in item.owners]
        items.append(item.model_copy(update={"owners": owners}))
    return plan.model_copy(update={"items": items})
