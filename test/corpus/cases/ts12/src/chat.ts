import express from "express";
import { streamText, stepCountIs } from "ai";
import { openai } from "@ai-sdk/openai";
import { webTools } from "./tools/web.js";
import { dbTools } from "./tools/db.js";
import { docTools, endpointTools } from "./tools/endpoints.js";

const app = express();
app.use(express.json());

app.post("/chat", async (req, res) => {
  const result = streamText({
    model: openai("gpt-4.1"),
    system: "You are the helpdesk assistant. Use tools to answer precisely.",
    messages: req.body.messages,
    tools: { ...webTools, ...dbTools, ...endpointTools, ...docTools },
    stopWhen: stepCountIs(8),
  });
  result.pipeUIMessageStreamToResponse(res);
});

// Link previews for the chat UI. Called by the browser, never by the model.
app.get("/preview", async (req, res) => {
  const upstream = await fetch(String(req.query.url), { redirect: "follow" });
  const html = await upstream.text();
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? "";
  res.json({ title });
});

app.listen(Number(process.env.PORT ?? 3000));
