import type { NextFunction, Request, Response } from "express";
import { timingSafeEqual } from "node:crypto";

const ADMIN_TOKEN = Buffer.from(process.env["ADMIN_API_TOKEN"] ?? "");

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  const given = Buffer.from(req.header("x-admin-token") ?? "");
  if (given.length !== ADMIN_TOKEN.length || !timingSafeEqual(given, ADMIN_TOKEN)) {
    return res.status(401).json({ error: "unauthorized" });
  }
  next();
}

export function featureFlags(req: Request, res: Response, next: NextFunction) {
  const flag = req.header("x-feature") ?? "";
  res.locals.featureEnabled = process.env[`FEATURE_${flag.toUpperCase()}`] === "1";
  next();
}
