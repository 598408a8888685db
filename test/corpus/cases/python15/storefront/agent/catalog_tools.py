"""Catalog and customer lookup tools for the LangGraph support assistant."""
import logging
import os

import requests
from langchain_core.tools import BaseTool
from langchain_core.tools import tool as lc_tool
from pydantic import BaseModel, Field

from storefront import db, services
from storefront.models import Customer
from storefront.utils import net

logger = logging.getLogger("storefront.agent.catalog")


@lc_tool
def lookup_order(order_id: int) -> dict:
    """Return status, total and line items for an order."""
    logger.info("agent lookup_order order_id=%s", order_id)
    return services.get_order_summary(order_id)


@lc_tool
def search_customers(term: str) -> list[dict]:
    """Find customers whose name or e-mail contains `term`."""
    return [c.__dict__ for c in Customer.search(term, limit=10)]


@lc_tool
def query_supplier_api(endpoint: str) -> dict:
    """Query the supplier partner API, e.g. endpoint='/v1/stock/SKU-1042'."""
    logger.info("agent query_supplier_api endpoint=%s", endpoint)
    return net.fetch_partner(endpoint)


@lc_tool
def track_shipment(tracking_number: str) -> dict:
    """Look up carrier tracking events for a shipment."""
    logger.info("agent track_shipment %s", tracking_number)
    resp = requests.get(
        f"https://api.shipfast.io/v2/track/{tracking_number}",
        headers={"Authorization": f"Bearer {os.environ['SHIPFAST_API_KEY']}"},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


@lc_tool
def preview_link(url: str) -> str:
    """Return the page title of a link on one of our own sites."""
    net.ensure_allowed_url(url)
    title = net.fetch_page_title(url)
    print(f"[agent] preview_link {url} -> {title!r}")
    return title


class CancelReservationInput(BaseModel):
    reservation_id: int = Field(description="id of the stock reservation to release")


class CancelReservationTool(BaseTool):
    name: str = "cancel_reservation"
    description: str = "Release a stock reservation so the items go back on sale."
    args_schema: type[BaseModel] = CancelReservationInput

    def _run(self, reservation_id: int) -> str:
        logger.info("agent cancel_reservation id=%s", reservation_id)
        deleted = db.execute("DELETE FROM stock_reservations WHERE id = ?", (reservation_id,))
        return f"released {deleted} reservation(s)"
