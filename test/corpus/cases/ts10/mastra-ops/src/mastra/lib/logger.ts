import winston from "winston";

export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL ?? "info",
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  defaultMeta: { service: "mastra-ops" },
  transports: [
    new winston.transports.Console(),
    new winston.transports.File({ filename: "logs/agent-actions.log" }),
  ],
});
