"""Enumerations shared by the GraphQL types."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="A unit's role for a clause (CONTRACT.md): 牵头, 配合, 责任单位, 负责落实.")
class Role(Enum):
    LEAD = "Lead"
    SUPPORT = "Support"
    RESPONSIBLE = "Responsible"
    IMPLEMENTER = "Implementer"


@strawberry.enum(description="What kind of body a unit is.")
class UnitType(Enum):
    GOVERNMENT = "Government"
    DEPARTMENT = "Department"
    COLLECTIVE = "Collective"
    OUTSIDE_BODY = "OutsideBody"
    INTERNAL_OFFICE = "InternalOffice"
