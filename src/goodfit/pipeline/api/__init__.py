"""The pipeline's REST endpoints, one module per entity, mounted on one router."""

from __future__ import annotations

from ninja import Router

from goodfit.pipeline.api import config, deals, interactions, prospects

router = Router()
router.add_router("/", config.router)
router.add_router("/", prospects.router)
router.add_router("/", deals.router)
router.add_router("/", interactions.router)

__all__ = ["router"]
