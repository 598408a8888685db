import { Router } from "express";
import { prisma } from "../lib/db";
import { getOrderById, listOrders, searchProductsRaw } from "../models/catalog";
import { refundPayment } from "../services/billing";
import { postWebhook } from "../lib/http";

export const ordersRouter = Router();

ordersRouter.get("/orders", async (req, res) => {
  const status = String(req.query.status ?? "PAID");
  const sort = String(req.query.sort ?? `"updatedAt" DESC`);
  res.json(await listOrders(status, sort));
});

ordersRouter.get("/orders/:id", async (req, res) => {
  const order = await getOrderById(Number(req.params.id));
  if (!order) return res.status(404).end();
  res.json(order);
});

ordersRouter.get("/products/search", async (req, res) => {
  res.json(await searchProductsRaw(String(req.query.q ?? "")));
});

ordersRouter.post("/admin/orders/:id/refund", async (req, res) => {
  const refund = await refundPayment(Number(req.params.id), req.body.amountCents);
  res.json({ refundId: refund.id });
});

ordersRouter.post("/admin/orders/:id/notify", async (req, res) => {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: Number(req.params.id) } });
  const status = await postWebhook(req.body.callbackUrl, { orderId: order.id, status: order.status });
  res.json({ delivered: status < 300 });
});

ordersRouter.delete("/admin/notes/:id", async (req, res) => {
  await prisma.$queryRawUnsafe(`DELETE FROM "CustomerNote" WHERE id = '${req.params.id}'`);
  res.status(204).end();
});
