/** Operator CLI. Runs on the ops bastion with operator credentials; not exposed to any agent. */
import { execSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { Pool } from "pg";
import Stripe from "stripe";
import { settings } from "../src/config/settings.js";

const program = new Command("shop-admin");

program
  .command("sh <command>")
  .description("run a shell pipeline on the ops host")
  .action((command: string) => {
    execSync(command, { stdio: "inherit", shell: "/bin/bash" });
  });

program
  .command("wipe-uploads <subdir>")
  .action((subdir: string) => {
    rmSync(path.join(settings.files.uploadDir, subdir), { recursive: true, force: true });
  });

program
  .command("sql <statement>")
  .action(async (statement: string) => {
    const pool = new Pool({ connectionString: settings.db.url });
    console.table((await pool.query(statement)).rows);
    await pool.end();
  });

program
  .command("probe <url>")
  .action(async (url: string) => {
    const res = await fetch(url, { redirect: "follow" });
    console.log(res.status, res.headers.get("server"));
  });

program
  .command("env <name>")
  .action((name: string) => {
    console.log(process.env[name] ?? "");
  });

program
  .command("refund <paymentIntent>")
  .option("--amount <cents>", "partial amount in cents")
  .action(async (paymentIntent: string, opts: { amount?: string }) => {
    const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");
    const refund = await stripe.refunds.create({
      payment_intent: paymentIntent,
      amount: opts.amount ? Number(opts.amount) : undefined,
    });
    console.log(refund.id, refund.status);
  });

await program.parseAsync();
