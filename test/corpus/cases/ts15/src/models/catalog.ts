import { prisma } from "../lib/db";

export interface OrderRow {
  id: number;
  status: string;
  totalCents: number;
  updatedAt: Date;
}

export interface ProductRow {
  id: number;
  sku: string;
  name: string;
  priceCents: number;
}

export async function getOrderById(orderId: number): Promise<OrderRow | null> {
  const rows = await prisma.$queryRaw<OrderRow[]>`
    SELECT id, status, "totalCents", "updatedAt" FROM "Order" WHERE id = ${orderId}`;
  return rows[0] ?? null;
}

export async function searchProductsRaw(term: string, limit = 20): Promise<ProductRow[]> {
  return prisma.$queryRawUnsafe<ProductRow[]>(
    `SELECT id, sku, name, "priceCents" FROM "Product" WHERE name ILIKE '%${term}%' ORDER BY name LIMIT ${limit}`,
  );
}

export async function listOrders(status: string, sort: string): Promise<OrderRow[]> {
  return prisma.$queryRawUnsafe<OrderRow[]>(
    `SELECT id, status, "totalCents", "updatedAt" FROM "Order" WHERE status = $1 ORDER BY ${sort}`,
    status,
  );
}
