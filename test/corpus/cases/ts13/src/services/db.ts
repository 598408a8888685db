import knexFactory from "knex";
import { PrismaClient } from "@prisma/client";

export const knex = knexFactory({
  client: "pg",
  connection: process.env.DATABASE_URL,
  pool: { min: 0, max: 5 },
});

export const prisma = new PrismaClient();
