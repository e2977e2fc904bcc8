"""Who is the actor and who the recipient, once a merged event's place is known.

PLOVER: for a meeting with a visitor and a host, the visitor is the actor and the host the
recipient; when no side is the host, every participant is an actor.
"""

from __future__ import annotations

from veille.events.merge import MergedEvent

CONSULT = "CONSULT"
VISIT, THIRD_PARTY, MULTILATERAL = "visit", "third-party", "multilateral"
FORUMS = {"IGO", "UNO"}  # the codes of intergovernmental organisations


def settle_roles(event: MergedEvent) -> None:
    if event.type != CONSULT:
        return
    country = (event.location or {}).get("country")
    participants = event.participants
    if country and not event.recipients and event.mode in (None, VISIT):  # a call has no host
        hosts = [a for a in participants if a.get("country") == country]
        guests = [a for a in participants if a.get("country") != country]
        if hosts and guests:
            event.actors, event.recipients = guests, hosts
            event.mode = VISIT
        elif guests and event.mode == VISIT:
            event.recipients = [{"name": None, "country": country, "sector": "GOV", "kind": "state", "aliases": []}]
    if event.mode is None and event.recipients and any(m.trigger.frame == "host-visitor" for m in event.mentions):
        event.mode = VISIT  # "Macron a reçu le roi Abdallah II": the guest visits the host
    if event.mode is None and not event.recipients and any(a.get("country") in FORUMS for a in participants):
        event.mode = MULTILATERAL  # "participer au sommet du G20": a forum of many states
    if event.mode is None and not event.recipients and country:
        # on neutral ground; people meeting at home ("a discuté avec des maires") meet as such
        at_home = all(a.get("country") == country for a in participants)
        event.mode = MULTILATERAL if len(participants) > 2 else THIRD_PARTY if len(participants) == 2 and not at_home else None


def clash_as_riot(event: MergedEvent, riot: dict) -> None:
    """Clashes told without sides between a crowd and forces of order are the crowd's
    violent protest against those forces."""
    if event.type != riot["clashes"] or event.recipients:
        return
    forces = [a for a in event.actors if a.get("sector") in riot["forces"]]
    crowd = [a for a in event.actors if a.get("sector") in riot["crowd"]]
    if forces and crowd and len(forces) + len(crowd) == len(event.actors):
        event.type, event.mode, event.cameo = riot["type"], riot["mode"], riot["cameo"]
        event.actors, event.recipients = crowd, forces


def is_complete(event: MergedEvent, frame: str, alone: frozenset[str] = frozenset(),
                not_acting: dict[str, frozenset[str]] | None = None) -> bool:
    """An event needs someone acting, of a sector that can (`not_acting`: a government does
    not demonstrate), and someone acted upon unless its frame has nobody or its type may be
    done alone (`alone`, types or type/mode: a protest need not be against anyone named, a
    call for a ceasefire need not be addressed to anyone)."""
    excluded = (not_acting or {}).get(f"{event.type}/{event.mode}", frozenset())
    if not [a for a in event.actors if a.get("name") or acting_sector(a) not in excluded]:
        return False
    if frame == "agent" or event.type in alone or f"{event.type}/{event.mode}" in alone:
        return True
    # two who act together need no one acted upon only when the event is done together
    # ("X et Y se sont rencontrés"), not when each does it ("X et Y défendent le texte")
    return bool(event.recipients) or (frame != "agent-patient" and len(event.participants) >= 2)


def acting_sector(actor: dict) -> str | None:
    """A state that acts acts through its government."""
    return actor.get("sector") or ("GOV" if actor.get("kind") == "state" else None)


def actor_record(actor: dict) -> dict:
    """An event's participant as it is stored and shown (`veille.schema.Actor`)."""
    return {"name": actor.get("name"), "country": actor.get("country"), "sector": acting_sector(actor),
            "kind": actor.get("kind"), "aliases": list(actor.get("aliases") or [])}
