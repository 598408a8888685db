from __future__ import annotations

import os

import stripe


class PaymentsClient:
    def __init__(self) -> None:
        stripe.api_key = os.environ["STRIPE_API_KEY"]

    def charge(self, customer_id: str, amount_cents: int, currency: str = "usd") -> str:
        intent = stripe.PaymentIntent.create(
            customer=customer_id,
            amount=amount_cents,
            currency=currency,
            confirm=True,
        )
        return intent.id
