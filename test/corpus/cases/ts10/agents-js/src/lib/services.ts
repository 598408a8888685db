import winston from "winston";
import { PrismaClient } from "@prisma/client";
import nodemailer from "nodemailer";
import Stripe from "stripe";
import twilio from "twilio";
import { trace } from "@opentelemetry/api";

export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL ?? "info",
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  defaultMeta: { app: "support-agents" },
  transports: [new winston.transports.Console()],
});

export const prisma = new PrismaClient();

export const mailer = nodemailer.createTransport({
  host: process.env.SMTP_HOST ?? "smtp.postmarkapp.com",
  port: 587,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-11-20.acacia" });

export const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

export const tracer = trace.getTracer("support-agents");

/** Sites the support agent may read from. */
export const ALLOWED_FETCH_HOSTS = new Set(["help.acme.io", "status.acme.io", "developer.acme.io"]);
